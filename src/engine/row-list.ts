/**
 * A list of rows that are made when read rather than kept as one object each: the base of the
 * engine's row tables (patched-rows.ts, flow-table.ts). A table says how to make row `i`; this
 * gives it the reading side of a readonly list (`RowsOf`) and a plain list of every row
 * (`array`), made once and kept.
 */
import type { RowsOf } from './types.ts';

export abstract class RowList<T> implements RowsOf<T> {
  abstract readonly length: number;
  #whole: T[] | undefined;

  /** Row `i` (0 ≤ i < `length`), as a table makes it. */
  protected abstract row(i: number): T;

  /** Row `i`: from the whole list once made, else as the table makes it. */
  #get(i: number): T {
    return this.#whole ? this.#whole[i]! : this.row(i);
  }

  at(index: number): T | undefined {
    // The conversion of `Array.prototype.at`, so both kinds of lists agree.
    const i = index < 0 ? this.length + Math.trunc(index) : Math.trunc(index);
    return i >= 0 && i < this.length ? this.#get(i) : undefined;
  }

  /** Every row, as a plain list: made the first time, the same list after. */
  array(): readonly T[] {
    if (!this.#whole) {
      const whole = new Array<T>(this.length);
      for (let i = 0; i < this.length; i++) whole[i] = this.row(i);
      this.#whole = whole;
    }
    return this.#whole;
  }

  // The readers below walk the rows by position (no iterator object per row); those of a table not
  // yet made whole are made as they are reached and not kept.

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.#get(i);
  }

  forEach(visit: (row: T, i: number) => void): void {
    for (let i = 0; i < this.length; i++) visit(this.#get(i), i);
  }

  map<U>(f: (row: T, i: number) => U): U[] {
    const out = new Array<U>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = f(this.#get(i), i);
    return out;
  }

  flatMap<U>(f: (row: T, i: number) => U | readonly U[]): U[] {
    return this.map(f).flat() as U[];
  }

  filter(keep: (row: T, i: number) => boolean): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) {
      const row = this.#get(i);
      if (keep(row, i)) out.push(row);
    }
    return out;
  }

  find(match: (row: T, i: number) => boolean): T | undefined {
    // The row matched is the one returned: a table not yet made whole makes each row anew.
    for (let i = 0; i < this.length; i++) {
      const row = this.#get(i);
      if (match(row, i)) return row;
    }
    return undefined;
  }

  findIndex(match: (row: T, i: number) => boolean): number {
    for (let i = 0; i < this.length; i++) if (match(this.#get(i), i)) return i;
    return -1;
  }

  some(match: (row: T, i: number) => boolean): boolean {
    return this.findIndex(match) >= 0;
  }

  every(match: (row: T, i: number) => boolean): boolean {
    return this.findIndex((row, i) => !match(row, i)) < 0;
  }

  slice(start?: number, end?: number): T[] {
    return this.array().slice(start, end);
  }

  /** As a list, for `JSON.stringify`. */
  toJSON(): readonly T[] {
    return this.array();
  }
}

/** A list of rows as a plain list: itself, or a row table's rows (made once, `RowList.array`). */
export function rowsArray<T>(rows: RowsOf<T>): readonly T[] {
  if (Array.isArray(rows)) return rows as readonly T[];
  if (rows instanceof RowList) return (rows as RowList<T>).array();
  return [...rows];
}
