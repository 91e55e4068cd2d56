/**
 * Load with every flow at its demanded rate (SPEC T7): crypto cores per host against its cores (and
 * one core per IPsec SA, T5), and wire rate per link with every header and the framing counted.
 * Both are sums over flows in flow-id order, from small per-flow records, so an analysis session
 * can re-add them after an edit and get the very same floating-point totals.
 */
import type { Host, Scenario } from '../../model/types.ts';
import type { FlowTrace, Protection } from '../types.ts';
import type { FlowSummary, HostLoad, LinkLoad, SaLoad } from './types.ts';
import { traceAt, type TraceSource } from '../trace-source.ts';
import { idsInOrder, sortIds } from '../sorted-lists.ts';

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One IPsec SA's share of a flow's crypto work at one host. */
export interface SaShare {
  protection: Protection;
  direction: SaLoad['direction'];
  cores: number;
  /**
   * Where this SA and direction sat in the host's sums the last time this share was added
   * (`addShare`), -1 before. Sums made from the last ones as a template (`newHostSums`) keep those
   * places, so a share finds its entry without a look-up; checked before it is used, so a stale
   * place only costs the look-up.
   */
  slot: number;
}

/** One host's crypto work for one flow: cores at the flow's rate and each IPsec SA's share. */
export interface HostCrypto {
  host: string;
  coresAtRate: number;
  /** Each direction of an IPsec pair is its own SA with its own core (SPEC T5). */
  sas: SaShare[];
}

/** The crypto work of one flow at every host that encrypts or decrypts it. */
export interface FlowCrypto {
  flow: string;
  hosts: HostCrypto[];
}

/**
 * Per-SA cores on one host, per direction, summed in flow order: one entry per SA and direction.
 * An entry counts once a share was added to it (`seen`): sums made from a template start with the
 * template's entries and none added. `places` finds an entry by its protection object, made only
 * when a share comes without a valid `SaShare.slot`: a cipher edit sums 250,000 flows' shares again
 * at 5,000 hosts, and a look-up by protection per share was most of that.
 */
interface SaSums {
  protections: Protection[];
  inbound: boolean[];
  cores: number[];
  seen: boolean[];
  places?: { inbound: Map<Protection, number>; outbound: Map<Protection, number> };
  /**
   * Each entry's place in the order `busiestOf` breaks ties by (protection id, then `inbound`
   * before `outbound`), when worked out for these entries (`rankEntries`): a tie then costs no
   * read of two ids. Sums made from a template share it; entries added since make it too short,
   * and it is not used.
   */
  rank?: Int32Array;
}

/** The tie order of a host's SA entries (`SaSums.rank`), for sums whose entries are then kept as a template. */
export function rankEntries(sums: SaSums): Int32Array {
  const { protections, inbound } = sums;
  return rankTies(protections.length, (i) => protections[i]!.id, (i) => inbound[i]!, new Int32Array(protections.length));
}

/**
 * Writes into `rank` (from `at`) each of `count` SA entries' place in the order `busiestOf` breaks
 * ties by: protection id, then `inbound` before `outbound` (stable for entries alike in both).
 */
export function rankTies(count: number, idOf: (i: number) => string, inboundOf: (i: number) => boolean, rank: Int32Array, at = 0): Int32Array {
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((x, y) => {
    const a = idOf(x);
    const b = idOf(y);
    if (a !== b) return a < b ? -1 : 1;
    const ix = inboundOf(x);
    return ix === inboundOf(y) ? 0 : ix ? -1 : 1;
  });
  for (let r = 0; r < count; r++) rank[at + order[r]!] = r;
  return rank;
}

