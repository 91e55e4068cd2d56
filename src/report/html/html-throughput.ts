/**
 * The throughput section of the HTML report (SPEC §3): per-flow estimates with their bottleneck
 * (T6), crypto load per host and load per link at the demanded rates (T7), and the comparison of
 * protection options with its chart (T8).
 */
import { formatGbps } from '../format/labels.ts';
import type { Alternative } from '../../engine/throughput/compare-protections.ts';
import { renderComparisonChartSvg } from '../svg/render-comparison-chart-svg.ts';
import type { ReportModel } from '../types.ts';
import { code, codes, esc, percent, table, type Cell } from './html-parts.ts';

const num = (html: string): Cell => ({ html, className: 'num' });

function flowTable(report: ReportModel): string {
  const rows = report.analysis.throughput.flows.map((e) => [
    code(e.flow),
    num(formatGbps(e.rateGbps)),
    num(e.maxGbps === null ? '–' : formatGbps(e.maxGbps)),
    e.bottleneck ? code(e.bottleneck) : '–',
    num(e.innerMtu === null ? '–' : String(e.innerMtu)),
    num(e.overheadBytes === null ? '–' : String(e.overheadBytes)),
    num(e.wireEfficiency === null ? '–' : percent(e.wireEfficiency)),
  ]);
  return table(['Flow', 'Demanded Gbit/s', 'Max Gbit/s', 'Bottleneck', 'Inner MTU', 'Overhead B', 'Wire efficiency'], rows);
}

function loadTables(report: ReportModel): string {
  const hosts = report.analysis.throughput.hosts.filter((h) => h.cryptoCoresUsed > 0);
  const links = report.analysis.throughput.links.filter((l) => l.wireGbps > 0);
  const hostRows = hosts.map((h) => [
    code(h.host),
    num(`${h.cryptoCoresUsed.toFixed(2)} / ${h.coresAvailable}`),
    num(percent(h.utilisation)),
    h.busiestSa ? `${code(h.busiestSa.protection)} ${h.busiestSa.direction}: ${h.busiestSa.coresUsed.toFixed(2)} cores` : '–',
    h.saturated ? '<span class="badge st-plaintext">saturated</span>' : 'ok',
  ]);
  const linkRows = links.map((l) => [
    code(l.link),
    num(`${formatGbps(l.wireGbps)} / ${formatGbps(l.capacityGbps)}`),
    num(percent(l.utilisation)),
    l.oversubscribed ? '<span class="badge st-plaintext">oversubscribed</span>' : 'ok',
    codes(l.flows),
  ]);
  const hostTable = hostRows.length ? table(['Host', 'Crypto cores used / available', 'Utilisation', 'Busiest SA', 'State'], hostRows) : '<p>No host spends CPU on crypto.</p>';
  return `<h3>Crypto load per host (SPEC T7)</h3>\n${hostTable}\n<h3>Load per link (SPEC T7)</h3>\n${linkRows.length ? table(['Link', 'Wire Gbit/s / capacity', 'Utilisation', 'State', 'Flows'], linkRows) : '<p>No link carries load.</p>'}`;
}

function attackerCell(alt: Alternative, attacker: string): string {
  const e = alt.exposure.find((x) => x.attacker === attacker);
  if (!e || e.worst === 'none') return '–';
  const n = e.worst === 'payload' ? e.payload.length : e.worst === 'headers' ? e.headers.length : 0;
  return `${e.worst}${n > 0 ? ` ×${n}` : ''}${e.tamper.length > 0 ? ' ⚠' : ''}`;
}

function comparisonTable(report: ReportModel): string {
  const alts = report.comparison.alternatives;
  const attackers = alts[0]?.exposure.map((e) => e.attacker) ?? [];
  const rows = alts.map((alt) => [
    alt.id === 'current' ? `<strong>${esc(alt.label)}</strong>` : esc(alt.label),
    num(alt.minInnerMtu === null ? '–' : String(alt.minInnerMtu)),
    num(alt.minSingleFlowGbps === null ? '–' : `${formatGbps(alt.minSingleFlowGbps)} (${esc(alt.slowestFlow ?? '')})`),
    num(alt.cryptoCores.toFixed(2)),
    alt.saturatedHosts.length ? codes(alt.saturatedHosts) : '–',
    ...attackers.map((a) => esc(attackerCell(alt, a))),
  ]);
  return table(['Option', 'MTU left', 'Slowest flow Gbit/s', 'Crypto cores', 'Saturated', ...attackers.map(code)], rows);
}

/** Estimates, loads and the comparison of protection options. */
export function htmlThroughput(report: ReportModel): string {
  const problems = report.analysis.throughput.problems;
  const problemList = problems.length ? `<h3>Problems met while estimating</h3><ul>${problems.map((p) => `<li>${code(p.subject)}: ${esc(p.message)}</li>`).join('')}</ul>` : '';
  return `<h3>Single-flow estimates (SPEC T2, T3, T6)</h3>
${flowTable(report)}
<p class="note">Max: the least of the wire limit on the slowest link and the CPU limit at each host that encrypts, decrypts or forwards; one flow and one IPsec SA run on one core per direction (T5). Overhead: bytes wrapped around the full-size packet where most.</p>
${loadTables(report)}
<h3>Protection options compared (SPEC T8)</h3>
<p>The same scenario estimated under each alternative protection: what it costs, and what it leaves exposed to each attacker.</p>
<figure>${renderComparisonChartSvg(report.comparison)}<figcaption>Cost of each protection option against the worst exposure it leaves per attacker.</figcaption></figure>
${comparisonTable(report)}
<p class="note">Attacker columns: worst exposure × number of flows at that level; ⚠ can tamper with at least one flow.</p>
${problemList}`;
}
