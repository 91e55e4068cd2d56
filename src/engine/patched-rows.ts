/**
 * The rows of a list after an edit that moved a field or two of many of them (a cipher edit moves
 * each affected flow's estimate, nothing else): the list before, which stays as it was, and for each
 * changed row a function of the row before and its position that makes the row now, called when the
 * row is first read, the row then kept. The edit writes the new values into columns of its own and
 * no object per row; a 1,000-host region's overlay carries 40,000 flows, and writing their
 * summaries and results anew was most of a cipher edit (docs/performance.md, "What bounds a cipher
 * edit"). Read like a readonly list (`RowsOf`), or whole as a plain list (`rowsArray`), made once.
 */
import { RowList } from './row-list.ts';

export class PatchedRows<T> extends RowList<T> {
  readonly length: number;
  /** The changed rows made so far, by position (a list once the first is made: an edit's analysis is often never read before idle time writes the rows). */
  #made: (T | undefined)[] | undefined;

  readonly before: readonly T[];
  readonly changed: Uint8Array;
  readonly #make: (before: T, i: number) => T;

  /**
   * `before`: the list before the edit; `changed[i]` 1 where the edit moved row `i`, which
   * `make(before[i], i)` makes as it is now.
   */
  constructor(before: readonly T[], changed: Uint8Array, make: (before: T, i: number) => T) {
    super();
    this.before = before;
    this.changed = changed;
    this.#make = make;
    this.length = before.length;
  }

  /** Row `i`: the row before, or the changed row, made the first time it is read and kept. */
  protected row(i: number): T {
    if (this.changed[i] !== 1) return this.before[i]!;
    const made = (this.#made ??= new Array<T | undefined>(this.length));
    return (made[i] ??= this.#make(this.before[i]!, i));
  }
}