/** The entry of an SA and direction in a host's sums, added (with no cores yet) when there is none. */
function placeOf(sums: SaSums, protection: Protection, inbound: boolean): number {
  let places = sums.places;
  if (!places) {
    places = sums.places = { inbound: new Map(), outbound: new Map() };
    for (let i = 0; i < sums.protections.length; i++) (sums.inbound[i] ? places.inbound : places.outbound).set(sums.protections[i]!, i);
  }
  const byProtection = inbound ? places.inbound : places.outbound;
  let place = byProtection.get(protection);
  if (place === undefined) {
    place = sums.protections.length;
    sums.protections.push(protection);
    sums.inbound.push(inbound);
    sums.cores.push(0);
    sums.seen.push(false);
    byProtection.set(protection, place);
  }
  return place;
}

/** The busiest SA: most cores, ties by protection id then direction (`inbound` before `outbound`). */
export function busiestOf(sums: SaSums | undefined): SaLoad | null {
  if (!sums) return null;
  const rank = sums.rank !== undefined && sums.rank.length === sums.protections.length ? sums.rank : undefined;
  let best = -1;
  let bestDirection: SaLoad['direction'] = 'inbound';
  let bestCores = 0;
  // Inbound entries first, each direction in the order its entries were made.
  for (const direction of ['inbound', 'outbound'] as const) {
    const inbound = direction === 'inbound';
    for (let i = 0; i < sums.protections.length; i++) {
      if (sums.inbound[i] !== inbound || !sums.seen[i]) continue;
      const cores = sums.cores[i]!;
      if (best < 0 || cores > bestCores || (cores === bestCores && (rank ? rank[i]! < rank[best]! : tiesBefore(sums.protections[i]!, direction, sums.protections[best]!, bestDirection)))) {
        best = i;
        bestDirection = direction;
        bestCores = cores;
      }
    }
  }
  return best < 0 ? null : { protection: sums.protections[best]!.id, direction: bestDirection, coresUsed: bestCores };
}

/** Whether SA `p` in `direction` comes before `q` in `qDirection` among equally busy SAs (ids are read on a tie only: a host has an SA per peer, and reading each one's id is a cache miss). */
function tiesBefore(p: Protection, direction: SaLoad['direction'], q: Protection, qDirection: SaLoad['direction']): boolean {
  return p.id < q.id || (p.id === q.id && direction < qDirection);
}

/** One host's running crypto totals, added flow by flow in flow-id order: cores and per-SA sums. */
export interface HostSums {
  used: number;
  sa: SaSums;
}

/** SA sums with no entry yet. */
function emptySaSums(): SaSums {
  return { protections: [], inbound: [], cores: [], seen: [] };
}

/**
 * Empty sums for one host; with `template` (earlier sums of that host) its SA entries in its
 * places, none counted yet, so that shares added to both find theirs by `SaShare.slot`.
 */
export function newHostSums(template?: HostSums): HostSums {
  if (!template) return { used: 0, sa: emptySaSums() };
  const { protections, inbound, rank } = template.sa;
  const n = protections.length;
  return { used: 0, sa: { protections: protections.slice(), inbound: inbound.slice(), cores: new Array<number>(n).fill(0), seen: new Array<boolean>(n).fill(false), rank } };
}

/**
 * Adds one flow's crypto work at a host to that host's sums. Every caller adds the flows in flow-id
 * order, so the totals are the same to the last bit however they were gathered.
 */
export function addShare(sum: HostSums, share: HostCrypto): void {
  sum.used += share.coresAtRate;
  const sas = share.sas;
  const sums = sum.sa;
  for (let k = 0; k < sas.length; k++) {
    const sa = sas[k]!;
    const inbound = sa.direction === 'inbound';
    let place = sa.slot;
    if (place < 0 || place >= sums.protections.length || sums.protections[place] !== sa.protection || sums.inbound[place] !== inbound) {
      place = sa.slot = placeOf(sums, sa.protection, inbound);
    }
    // Entries start at 0, as a first share was added to nothing before.
    sums.cores[place] = sums.cores[place]! + sa.cores;
    sums.seen[place] = true;
  }
}

/** A host's crypto load from its sums over all its flows (`flows`: their ids, sorted). */
export function hostLoadFrom(host: Host, sum: HostSums | undefined, flows: string[]): HostLoad {
  return hostLoadWith(host, sum?.used ?? 0, busiestOf(sum?.sa), flows);
}

