/**
 * The first page of the HTML report: title block with the file's fingerprint and the date, the
 * scenario description, the executive summary and the table of contents.
 */
import { formatGbps } from '../format/labels.ts';
import type { ReportModel } from '../types.ts';
import { renderDescription } from './render-description.ts';
import { code, codes, esc, levelBadge, table } from './html-parts.ts';

/** The title block: what, from which exact file, when. */
export function htmlCover(report: ReportModel): string {
  const { source } = report;
  const generated = `${source.date}${source.version ? ` · Plainsight ${source.version}` : ''}`;
  const description = report.scenario.description?.trim()
    ? `<div class="description">${renderDescription(report.scenario.description)}</div>`
    : '';
  return `<header>
<p class="kicker">Plainsight encryption report</p>
<h1>${esc(report.title)}</h1>
<dl class="meta">
<dt>Scenario file</dt><dd>${code(source.fileName)}</dd>
<dt>SHA-256</dt><dd><code>${source.sha256}</code></dd>
<dt>Generated</dt><dd>${esc(generated)}</dd>
</dl>
${description}
</header>`;
}

function verdict(report: ReportModel): string {
  const { requirementTotal, failedRequirements } = report.summary;
  if (requirementTotal === 0) return '<div class="verdict pass">The scenario states no requirements.</div>';
  if (failedRequirements.length === 0)
    return `<div class="verdict pass"><strong>All ${requirementTotal} requirements hold.</strong></div>`;
  return `<div class="verdict fail"><strong>${failedRequirements.length} of ${requirementTotal} requirements fail:</strong> ${codes(failedRequirements)}.</div>`;
}

function figures(report: ReportModel): string {
  const s = report.summary;
  const findings = report.analysis.findings.length;
  const severe = s.findingCounts.critical + s.findingCounts.high;
  const slowest = s.slowestFlow ? `${formatGbps(s.slowestFlow.gbps)} Gbit/s` : '–';
  const items: [string, string][] = [
    [`${s.linkCounts.plaintext} / ${s.linkTotal}`, 'links carry plaintext payload'],
    [`${s.linkCounts.headers}`, `links expose headers only; ${s.linkCounts.encrypted} encrypted, ${s.linkCounts.idle} idle`],
    [`${findings}`, `findings, ${severe} critical or high`],
    [slowest, s.slowestFlow ? `slowest flow (${esc(s.slowestFlow.flow)}); smallest inner MTU ${s.minInnerMtu ?? '–'}` : 'no flow has a path'],
  ];
  return `<div class="figures">${items.map(([b, t]) => `<div class="figure"><b>${esc(b)}</b><span>${t}</span></div>`).join('')}</div>`;
}

function attackerTable(report: ReportModel): string {
  if (report.summary.attackers.length === 0) return '<p>The scenario defines no attackers.</p>';
  const rows = report.summary.attackers.map((a) => [
    `${code(a.attacker)}${a.name ? `<br><span class="note">${esc(a.name)}</span>` : ''}`,
    levelBadge(a.worst, false),
    codes(a.flows),
    codes(a.tamperFlows),
  ]);
  return table(['Attacker', 'Worst exposure', 'Flows at that level', 'Can tamper with'], rows);
}

/** Executive summary: verdict, headline figures, worst exposure per attacker (SPEC X6, X7). */
export function htmlSummary(report: ReportModel): string {
  const failing = report.analysis.requirements.filter((r) => !r.pass);
  const failures = failing.length
    ? `<ul>${failing.map((r) => `<li>${code(r.id)}: ${r.failures.length} failing flow × attacker pair${r.failures.length === 1 ? '' : 's'} (see <a href="#requirements">Requirements</a>)</li>`).join('')}</ul>`
    : '';
  return `${verdict(report)}${failures}
${figures(report)}
<h3>Worst exposure per attacker</h3>
${attackerTable(report)}
<p class="note">payload: application data readable · headers: inner addresses and ports readable, payload under TLS · metadata: packets observed, nothing inside · –: no vantage on the path (SPEC X6). Tamper: can change or inject data the receiver accepts (X7).</p>`;
}

/** Table of contents of the sections present. */
export function htmlToc(sections: readonly [string, string][]): string {
  return `<nav class="toc"><h2>Contents</h2><ol>${sections.map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`).join('')}</ol></nav>`;
}
