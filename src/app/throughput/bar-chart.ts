/**
 * A horizontal bar chart drawn with d3 into an <svg>: one bar per row, an x axis with its unit,
 * row labels, value labels and a <title> tooltip on every bar. Pure DOM, so it renders in jsdom
 * for tests as well as in the browser.
 */
import { axisBottom, scaleBand, scaleLinear, select } from 'd3';

/** One bar. `tone` picks a colour class; `note` is appended to the tooltip. */
export interface Bar {
  label: string;
  value: number | null;
  tone?: 'good' | 'bad' | 'mid' | 'neutral';
  note?: string;
}

/** Options of a chart. */
export interface BarChartOptions {
  title: string;
  /** Unit shown on the axis and in value labels, e.g. "Gbit/s". */
  unit: string;
  width: number;
  /** Digits after the decimal point in value labels. */
  digits?: number;
  /** Fixed domain maximum (e.g. a link MTU); defaults to the largest value. */
  max?: number;
}

const ROW = 22;
const MARGIN = { top: 22, right: 56, bottom: 34, left: 120 };

/** Renders `bars` into `svg`, replacing what was there. */
export function renderBarChart(svg: SVGSVGElement, bars: Bar[], o: BarChartOptions): void {
  const height = MARGIN.top + MARGIN.bottom + Math.max(1, bars.length) * ROW;
  const root = select(svg).attr('width', o.width).attr('height', height).attr('viewBox', `0 0 ${o.width} ${height}`).attr('role', 'img').attr('aria-label', o.title);
  root.selectAll('*').remove();
  root.append('text').attr('class', 'chart-title').attr('x', 0).attr('y', 14).text(o.title);
  const max = o.max ?? Math.max(1e-9, ...bars.map((b) => b.value ?? 0));
  const x = scaleLinear().domain([0, max]).nice().range([MARGIN.left, o.width - MARGIN.right]);
  const y = scaleBand<number>().domain(bars.map((_, i) => i)).range([MARGIN.top, height - MARGIN.bottom]).padding(0.2);
  const digits = o.digits ?? 0;
  const rows = root.append('g').selectAll('g').data(bars).join('g').attr('class', 'bar-row');
  rows.append('text').attr('class', 'row-label').attr('x', MARGIN.left - 6).attr('y', (_, i) => (y(i) ?? 0) + y.bandwidth() / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text((b) => truncate(b.label, 18));
  rows
    .append('rect')
    .attr('class', (b) => `bar tone-${b.tone ?? 'neutral'}`)
    .attr('x', MARGIN.left)
    .attr('y', (_, i) => y(i) ?? 0)
    .attr('height', y.bandwidth())
    .attr('width', (b) => Math.max(0, x(b.value ?? 0) - MARGIN.left))
    .append('title')
    .text((b) => `${b.label}: ${b.value === null ? 'n/a' : `${b.value.toFixed(digits)} ${o.unit}`}${b.note ? ` — ${b.note}` : ''}`);
  rows
    .append('text')
    .attr('class', 'value-label')
    .attr('x', (b) => x(b.value ?? 0) + 4)
    .attr('y', (_, i) => (y(i) ?? 0) + y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .text((b) => (b.value === null ? 'n/a' : b.value.toFixed(digits)));
  const axis = root.append('g').attr('class', 'axis').attr('transform', `translate(0, ${height - MARGIN.bottom})`).call(axisBottom(x).ticks(Math.max(2, Math.floor((o.width - MARGIN.left - MARGIN.right) / 60))));
  axis.append('text').attr('class', 'axis-label').attr('x', (o.width + MARGIN.left - MARGIN.right) / 2).attr('y', 28).attr('text-anchor', 'middle').text(o.unit);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
