/**
 * Sections of the Markdown report, each a list of lines: the same content as the text report,
 * as tables where the content is tabular.
 */
import {
  describeExposure,
  describeRequirement,
  EXPOSURE_LEGEND,
  exposureCell,
  linkStatusLabel,
} from './labels.ts';
import { bullet, code, escapeMarkdown, markdownTable } from './markdown.ts';
import {
  exposureAttackers,
  findExposure,
  flowsBehind,
  linkEnds,
  linkSite,
  seenExposures,
} from './report-queries.ts';
import type { Report } from './report.ts';

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
  const exposed = seenExposures(report.analysis.exposures);
  if (exposed.length === 0) return ['No attacker sees any flow.'];
  return exposed.flatMap((e) =>
    bullet(
      `${code(e.flow)} × ${code(e.attacker)}: **${describeExposure(e)}**`,
      e.reasons.map((r) => escapeMarkdown(r.text)),
    ),
  );
}
