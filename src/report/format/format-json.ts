/**
 * The JSON output of `plainsight analyze --format json` (SPEC §4): the analysis with its
 * top-level keys in the documented order, pretty-printed, so files diff cleanly between runs.
 * The text comes in pieces: a 5,000-host region's analysis is about 1 GB of JSON, more than one
 * JavaScript string can hold, so the CLI writes the pieces one after another.
 */
import { ExposureTable } from '../../engine/exposure/exposure-table.ts';
import type { Analysis } from '../../engine/types.ts';

/** Top-level keys in the order SPEC §4 shows them; any further keys follow in the engine's order. */
const KEY_ORDER = [
  'plainsight',
  'scenario',
  'links',
  'flows',
  'exposures',
  'findings',
  'requirements',
] as const;

/** Collections nested up to this depth are written in runs of items; deeper values in one piece. */
const PIECEWISE_DEPTH = 2;

/**
 * The text of array items gathered into one piece: the items are written one by one and joined
 * (and re-indented) per run. Item by item, field by field, as separate pieces, writing the
 * 1,000-host analysis (191 MB) took 8 of the CLI's 11 s.
 */
const RUN_CHARS = 1 << 19;

/** What `JSON.stringify` leaves out of an object (and writes as null in an array). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * `JSON.stringify(value, null, 2)` at nesting `depth`, in pieces: objects down to PIECEWISE_DEPTH
 * field by field, arrays down to it in runs of items, everything deeper as one string re-indented
 * to its place.
 */
function* pieces(value: unknown, depth: number): Generator<string> {
  const pad = '  '.repeat(depth);
  const json = value as { toJSON?: () => unknown } | null;
  // The exposure table is a list of its pairs (its `toJSON`), written in runs as an array is.
  const list = value instanceof ExposureTable ? value : Array.isArray(value) ? (value as unknown[]) : undefined;
  if (depth > PIECEWISE_DEPTH || json === null || typeof json !== 'object' || (list === undefined && typeof json.toJSON === 'function')) {
    yield (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${pad}`);
    return;
  }
  if (list) {
    if (list.length === 0) return void (yield '[]');
    yield '[';
    // Each item as `JSON.stringify` writes it alone (an item it cannot write is null, as in the
    // whole), joined and indented to this depth a run at a time: a run is at most one item longer
    // than RUN_CHARS, so no piece nears the longest string there can be.
    const indent = `\n${pad}  `;
    let run: string[] = [];
    let chars = 0;
    let i = -1;
    for (const item of list) {
      i++;
      const text = skipped(item) ? 'null' : (JSON.stringify(item, null, 2) ?? 'null');
      run.push(text);
      chars += text.length;
      if (chars < RUN_CHARS && i < list.length - 1) continue;
      yield `${run.length <= i ? ',' : ''}${indent}${run.join(',\n').replaceAll('\n', indent)}`;
      run = [];
      chars = 0;
    }
    yield `\n${pad}]`;
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => !skipped(v));
  if (entries.length === 0) return void (yield '{}');
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i]!;
    yield `${i > 0 ? ',' : ''}\n${pad}  ${JSON.stringify(key)}: `;
    yield* pieces(v, depth + 1);
  }
  yield `\n${pad}}`;
}

function ordered(analysis: Analysis & { comparison?: unknown }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) out[key] = analysis[key];
  for (const [key, value] of Object.entries(analysis)) if (!(key in out)) out[key] = value;
  return out;
}

/** The two-space-indented JSON with a trailing newline, piece by piece (joined, it is `formatJson`). */
export function* formatJsonPieces(analysis: Analysis & { comparison?: unknown }): Generator<string> {
  yield* pieces(ordered(analysis), 0);
  yield '\n';
}

/** Serialises an analysis as two-space-indented JSON with a trailing newline. */
export function formatJson(analysis: Analysis & { comparison?: unknown }): string {
  return JSON.stringify(ordered(analysis), null, 2) + '\n';
}
