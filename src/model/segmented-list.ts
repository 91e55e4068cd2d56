/**
 * A list built by appending items one by one and ranges of other such lists, where an appended
 * range is kept as a reference to the array it lies in rather than copied item by item.
 *
 * The shape stage lists every id declared and referenced (check-shape.ts). After an edit it replays
 * what the last reading listed for the entities the edit left alone: at 5,000 hosts 300,000
 * declarations and 600,000 references for every edit. Pushed one by one into growing arrays they
 * took 0.1–0.45 s an edit, most of it fresh memory; appended here they cost a segment per range.
 * Segments always point into the arrays items were pushed to, never into another list's segments,
 * so a chain of edits adds no levels.
 */
export class SegmentedList<T> {
  /** Each segment: `arrays[s]` from `froms[s]` to `tos[s]` (exclusive), starting at `starts[s]` in this list. */
  readonly #arrays: (readonly T[])[] = [];
  readonly #froms: number[] = [];
  readonly #tos: number[] = [];
  readonly #starts: number[] = [];
  /** The array `push` writes to: the last segment's, when that segment is one of this list's own. */
  #open: T[] | undefined;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** Appends one item. */
  push(item: T): void {
    if (this.#open === undefined) {
      this.#open = [];
      this.#add(this.#open, 0, 0);
    }
    this.#open.push(item);
    this.#tos[this.#tos.length - 1] = this.#open.length;
    this.#length++;
  }

  /** Appends the items `from` to `to` (exclusive) of `source`, by reference to the arrays they lie in. */
  appendRange(source: SegmentedList<T>, from: number, to: number): void {
    if (to <= from) return;
    this.#open = undefined;
    let s = source.#segmentAt(from);
    while (from < to) {
      const offset = from - source.#starts[s]!;
      const available = source.#tos[s]! - source.#froms[s]! - offset;
      const count = Math.min(available, to - from);
      if (count > 0)
        this.#add(source.#arrays[s]!, source.#froms[s]! + offset, source.#froms[s]! + offset + count);
      from += count;
      s++;
    }
  }

  /** Calls `visit` on every item, in order. */
  forEach(visit: (item: T) => void): void {
    this.forEachIn(0, this.#length, visit);
  }

  /** Calls `visit` on the items `from` to `to` (exclusive), in order. */
  forEachIn(from: number, to: number, visit: (item: T) => void): void {
    if (to <= from) return;
    let s = this.#segmentAt(from);
    while (from < to) {
      const array = this.#arrays[s]!;
      const start = this.#froms[s]! + from - this.#starts[s]!;
      const end = Math.min(this.#tos[s]!, start + to - from);
      for (let i = start; i < end; i++) visit(array[i]!);
      from += end - start;
      s++;
    }
  }

  /**
   * Whether both lists hold equal items in the same order, `equal` deciding for two items. Runs
   * that lie at the very same place of the very same array in both are equal without a look.
   */
  sameAs(other: SegmentedList<T>, equal: (a: T, b: T) => boolean): boolean {
    if (this.#length !== other.#length) return false;
    let s = 0;
    let t = 0;
    let at = 0;
    while (at < this.#length) {
      const aOffset = this.#froms[s]! + at - this.#starts[s]!;
      const bOffset = other.#froms[t]! + at - other.#starts[t]!;
      const run = Math.min(this.#tos[s]! - aOffset, other.#tos[t]! - bOffset);
      const a = this.#arrays[s]!;
      const b = other.#arrays[t]!;
      if (a !== b || aOffset !== bOffset) {
        for (let i = 0; i < run; i++) if (!equal(a[aOffset + i]!, b[bOffset + i]!)) return false;
      }
      at += run;
      if (this.#froms[s]! + at - this.#starts[s]! === this.#tos[s]!) s++;
      if (other.#froms[t]! + at - other.#starts[t]! === other.#tos[t]!) t++;
    }
    return true;
  }

  /** Adds a segment, or lengthens the last one when the new one carries on where it ends in the same array. */
  #add(array: readonly T[], from: number, to: number): void {
    const last = this.#arrays.length - 1;
    if (last >= 0 && this.#arrays[last] === array && this.#tos[last] === from && array !== this.#open) {
      this.#tos[last] = to;
    } else {
      this.#arrays.push(array);
      this.#froms.push(from);
      this.#tos.push(to);
      this.#starts.push(this.#length);
    }
    this.#length += to - from;
  }

  /** The segment holding position `index` (0 ≤ index < length): the last whose start is at or before it. */
  #segmentAt(index: number): number {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    // The last of segments starting at the same place: an empty one (an open array nothing was
    // pushed to yet) is never the one holding a position.
    return lo;
  }
}
