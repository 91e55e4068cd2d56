/**
 * Findings of the HTML report (SPEC §2.1), grouped by rule in severity order: what the rule
 * checks, why it matters, how to fix it, its known false positives, then every instance with its
 * reasons (X9).
 */
import { SEVERITY_ORDER } from '../format/labels.ts';
import type { Finding } from '../../engine/types.ts';
import type { ReportModel, RuleDoc } from '../types.ts';
import { codes, esc, inline } from './html-parts.ts';
import { minOf } from '../../model/long-lists.ts';

function instance(f: Finding): string {
  const reasons = f.reasons.length ? `<ul class="reasons">${f.reasons.map((r) => `<li>${esc(r.text)}</li>`).join('')}</ul>` : '';
  const severity = `<span class="sev sev-${f.severity}">${f.severity}</span>`;
  return `<li>${severity}${esc(f.message)} <span class="note">(${codes(f.subjects)})</span>${reasons}</li>`;
}

function ruleBlock(doc: RuleDoc, findings: readonly Finding[]): string {
  return `<div class="finding-rule" id="rule-${esc(doc.id)}">
<h3><span class="sev sev-${doc.severity}">${doc.severity}</span>${esc(doc.title)} <span class="note"><code>${esc(doc.id)}</code> · ${findings.length} finding${findings.length === 1 ? '' : 's'}</span></h3>
<dl class="doc"><dt>Fires when</dt><dd>${inline(doc.description)}</dd><dt>Why it matters</dt><dd>${inline(doc.rationale)}</dd><dt>Remediation</dt><dd>${inline(doc.remediation)}</dd><dt>False positives</dt><dd>${inline(doc.falsePositives)}</dd></dl>
<ul>${findings.map(instance).join('\n')}</ul>
</div>`;
}

/** Rule ids ordered by their most severe finding, then registry order. */
function orderedRules(report: ReportModel): RuleDoc[] {
  const rank = (doc: RuleDoc): number =>
    minOf(report.analysis.findings.filter((f) => f.rule === doc.id).map((f) => SEVERITY_ORDER.indexOf(f.severity)));
  return report.rules
    .map((doc, i) => ({ doc, i, r: rank(doc) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.doc);
}

/** Every finding, grouped by rule with the rule's documentation. */
export function htmlFindings(report: ReportModel): string {
  const { findings } = report.analysis;
  if (findings.length === 0) return '<p>No findings.</p>';
  const counts = SEVERITY_ORDER.map((s) => `${report.summary.findingCounts[s]} ${s}`).join(' · ');
  const blocks = orderedRules(report).map((doc) => ruleBlock(doc, findings.filter((f) => f.rule === doc.id)));
  const unknown = findings.filter((f) => !report.rules.some((r) => r.id === f.rule));
  const rest = unknown.length ? `<ul>${unknown.map(instance).join('\n')}</ul>` : '';
  return `<p>${findings.length} findings: ${counts}.</p>\n${blocks.join('\n')}${rest}`;
}
