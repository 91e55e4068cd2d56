/**
 * The protection comparison (SPEC T8) as it crosses from a worker to the page. Each row lists, per
 * attacker, the flows it reads or can tamper with: at 250,000 flows (a 5,000-host region) millions
 * of ids, and structured cloning makes a new string of every one of them on the page (one message
 * held the page for about a second, mostly deserialising and collecting those strings). Packed,
 * every id crosses once and the lists are positions in that list (`Uint32Array`s, transferred);
 * unpacked, the lists share those strings.
 */
import * as Comlink from 'comlink';
import type { AttackerExposure, Comparison } from '../src/engine/throughput/compare-protections.ts';
import { mergeComparisons } from '../src/engine/throughput/comparison-halves.ts';

/** An attacker's flow lists as positions in `PackedComparison.flowIds`. */
type PackedExposure = Omit<AttackerExposure, 'payload' | 'headers' | 'tamper'> & { payload: Uint32Array; headers: Uint32Array; tamper: Uint32Array };

/** A comparison with its flow lists packed (`packComparison`). */
export interface PackedComparison {
  packed: true;
  flowIds: string[];
  alternatives: (Omit<Comparison['alternatives'][number], 'exposure'> & { exposure: PackedExposure[] })[];
}

/** The comparison packed, each id listed once in the order first met. */
export function packComparison(comparison: Comparison): PackedComparison {
  const flowIds: string[] = [];
  const at = new Map<string, number>();
  const positions = (ids: readonly string[]): Uint32Array => {
    const out = new Uint32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      let p = at.get(ids[i]!);
      if (p === undefined) at.set(ids[i]!, (p = flowIds.push(ids[i]!) - 1));
      out[i] = p;
    }
    return out;
  };
  const alternatives = comparison.alternatives.map((a) => ({
    ...a,
    exposure: a.exposure.map((e) => ({ ...e, payload: positions(e.payload), headers: positions(e.headers), tamper: positions(e.tamper) })),
  }));
  return { packed: true, flowIds, alternatives };
}

/** The buffers of a packed comparison's position lists. */
function buffersOf(packed: PackedComparison): ArrayBuffer[] {
  return packed.alternatives.flatMap((a) => a.exposure.flatMap((e) => [e.payload.buffer, e.headers.buffer, e.tamper.buffer])) as ArrayBuffer[];
}

/** The packed comparison marked so that its position lists are transferred, not copied (Comlink). */
export function transferredComparison(packed: PackedComparison): PackedComparison {
  return Comlink.transfer(packed, buffersOf(packed));
}

/** The comparison back from its packed form: the lists hold the very strings of `flowIds`. */
export function unpackComparison(packed: PackedComparison): Comparison {
  const { flowIds } = packed;
  const ids = (positions: Uint32Array): string[] => {
    const out = new Array<string>(positions.length);
    for (let i = 0; i < positions.length; i++) out[i] = flowIds[positions[i]!]!;
    return out;
  };
  return {
    alternatives: packed.alternatives.map((a) => ({
      ...a,
      exposure: a.exposure.map((e) => ({ ...e, payload: ids(e.payload), headers: ids(e.headers), tamper: ids(e.tamper) })),
    })),
  };
}

/**
 * A comparison as the packed parts it reached the page in (each a worker's share of the table,
 * `mergeComparisons` of them unpacked is the table), for sending it back to a worker: a report
 * exported after the comparison view hands the table to the worker that writes the report, and
 * posting the unpacked table, millions of ids at 5,000 hosts, held the page for 1.0–1.8 s while
 * the browser serialised it.
 */
export interface PackedParts {
  packedParts: PackedComparison[];
}

/**
 * Packed parts to send to a worker, with copies of their position lists and those copies' buffers
 * to move rather than serialise (Comlink's transfer marks the request that carries them): the page
 * keeps its own lists for the next export, and a request sent twice (as an edit of its text, then
 * whole) copies afresh. At 5,000 hosts the lists are millions of positions.
 */
export function movedParts(parts: readonly PackedComparison[]): { carried: PackedParts; buffers: ArrayBuffer[] } {
  const packedParts = parts.map((part) => ({
    ...part,
    alternatives: part.alternatives.map((a) => ({ ...a, exposure: a.exposure.map((e) => ({ ...e, payload: e.payload.slice(), headers: e.headers.slice(), tamper: e.tamper.slice() })) })),
  }));
  return { carried: { packedParts }, buffers: packedParts.flatMap(buffersOf) };
}

/** The table a request carries, as a table or as its packed parts (unpacked and joined here). */
export function comparisonOf(carried: Comparison | PackedParts): Comparison {
  return 'packedParts' in carried ? mergeComparisons(carried.packedParts.map(unpackComparison)) : carried;
}
