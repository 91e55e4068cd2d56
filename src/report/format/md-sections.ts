/**
 * Sections of the Markdown report, each a list of lines: the same content as the text report,
 * as tables where the content is tabular.
 */
import {
  describeExposure,
  describeRequirement,
  EXPOSURE_LEGEND,
  exposureCell,
  formatGbps,
} from './labels.ts';
import { linkStatusLabel, pathTokens, SEVERITY_ORDER } from './labels.ts';
import { bullet, code, escapeMarkdown, markdownTable } from './markdown.ts';
import {
  exposureAttackers,
  findExposure,
  flowsBehind,
  flowSummary,
  linkEnds,
  linkSite,
} from './report-queries.ts';
import type { FormatOptions, Report } from './report.ts';

const list = (ids: readonly string[]): string => (ids.length > 0 ? ids.map(code).join(', ') : '-');

/** Link table (SPEC X8). */
export function mdLinks(report: Report): string[] {
  const rows = report.analysis.links.map((link) => [
    code(link.id),
    escapeMarkdown(linkEnds(report, link.id)),
    escapeMarkdown(linkSite(report, link.id)),
    linkStatusLabel(link.status),
    list(flowsBehind(report, link)),
  ]);
  return rows.length === 0 ? ['No links.'] : markdownTable(['Link', 'Ends', 'Site', 'Status', 'Flows'], rows);
}

/** Flow × attacker matrix (SPEC X6, X7) and its legend. */
export function mdMatrix(report: Report): string[] {
  const attackers = exposureAttackers(report.analysis.exposures);
  const flows = report.analysis.flows.map((f) => f.id);
  if (attackers.length === 0 || flows.length === 0) return ['No flows or no attackers.'];
  const rows = flows.map((flow) => [
    code(flow),
    ...attackers.map((a) => {
      const e = findExposure(report, flow, a);
      return e ? exposureCell(e.level, e.tamper) : '?';
    }),
  ]);
  return [...markdownTable(['Flow', ...attackers.map(code)], rows), '', `_${EXPOSURE_LEGEND}_`];
}

/** Flow table: endpoints, path, plaintext links and figures (SPEC X1, T2, T6). */
export function mdFlows(report: Report): string[] {
  const rows = report.analysis.flows.map((f) => {
    const route =
      f.unreachable !== undefined || f.path.length === 0
        ? `unreachable: ${f.unreachable ?? 'no path'}`
        : pathTokens(f.path).join(' ');
    const max =
      typeof f.maxGbps === 'number'
        ? `${formatGbps(f.maxGbps)} Gbit/s${f.bottleneck ? ` (${f.bottleneck})` : ''}`
        : '-';
    return [
      code(f.id),
      escapeMarkdown(flowSummary(report, f.id)),
      escapeMarkdown(route),
      list(f.plaintextLinks),
      f.innerMtu === null ? '-' : String(f.innerMtu),
      f.overheadBytes === null ? '-' : `${f.overheadBytes} B`,
      escapeMarkdown(max),
    ];
  });
  const header = ['Flow', 'Endpoints', 'Path', 'Plaintext on', 'Inner MTU', 'Overhead', 'Max'];
  return rows.length === 0 ? ['No flows.'] : markdownTable(header, rows);
}

/** Findings under a heading per severity present, reasons as nested bullets (SPEC §2.1, X9). */
export function mdFindings(report: Report, options: FormatOptions): string[] {
  const { findings } = report.analysis;
  if (findings.length === 0) return ['No findings.'];
  const lines: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`### ${severity[0]?.toUpperCase()}${severity.slice(1)}`, '');
    for (const f of group) {
      const title = options.ruleInfo?.(f.rule)?.title;
      const head = `**${f.rule}**${title ? ` — ${title}` : ''} (${list(f.subjects)}): ${escapeMarkdown(f.message)}`;
      lines.push(
        ...bullet(
          head,
          f.reasons.map((r) => escapeMarkdown(r.text)),
        ),
      );
    }
    lines.push('');
  }
  return lines.slice(0, -1);
}

/** Requirement table with failing pairs. */
export function mdRequirements(report: Report): string[] {
  const rows = report.analysis.requirements.map((result) => {
    const requirement = report.scenario.requirements.find((r) => r.id === result.id);
    const failures = result.failures.map(
      (f) => `${code(f.flow)} × ${code(f.attacker)}: ${describeExposure(f)}`,
    );
    return [
      code(result.id),
      result.pass ? '✓ pass' : '✗ fail',
      requirement ? escapeMarkdown(describeRequirement(requirement)) : '',
      failures.join('<br>') || '-',
    ];
  });
  return rows.length === 0
    ? ['No requirements.']
    : markdownTable(['Requirement', 'Result', 'Demands', 'Failing pairs'], rows);
}

/** Reasons behind every exposure above `none` (SPEC X9). */
export function mdWhy(report: Report): string[] {
  const exposed = report.analysis.exposures.filter((e) => e.level !== 'none');
  if (exposed.length === 0) return ['No attacker sees any flow.'];
  return exposed.flatMap((e) =>
    bullet(
      `${code(e.flow)} × ${code(e.attacker)}: **${describeExposure(e)}**`,
      e.reasons.map((r) => escapeMarkdown(r.text)),
    ),
  );
}

/** Title and remediation of every rule that fired, when the rule registry is available. */
export function mdRemediation(report: Report, options: FormatOptions): string[] {
  const fired = [...new Set(report.analysis.findings.map((f) => f.rule))].sort();
  return fired.flatMap((rule) => {
    const info = options.ruleInfo?.(rule);
    // Rule documentation is Plainsight's own text, written with Markdown code spans: not escaped.
    return info ? bullet(`**${rule}** — ${info.title}: ${info.remediation}`) : [];
  });
}