/** A host's crypto load from the cores its flows use there and its busiest SA (`flows`: their ids, sorted). */
export function hostLoadWith(host: Host, coresUsed: number, busiestSa: SaLoad | null, flows: string[]): HostLoad {
  const available = Math.max(0, host.cpu.cores);
  return {
    host: host.id,
    cryptoCoresUsed: coresUsed,
    coresAvailable: available,
    utilisation: available > 0 ? coresUsed / available : coresUsed > 0 ? 1 : 0,
    busiestSa,
    saturated: coresUsed > available || (busiestSa?.coresUsed ?? 0) > 1,
    flows,
  };
}

/** One host's running totals with the positions of its flows (each once, ascending). */
interface HostSum extends HostSums {
  flows: number[];
}

/** Every flow's id by position (in flow-id order), and whether that order holds — checked once per analysis. */
export interface FlowIds {
  ids: readonly string[];
  inOrder: boolean;
}

/** The flow ids of a list of flows (by position), with their order checked. */
export function flowIdsOf(ids: readonly string[]): FlowIds {
  return { ids, inOrder: idsInOrder(ids) };
}

/**
 * The flows at these positions (ascending) by id, in id order: picked from the list of ids, with no
 * string read when that list is in order (the positions ascend), else sorted.
 */
function idsAt(positions: readonly number[] | undefined, flows: FlowIds): string[] {
  if (!positions) return [];
  const out = new Array<string>(positions.length);
  for (let n = 0; n < positions.length; n++) out[n] = flows.ids[positions[n]!]!;
  return flows.inOrder ? out : sortIds(out);
}

/** Crypto cores used on every host with a CPU, sorted by host id; `crypto` in flow-id order. */
export function hostLoads(scenario: Scenario, crypto: readonly FlowCrypto[], ids: FlowIds): HostLoad[] {
  const sums = newLoadSums();
  for (let i = 0; i < crypto.length; i++) addHostShares(sums, crypto[i]!, i);
  return hostLoadsOfSums(scenario, sums, ids);
}

/** One link's running wire rate with the positions of its flows (ascending). */
interface LinkSum {
  wire: number;
  flows: number[];
}

/**
 * Host and link loads summed flow by flow: flow `i` of a list in flow-id order is added `i`-th, so
 * the totals are those of `hostLoads` and `linkLoads` to the last bit, and a full analysis can add
 * each flow as it is estimated and let its figures go (`ThroughputAssembly`).
 */
export interface LoadSums {
  /** One entry per host, so each share costs one lookup. */
  hosts: Map<string, HostSum>;
  /** One entry per link, so each hop costs one lookup. */
  links: Map<string, LinkSum>;
}

/** Sums with no flow added yet. */
export function newLoadSums(): LoadSums {
  return { hosts: new Map(), links: new Map() };
}

/** Adds the crypto work of flow `i` at each of its hosts. */
export function addHostShares(sums: LoadSums, crypto: FlowCrypto, i: number): void {
  for (const share of crypto.hosts) {
    let sum = sums.hosts.get(share.host);
    // A literal, not a spread of `newHostSums()`: spread copies made each host's sums an object of
    // its own hidden class, and the loops over 1,000 hosts' sums went megamorphic (`--log-ic`).
    if (!sum) sums.hosts.set(share.host, (sum = { used: 0, sa: emptySaSums(), flows: [] }));
    addShare(sum, share);
    if (sum.flows[sum.flows.length - 1] !== i) sum.flows.push(i);
  }
}

/** Adds the wire load of flow `i` (`wire`: Gbit/s per hop of `trace`, NaN where the link is unknown) to each link it crosses. */
export function addLinkShares(sums: LoadSums, wire: readonly number[], trace: FlowTrace, i: number): void {
  for (let j = 0; j < trace.hops.length; j++) {
    const share = linkShareAt(wire, trace.hops, j);
    if (share === undefined) continue;
    const link = trace.hops[j]!.link;
    let sum = sums.links.get(link);
    if (!sum) sums.links.set(link, (sum = { wire: 0, flows: [] }));
    sum.wire += share;
    sum.flows.push(i);
  }
}

