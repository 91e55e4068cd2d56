/**
 * Text report sections about the network: the link table (SPEC X8), the flow × attacker exposure
 * matrix (X6, X7) and each flow's path and figures (X1, T2, T6).
 */
import { exposureCell, EXPOSURE_LEGEND, formatGbps, linkStatusLabel, pathTokens } from './labels.ts';
import {
  byId,
  exposureAttackers,
  findExposure,
  flowsBehind,
  flowSummary,
  linkEnds,
  linkSite,
} from './report-queries.ts';
import type { Report } from './report.ts';
import { renderTable, splitColumns, wrapWords } from './text-layout.ts';
import { paintExposure, paintLinkStatus, visibleLength, type TextStyle } from './text-style.ts';
import { appendAll, maxOf } from '../../model/long-lists.ts';
import { rowsArray } from '../../engine/row-list.ts';

const INDENT = '  ';

/** The link table: id, ends, site, status symbol and the flows behind the status. */
export function renderLinks(report: Report, style: TextStyle, width: number): string[] {
  const { links } = report.analysis;
  if (links.length === 0) return [`${INDENT}(no links)`];
  const header = ['LINK', 'ENDS', 'SITE', 'STATUS', 'FLOWS'].map(style.bold);
  const rows = links.map((link) => {
    const flows = flowsBehind(report, link);
    const status = paintLinkStatus(style, link.status)(linkStatusLabel(link.status));
    return [link.id, linkEnds(report, link.id), linkSite(report, link.id), status, flows.join(', ') || '-'];
  });
  return renderTable([header, ...rows], INDENT, width);
}

/** The exposure matrix: rows flows, columns attackers; split into parts when too wide. */
export function renderMatrix(report: Report, style: TextStyle, width: number): string[] {
  const attackers = exposureAttackers(report.analysis.exposures);
  const flows = report.analysis.flows.map((f) => f.id);
  if (attackers.length === 0 || flows.length === 0) return [`${INDENT}(no flows or no attackers)`];
  const cell = (flow: string, attacker: string): string => {
    const e = findExposure(report, flow, attacker);
    return e ? paintExposure(style, e.level)(exposureCell(e.level, e.tamper)) : '?';
  };
  const firstWidth = INDENT.length + maxOf(flows.map((f) => f.length), 4);
  const widths = attackers.map((a) => maxOf(flows.map((f) => visibleLength(cell(f, a))), a.length));
  const lines: string[] = [];
  for (const group of splitColumns(widths, firstWidth, width)) {
    const columns = group.map((i) => attackers[i] ?? '');
    const header = ['FLOW', ...columns].map(style.bold);
    const rows = flows.map((flow) => [flow, ...columns.map((a) => cell(flow, a))]);
    if (lines.length > 0) lines.push('');
    appendAll(lines, renderTable([header, ...rows], INDENT, width));
  }
  // Break the legend between entries, not inside one.
  const legend = wrapWords(EXPOSURE_LEGEND.split(' · '), width - INDENT.length, ' · ');
  appendAll(lines, legend.map((line) => style.dim(INDENT + line)));
  return lines;
}

function flowFigures(report: Report, flowId: string): string[] {
  const flow = byId(rowsArray(report.analysis.flows), flowId);
  if (!flow) return [];
  const parts: string[] = [];
  if (flow.plaintextLinks.length > 0) parts.push(`plaintext on ${flow.plaintextLinks.join(', ')}`);
  if (flow.innerMtu !== null) parts.push(`inner MTU ${flow.innerMtu}`);
  if (flow.overheadBytes !== null) parts.push(`overhead ${flow.overheadBytes} B`);
  if (typeof flow.maxGbps === 'number') {
    const bottleneck = flow.bottleneck ? ` (bottleneck ${flow.bottleneck})` : '';
    parts.push(`max ${formatGbps(flow.maxGbps)} Gbit/s${bottleneck}`);
  }
  return parts;
}

/** Each flow: endpoints, path drawn as `c1 ─l1─ sw1`, then plaintext links and figures. */
export function renderFlows(report: Report, style: TextStyle, width: number): string[] {
  const { flows } = report.analysis;
  if (flows.length === 0) return [`${INDENT}(no flows)`];
  const idWidth = maxOf(flows.map((f) => f.id.length));
  const hanging = INDENT + ' '.repeat(idWidth + 2);
  const lines: string[] = [];
  for (const flow of flows) {
    lines.push(`${INDENT}${style.bold(flow.id.padEnd(idWidth))}  ${flowSummary(report, flow.id)}`.trimEnd());
    if (flow.unreachable !== undefined || flow.path.length === 0) {
      lines.push(style.red(`${hanging}unreachable: ${flow.unreachable ?? 'no path'}`));
      continue;
    }
    const route =
      flow.path.length === 1 ? [`stays on ${pathTokens(flow.path)[0] ?? ''}`] : pathTokens(flow.path);
    appendAll(lines, wrapWords(route, width - hanging.length).map((l) => hanging + l));
    const figures = flowFigures(report, flow.id);
    if (figures.length > 0)
      appendAll(lines, wrapWords(figures, width - hanging.length, ' · ').map((l) => hanging + l));
    const why = report.throughputWhy?.[flow.id]?.[0];
    if (why !== undefined) appendAll(lines, wrapWords(`why: ${why}`.split(' '), width - hanging.length).map((l) => style.dim(hanging + l)));
  }
  return lines;
}
