/**
 * Which rows a throughput chart draws. A chart of every flow is readable up to a few dozen bars; a
 * 5,000-host region has 250,000 flows, and an SVG row per flow froze the page for minutes. Above
 * the limit a chart shows the rows that matter most for its question — the largest overhead, the
 * smallest MTU, the slowest flows, the busiest hosts — worst first, and says how many it leaves out.
 */

/** Bars a chart draws at most. */
export const MAX_BARS = 50;

/** Whether large (`high`) or small (`low`) values are the telling ones. */
export type Worst = 'high' | 'low';

/**
 * All of `items` in their order when there are at most `limit`; else the `limit` items with the
 * worst values, worst first (ties keep list order; items without a value come last). One pass.
 */
export function mostTelling<T>(
  items: readonly T[],
  value: (item: T) => number | null,
  worst: Worst,
  limit = MAX_BARS,
): { items: readonly T[]; hidden: number } {
  if (items.length <= limit) return { items, hidden: 0 };
  const score = (v: number | null): number =>
    v === null || Number.isNaN(v) ? -Infinity : worst === 'high' ? v : -v;
  // Kept sorted by score, best first; a new item enters only when it beats the last one.
  const kept: { item: T; score: number }[] = [];
  for (const item of items) {
    const s = score(value(item));
    if (kept.length === limit && s <= kept[limit - 1]!.score) continue;
    let at = kept.length;
    while (at > 0 && kept[at - 1]!.score < s) at--;
    kept.splice(at, 0, { item, score: s });
    if (kept.length > limit) kept.pop();
  }
  return { items: kept.map((k) => k.item), hidden: items.length - kept.length };
}

/** A chart title that says what was left out, e.g. "Overhead per packet — the 50 largest of 250,000 flows". */
export function titleOf(
  title: string,
  picked: { items: readonly unknown[]; hidden: number },
  adjective: string,
  noun: string,
): string {
  if (picked.hidden === 0) return title;
  const all = (picked.items.length + picked.hidden).toLocaleString('en');
  return `${title} — the ${picked.items.length} ${adjective} of ${all} ${noun}`;
}
