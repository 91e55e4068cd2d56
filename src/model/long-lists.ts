/**
 * Maximum, minimum, append and join for lists of any length. `Math.max(...values)` and
 * `list.push(...items)` pass every value as an argument, and past roughly 100,000 of them the call
 * overflows the stack: a 5,000-host region has 250,000 flows, and its text report used to stop
 * with "Maximum call stack size exceeded". And one JavaScript string holds at most about 512 million
 * characters (V8), less than a 5,000-host region's reports: long texts stay in pieces.
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

/** Characters per piece `joinInPieces` and `gathered` aim at: a megabyte or so, a few hundred pieces per large file. */
const PIECE_CHARS = 1 << 20;

/** `lines.join(separator)` as pieces of about a megabyte (joined, they are that text); none for no lines. */
export function joinInPieces(lines: readonly string[], separator: string): string[] {
  return lines.length === 0 ? [] : Array.from(gathered(separated(lines, separator)));
}

/**
 * Pieces of text in runs of at least `chars` characters (the last run may be shorter), each run
 * taken when it is asked for; one empty run when there are no pieces at all.
 */
export function* runs(pieces: Iterable<string>, chars: number): Generator<string[]> {
  let run: string[] = [];
  let size = 0;
  let any = false;
  for (const piece of pieces) {
    run.push(piece);
    size += piece.length;
    if (size < chars) continue;
    yield run;
    any = true;
    run = [];
    size = 0;
  }
  if (run.length > 0 || !any) yield run;
}

/**
 * Small pieces of text gathered into pieces of about a megabyte (joined, the same text), each
 * made when it is asked for, so a file written or put into a Blob piece by piece is never held whole.
 */
export function* gathered(pieces: Iterable<string>): Generator<string> {
  for (const run of runs(pieces, PIECE_CHARS)) yield run.join('');
}

/** `items` with `separator` between them, one piece per item (joined, `items.join(separator)`). */
export function* separated(items: Iterable<string>, separator: string): Generator<string> {
  let first = true;
  for (const item of items) {
    yield first ? item : separator + item;
    first = false;
  }
}
