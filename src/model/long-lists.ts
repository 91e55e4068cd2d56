/**
 * Maximum, minimum and append for lists of any length. `Math.max(...values)` and
 * `list.push(...items)` pass every value as an argument, and past roughly 100,000 of them the call
 * overflows the stack: a 5,000-host region has 250,000 flows, and its text report used to stop
 * with "Maximum call stack size exceeded".
 */

/** The largest of `values`, or `floor` when it is larger (or there are none). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max || Number.isNaN(v)) max = v;
  return max;
}

/** The smallest of `values`, or `ceiling` when it is smaller (or there are none). */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min || Number.isNaN(v)) min = v;
  return min;
}

/** Appends `items` to `target`, in order. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
