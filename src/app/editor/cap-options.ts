/**
 * Option lists for pickers of entity ids. A 1,000-host region has 50,000 flows and 10,000
 * workloads; a `<select>` with that many options takes the page seconds to build. Pickers show
 * the first ids and always the current values; the rest are reached through the map's search or
 * the YAML view.
 */

/** How many ids one picker lists. */
export const MAX_OPTIONS = 300;

/** The ids a picker lists (current values first when they are not among the first), and how many it leaves out. */
export function capOptions(ids: readonly string[], keep: readonly string[] = [], limit = MAX_OPTIONS): { shown: string[]; hidden: number } {
  if (ids.length <= limit) return { shown: [...ids], hidden: 0 };
  const shown = ids.slice(0, limit);
  const listed = new Set(shown);
  const extra = keep.filter((id) => ids.includes(id) && !listed.has(id));
  return { shown: [...extra, ...shown], hidden: ids.length - shown.length - extra.length };
}

/** The text of the disabled option that says how many ids a picker leaves out. */
export function hiddenLabel(hidden: number): string {
  return `… ${hidden.toLocaleString('en')} more: search the map or type the id in the YAML`;
}
