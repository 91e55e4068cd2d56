/**
 * The rows of a list after an edit that moved a field or two of many of them (a cipher edit moves
 * each affected flow's estimate, nothing else): the list before, which stays as it was, and for each
 * changed row a function of the row before and its position that makes the row now, called when the
 * row is first read, the row then kept. The edit writes the new values into columns of its own and
 * no object per row; a 1,000-host region's overlay carries 40,000 flows, and writing their
 * summaries and results anew was most of a cipher edit (docs/performance.md, "What bounds a cipher
 * edit"). Read like a readonly list (`RowsOf`), or whole as a plain list (`rowsArray`), made once.
 */
import type { RowsOf } from './types.ts';

export class PatchedRows<T> implements RowsOf<T> {
  readonly length: number;
  /** The changed rows made so far, by position (a list once the first is made: an edit's analysis is often never read before idle time writes the rows). */
  #made: (T | undefined)[] | undefined;
  #whole: T[] | undefined;

  readonly before: readonly T[];
  readonly changed: Uint8Array;
  readonly #make: (before: T, i: number) => T;

  /**
   * `before`: the list before the edit; `changed[i]` 1 where the edit moved row `i`, which
   * `make(before[i], i)` makes as it is now.
   */
  constructor(before: readonly T[], changed: Uint8Array, make: (before: T, i: number) => T) {
    this.before = before;
    this.changed = changed;
    this.#make = make;
    this.length = before.length;
  }

  #row(i: number): T {
    if (this.changed[i] !== 1) return this.before[i]!;
    const made = (this.#made ??= new Array<T | undefined>(this.length));
    return (made[i] ??= this.#make(this.before[i]!, i));
  }

  at(index: number): T | undefined {
    // The conversion of `Array.prototype.at`, so both kinds of lists agree.
    const i = index < 0 ? this.length + Math.trunc(index) : Math.trunc(index);
    return i >= 0 && i < this.length ? this.#row(i) : undefined;
  }

  /** Every row, as a plain list: made the first time, the same list after. */
  array(): readonly T[] {
    if (!this.#whole) {
      const whole = new Array<T>(this.length);
      for (let i = 0; i < this.length; i++) whole[i] = this.#row(i);
      this.#whole = whole;
    }
    return this.#whole;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.array()[Symbol.iterator]();
  }

  map<U>(f: (row: T, i: number) => U): U[] {
    return this.array().map(f);
  }

  flatMap<U>(f: (row: T, i: number) => U | readonly U[]): U[] {
    return this.array().flatMap(f);
  }

  filter(keep: (row: T, i: number) => boolean): T[] {
    return this.array().filter(keep);
  }

  find(match: (row: T, i: number) => boolean): T | undefined {
    return this.array().find(match);
  }

  findIndex(match: (row: T, i: number) => boolean): number {
    return this.array().findIndex(match);
  }

  some(match: (row: T, i: number) => boolean): boolean {
    return this.array().some(match);
  }

  every(match: (row: T, i: number) => boolean): boolean {
    return this.array().every(match);
  }

  forEach(visit: (row: T, i: number) => void): void {
    this.array().forEach(visit);
  }

  slice(start?: number, end?: number): T[] {
    return this.array().slice(start, end);
  }

  /** As a list, for `JSON.stringify`. */
  toJSON(): readonly T[] {
    return this.array();
  }
}

/** A list of rows as a plain list: itself, or a patched list's rows (made once, `PatchedRows.array`). */
export function rowsArray<T>(rows: RowsOf<T>): readonly T[] {
  if (Array.isArray(rows)) return rows as readonly T[];
  if (rows instanceof PatchedRows) return (rows as PatchedRows<T>).array();
  return [...rows];
}
