/**
 * Every flow × attacker exposure of an analysis (SPEC §4: one per pair, by flow then attacker)
 * without an object per pair. Most pairs are plain `none` (no vantage, no reason: 88 % of a
 * 1,000-host region's half a million pairs); the table keeps only the others, with their positions
 * in one typed array, and makes a plain pair when it is read. Made as objects, the plain pairs of
 * a 5,000-host region were 2.2 million objects and 1.5–2 s of its analysis.
 *
 * The table reads like a list (`at`, `length`, iteration and the array methods the consumers use),
 * so a plain `Exposure[]` can stand in for it (tests, small hand-made analyses): both are an
 * `ExposureList`. The page receives the same table, packed (`packed`), and reads it by position.
 */
import type { Exposure, ExposureList } from '../types.ts';
import { slotOf } from '../sorted-lists.ts';
import type { ExposureRows } from './exposure-lookup.ts';

// Shared, frozen empty lists, as pairs without a vantage have everywhere in the engine.
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];
const NO_REASONS: Exposure['reasons'] = Object.freeze([]) as unknown as Exposure['reasons'];

/** The exposures of an analysis without their plain `none` pairs, as they travel to the page. */
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

/** The plain `none` exposure of a pair, a fresh object. */
export function plainPair(flow: string, attacker: string): Exposure {
  return { flow, attacker, level: 'none', tamper: false, vantages: NO_IDS, reasons: NO_REASONS };
}

/** Every flow × attacker pair, flows in the order of `flows`, attackers in the order of `attackers` in every row. */
export class ExposureTable implements ExposureList, ExposureRows {
  readonly length: number;
  readonly flows: readonly { id: string }[];
  readonly attackers: readonly string[];
  /** Positions of the pairs that are not plain, ascending. */
  readonly positions: Int32Array;
  /** Those pairs, in the same order. */
  readonly detailed: readonly Exposure[];
  #complete: boolean | undefined;

  constructor(flows: readonly { id: string }[], attackers: readonly string[], positions: Int32Array, detailed: readonly Exposure[]) {
    this.flows = flows;
    this.attackers = attackers;
    this.positions = positions;
    this.detailed = detailed;
    this.length = flows.length * attackers.length;
  }

  /** The table of packed exposures whose flows are `flows`. */
  static fromPacked(packed: PackedExposures, flows: readonly { id: string }[]): ExposureTable {
    return new ExposureTable(flows, packed.attackers, packed.at, packed.detailed);
  }

  /**
   * Every pair is there; a look-up may trust a miss when the flows are also in id order, as the
   * engine lists them (SPEC §4), and no attacker repeats (see `ExposureRows.complete`). Checked
   * once, when first asked.
   */
  get complete(): boolean {
    const { attackers, flows } = this;
    this.#complete ??= new Set(attackers).size === attackers.length && flows.every((f, i) => i === 0 || flows[i - 1]!.id < f.id);
    return this.#complete;
  }

  /** The slot in `positions` of position `i`, or of the first position after it. */
  slotOf(i: number): number {
    return slotOf(this.positions, i);
  }

  at(index: number): Exposure | undefined {
    // The conversion of `Array.prototype.at` (ToIntegerOrInfinity; NaN is 0), so both kinds of lists agree.
    let i = Math.trunc(index) || 0;
    if (i < 0) i += this.length;
    if (!(i >= 0 && i < this.length)) return undefined;
    const k = this.slotOf(i);
    if (this.positions[k] === i) return this.detailed[k];
    const width = this.attackers.length;
    return plainPair(this.flows[Math.floor(i / width)]!.id, this.attackers[i % width]!);
  }

  /** Every pair in order; plain ones are made as they are reached. */
  *[Symbol.iterator](): Iterator<Exposure> {
    const { positions, detailed, attackers, flows } = this;
    const width = attackers.length;
    let k = 0;
    for (let f = 0, i = 0; f < flows.length; f++) {
      const flow = flows[f]!.id;
      for (let a = 0; a < width; a++, i++) {
        if (k < positions.length && positions[k] === i) yield detailed[k++]!;
        else yield plainPair(flow, attackers[a]!);
      }
    }
  }

  forEach(visit: (e: Exposure, i: number) => void): void {
    let i = 0;
    for (const e of this) visit(e, i++);
  }

  map<U>(f: (e: Exposure, i: number) => U): U[] {
    const out = new Array<U>(this.length);
    let i = 0;
    for (const e of this) out[i] = f(e, i++);
    return out;
  }

  flatMap<U>(f: (e: Exposure, i: number) => U | readonly U[]): U[] {
    return this.map(f).flat() as U[];
  }

  filter(keep: (e: Exposure, i: number) => boolean): Exposure[] {
    const out: Exposure[] = [];
    let i = 0;
    for (const e of this) if (keep(e, i++)) out.push(e);
    return out;
  }

  find(match: (e: Exposure, i: number) => boolean): Exposure | undefined {
    let i = 0;
    for (const e of this) if (match(e, i++)) return e;
    return undefined;
  }

  findIndex(match: (e: Exposure, i: number) => boolean): number {
    let i = 0;
    for (const e of this) {
      if (match(e, i)) return i;
      i++;
    }
    return -1;
  }

  some(match: (e: Exposure, i: number) => boolean): boolean {
    return this.findIndex(match) >= 0;
  }

  every(match: (e: Exposure, i: number) => boolean): boolean {
    return this.findIndex((e, i) => !match(e, i)) < 0;
  }

  slice(start = 0, end = this.length): Exposure[] {
    const from = start < 0 ? Math.max(0, this.length + start) : Math.min(start, this.length);
    const to = end < 0 ? Math.max(0, this.length + end) : Math.min(end, this.length);
    const out: Exposure[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i)!);
    return out;
  }

  /** As a list, for `JSON.stringify` (the CLI's JSON writer goes through the pairs one by one). */
  toJSON(): Exposure[] {
    return [...this];
  }

  /** What the page is sent: the positions are copied, the pairs are the table's. */
  packed(): PackedExposures {
    return { attackers: [...this.attackers], at: this.positions.slice(), detailed: [...this.detailed] };
  }
}

/** Gathers a table's pairs in position order; plain pairs are left out. */
export class ExposureTableBuilder {
  #positions: number[] = [];
  #detailed: Exposure[] = [];

  /** Adds the pair at `position` (positions come ascending) unless it is plain. */
  add(position: number, e: Exposure): void {
    if (plainExposure(e)) return;
    this.#positions.push(position);
    this.#detailed.push(e);
  }

  build(flows: readonly { id: string }[], attackers: readonly string[]): ExposureTable {
    return new ExposureTable(flows, attackers, Int32Array.from(this.#positions), this.#detailed);
  }
}

/**
 * Calls `visit` with the position and pair of each pair a table keeps (the others are plain), or of
 * every pair of a plain list: what readers that skip plain pairs anyway go through.
 */
export function forEachKept(list: ExposureRows, visit: (position: number, e: Exposure) => void): void {
  if (list instanceof ExposureTable) {
    for (let n = 0; n < list.detailed.length; n++) visit(list.positions[n]!, list.detailed[n]!);
  } else {
    for (let i = 0; i < list.length; i++) visit(i, list.at(i)!);
  }
}

/** The exposures that are not plain, in order. */
export function detailedExposures(list: ExposureList): readonly Exposure[] {
  if (list instanceof ExposureTable) return list.detailed;
  return list.filter((e) => !plainExposure(e));
}
