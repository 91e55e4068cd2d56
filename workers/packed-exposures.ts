/**
 * Exposures as they travel from the analysis worker to the page. A 1,000-host region has 500,000
 * flow × attacker pairs and 88 % of them are plain `none` (no vantage, no reason): posting them as
 * objects made the page deserialise half a million objects, a 5,000-host region two and a half
 * million. Packed, only the pairs that say something travel, as their positions and outcomes
 * (level and tamper bit) in two typed arrays (each copied as one block); the page keeps them so
 * and reads them by position (exposure-rows.ts), and asks the worker for the vantages and reasons
 * of the one pair it shows (`analysisApi.exposureDetail`).
 */
import type { ExposureList } from '../src/engine/types.ts';
import { ExposureTable, outcomeOf, plainExposure, type PackedExposures } from '../src/engine/exposure/exposure-table.ts';

/**
 * Packs `exposures`, which list every flow × attacker pair, flows in the order of `flows` and the
 * same attackers in the same order for every flow (SPEC §4). Undefined when they are not laid out
 * so: then they travel as they are. The engine's table is packed already.
 */
export function packExposures(exposures: ExposureList, flows: readonly { id: string }[]): PackedExposures | undefined {
  if (flows.length === 0 || exposures.length % flows.length !== 0) return undefined;
  if (exposures instanceof ExposureTable && exposures.flows.length === flows.length && exposures.flows.every((f, i) => f.id === flows[i]!.id)) return exposures.packed();
  const count = exposures.length / flows.length;
  const attackers = exposures.slice(0, count).map((e) => e.attacker);
  let detailedCount = 0;
  for (let i = 0; i < exposures.length; i++) {
    const e = exposures.at(i)!;
    if (e.flow !== flows[Math.floor(i / count)]!.id || e.attacker !== attackers[i % count]) return undefined;
    if (!plainExposure(e)) detailedCount++;
  }
  const at = new Int32Array(detailedCount);
  const outcomes = new Uint8Array(detailedCount);
  let n = 0;
  for (let i = 0; i < exposures.length; i++) {
    const e = exposures.at(i)!;
    if (plainExposure(e)) continue;
    at[n] = i;
    outcomes[n++] = outcomeOf(e);
  }
  return { attackers, at, outcomes };
}
