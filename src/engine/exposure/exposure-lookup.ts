/**
 * Finding the exposure of one flow × attacker pair without a table of all pairs (a 1,000-host
 * region has half a million, a 5,000-host one 2.5 million). The engine lists exposures flow by
 * flow, flows in id order, the attackers in one order in every row (SPEC §4): a pair is then found
 * by a binary search over the rows and its attacker's position. Any other list (a session passes
 * only the pairs an edit changed) is indexed pair by pair, once, at the first look-up that needs it.
 */
import type { Exposure } from '../types.ts';

/** The exposure of a pair, or undefined. */
export type ExposureLookup = (flow: string, attacker: string) => Exposure | undefined;

/**
 * A look-up over `exposures`; `indexed` says which exposures the fallback index needs to hold
 * (callers that only ever ask for pairs that see something can leave the rest out).
 */
export function exposureLookup(exposures: readonly Exposure[], indexed: (e: Exposure) => boolean = () => true): ExposureLookup {
  const attackers = new Map<string, number>();
  for (let i = 0; i < exposures.length && !attackers.has(exposures[i]!.attacker); i++) attackers.set(exposures[i]!.attacker, i);
  const width = Math.max(1, attackers.size);
  const rows = Math.floor(exposures.length / width);
  let byPair: Map<string, Exposure> | undefined;
  return (flow, attacker) => {
    const k = attackers.get(attacker);
    if (k !== undefined) {
      let lo = 0;
      let hi = rows;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (exposures[mid * width]!.flow < flow) lo = mid + 1;
        else hi = mid;
      }
      const e = lo < rows ? exposures[lo * width + k] : undefined;
      if (e?.flow === flow && e.attacker === attacker) return e;
    }
    byPair ??= new Map(exposures.filter(indexed).map((e) => [`${e.flow}\u0000${e.attacker}`, e]));
    return byPair.get(`${flow}\u0000${attacker}`);
  };
}
