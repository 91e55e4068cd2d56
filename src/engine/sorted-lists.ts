/**
 * Sorted lists kept sorted: what an analysis session does instead of sorting again after an edit
 * (a busy link lists 10,000 flows, a requirement 15,000 failures, of which an edit changes a few).
 * Ids are in code-unit order, the order of every result list (SPEC §4, compare-ids.ts).
 */
import { compareIds } from './compare-ids.ts';

/** The first position whose item is not before the target; `before(item)` holds for every item up to it. */
export function lowerBound<T>(list: ArrayLike<T>, before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a list of ids is in code-unit order (what every per-flow list should be). */
export function idsInOrder(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return false;
  return true;
}

/**
 * Sorts a list of ids in code-unit order, in place, unless it already is: lists gathered in flow-id
 * order (a link's or host's flows) come sorted, and checking costs one comparison per item where
 * sorting them again costs several.
 */
export function sortIds(ids: string[]): string[] {
  return idsInOrder(ids) ? ids : ids.sort(compareIds);
}

/** Where `value` is, or would be inserted, in an ascending list of ids or numbers. */
export function slotOf<T extends string | number>(list: ArrayLike<T>, value: T): number {
  // lowerBound without its predicate: no closure per look-up (an edit looks up thousands).
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when the ascending list holds `value`. */
export function holds<T extends string | number>(list: readonly T[], value: T): boolean {
  return list[slotOf(list, value)] === value;
}

/** Inserts `value` into the ascending list unless it is there; returns its position. */
export function insertSorted<T extends string | number>(list: T[], value: T): number {
  const at = slotOf(list, value);
  if (list[at] !== value) list.splice(at, 0, value);
  return at;
}

/** Removes `value` from the ascending list if it is there; returns where it was, or -1. */
export function removeSorted<T extends string | number>(list: T[], value: T): number {
  const at = slotOf(list, value);
  if (list[at] !== value) return -1;
  list.splice(at, 1);
  return at;
}

/** A copy of an ascending id list without the ids of `remove` and with those of `add`. */
export function patchSorted(sorted: readonly string[], remove: readonly string[], add: readonly string[]): string[] {
  const list = sorted.slice();
  for (const id of remove) removeSorted(list, id);
  for (const id of add) insertSorted(list, id);
  return list;
}

/** Two lists sorted by `compare` as one sorted list; on ties the item of `a` comes first (as a stable sort of `a` then `b`). */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  // A session's edit merges a few findings or failures found again into thousands kept: those few
  // are placed by binary search and the kept ones copied in runs, not compared one by one.
  if (b.length * FEW < a.length) return mergeFew(a, b, compare, true);
  if (a.length * FEW < b.length) return mergeFew(b, a, compare, false);
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) out[n++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out;
}

/**
 * `mergeSorted` places the shorter list by binary search when it is under a 64th of the other: each
 * of its items then costs about log2 of the longer list's length in comparisons (14 at 15,000),
 * where a merge in a row costs one comparison per item of both lists.
 */
const FEW = 64;

/**
 * `many` and `few` merged as `mergeSorted` does, `manyFirst` telling which of the two wins ties:
 * each of `few` goes in by binary search over `many`, and the runs of `many` between are sliced.
 */
function mergeFew<T>(many: readonly T[], few: readonly T[], compare: (x: T, y: T) => number, manyFirst: boolean): T[] {
  const parts: T[][] = [];
  let from = 0;
  for (let j = 0; j < few.length; j++) {
    const item = few[j]!;
    // The first item of `many` (from `from`) that goes after `item`.
    let lo = from;
    let hi = many.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compare(many[mid]!, item);
      if (c < 0 || (c === 0 && manyFirst)) lo = mid + 1;
      else hi = mid;
    }
    parts.push(many.slice(from, lo), [item]);
    from = lo;
  }
  parts.push(many.slice(from));
  return new Array<T>().concat(...parts);
}