/** Every host's load from the sums (a host without is idle), sorted by host id; `ids` names the flows by position. */
export function hostLoadsOfSums(scenario: Scenario, sums: LoadSums, ids: FlowIds): HostLoad[] {
  return hostLoadsFrom(scenario, sums.hosts, (sum) => idsAt(sum?.flows, ids));
}

/** Every link's load from the sums (a link without is idle), sorted by link id; `ids` names the flows by position. */
export function linkLoadsOfSums(scenario: Scenario, sums: LoadSums, ids: FlowIds): LinkLoad[] {
  return scenario.links
    .map((link): LinkLoad => {
      const sum = sums.links.get(link.id);
      return linkLoadFrom(link, sum?.wire ?? 0, idsAt(sum?.flows, ids));
    })
    .sort((a, b) => byId(a.link, b.link));
}

/**
 * Every host's load from its sums (a host without is idle), sorted by host id, as `hostLoads` lists
 * them; `flowsOf` names each host's flows.
 */
export function hostLoadsFrom<S extends HostSums>(scenario: Scenario, sums: ReadonlyMap<string, S>, flowsOf: (sum: S | undefined) => string[]): HostLoad[] {
  return scenario.hosts
    .map((host): HostLoad => {
      const sum = sums.get(host.id);
      return hostLoadFrom(host, sum, flowsOf(sum));
    })
    .sort((a, b) => byId(a.host, b.host));
}

/**
 * The wire load a flow puts on the link of hop `j` when that hop is the flow's first hop on the link
 * with a known rate: the rates of all its hops on that link, added in hop order (a path seldom
 * crosses a link twice). Undefined for a later hop on the same link and for a hop without a rate
 * (NaN: the link is unknown). Link loads add one such share per flow, in flow-id order, so the
 * total is the same whether every flow is added or an edit re-adds one link's flows.
 */
export function linkShareAt(wire: readonly number[], hops: FlowTrace['hops'], j: number): number | undefined {
  const gbps = wire[j]!;
  if (Number.isNaN(gbps)) return undefined;
  const link = hops[j]!.link;
  for (let k = 0; k < j; k++) if (hops[k]!.link === link && !Number.isNaN(wire[k]!)) return undefined;
  let share = gbps;
  for (let k = j + 1; k < hops.length; k++) if (hops[k]!.link === link && !Number.isNaN(wire[k]!)) share += wire[k]!;
  return share;
}

/**
 * Wire load of every link, sorted by link id: each flow's per-hop wire Gbit/s (`wire`, NaN where the
 * link is unknown), in flow-id order; `traces` by flow id, or lined up with `estimates`.
 */
export function linkLoads(
  scenario: Scenario,
  traces: TraceSource,
  estimates: readonly { summary: FlowSummary; wire: readonly number[] }[],
  ids: FlowIds,
): LinkLoad[] {
  const sums = newLoadSums();
  for (let i = 0; i < estimates.length; i++) {
    const { summary, wire } = estimates[i]!;
    if (wire.length === 0) continue;
    const trace = traceAt(traces, i, summary.flow);
    if (trace) addLinkShares(sums, wire, trace, i);
  }
  return linkLoadsOfSums(scenario, sums, ids);
}

/** A link's load record from its summed wire rate and its flows (sorted by id). */
export function linkLoadFrom(link: Scenario['links'][number], wireGbps: number, flows: string[]): LinkLoad {
  const capacity = Math.max(0, link.gbps);
  return {
    link: link.id,
    wireGbps,
    capacityGbps: capacity,
    utilisation: capacity > 0 ? wireGbps / capacity : wireGbps > 0 ? 1 : 0,
    oversubscribed: wireGbps > capacity,
    flows,
  };
}
