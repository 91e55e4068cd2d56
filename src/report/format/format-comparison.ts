/**
 * The protection comparison of SPEC T8 as a text or Markdown table: for each option, the MTU left
 * for workloads, the slowest single flow, crypto cores at the demanded load, and what stays
 * exposed to each attacker. This is the table an architect takes to the design review.
 */
import type { Alternative, Comparison } from '../../engine/throughput/compare-protections.ts';
import { formatGbps } from './labels.ts';
import { markdownTable } from './markdown.ts';
import { renderTable } from './text-layout.ts';

function attackerCell(alt: Alternative, attacker: string): string {
  const e = alt.exposure.find((x) => x.attacker === attacker);
  if (!e || e.worst === 'none') return '-';
  const worst = e.worst === 'metadata' ? 'meta' : e.worst;
  const count = e.worst === 'payload' ? e.payload.length : e.worst === 'headers' ? e.headers.length : 0;
  return `${worst}${count > 0 ? ` ×${count}` : ''}${e.tamper.length > 0 ? '!' : ''}`;
}

function cells(alt: Alternative, attackers: readonly string[]): string[] {
  return [
    alt.label,
    alt.minInnerMtu === null ? '-' : String(alt.minInnerMtu),
    alt.minSingleFlowGbps === null ? '-' : `${formatGbps(alt.minSingleFlowGbps)} (${alt.slowestFlow ?? ''})`,
    `${alt.cryptoCores.toFixed(2)}${alt.saturatedHosts.length > 0 ? ` (saturated: ${alt.saturatedHosts.join(', ')})` : ''}`,
    ...attackers.map((a) => attackerCell(alt, a)),
  ];
}

function attackersOf(comparison: Comparison): string[] {
  return comparison.alternatives[0]?.exposure.map((e) => e.attacker) ?? [];
}

const HEADER = ['OPTION', 'MTU LEFT', 'SLOWEST FLOW (Gbit/s)', 'CRYPTO CORES'];
const LEGEND =
  'MTU LEFT: smallest inner MTU over flows that leave their host · attacker cells: worst exposure ×flows at that level, ! = can tamper';

/** The comparison as an aligned text section. */
export function formatComparisonText(comparison: Comparison, width: number): string {
  const attackers = attackersOf(comparison);
  const rows = [[...HEADER, ...attackers], ...comparison.alternatives.map((alt) => cells(alt, attackers))];
  // Attacker columns come last; wrapping would break cells, so render at full width.
  const lines = renderTable(rows, '  ', Math.max(width, 400));
  return ['Protection options (SPEC T8)', ...lines, `  ${LEGEND}`, ''].join('\n') + '\n';
}

/** The comparison as a Markdown section. */
export function formatComparisonMarkdown(comparison: Comparison): string {
  const attackers = attackersOf(comparison);
  const header = ['Option', 'MTU left', 'Slowest flow (Gbit/s)', 'Crypto cores', ...attackers.map((a) => `\`${a}\``)];
  const rows = comparison.alternatives.map((alt) => cells(alt, attackers));
  return ['## Protection options (SPEC T8)', '', ...markdownTable(header, rows), '', `_${LEGEND}_`, ''].join('\n') + '\n';
}
