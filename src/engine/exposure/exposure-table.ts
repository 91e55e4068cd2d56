/**
 * Every flow × attacker exposure of an analysis (SPEC §4: one per pair, by flow then attacker)
 * without an object per pair. Most pairs are plain `none` (no vantage, no reason: 88 % of a
 * 1,000-host region's half a million pairs); the table keeps only the others, with their positions
 * in one typed array, and makes a plain pair when it is read. Made as objects, the plain pairs of
 * a 5,000-host region were 2.2 million objects and 1.5–2 s of its analysis.
 *
 * The table reads like a list (`at`, `length`, iteration and the array methods the consumers use),
 * so a plain `Exposure[]` can stand in for it (tests, small hand-made analyses): both are an
 * `ExposureList`. The page receives its outcomes, packed (`packed`), reads them by position
 * (`OutcomeRows`) and asks the worker for the one pair whose reasons it shows.
 */
import { EXPOSURE_LEVELS } from '../../model/enums.ts';
import type { ExposureLevel } from '../../model/types.ts';
import type { Exposure, ExposureHead, ExposureList } from '../types.ts';
import { slotOf } from '../sorted-lists.ts';
import type { ExposureRows } from './exposure-lookup.ts';
import { TAMPER_BIT } from './read-stack.ts';

// Shared, frozen empty lists, as pairs without a vantage have everywhere in the engine.
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];
const NO_REASONS: Exposure['reasons'] = Object.freeze([]) as unknown as Exposure['reasons'];

/** The outcomes of an analysis's exposures without their plain `none` pairs, as they travel to the page. */
export interface PackedExposures {
  /** Attacker ids in the order of each flow's row of pairs. */
  attackers: string[];
  /** Positions (flow index × attackers + attacker index) of the pairs that have vantages or reasons, ascending. */
  at: Int32Array;
  /** The outcome of each of those pairs (`OutcomeRows.outcomes`), in the same order. */
  outcomes: Uint8Array;
}

/** A pair that says nothing: no vantage, no reason, level none (SPEC X6). */
export function plainExposure(e: Exposure): boolean {
  return e.level === 'none' && !e.tamper && e.vantages.length === 0 && e.reasons.length === 0;
}

/** The plain `none` exposure of a pair, a fresh object. */
export function plainPair(flow: string, attacker: string): Exposure {
  return { flow, attacker, level: 'none', tamper: false, vantages: NO_IDS, reasons: NO_REASONS };
}

/** The outcome of a pair (level rank, plus the tamper bit), as `exposureOutcome` gives it. */
export function outcomeOf(e: ExposureHead): number {
  return EXPOSURE_LEVELS.indexOf(e.level) | (e.tamper ? TAMPER_BIT : 0);
}

/** Makes the exposure of the pair at a position with its vantages and reasons (`exposeFlow`). */
export type DetailMaker = (position: number) => Exposure;

/**
 * Every flow × attacker pair's outcome, flows in the order of `flows`, attackers in the order of
 * `attackers` in every row: of the pairs that are not plain, their positions and outcomes; the
 * others are plain. What the page holds of an analysis's exposures (`fromPacked`), and the part of
 * the engine's `ExposureTable` that decides.
 */
export class OutcomeRows implements ExposureRows<ExposureHead> {
  readonly length: number;
  readonly flows: readonly { id: string }[];
  readonly attackers: readonly string[];
  /** Positions of the pairs that are not plain, ascending. */
  readonly positions: Int32Array;
  /** The outcome of each of those pairs: the level's rank (none 0 … payload 3), plus 4 when the attacker can tamper. */
  readonly outcomes: Uint8Array;
  #complete: boolean | undefined;

  constructor(flows: readonly { id: string }[], attackers: readonly string[], positions: Int32Array, outcomes: Uint8Array) {
    this.flows = flows;
    this.attackers = attackers;
    this.positions = positions;
    this.outcomes = outcomes;
    this.length = flows.length * attackers.length;
  }

