/**
 * Finding the exposure of one flow × attacker pair without a table of all pairs (a 1,000-host
 * region has half a million, a 5,000-host one 2.5 million). The engine lists exposures flow by
 * flow, flows in id order, the attackers in one order in every row (SPEC §4): a pair is then found
 * by a binary search over the rows and its attacker's position. Any other list (a session passes
 * only the pairs an edit changed) is indexed pair by pair, once, at the first look-up that needs it.
 */
import type { Exposure } from '../types.ts';
import { ExposureTable, plainPair } from './exposure-table.ts';

/**
 * Exposures read by position: a plain list (through `Array.prototype.at`), or rows that make their
 * pairs on demand, as the app's packed exposures do (workers/exposure-rows.ts).
 */
export interface ExposureRows {
  readonly length: number;
  /** The pair at position `i` (negative counts from the end, as `Array.prototype.at`), or undefined. */
  at(i: number): Exposure | undefined;
  /**
   * True when the rows are known to hold every flow × attacker pair, flows in id order, the
   * attackers in one order in every row: the search by position then finds every pair there is,
   * and a pair it misses is not there (no index of all pairs is built for it).
   */
  readonly complete?: boolean;
}

/** The exposure of a pair, or undefined. */
export type ExposureLookup = (flow: string, attacker: string) => Exposure | undefined;

/**
 * A look-up over `exposures`; `indexed` says which exposures the fallback index needs to hold
 * (callers that only ever ask for pairs that see something can leave the rest out).
 */
export function exposureLookup(exposures: ExposureRows, indexed: (e: Exposure) => boolean = () => true): ExposureLookup {
  if (exposures instanceof ExposureTable) return tableLookup(exposures);
  const attackers = new Map<string, number>();
  for (let i = 0; i < exposures.length; i++) {
    const attacker = exposures.at(i)!.attacker;
    if (attackers.has(attacker)) break;
    attackers.set(attacker, i);
  }
  const width = Math.max(1, attackers.size);
  const rows = Math.floor(exposures.length / width);
  let byPair: Map<string, Exposure> | undefined;
  // The row found last: callers mostly go through the flows in order (a matrix, a diff), so the
  // row asked for is that one or the next, found without a search.
  let hint = 0;
  const rowOf = (flow: string): number => {
    if (hint < rows && exposures.at(hint * width)!.flow === flow) return hint;
    if (hint + 1 < rows && exposures.at((hint + 1) * width)!.flow === flow) return ++hint;
    let lo = 0;
    let hi = rows;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (exposures.at(mid * width)!.flow < flow) lo = mid + 1;
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

/**
 * A look-up over a table: the row by the flow's id (a binary search over the flows when they are
 * in id order, else a map made once), the attacker's column, and the pair kept there or a plain one.
 */
function tableLookup(table: ExposureTable): ExposureLookup {
  const columns = new Map(table.attackers.map((a, k) => [a, k]));
  const flows = table.flows;
  let rows: Map<string, number> | undefined;
  let hint = 0;
  const rowOf = (flow: string): number => {
    if (!table.complete) {
      rows ??= new Map(flows.map((f, i) => [f.id, i]));
      return rows.get(flow) ?? -1;
    }
    if (hint < flows.length && flows[hint]!.id === flow) return hint;
    if (hint + 1 < flows.length && flows[hint + 1]!.id === flow) return ++hint;
    let lo = 0;
    let hi = flows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (flows[mid]!.id < flow) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= flows.length || flows[lo]!.id !== flow) return -1;
    hint = lo;
    return lo;
  };
  return (flow, attacker) => {
    const k = columns.get(attacker);
    const row = k === undefined ? -1 : rowOf(flow);
    if (row < 0) return undefined;
    const position = row * table.attackers.length + k!;
    const slot = table.slotOf(position);
    return table.positions[slot] === position ? table.detailed[slot] : plainPair(flow, attacker);
  };
}

function indexPairs(exposures: ExposureRows, indexed: (e: Exposure) => boolean): Map<string, Exposure> {
  const byPair = new Map<string, Exposure>();
  for (let i = 0; i < exposures.length; i++) {
    const e = exposures.at(i)!;
    if (indexed(e)) byPair.set(`${e.flow}\u0000${e.attacker}`, e);
  }
  return byPair;
}
