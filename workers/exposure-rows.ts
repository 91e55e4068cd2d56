/**
 * The exposures of an analysis by position, without a list of all pairs. The page keeps the
 * exposures packed as they arrive (packed-exposures.ts) and reads them through `ExposureRows`: a
 * pair that says something is found by a binary search over the packed positions, and each pair
 * is made (flow, attacker, level and tamper bit) when asked for; its vantages and reasons stay in
 * the worker. Unpacked, a 5,000-host region's 2.5 million pairs were 2.2 million
 * more objects on the page's heap (about 90 MiB kept, bench/explore.mjs) made in a pass before
 * the analysis showed. A plain `Exposure[]` is rows as well (small results, tests), through
 * `Array.prototype.at`.
 */
import type { ExposureRows } from '../src/engine/exposure/exposure-lookup.ts';
import { OutcomeRows, type PackedExposures } from '../src/engine/exposure/exposure-table.ts';
import type { ExposureHead } from '../src/engine/types.ts';

export type { ExposureRows };

/**
 * The rows of `packed`, whose flows are `flows` (the analysis's, in id order): the engine's
 * table's outcomes again. Each pair is a fresh object, made when asked for: nothing holds all pairs.
 */
export function createPackedRows(
  packed: PackedExposures,
  flows: readonly { id: string }[],
): ExposureRows<ExposureHead> {
  return OutcomeRows.fromPacked(packed, flows);
}