  /** The rows of packed exposures whose flows are `flows`. */
  static fromPacked(packed: PackedExposures, flows: readonly { id: string }[]): OutcomeRows {
    return new OutcomeRows(flows, packed.attackers, packed.at, packed.outcomes);
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

  /** The level of the pair in slot `k`. */
  levelAt(k: number): ExposureLevel {
    return EXPOSURE_LEVELS[this.outcomes[k]! & 3]!;
  }

  /** Whether the attacker of the pair in slot `k` can tamper with its flow. */
  tamperAt(k: number): boolean {
    return (this.outcomes[k]! & TAMPER_BIT) !== 0;
  }

  /** The position `Array.prototype.at` reads for `index` (ToIntegerOrInfinity; NaN is 0), or -1 outside the rows. */
  protected positionOf(index: number): number {
    let i = Math.trunc(index) || 0;
    if (i < 0) i += this.length;
    return i >= 0 && i < this.length ? i : -1;
  }

  /** The pair at `index` without its details (negative counts from the end). */
  at(index: number): ExposureHead | undefined {
    return this.headAt(index);
  }

  /**
   * The pair at `index` without its details, also of a table: what readers of an earlier analysis
   * of a session go through, since a pair's details are made from the session as it is now.
   */
  headAt(index: number): ExposureHead | undefined {
    const i = this.positionOf(index);
    if (i < 0) return undefined;
    const width = this.attackers.length;
    const flow = this.flows[Math.floor(i / width)]!.id;
    const attacker = this.attackers[i % width]!;
    const k = this.slotOf(i);
    if (this.positions[k] !== i) return { flow, attacker, level: 'none', tamper: false };
    return { flow, attacker, level: this.levelAt(k), tamper: this.tamperAt(k) };
  }

  /**
   * Every pair in order, each made by `make` as it is reached from its flow, attacker and slot
   * (-1 for a plain pair): one pass over the kept positions, no search.
   */
  protected *pairs<T>(make: (flow: string, attacker: string, k: number) => T): Generator<T> {
    const { positions, attackers, flows } = this;
    const width = attackers.length;
    let k = 0;
    for (let f = 0, i = 0; f < flows.length; f++) {
      const flow = flows[f]!.id;
      for (let a = 0; a < width; a++, i++) yield make(flow, attackers[a]!, k < positions.length && positions[k] === i ? k++ : -1);
    }
  }

  /** Every pair in order, without details. */
  [Symbol.iterator](): Iterator<ExposureHead> {
    return this.pairs((flow, attacker, k): ExposureHead => (k < 0 ? { flow, attacker, level: 'none', tamper: false } : { flow, attacker, level: this.levelAt(k), tamper: this.tamperAt(k) }));
  }

  /** These rows without details (of a table: its outcomes alone, the arrays shared). */
  heads(): OutcomeRows {
    return new OutcomeRows(this.flows, this.attackers, this.positions, this.outcomes);
  }

  /** What the page is sent: the positions and outcomes, copied. */
  packed(): PackedExposures {
    return { attackers: [...this.attackers], at: this.positions.slice(), outcomes: this.outcomes.slice() };
  }
}

/**
 * Every flow × attacker pair, flows in the order of `flows`, attackers in the order of `attackers` in
 * every row. Of each pair that is not plain the table keeps its level and tamper bit; its vantages
 * and reasons are made the first time the pair is read as an `Exposure` (`DetailMaker`) and kept
 * from then on. Of a 1,000-host region's 60,000 such pairs, the reports and the JSON read them
 * all, the rules the 15,000 that break a requirement, the app one at a time; all made with the
 * analysis, they took about 100 ms of its 1.5 s.
 */
export class ExposureTable extends OutcomeRows implements ExposureList, ExposureRows {
  /** The pairs made so far by slot (holes for the others); made with the first of them. */
  #details: (Exposure | undefined)[] | undefined;
  readonly #make: DetailMaker | undefined;

