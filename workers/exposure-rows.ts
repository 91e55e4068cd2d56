/**
 * The exposures of an analysis by position, without a list of all pairs. The page keeps the
 * exposures packed as they arrive (packed-exposures.ts) and reads them through `ExposureRows`: a
 * pair that says something is found by a binary search over the packed positions, a plain `none`
 * pair is made when asked for. Unpacked, a 5,000-host region's 2.5 million pairs were 2.2 million
 * more objects on the page's heap (about 90 MiB kept, bench/explore.mjs) made in a pass before
 * the analysis showed. A plain `Exposure[]` is rows as well (small results, tests), through
 * `Array.prototype.at`.
 */
import type { ExposureRows } from '../src/engine/exposure/exposure-lookup.ts';
import type { Exposure } from '../src/engine/types.ts';
import type { PackedExposures } from './packed-exposures.ts';

export type { ExposureRows };

// Shared, frozen empty lists, as the engine gives pairs without a vantage.
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];
const NO_REASONS: Exposure['reasons'] = Object.freeze([]) as unknown as Exposure['reasons'];

/** Rows over a packed table: every flow × attacker pair, flows in the order of `flows`. */
class PackedRows implements ExposureRows {
  readonly length: number;
  readonly #packed: PackedExposures;
  readonly #flows: readonly { id: string }[];
  #complete: boolean | undefined;

  constructor(packed: PackedExposures, flows: readonly { id: string }[]) {
    this.#packed = packed;
    this.#flows = flows;
    this.length = flows.length * packed.attackers.length;
  }

  /**
   * Every pair is there (packExposures checked the layout); a look-up may trust a miss when the
   * flows are also in id order, as the engine lists them (SPEC §4), and no attacker repeats.
   * Checked at the first miss, not on the way to the page.
   */
  get complete(): boolean {
    const { attackers } = this.#packed;
    const flows = this.#flows;
    this.#complete ??= new Set(attackers).size === attackers.length && flows.every((f, i) => i === 0 || flows[i - 1]!.id < f.id);
    return this.#complete;
  }

  at(index: number): Exposure | undefined {
    // The conversion of `Array.prototype.at` (ToIntegerOrInfinity; NaN is 0), so both kinds of rows agree.
    let i = Math.trunc(index) || 0;
    if (i < 0) i += this.length;
    if (!(i >= 0 && i < this.length)) return undefined;
    const { attackers, at, detailed } = this.#packed;
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    if (at[lo] === i) return detailed[lo];
    const width = attackers.length;
    return {
      flow: this.#flows[Math.floor(i / width)]!.id,
      attacker: attackers[i % width]!,
      level: 'none',
      tamper: false,
      vantages: NO_IDS,
      reasons: NO_REASONS,
    };
  }
}

/**
 * The rows of `packed`, whose flows are `flows` (the analysis's, in id order). Each plain `none`
 * pair is a fresh object, made when asked for: nothing holds all pairs.
 */
export function createPackedRows(packed: PackedExposures, flows: readonly { id: string }[]): ExposureRows {
  return new PackedRows(packed, flows);
}
