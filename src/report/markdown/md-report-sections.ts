/**
 * Sections of the Markdown report that the shared section renderers (src/report/format/md-sections.ts) do
 * not have: the executive summary, findings grouped by rule with their documentation, per-flow
 * header stacks and throughput tables.
 */
import { formatGbps, SEVERITY_ORDER } from '../format/labels.ts';
import { bullet, code, escapeMarkdown, markdownTable } from '../format/markdown.ts';
import { flowSummary } from '../format/report-queries.ts';
import type { Layer } from '../../engine/types.ts';
import type { PathDiagram, ReportModel } from '../types.ts';
import { minOf } from '../../model/long-lists.ts';

const ids = (list: readonly string[]): string => (list.length > 0 ? list.map(code).join(', ') : '-');
const pct = (share: number): string => `${Math.round(share * 1000) / 10} %`;

/** Verdict, headline figures and the worst exposure per attacker. */
export function mdSummary(report: ReportModel): string[] {
  const s = report.summary;
  const verdict =
    s.requirementTotal === 0
      ? '**Result:** no requirements to check.'
      : s.failedRequirements.length === 0
        ? `**Result:** all ${s.requirementTotal} requirements hold.`
        : `**Result:** ${s.failedRequirements.length} of ${s.requirementTotal} requirements fail: ${ids(s.failedRequirements)}.`;
  const counts = SEVERITY_ORDER.map((k) => `${s.findingCounts[k]} ${k}`).join(', ');
  const slowest = s.slowestFlow
    ? `Slowest flow: ${code(s.slowestFlow.flow)} at ${formatGbps(s.slowestFlow.gbps)} Gbit/s (${s.slowestFlow.bottleneck ?? 'no bottleneck'}); smallest inner MTU ${s.minInnerMtu ?? '-'}.`
    : 'No flow has a path.';
  const rows = s.attackers.map((a) => [code(a.attacker), escapeMarkdown(a.name ?? ''), a.worst, ids(a.flows), ids(a.tamperFlows)]);
  return [
    verdict,
    '',
    `- ${s.linkCounts.plaintext} of ${s.linkTotal} links carry plaintext payload; ${s.linkCounts.headers} expose headers only; ${s.linkCounts.encrypted} encrypted; ${s.linkCounts.idle} idle.`,
    `- ${report.analysis.findings.length} findings: ${counts}.`,
    `- ${slowest}`,
    '',
    '### Worst exposure per attacker',
    '',
    ...(rows.length ? markdownTable(['Attacker', 'Name', 'Worst exposure', 'Flows at that level', 'Can tamper with'], rows) : ['No attackers.']),
  ];
}

/** Findings grouped by rule, each with what it checks, why it matters and how to fix it. */
export function mdRuleFindings(report: ReportModel): string[] {
  const { findings } = report.analysis;
  if (findings.length === 0) return ['No findings.'];
  const rank = (rule: string): number => minOf(findings.filter((f) => f.rule === rule).map((f) => SEVERITY_ORDER.indexOf(f.severity)));
  const docs = report.rules.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d.id) - rank(b.d.id) || a.i - b.i);
  return docs.flatMap(({ d }) => {
    const mine = findings.filter((f) => f.rule === d.id);
    return [
      `### ${d.title} (${code(d.id)}, ${mine.length} finding${mine.length === 1 ? '' : 's'})`,
      '',
      // Rule documentation is Plainsight's own Markdown: not escaped.
      `- **Fires when:** ${d.description}`,
      `- **Why it matters:** ${d.rationale}`,
      `- **Remediation:** ${d.remediation}`,
      `- **False positives:** ${d.falsePositives}`,
      '',
      ...mine.flatMap((f) => bullet(`**${f.severity}** ${escapeMarkdown(f.message)} (${ids(f.subjects)})`, f.reasons.map((r) => escapeMarkdown(r.text)))),
      '',
    ];
  });
}

function stackLine(stack: readonly Layer[]): string {
  // 🔒 marks a layer that encrypts everything after it; ⚠ one that only authenticates (SPEC X3).
  return stack.map((l) => (l.protection ? `${l.protection.confidential ? '🔒' : '⚠'}${l.label}` : l.label)).join(' › ');
}

function mdDiagram(report: ReportModel, d: PathDiagram): string[] {
  const head = `### ${code(d.flow)} ${escapeMarkdown(flowSummary(report, d.flow))}`;
  if (d.unreachable !== undefined || d.path.length === 0) return [head, '', `No path: ${escapeMarkdown(d.unreachable ?? 'unreachable')}.`, ''];
  if (d.local) return [head, '', `Never leaves host ${code(d.path[0]?.slice(5) ?? '')}.`, ''];
  const path = d.path.map((el) => (el.startsWith('link:') ? `─${el.slice(5)}─` : el.slice(el.indexOf(':') + 1))).join(' ');
  return [
    head,
    '',
    code(path),
    '',
    ...d.segments.flatMap((s) => [
      `On ${ids(s.links)}: ${s.payloadPlaintext ? '**payload in plaintext**' : 'payload encrypted'}`,
      '',
      '```text',
      stackLine(s.stack),
      '```',
      '',
    ]),
  ];
}

/** Every flow's path and header stacks, outermost layer first (SPEC X1, X2). */
export function mdPaths(report: ReportModel): string[] {
  const rest = report.pathsNotDrawn;
  return [
    '🔒 encrypts everything after it; ⚠ integrity only. Consecutive links with the same stack are shown once.',
    '',
    ...report.paths.flatMap((d) => mdDiagram(report, d)),
    ...(rest.length ? [`${rest.length} more flows are not drawn: ${ids(rest)}.`] : []),
  ];
}

/** Single-flow estimates and crypto load per host (SPEC T6, T7). */
export function mdThroughput(report: ReportModel): string[] {
  const { throughput } = report.analysis;
  const flows = throughput.flows.map((e) => [
    code(e.flow),
    formatGbps(e.rateGbps),
    e.maxGbps === null ? '-' : formatGbps(e.maxGbps),
    e.bottleneck ? code(e.bottleneck) : '-',
    e.innerMtu === null ? '-' : String(e.innerMtu),
    e.overheadBytes === null ? '-' : String(e.overheadBytes),
    e.wireEfficiency === null ? '-' : pct(e.wireEfficiency),
  ]);
  const hosts = throughput.hosts
    .filter((h) => h.cryptoCoresUsed > 0)
    .map((h) => [code(h.host), `${h.cryptoCoresUsed.toFixed(2)} / ${h.coresAvailable}`, pct(h.utilisation), h.saturated ? 'saturated' : 'ok']);
  return [
    '### Single-flow estimates',
    '',
    ...(flows.length ? markdownTable(['Flow', 'Demanded Gbit/s', 'Max Gbit/s', 'Bottleneck', 'Inner MTU', 'Overhead B', 'Wire efficiency'], flows) : ['No flows.']),
    '',
    '### Crypto load per host',
    '',
    ...(hosts.length ? markdownTable(['Host', 'Crypto cores used / available', 'Utilisation', 'State'], hosts) : ['No host spends CPU on crypto.']),
  ];
}
