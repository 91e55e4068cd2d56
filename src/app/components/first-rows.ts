/**
 * Long lists drawn a page at a time. A 5,000-host region has 88,000 findings and an attacker that
 * reads 80,000 flows; building one DOM row per item froze the page for seconds, and nobody reads
 * past the first screens. A list draws its first rows and a "Show more" button adds the next page.
 */

/** Rows a long list draws at first, and adds per "Show more". */
export const PAGE_ROWS = 200;

/** The first `shown` items of `items`, and how many are left out. */
export function firstRows<T>(items: readonly T[], shown: number): { rows: readonly T[]; more: number } {
  if (items.length <= shown) return { rows: items, more: 0 };
  return { rows: items.slice(0, Math.max(0, shown)), more: items.length - Math.max(0, shown) };
}
