/**
 * The chart of SPEC T8 as a standalone SVG: one row per protection option, three bar panels for
 * what it costs (MTU left for workloads, slowest single flow, crypto cores at the demanded load)
 * and a grid of what it leaves exposed to each attacker. Plain SVG text, no DOM: it renders the
 * same in Node, in a worker and in the browser.
 */
import { formatGbps } from '../format/labels.ts';
import type { Alternative, Comparison } from '../../engine/throughput/compare-protections.ts';
import type { ExposureLevel } from '../../model/types.ts';
import { fmt } from './layout-topology.ts';
import { escapeXml, FONT, STATUS_COLOR } from './svg-text.ts';

const ROW = 24;
const TOP = 78;
const LABEL_W = 230;
const PANEL_W = 150;
const PANEL_GAP = 26;
const CELL = 30;

interface Panel {
  title: string;
  value: (a: Alternative) => number | null;
  text: (v: number) => string;
}

const PANELS: Panel[] = [
  { title: 'MTU left (bytes)', value: (a) => a.minInnerMtu, text: (v) => String(v) },
  { title: 'Slowest flow (Gbit/s)', value: (a) => a.minSingleFlowGbps, text: formatGbps },
  { title: 'Crypto cores at load', value: (a) => a.cryptoCores, text: (v) => v.toFixed(2) },
];

const LEVEL_FILL: Record<ExposureLevel, string> = { payload: STATUS_COLOR.plaintext, headers: STATUS_COLOR.headers, metadata: '#c9d0dc', none: '#ffffff' };
const LEVEL_MARK: Record<ExposureLevel, string> = { payload: 'P', headers: 'H', metadata: 'M', none: '–' };

function panelSvg(panel: Panel, alternatives: readonly Alternative[], x: number): string {
  const values = alternatives.map(panel.value);
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const bars = alternatives.map((alt, i) => {
    const v = values[i] ?? null;
    const y = TOP + i * ROW;
    if (v === null) return `<text x="${x + 4}" y="${y + 16}" font-size="11" fill="#4a5568">–</text>`;
    const w = max > 0 ? (v / max) * (PANEL_W - 46) : 0;
    const fill = alt.id === 'current' ? '#0072B2' : '#8fb8de';
    return `<rect x="${x}" y="${y + 5}" width="${fmt(w)}" height="${ROW - 10}" fill="${fill}"/><text x="${fmt(x + w + 4)}" y="${y + 16}" font-size="11" fill="#1d2330">${escapeXml(panel.text(v))}</text>`;
  });
  const axis = `<line x1="${x}" y1="${TOP}" x2="${x}" y2="${TOP + alternatives.length * ROW}" stroke="#4a5568"/>`;
  return `<g><text x="${x}" y="${TOP - 10}" font-size="11.5" font-weight="bold" fill="#1d2330">${escapeXml(panel.title)}</text>${axis}${bars.join('')}</g>`;
}

function exposureSvg(alternatives: readonly Alternative[], attackers: readonly string[], x: number): string {
  const heads = attackers.map((a, j) => {
    const cx = x + j * CELL + CELL / 2;
    return `<text transform="translate(${fmt(cx + 3)} ${TOP - 6}) rotate(-35)" font-size="10.5" fill="#1d2330">${escapeXml(a)}</text>`;
  });
  const cells = alternatives.flatMap((alt, i) =>
    attackers.map((a, j) => {
      const e = alt.exposure.find((x) => x.attacker === a);
      const level = e?.worst ?? 'none';
      const mark = `${LEVEL_MARK[level]}${e && e.tamper.length > 0 ? '!' : ''}`;
      const cx = x + j * CELL;
      const y = TOP + i * ROW;
      const ink = level === 'payload' ? '#ffffff' : '#1d2330';
      return `<rect x="${cx + 1}" y="${y + 2}" width="${CELL - 2}" height="${ROW - 4}" fill="${LEVEL_FILL[level]}" stroke="#9aa3b5"/><text x="${cx + CELL / 2}" y="${y + 16}" text-anchor="middle" font-size="11" font-weight="bold" fill="${ink}">${mark}</text>`;
    }),
  );
  return `<g>${heads.join('')}${cells.join('')}</g>`;
}

/** Renders the protection comparison (SPEC T8) as bars per cost and a grid of exposures. */
export function renderComparisonChartSvg(comparison: Comparison): string {
  const alts = comparison.alternatives;
  const attackers = alts[0]?.exposure.map((e) => e.attacker) ?? [];
  const gridX = LABEL_W + PANELS.length * (PANEL_W + PANEL_GAP);
  const width = gridX + Math.max(attackers.length * CELL, 120) + 60;
  const height = TOP + alts.length * ROW + 40;
  const labels = alts.map((alt, i) => {
    const weight = alt.id === 'current' ? ' font-weight="bold"' : '';
    return `<text x="${LABEL_W - 10}" y="${TOP + i * ROW + 16}" text-anchor="end" font-size="11.5"${weight} fill="#1d2330">${escapeXml(alt.label)}</text>`;
  });
  const stripes = alts.map((_, i) => (i % 2 === 0 ? `<rect x="0" y="${TOP + i * ROW}" width="${width}" height="${ROW}" fill="#f3f5f9"/>` : ''));
  const legend = `<text x="10" y="${height - 14}" font-size="10.5" fill="#4a5568">Exposure grid: worst level per attacker — P payload, H headers, M metadata, – none; ! can tamper (SPEC X6, X7). Dark bar: the scenario as configured.</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${escapeXml(FONT)}" role="img" aria-labelledby="comparison-title">`,
    `<title id="comparison-title">Protection options: cost against exposure (SPEC T8)</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...stripes,
    ...labels,
    ...PANELS.map((p, k) => panelSvg(p, alts, LABEL_W + k * (PANEL_W + PANEL_GAP))),
    `<text x="${gridX}" y="16" font-size="11.5" font-weight="bold" fill="#1d2330">Worst exposure</text>`,
    exposureSvg(alts, attackers, gridX),
    legend,
    '</svg>',
    '',
  ].join('\n');
}
