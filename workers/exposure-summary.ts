/**
 * What the app's attacker views need from the exposures, computed once per analysis in the worker
 * (issue 8). A 5,000-host analysis has 2.5 million flow × attacker pairs; one pass over them on the
 * main thread takes about half a second, and the attacker list, the lens list and the canvas
 * highlight each made one on every change of the picked attackers (13 s for the busiest
 * attacker). The summary holds per attacker its counts and the positions of its pairs that see
 * something, in `analysis.exposures`, so those views walk only the pairs they show. Typed arrays
 * are copied as one block when posted, not item by item.
 */
import type { ExposureLevel } from '../src/model/types.ts';
import type { Exposure, ExposureHead } from '../src/engine/types.ts';
import type { ExposureRows } from './exposure-rows.ts';
import { forEachKeptOutcome, OutcomeRows } from '../src/engine/exposure/exposure-table.ts';

/** The levels an attacker reaches, most revealing first (SPEC X6). */
export const LEVELS_SHOWN = [
  'payload',
  'headers',
  'metadata',
  'none',
] as const satisfies readonly ExposureLevel[];

/** One attacker's tallies and pairs. */
export interface AttackerExposures {
  payload: number;
  headers: number;
  tamper: number;
  /**
   * Positions in `exposures`, by level, of the pairs at that level or that can tamper (a `none`
   * pair is listed only when it can tamper), each in list order.
   */
  at: Record<ExposureLevel, Int32Array>;
}

/** Per attacker id. */
export type ExposureSummary = Partial<Record<string, AttackerExposures>>;

/** One attacker's counts of pairs that read payload or headers, or can tamper. */
export type ExposureCounts = Pick<AttackerExposures, 'payload' | 'headers' | 'tamper'>;

/** Counts one pair in (`sign` 1) or out of (-1) its attacker's counts. */
export function tally(c: ExposureCounts, e: Pick<Exposure, 'level' | 'tamper'>, sign: 1 | -1): void {
  if (e.level === 'payload') c.payload += sign;
  else if (e.level === 'headers') c.headers += sign;
  if (e.tamper) c.tamper += sign;
}

/** The level under which a pair is listed in its attacker's positions (`AttackerExposures.at`); undefined for a plain `none`. */
export function listedLevel(e: Pick<Exposure, 'level' | 'tamper'>): ExposureLevel | undefined {
  return e.level !== 'none' || e.tamper ? e.level : undefined;
}

/** Summarises `exposures` in one pass (the worker's full list; on the page, only a small analysis's). */
export function summarizeExposures(exposures: ExposureRows<ExposureHead>): ExposureSummary {
  type Lists = { payload: number; headers: number; tamper: number; at: Record<ExposureLevel, number[]> };
  const lists = new Map<string, Lists>();
  const empty = (): Lists => ({ payload: 0, headers: 0, tamper: 0, at: { payload: [], headers: [], metadata: [], none: [] } });
  // A table keeps its plain pairs apart, and they add nothing but their attacker's entry.
  if (exposures instanceof OutcomeRows && exposures.length > 0) for (const attacker of exposures.attackers) lists.set(attacker, empty());
  forEachKeptOutcome(exposures, (i, _, attacker, level, tamper) => {
    let c = lists.get(attacker);
    if (!c) lists.set(attacker, (c = empty()));
    const e = { level, tamper };
    tally(c, e, 1);
    const listed = listedLevel(e);
    if (listed !== undefined) c.at[listed].push(i);
  });
  const summary: ExposureSummary = {};
  for (const [attacker, c] of lists) {
    const at = {
      payload: Int32Array.from(c.at.payload),
      headers: Int32Array.from(c.at.headers),
      metadata: Int32Array.from(c.at.metadata),
      none: Int32Array.from(c.at.none),
    };
    summary[attacker] = { payload: c.payload, headers: c.headers, tamper: c.tamper, at };
  }
  return summary;
}

/**
 * The pairs of `attackers` that read payload or headers or can tamper: payload first, then
 * headers, metadata and none, each in list order — the order of a stable sort by level.
 */
export function readableExposures<E extends ExposureHead>(
  exposures: ExposureRows<E>,
  summary: ExposureSummary,
  attackers: readonly string[],
): E[] {
  const out: E[] = [];
  for (const level of LEVELS_SHOWN) {
    const positions = mergePositions(attackers.map((a) => summary[a]?.at[level]));
    for (const i of positions) {
      const e = exposures.at(i)!;
      if (e.level === 'payload' || e.level === 'headers' || e.tamper) out.push(e);
    }
  }
  return out;
}

/** The positions of several attackers' lists as one list in list order. */
export function mergePositions(lists: readonly (Int32Array | undefined)[]): Int32Array {
  const present = lists.filter((l): l is Int32Array => l !== undefined);
  if (present.length === 1) return present[0]!;
  const all = new Int32Array(present.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of present) {
    all.set(l, at);
    at += l.length;
  }
  return all.sort();
}
