/**
 * Finding the exposure of one flow × attacker pair without a table of all pairs (a 1,000-host
 * region has half a million, a 5,000-host one 2.5 million). The engine lists exposures flow by
 * flow, flows in id order, the attackers in one order in every row (SPEC §4): a pair is then found
 * by a binary search over the rows and its attacker's position. Any other list (a session passes
 * only the pairs an edit changed) is indexed pair by pair, once, at the first look-up that needs it.
 */
import type { Exposure, ExposureHead } from '../types.ts';
import { OutcomeRows } from './exposure-table.ts';

/**
 * Exposures read by position: a plain list (through `Array.prototype.at`), or rows that make their
 * pairs on demand, as the app's packed exposures do (workers/exposure-rows.ts).
 */
export interface ExposureRows<E extends ExposureHead = Exposure> {
  readonly length: number;
  /** The pair at position `i` (negative counts from the end, as `Array.prototype.at`), or undefined. */
  at(i: number): E | undefined;
  /**
   * True when the rows are known to hold every flow × attacker pair, flows in id order, the
   * attackers in one order in every row: the search by position then finds every pair there is,
   * and a pair it misses is not there (no index of all pairs is built for it).
   */
  readonly complete?: boolean;
}

/** The exposure of a pair, or undefined. */
export type ExposureLookup<E extends ExposureHead = Exposure> = (flow: string, attacker: string) => E | undefined;

/**
 * A look-up over `exposures`; `indexed` says which exposures the fallback index needs to hold
 * (callers that only ever ask for pairs that see something can leave the rest out).
 */
export function exposureLookup<E extends ExposureHead = Exposure>(exposures: ExposureRows<E>, indexed: (e: E) => boolean = () => true): ExposureLookup<E> {
  // A table names its columns and rows: no pair is made (with its details) to learn them.
  const table = exposures instanceof OutcomeRows ? exposures : undefined;
  const attackers = new Map<string, number>();
  if (table) {
    // As the pairs of the first row would name them: up to the first attacker named twice.
    for (let i = 0; i < table.attackers.length && table.length > 0; i++) {
      const attacker = table.attackers[i]!;
      if (attackers.has(attacker)) break;
      attackers.set(attacker, i);
    }
  } else {
    for (let i = 0; i < exposures.length; i++) {
      const attacker = exposures.at(i)!.attacker;
      if (attackers.has(attacker)) break;
      attackers.set(attacker, i);
    }
  }
  const width = Math.max(1, attackers.size);
  const rows = Math.floor(exposures.length / width);
  const flowAt = (row: number): string => (table ? table.flows[row]!.id : exposures.at(row * width)!.flow);
  let byPair: Map<string, E> | undefined;
  // The row found last: callers mostly go through the flows in order (a matrix, a diff), so the
  // row asked for is that one or the next, found without a search.
  let hint = 0;
  const rowOf = (flow: string): number => {
    if (hint < rows && flowAt(hint) === flow) return hint;
    if (hint + 1 < rows && flowAt(hint + 1) === flow) return ++hint;
    let lo = 0;
    let hi = rows;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (flowAt(mid) < flow) lo = mid + 1;
      else hi = mid;
    }
    if (lo < rows) hint = lo;
    return lo;
  };
  return (flow, attacker) => {
    const k = attackers.get(attacker);
    if (k !== undefined) {
      const lo = rowOf(flow);
      const e = lo < rows ? exposures.at(lo * width + k) : undefined;
      if (e?.flow === flow && e.attacker === attacker) return e;
    }
    if (exposures.complete === true) return undefined;
    byPair ??= indexPairs(exposures, indexed);
    return byPair.get(`${flow}\u0000${attacker}`);
  };
}

function indexPairs<E extends ExposureHead>(exposures: ExposureRows<E>, indexed: (e: E) => boolean): Map<string, E> {
  const byPair = new Map<string, E>();
  for (let i = 0; i < exposures.length; i++) {
    const e = exposures.at(i)!;
    if (indexed(e)) byPair.set(`${e.flow}\u0000${e.attacker}`, e);
  }
  return byPair;
}
