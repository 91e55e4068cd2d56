/**
 * Every flow's result and throughput summary of a one-shot analysis (SPEC §4 `flows` and
 * `throughput.flows`), kept as columns and made into objects when read. Kept as two objects per
 * flow, with a boxed number for each fractional figure, they were 18 MB of a 1,000-host analysis's
 * result, every byte of it copied by a scavenge and written to fresh pages; as a few typed arrays
 * allocated once, the result is 101 → 91 MB at 1,000 hosts and 503 → 450 MB at 5,000
 * (docs/performance.md, "Flow rows as columns"). An analysis session keeps the objects, as its
 * edits replace rows one by one.
 */
import type { Flow } from '../model/types.ts';
import { RowList } from './row-list.ts';
import type { FlowSummary } from './throughput/types.ts';
import type { FlowResult } from './types.ts';

/**
 * A flow's result, made whole in one literal in the order SPEC §4 writes its fields (a result
 * given two fields later grew a second object for them). The one maker of these rows: for an
 * analysis session's results and for a flow table's.
 */
export function flowResultRow(
  id: string,
  path: string[],
  plaintextLinks: string[],
  innerMtu: number | null,
  overheadBytes: number | null,
  unreachable: string | undefined,
  maxGbps: number | null | undefined,
  bottleneck: string | null | undefined,
): FlowResult {
  return unreachable !== undefined
    ? { id, path, plaintextLinks, innerMtu, overheadBytes, unreachable, maxGbps, bottleneck }
    : { id, path, plaintextLinks, innerMtu, overheadBytes, maxGbps, bottleneck };
}

// What a numeric column holds at a row: a number, null or undefined (a field present and unset).
const IS_NUMBER = 0;
const IS_NULL = 1;
const IS_UNDEFINED = 2;

// The numeric fields of a row, by column.
const RATE = 0;
const PACKET = 1;
const PAYLOAD = 2;
const S_MTU = 3;
const S_OVERHEAD = 4;
const EFFICIENCY = 5;
const S_MAX = 6;
const R_MTU = 7;
const R_OVERHEAD = 8;
const R_MAX = 9;
const COLUMNS = 10;

/** The rows of a flow table, one kind of them. */
class TableRows<T> extends RowList<T> {
  readonly length: number;
  readonly #make: (i: number) => T;

  constructor(length: number, make: (i: number) => T) {
    super();
    this.length = length;
    this.#make = make;
  }

  protected row(i: number): T {
    return this.#make(i);
  }
}

/** Each flow's result and summary by position, as columns; rows are made when read and not kept (`array` keeps a whole list). */
export class FlowTable {
  readonly #flows: readonly Flow[];
  readonly #values: Float64Array;
  readonly #kinds: Uint8Array;
  readonly #paths: string[][];
  readonly #plaintext: string[][];
  readonly #resultBottleneck: (string | null | undefined)[];
  readonly #summaryBottleneck: (string | null | undefined)[];
  /** Why a flow has no path, by position: few flows have one. */
  readonly #unreachable = new Map<number, string>();
  /** The results, SPEC §4 `flows`. */
  readonly results: RowList<FlowResult>;
  /** The throughput summaries, SPEC §4 `throughput.flows`. */
  readonly summaries: RowList<FlowSummary>;

  /** A table for `flows`, in the order of their rows (an analysis's: by id). */
  constructor(flows: readonly Flow[]) {
    const n = flows.length;
    this.#flows = flows;
    this.#values = new Float64Array(n * COLUMNS);
    this.#kinds = new Uint8Array(n * COLUMNS);
    this.#paths = new Array<string[]>(n);
    this.#plaintext = new Array<string[]>(n);
    this.#resultBottleneck = new Array<string | null | undefined>(n);
    this.#summaryBottleneck = new Array<string | null | undefined>(n);
    this.results = new TableRows(n, (i) => this.#result(i));
    this.summaries = new TableRows(n, (i) => this.#summary(i));
  }

  #put(i: number, column: number, value: number | null | undefined): void {
    const at = i * COLUMNS + column;
    if (typeof value === 'number') {
      this.#values[at] = value;
      this.#kinds[at] = IS_NUMBER;
    } else this.#kinds[at] = value === null ? IS_NULL : IS_UNDEFINED;
  }

  #get(i: number, column: number): number | null | undefined {
    const at = i * COLUMNS + column;
    const kind = this.#kinds[at];
    return kind === IS_NUMBER ? this.#values[at]! : kind === IS_NULL ? null : undefined;
  }

  /** Writes the result of the flow at position `i` (made by `flowResultRow`). */
  setResult(i: number, result: FlowResult): void {
    this.#paths[i] = result.path;
    this.#plaintext[i] = result.plaintextLinks;
    this.#put(i, R_MTU, result.innerMtu);
    this.#put(i, R_OVERHEAD, result.overheadBytes);
    this.#put(i, R_MAX, result.maxGbps);
    this.#resultBottleneck[i] = result.bottleneck;
    if (result.unreachable !== undefined) this.#unreachable.set(i, result.unreachable);
  }

  /** Writes the throughput summary of the flow at position `i`. */
  setSummary(i: number, summary: FlowSummary): void {
    this.#put(i, RATE, summary.rateGbps);
    this.#put(i, PACKET, summary.packetBytes);
    this.#put(i, PAYLOAD, summary.payloadBytes);
    this.#put(i, S_MTU, summary.innerMtu);
    this.#put(i, S_OVERHEAD, summary.overheadBytes);
    this.#put(i, EFFICIENCY, summary.wireEfficiency);
    this.#put(i, S_MAX, summary.maxGbps);
    this.#summaryBottleneck[i] = summary.bottleneck;
  }

  #result(i: number): FlowResult {
    return flowResultRow(
      this.#flows[i]!.id,
      this.#paths[i]!,
      this.#plaintext[i]!,
      this.#get(i, R_MTU) as number | null,
      this.#get(i, R_OVERHEAD) as number | null,
      this.#unreachable.get(i),
      this.#get(i, R_MAX),
      this.#resultBottleneck[i],
    );
  }

  /** A summary in the order of its fields as the estimator makes them (throughput/flow-figures.ts). */
  #summary(i: number): FlowSummary {
    return {
      flow: this.#flows[i]!.id,
      rateGbps: this.#get(i, RATE) as number,
      packetBytes: this.#get(i, PACKET) as number | null,
      payloadBytes: this.#get(i, PAYLOAD) as number | null,
      innerMtu: this.#get(i, S_MTU) as number | null,
      overheadBytes: this.#get(i, S_OVERHEAD) as number | null,
      wireEfficiency: this.#get(i, EFFICIENCY) as number | null,
      maxGbps: this.#get(i, S_MAX) as number | null,
      bottleneck: this.#summaryBottleneck[i] as string | null,
    };
  }
}