  /**
   * A table of the pairs at `positions`, with their `outcomes`; `details` holds the pairs made
   * already (index by slot, holes for the others; none made: nothing), `make` makes the others.
   */
  constructor(
    flows: readonly { id: string }[],
    attackers: readonly string[],
    positions: Int32Array,
    outcomes: Uint8Array,
    details: (Exposure | undefined)[] | undefined,
    make?: DetailMaker,
  ) {
    super(flows, attackers, positions, outcomes);
    this.#details = details;
    this.#make = make;
  }

  /** The pair in slot `k`, with its vantages and reasons (made now if not yet). */
  detail(k: number): Exposure {
    let e = this.#details?.[k];
    if (e === undefined) {
      if (!this.#make) throw new Error(`exposure at ${this.positions[k]} has no details`);
      e = this.#make(this.positions[k]!);
      // A list of holes as long as the slots, so that writing any slot keeps it a plain array.
      (this.#details ??= new Array<Exposure | undefined>(this.positions.length))[k] = e;
    }
    return e;
  }

  /** The pair in slot `k` if it was made already. */
  made(k: number): Exposure | undefined {
    return this.#details?.[k];
  }

  /** Whether any pair was made already (`made` is undefined for every slot otherwise). */
  anyMade(): boolean {
    return this.#details !== undefined;
  }

  /** Every pair that is not plain, with its details, in order. */
  details(): Exposure[] {
    const out = new Array<Exposure>(this.positions.length);
    for (let k = 0; k < out.length; k++) out[k] = this.detail(k);
    return out;
  }

  override at(index: number): Exposure | undefined {
    // The conversion of `Array.prototype.at`, so both kinds of lists agree.
    const i = this.positionOf(index);
    if (i < 0) return undefined;
    const k = this.slotOf(i);
    if (this.positions[k] === i) return this.detail(k);
    const width = this.attackers.length;
    return plainPair(this.flows[Math.floor(i / width)]!.id, this.attackers[i % width]!);
  }

  /** Every pair in order; plain ones are made as they are reached, kept ones with their details. */
  override [Symbol.iterator](): Iterator<Exposure> {
    return this.pairs((flow, attacker, k) => (k < 0 ? plainPair(flow, attacker) : this.detail(k)));
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
}

/**
 * Gathers a table's pairs in position order; plain pairs are left out. Positions and outcomes go
 * into typed arrays sized from `capacity` (doubled when full), and of the details only the pairs
 * made already are noted: an edit that copies 60,000 pairs from the table before allocates no
 * list of pairs that grows as it is pushed to (arrays that size are fresh memory every time).
 */
export class ExposureTableBuilder {
  #positions: Int32Array;
  #outcomes: Uint8Array;
  #count = 0;
  /** Slots with a made pair, ascending, and those pairs. */
  #madeSlots: number[] = [];
  #made: Exposure[] = [];

  /** `capacity`: how many pairs the table will likely keep (a guess; more fit). */
  constructor(capacity = 1024) {
    const size = Math.max(16, Math.ceil(capacity));
    this.#positions = new Int32Array(size);
    this.#outcomes = new Uint8Array(size);
  }

  /** Adds the pair at `position` (positions come ascending) unless it is plain. */
  add(position: number, e: Exposure): void {
    if (plainExposure(e)) return;
    this.#push(position, outcomeOf(e), e);
  }

  /**
   * Adds a pair that is not plain by its outcome (level rank, plus 4 when the attacker can
   * tamper); its vantages and reasons are made when it is read.
   */
  addOutcome(position: number, outcome: number): void {
    this.#push(position, outcome, undefined);
  }

  /** Adds slot `k` of `table` at `position`, as that table worked it out (with its details, if made). */
  copy(position: number, table: ExposureTable, k: number): void {
    this.#push(position, table.outcomes[k]!, table.made(k));
  }

  /**
   * Adds slots `from` to `to` (exclusive) of `table` at the positions they have there, as that table
   * worked them out: the run is copied whole (an edit that moves a workload keeps all but a few
   * rows of 60,000 pairs, and a pair at a time was a loop per pair the edit's first runs interpret).
   * The positions must come after those added so far.
   */
  copySlots(table: ExposureTable, from: number, to: number): void {
    const count = to - from;
    if (count <= 0) return;
    const n = this.#count;
    this.#room(n + count);
    this.#positions.set(table.positions.subarray(from, to), n);
    this.#outcomes.set(table.outcomes.subarray(from, to), n);
    if (table.anyMade()) {
      for (let k = from; k < to; k++) {
        const e = table.made(k);
        if (e === undefined) continue;
        this.#madeSlots.push(n + k - from);
        this.#made.push(e);
      }
    }
    this.#count = n + count;
  }

  /** Makes the typed arrays hold at least `size` slots (doubled at least, so pushes stay amortised). */
  #room(size: number): void {
    const capacity = this.#positions.length;
    if (size <= capacity) return;
    const grown = Math.max(size, 2 * capacity);
    const positions = new Int32Array(grown);
    positions.set(this.#positions.subarray(0, this.#count));
    this.#positions = positions;
    const outcomes = new Uint8Array(grown);
    outcomes.set(this.#outcomes.subarray(0, this.#count));
    this.#outcomes = outcomes;
  }

  #push(position: number, outcome: number, e: Exposure | undefined): void {
    const n = this.#count;
    if (n === this.#positions.length) this.#room(n + 1);
    this.#positions[n] = position;
    this.#outcomes[n] = outcome;
    if (e !== undefined) {
      this.#madeSlots.push(n);
      this.#made.push(e);
    }
    this.#count = n + 1;
  }

  /** The table; `make` makes the details of the pairs added by outcome. */
  build(flows: readonly { id: string }[], attackers: readonly string[], make?: DetailMaker): ExposureTable {
    const n = this.#count;
    let details: (Exposure | undefined)[] | undefined;
    if (this.#made.length > 0) {
      details = new Array<Exposure | undefined>(n);
      for (let j = 0; j < this.#made.length; j++) details[this.#madeSlots[j]!] = this.#made[j];
    }
    // Views of the filled part: the spare slots are at most what the guess or the last doubling left.
    return new ExposureTable(flows, attackers, this.#positions.subarray(0, n), this.#outcomes.subarray(0, n), details, make);
  }
}

/**
 * Calls `visit` with the position, flow, attacker, level and tamper bit of each pair a table keeps
 * (the others are plain), or of every pair of a plain list: what readers of the outcomes alone
 * that skip plain pairs anyway go through, without making any pair's vantages and reasons.
 */
export function forEachKeptOutcome(list: ExposureRows<ExposureHead>, visit: (position: number, flow: string, attacker: string, level: ExposureLevel, tamper: boolean) => void): void {
  if (list instanceof OutcomeRows) {
    const { positions, outcomes, flows, attackers } = list;
    const width = attackers.length;
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k]!;
      const o = outcomes[k]!;
      visit(p, flows[Math.floor(p / width)]!.id, attackers[p % width]!, EXPOSURE_LEVELS[o & 3]!, (o & TAMPER_BIT) !== 0);
    }
  } else {
    for (let i = 0; i < list.length; i++) {
      const e = list.at(i)!;
      visit(i, e.flow, e.attacker, e.level, e.tamper);
    }
  }
}

/** The pairs of `list` without their details, as rows to read and iterate: a table's outcomes, or the list itself. */
export function exposureHeads(list: ExposureList): ExposureRows<ExposureHead> & Iterable<ExposureHead> {
  return list instanceof OutcomeRows ? list.heads() : list;
}

/** The exposures that are not plain, in order. */
export function detailedExposures(list: ExposureList): readonly Exposure[] {
  if (list instanceof ExposureTable) return list.details();
  return list.filter((e) => !plainExposure(e));
}
