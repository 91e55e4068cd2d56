/**
 * Exposures as they travel from the analysis worker to the page. A 1,000-host region has 500,000
 * flow × attacker pairs and 88 % of them are plain `none` (no vantage, no reason): posting them as
 * objects made the page deserialise half a million objects, a 5,000-host region two and a half
 * million. Packed, only the pairs that say something travel as objects, with their positions in
 * one typed array (copied as one block); the page keeps them so and reads them by position
 * (exposure-rows.ts), making a plain `none` pair only when asked for it.
 */
import type { Exposure } from '../src/engine/types.ts';

/** The exposures of an analysis without their plain `none` pairs. */
export interface PackedExposures {
  /** Attacker ids in the order of each flow's row of pairs. */
  attackers: string[];
  /** Positions (flow index × attackers + attacker index) of the pairs that have vantages or reasons, ascending. */
  at: Int32Array;
  /** Those pairs, in the same order. */
  detailed: Exposure[];
}

/** A pair that says nothing: no vantage, no reason, level none (SPEC X6). */
export function plainExposure(e: Exposure): boolean {
  return e.level === 'none' && !e.tamper && e.vantages.length === 0 && e.reasons.length === 0;
}

/**
 * Packs `exposures`, which list every flow × attacker pair, flows in the order of `flows` and the
 * same attackers in the same order for every flow (SPEC §4). Undefined when they are not laid out
 * so: then they travel as they are.
 */
export function packExposures(exposures: readonly Exposure[], flows: readonly { id: string }[]): PackedExposures | undefined {
  if (flows.length === 0 || exposures.length % flows.length !== 0) return undefined;
  const count = exposures.length / flows.length;
  const attackers = exposures.slice(0, count).map((e) => e.attacker);
  let detailedCount = 0;
  for (let i = 0; i < exposures.length; i++) {
    const e = exposures[i]!;
    if (e.flow !== flows[Math.floor(i / count)]!.id || e.attacker !== attackers[i % count]) return undefined;
    if (!plainExposure(e)) detailedCount++;
  }
  const at = new Int32Array(detailedCount);
  const detailed = new Array<Exposure>(detailedCount);
  let n = 0;
  for (let i = 0; i < exposures.length; i++) {
    if (plainExposure(exposures[i]!)) continue;
    at[n] = i;
    detailed[n++] = exposures[i]!;
  }
  return { attackers, at, detailed };
}
