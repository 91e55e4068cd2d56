/**
 * The single-flow estimate in figures (SPEC T3, T6), as `estimateFlow` computes it but without
 * limits lists, cost terms or reasons: the least of each link's wire limit and each host's CPU
 * limit, ties broken by subject as the sorted limits list would (`cpu:` before `link:`, then id).
 */
import type { Flow, Host } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace, Hop, Protection } from '../types.ts';
import { cycleFigures, type CycleFigures, type CycleSums, type PacketSize } from './endpoint-costs.ts';
import { rankTies, type FlowCrypto, type HostCrypto } from './estimate-load.ts';
import { deadLink, mtuBelowOverhead, ownHeaderBytes } from './estimate-flow.ts';
import { flowMtu } from './flow-mtu.ts';
import { hopOverheadBytes } from './hop-mtu.ts';
import { cycleTape, hostCycles, hostCyclesOut, type CycleTape, type HopSide, type HostCyclesOut } from './host-figures.ts';
import { espCycles } from './layer-costs.ts';
import { ETHERNET_FRAMING_BYTES, STACK_CYCLES_PER_BYTE } from './packet-costs.ts';
import type { EndpointRole, FlowSummary, ThroughputProblem } from './types.ts';

/** Everything the estimate of one flow contributes to the analysis. */
export interface FlowFigures {
  summary: FlowSummary;
  crypto: FlowCrypto;
  /** Per hop of the trace, the Gbit/s the flow puts on that link at its rate (SPEC T7); empty without a payload. */
  wire: number[];
  /** Impossible input met while estimating this flow. */
  problems: ThroughputProblem[];
  /**
   * What a cipher edit cannot move (`recostFlowFigures`): the least limit over the links and the
   * hosts that add or remove no IPsec layer of the flow (`fixedId` '' when there is none), as
   * `lower` keeps it.
   */
  fixedGbps: number;
  fixedLink: boolean;
  fixedId: string;
  /**
   * The path positions (bit i: the path's node i) of the hosts whose figures a cipher edit can
   * move or that have crypto work: those that add or remove an IPsec layer, and every host with a
   * crypto load. -1 when not known (such a host at position 31 or later): then every node is read again.
   */
  recostAt: number;
}

/** Interned `cpu:<host>` / `link:<id>` subjects, so 50,000 summaries share a few hundred strings. */
export type SubjectNames = Map<string, string>;

const NO_PROBLEMS: ThroughputProblem[] = Object.freeze([]) as unknown as ThroughputProblem[];
const NO_HOSTS: HostCrypto[] = Object.freeze([]) as unknown as HostCrypto[];
const NO_WIRE: number[] = Object.freeze([]) as unknown as number[];

/** The least limit so far: lower Gbit/s wins; on a tie `cpu:` sorts before `link:`, then by id. */
interface Best {
  gbps: number;
  link: boolean;
  id: string;
}

function better(gbps: number, link: boolean, id: string, best: Best | undefined): boolean {
  if (!best || gbps < best.gbps) return true;
  if (gbps > best.gbps) return false;
  return link !== best.link ? !link : id < best.id;
}

/** Lowers `best` to this limit when it is less (`better`); `best.id` is '' while there is none. */
function lower(best: Best, gbps: number, link: boolean, id: string): void {
  if (!better(gbps, link, id, best.id === '' ? undefined : best)) return;
  best.gbps = gbps;
  best.link = link;
  best.id = id;
}

function subject(best: Best, names: SubjectNames): string {
  // Keyed by the bare id (ids share one namespace, SPEC §1), so a hit builds no string; the first
  // letter tells `cpu:` from `link:` should a host and a link ever share an id after all.
  const name = names.get(best.id);
  if (name !== undefined && (name.charCodeAt(0) === 108) === best.link) return name;
  const made = `${best.link ? 'link:' : 'cpu:'}${best.id}`;
  if (name === undefined) names.set(best.id, made);
  return made;
}

function figures(flow: Flow, fields: Partial<FlowSummary>, more: { crypto?: HostCrypto[]; wire?: number[]; problems?: ThroughputProblem[] } = {}): FlowFigures {
  const summary: FlowSummary = { flow: flow.id, rateGbps: flow.rateGbps, packetBytes: null, payloadBytes: null, innerMtu: null, overheadBytes: null, wireEfficiency: null, maxGbps: null, bottleneck: null, ...fields };
  return { summary, crypto: { flow: flow.id, hosts: more.crypto ?? NO_HOSTS }, wire: more.wire ?? NO_WIRE, problems: more.problems ?? NO_PROBLEMS, fixedGbps: 0, fixedLink: false, fixedId: '', recostAt: -1 };
}

function roleOf(position: number, last: number): EndpointRole {
  return position === 0 ? 'source' : position === last ? 'destination' : 'forwarder';
}

/** A flow between two workloads of one host: only that host's stack limits it (SPEC X1). */
function localFigures(flow: Flow, trace: FlowTrace, index: ScenarioIndex, names: SubjectNames): FlowFigures {
  const hostId = trace.hosts[0]!;
  const host = index.hosts.get(hostId)!;
  const packetBytes = flow.packetBytes ?? host.nic.mtu;
  const payloadBytes = packetBytes - ownHeaderBytes(trace);
  if (payloadBytes <= 0) return figures(flow, { maxGbps: 0 });
  const cpu = cycleFigures(host, { serial: STACK_CYCLES_PER_BYTE * payloadBytes, parallel: 0, crypto: 0 }, { packetBytes, payloadBytes }, flow.rateGbps);
  const best = { gbps: cpu.limitGbps, link: false, id: hostId };
  return figures(flow, { packetBytes, payloadBytes, maxGbps: best.gbps, bottleneck: subject(best, names) });
}

/** The MTU of a hop's link; the packet size where there is no hop or no such link. */
function mtuOf(hop: FlowTrace['hops'][number] | undefined, index: ScenarioIndex, packet: PacketSize): number {
  return hop ? (index.links.get(hop.link)?.mtu ?? packet.packetBytes) : packet.packetBytes;
}

/** The hops next to a host, refilled for every host of every flow (hostCycles keeps nothing of it). */
const SIDES: { incoming: HopSide; outgoing: HopSide; tls: Protection | undefined } = { incoming: { hop: undefined, mtu: 0 }, outgoing: { hop: undefined, mtu: 0 }, tls: undefined };

/** Reused by `hostLimits` for every host of every flow: what it copies out is all a flow keeps. */
const CYCLES = hostCyclesOut();
const CPU: CycleFigures = { cyclesPerByte: 0, coresAtRate: 0, limitGbps: 0 };
const CRYPTO: HostCrypto[] = [];

/** Each SA's share of a host's crypto cores: its cycles over all crypto cycles (as flowCrypto). */
function sharesOf(out: HostCyclesOut, coresAtRate: number): HostCrypto['sas'] {
  const shares: HostCrypto['sas'] = new Array<HostCrypto['sas'][number]>(out.count);
  for (let k = 0; k < out.count; k++) {
    const sa = out.sas[k]!;
    shares[k] = { protection: sa.protection, direction: sa.direction, cores: (coresAtRate * sa.cycles) / out.sums.crypto, slot: -1 };
  }
  return shares;
}

/**
 * Each crypto host's cores at rate, then its SAs' cores, as `hostLimits` works them out against the
 * previous figures' hosts (written to them only once every host matched).
 */
const CORES: number[] = [];

/** Whether the SAs `hostCycles` found are, in order, the SAs of a flow's previous crypto at that host. */
function sameSas(was: HostCrypto['sas'], out: HostCyclesOut): boolean {
  if (was.length !== out.count) return false;
  for (let k = 0; k < out.count; k++) if (was[k]!.protection !== out.sas[k]!.protection || was[k]!.direction !== out.sas[k]!.direction) return false;
  return true;
}

/**
 * The limit a cipher edit cannot move, as `hostLimits` lowers it, with `at`: the positions of the
 * hosts it can (what `FlowFigures` keeps as `fixedGbps`, `fixedLink`, `fixedId`, `recostAt`).
 */
interface Kept extends Best {
  at: number;
}

/**
 * Crypto and CPU limits of the hosts on the path, lowering `best` in place; returns the hosts'
 * crypto loads. Every host is read, or with `only` (a `FlowFigures.recostAt` other than -1) the
 * hosts at those positions alone. `fixed`, when given, is lowered too by the hosts that add or
 * remove no IPsec layer, and its `at` set to the positions of the others and of the crypto hosts. With `previous` (a cipher edit's recost) the
 * loads are written into those objects when they are loads of the same hosts and SAs, in the same
 * order (what such an edit keeps): a region's overlay carries most flows, and new lists for each
 * were most of the edit's garbage. Undefined, with `previous` untouched, when they are not.
 */
function hostLimits(
  flow: Flow,
  trace: FlowTrace,
  index: ScenarioIndex,
  packet: PacketSize,
  best: Best,
  previous?: readonly HostCrypto[],
  fixed?: Kept,
  only = -1,
): HostCrypto[] | undefined {
  const hops = trace.hops;
  const tls = tlsOf(trace);
  let n = 0;
  let c = 0;
  let same = true;
  let at = 0;
  for (let i = 0; i <= hops.length; i++) {
    // A mask holds positions 0–30 only (`at` below).
    if (only !== -1 && (i >= 31 || (only & (1 << i)) === 0)) continue;
    const node = nodeAt(hops, i);
    const host = index.hosts.get(node);
    if (!host) continue;
    const { sums } = cyclesAt(hops, i, node, host, index, packet, tls);
    const cpu = cycleFigures(host, sums, packet, flow.rateGbps, CPU);
    lower(best, cpu.limitGbps, false, node);
    if (fixed) {
      if (!CYCLES.ipsec) lower(fixed, cpu.limitGbps, false, node);
      // A position past the mask's 31 bits: every node is read again.
      if (CYCLES.ipsec || sums.crypto > 0) at = i < 31 && at !== -1 ? at | (1 << i) : -1;
    }
    if (sums.crypto <= 0) continue;
    if (!previous) {
      CRYPTO[n++] = { host: node, coresAtRate: cpu.coresAtRate, sas: sharesOf(CYCLES, cpu.coresAtRate) };
      continue;
    }
    const was = previous[n++];
    if (!same || !was || was.host !== node || !sameSas(was.sas, CYCLES)) {
      same = false;
      continue;
    }
    // The shares as `sharesOf` works them out.
    CORES[c++] = cpu.coresAtRate;
    for (let k = 0; k < CYCLES.count; k++) CORES[c++] = (cpu.coresAtRate * CYCLES.sas[k]!.cycles) / sums.crypto;
  }
  if (fixed) fixed.at = at;
  if (previous) return !same || n !== previous.length ? undefined : coresInto(previous);
  // An exact-size copy: every flow keeps its list.
  return n === 0 ? NO_HOSTS : CRYPTO.slice(0, n);
}

/** Writes the cores in `CORES` (each host's, then its SAs') into the previous figures' crypto loads. */
function coresInto(previous: readonly HostCrypto[]): HostCrypto[] {
  let c = 0;
  for (const was of previous) {
    was.coresAtRate = CORES[c++]!;
    for (const sa of was.sas) sa.cores = CORES[c++]!;
  }
  return previous as HostCrypto[];
}

/** The node at path position `i` (0: where the first hop starts). */
function nodeAt(hops: FlowTrace['hops'], i: number): string {
  return i === 0 ? hops[0]!.from : hops[i - 1]!.to;
}

/** The flow's TLS session, paid at its two ends (the first TLS layer of its own stack). */
function tlsOf(trace: FlowTrace): Protection | undefined {
  for (const layer of trace.innerStack) if (layer.kind === 'tls') return layer.protection;
  return undefined;
}

/** The cycles of the host at path position `i` (`hostCycles` into `CYCLES`), written down on `tape` when given. */
function cyclesAt(hops: FlowTrace['hops'], i: number, node: string, host: Host, index: ScenarioIndex, packet: PacketSize, tls: Protection | undefined, tape?: CycleTape): HostCyclesOut {
  SIDES.incoming.hop = hops[i - 1];
  SIDES.incoming.mtu = mtuOf(hops[i - 1], index, packet);
  SIDES.outgoing.hop = hops[i];
  SIDES.outgoing.mtu = mtuOf(hops[i], index, packet);
  SIDES.tls = tls;
  return hostCycles(node, host, roleOf(i, hops.length), SIDES, packet, CYCLES, tape);
}

/**
 * What a cipher edit adds up again, for every flow a session holds (`cipherTapes`): per flow, the
 * hosts of its `FlowFigures.recostAt` with their cycle terms as `hostCycles` added them, and the
 * SAs whose ESP cycles are among them. Laid out flow after flow in one list of numbers, so that an
 * edit reads it in a row instead of walking each flow's trace, hops, wraps and links again:
 *
 *     hosts, then per host: host, cores, parallel, start, n, n serial terms, m, m crypto terms,
 *     k, then per SA: SA, inbound (1 or 0), bytes, slot, cores
 *
 * (hosts and SAs as indexes into `hosts` and `sas`; a term -(j + 1) is the ESP cycles of the
 * host's j-th SA). The cores are the flow's crypto load at that host and each SA's share of it, as
 * its figures have them (-1 at a host without crypto work): a cipher edit that costs the flow from
 * its tape writes the new ones here too, and adds every flow's up per host from here
 * (throughput/tape-sums.ts). A slot is the SA and direction's entry among the host's (`slotStart`).
 * Valid for the figures it was read from (`of`) and for cipher edits of them, which keep every
 * path, header size and SA; checked against those figures and the flow's crypto loads where it is used.
 */
export interface CipherTapes {
  /** Where each flow's tape starts in `numbers`, by position in the session's sorted flows; -1: none (no crypto loads), `UNTAPED`: none for a flow with crypto loads. */
  start: Int32Array;
  /**
   * The figures each tape was read from (or each flow without a tape had), by position: a tape
   * holds while the flow has those figures (an estimate afresh makes new ones; a cipher edit costs
   * them in place), and `refreshTapes` writes the tapes of flows with other figures.
   */
  of: readonly FlowFigures[];
  /** The tapes, with room after `numbersUsed` for the tapes of flows estimated afresh (`refreshTapes`). */
  numbers: Float64Array;
  numbersUsed: number;
  hosts: string[];
  sas: Protection[];
  /** Where the slots of each host (by host index) start, and how many it has: its slots are `slotStart[h]` + a tape's slot. */
  slotStart: number[];
  slotCount: number[];
  /** Per slot: the SA (index into `sas`), whether inbound, and its place among the host's slots in the order `busiestOf` breaks ties by; room after `slotsUsed`. */
  slotSa: Int32Array;
  slotInbound: Uint8Array;
  slotRank: Int32Array;
  slotsUsed: number;
  making: TapeMaking;
}

const TAPE = cycleTape();

/**
 * The tapes of the flows at their positions (`traces` and `figures` lined up with them); a flow
 * without IPsec or crypto hosts, or whose hosts sit past the mask's 31 positions, gets none.
 */
export function cipherTapes(traces: readonly FlowTrace[], figures: readonly FlowFigures[], index: ScenarioIndex): CipherTapes {
  const making = startTapes(figures);
  tapeFlows(making, traces, index, 0, figures.length);
  return finishTapes(making);
}

/** Tapes being made a slice of flows at a time (`startTapes`, `tapeFlows`, `layOutTapeHosts`, `finishTapes`). */
export interface TapesInMaking {
  made: TapeMaking;
  start: Int32Array;
  /** The figures the tapes are read from, by position. */
  of: FlowFigures[];
  /** The hosts' slots, laid out for the first `laidOut` hosts once every flow is taped. */
  layout?: SlotLayout;
  laidOut: number;
}

/** Tapes of no flow yet, to be read from `figures` (lined up with the session's sorted flows). */
export function startTapes(figures: readonly FlowFigures[]): TapesInMaking {
  const made: TapeMaking = { hosts: [], sas: [], hostRefs: new Map(), saRefs: new Map(), slotsOf: [], out: [], base: 0 };
  return { made, start: new Int32Array(figures.length).fill(-1), of: figures.slice(), laidOut: 0 };
}

/**
 * Writes the tapes of the flows at `from` to `to` (exclusive), after those before them: tapes
 * made a slice at a time, in order, are the ones `cipherTapes` makes at once.
 */
export function tapeFlows(making: TapesInMaking, traces: readonly FlowTrace[], index: ScenarioIndex, from: number, to: number): void {
  const { made, start, of } = making;
  for (let f = from; f < to; f++) start[f] = tapeFor(made, traces[f]!, of[f]!, index);
}

/**
 * Lays out the slots of the hosts after those laid out so far, up to host `to` (exclusive), once
 * every flow is taped: each host's tie order is a sort of its SAs, which at 5,000 hosts is about
 * half a second in all.
 */
export function layOutTapeHosts(making: TapesInMaking, to: number): void {
  const { slotsOf, sas } = making.made;
  making.layout = layOutSlots(slotsOf, sas, making.layout, making.laidOut, to);
  making.laidOut = Math.max(making.laidOut, to);
}

/** The tapes of every flow, once `tapeFlows` has written them all (the hosts not laid out yet are laid out here). */
export function finishTapes(making: TapesInMaking): CipherTapes {
  layOutTapeHosts(making, making.made.slotsOf.length);
  const { made, start, of } = making;
  // A copy with an eighth to spare, for the tapes of flows estimated afresh: a list grown by pushes
  // keeps up to as much again (43 MB of numbers at 5,000 hosts).
  const numbers = new Float64Array(withRoom(made.out.length));
  numbers.set(made.out);
  const numbersUsed = made.out.length;
  made.out = [];
  return { start, of, numbers, numbersUsed, hosts: made.hosts, sas: made.sas, making: made, ...making.layout! };
}

/**
 * The tapes brought up to the session's figures after edits that estimated flows afresh (a moved
 * VM, a rate): those flows' tapes are written after the others, on new slots where they load other
 * SAs, and the rest is kept (a tape left behind stays in `numbers`, unread). Undefined when they
 * are to be made anew (`cipherTapes`; a session makes them a slice of flows at a time): when the
 * flows are others, when more than an eighth of them were estimated afresh (a rate edit on every
 * flow: refreshing them costs as much as making all), or when the room is used up.
 */
export function refreshTapes(tapes: CipherTapes, traces: readonly FlowTrace[], figures: readonly FlowFigures[], index: ScenarioIndex): CipherTapes | undefined {
  if (tapes.of.length !== figures.length) return undefined;
  let changed = 0;
  for (let f = 0; f < figures.length; f++) if (tapes.of[f] !== figures[f]) changed++;
  if (changed > figures.length >> 3) return undefined;
  const made = tapes.making;
  made.out = [];
  made.base = tapes.numbersUsed;
  const start = tapes.start.slice();
  const of = tapes.of.slice();
  for (let f = 0; f < figures.length; f++) {
    if (of[f] === figures[f]) continue;
    start[f] = tapeFor(made, traces[f]!, figures[f]!, index);
    of[f] = figures[f]!;
  }
  // Written into the room after the others: no copy of tens of megabytes (and no full garbage
  // collection for it) after every edit. Made anew once the room is used up, leaving nothing behind.
  if (made.base + made.out.length > tapes.numbers.length) return undefined;
  tapes.numbers.set(made.out, made.base);
  const numbersUsed = made.base + made.out.length;
  made.out = [];
  const slots: SlotLayout = { slotStart: tapes.slotStart, slotCount: tapes.slotCount, slotSa: tapes.slotSa, slotInbound: tapes.slotInbound, slotRank: tapes.slotRank, slotsUsed: tapes.slotsUsed };
  return { ...tapes, start, of, numbersUsed, ...layOutSlots(made.slotsOf, made.sas, slots) };
}

/** Room for `n` numbers and an eighth more. */
function withRoom(n: number): number {
  return n + (n >> 3) + 1024;
}

/** Whether the tapes were read from the session's figures, every flow's (`refreshTapes` otherwise). */
export function tapesFresh(tapes: CipherTapes, figures: readonly FlowFigures[]): boolean {
  if (tapes.of.length !== figures.length) return false;
  for (let p = 0; p < figures.length; p++) if (tapes.of[p] !== figures[p]) return false;
  return true;
}

/**
 * What tapes are made with, kept with them so that `refreshTapes` adds to them: the hosts and SAs
 * by index and their look-ups, each host's slots by SA and direction (2 * SA + inbound, in the
 * order met), and the numbers being written (`out`, whose first sits at `base` in `numbers`).
 */
export interface TapeMaking {
  hosts: string[];
  sas: Protection[];
  hostRefs: Map<string, number>;
  saRefs: Map<Protection, number>;
  slotsOf: Map<number, number>[];
  out: number[];
  base: number;
}

/**
 * Writes the tape of one flow (see `CipherTapes`); returns where it starts in `numbers`, or -1 for
 * a flow without a tape (no crypto loads, local, no payload, hosts past the mask's 31 positions, or
 * a tape that does not name the figures' loads: then it is written but never used).
 */
function tapeFlow(made: TapeMaking, trace: FlowTrace, figure: FlowFigures, index: ScenarioIndex): number {
  const { hosts, sas, hostRefs, saRefs, slotsOf, out } = made;
  const { packetBytes, payloadBytes } = figure.summary;
  const only = figure.recostAt;
  const loads = figure.crypto.hosts;
  if (only <= 0 || loads.length === 0 || trace.local || trace.hops.length === 0 || packetBytes === null || payloadBytes === null || payloadBytes <= 0) return -1;
  const packet = { packetBytes, payloadBytes };
  const hops = trace.hops;
  const tls = tlsOf(trace);
  const first = out.length;
  out.push(0);
  // The crypto loads of the figures, met in path order as `hostLimits` made them.
  let n = 0;
  let fits = true;
  for (let i = 0; i <= hops.length && i < 31; i++) {
    if ((only & (1 << i)) === 0) continue;
    const node = nodeAt(hops, i);
    const host = index.hosts.get(node);
    if (!host) continue;
    const cycles = cyclesAt(hops, i, node, host, index, packet, tls, TAPE);
    out[first]!++;
    let ref = hostRefs.get(node);
    if (ref === undefined) {
      hostRefs.set(node, (ref = hosts.push(node) - 1));
      slotsOf.push(new Map());
    }
    const load = cycles.sums.crypto > 0 ? loads[n++] : undefined;
    if (cycles.sums.crypto > 0 && (!load || load.host !== node || load.sas.length !== cycles.count)) fits = false;
    out.push(ref, load ? load.coresAtRate : -1, cycles.sums.parallel, TAPE.start, TAPE.serialCount);
    for (let t = 0; t < TAPE.serialCount; t++) out.push(TAPE.serial[t]!);
    out.push(TAPE.cryptoCount);
    for (let t = 0; t < TAPE.cryptoCount; t++) out.push(TAPE.crypto[t]!);
    out.push(cycles.count);
    const slots = slotsOf[ref]!;
    for (let k = 0; k < cycles.count; k++) {
      const sa = cycles.sas[k]!;
      let saRef = saRefs.get(sa.protection);
      if (saRef === undefined) saRefs.set(sa.protection, (saRef = sas.push(sa.protection) - 1));
      const inbound = sa.direction === 'inbound' ? 1 : 0;
      const key = 2 * saRef + inbound;
      let slot = slots.get(key);
      if (slot === undefined) slots.set(key, (slot = slots.size));
      const share = load?.sas[k];
      if (load && (!share || share.protection !== sa.protection || share.direction !== sa.direction)) fits = false;
      out.push(saRef, inbound, TAPE.bytes[k]!, slot, share ? share.cores : -1);
    }
  }
  return fits && n === loads.length ? made.base + first : -1;
}

/** `CipherTapes.start` of a flow with crypto loads but no tape (-1: a flow without crypto loads). */
export const UNTAPED = -2;

/** `tapeFlow`, or `UNTAPED` for a flow with crypto loads that gets no tape. */
function tapeFor(made: TapeMaking, trace: FlowTrace, figure: FlowFigures, index: ScenarioIndex): number {
  const at = tapeFlow(made, trace, figure, index);
  return at < 0 && figure.crypto.hosts.length > 0 ? UNTAPED : at;
}

/** Where the hosts' slots sit (`CipherTapes.slotStart`…). */
type SlotLayout = Pick<CipherTapes, 'slotStart' | 'slotCount' | 'slotSa' | 'slotInbound' | 'slotRank' | 'slotsUsed'>;

/**
 * The hosts' slots laid out with each host's tie order; with `kept` (the layout so far, changed in
 * place) only hosts that are new or gained slots are laid out again, each after the slots in use:
 * its earlier place is left unused, and every other host keeps its place and order. Only the hosts
 * from `from` to `to` (exclusive) are looked at: a layout can be made a range of hosts at a time.
 */
function layOutSlots(slotsOf: readonly Map<number, number>[], sas: readonly Protection[], kept?: SlotLayout, from = 0, to = slotsOf.length): SlotLayout {
  let layout = kept;
  if (!layout) {
    let total = 0;
    for (const slots of slotsOf) total += slots.size;
    const room = withRoom(total);
    layout = { slotStart: [], slotCount: [], slotSa: new Int32Array(room), slotInbound: new Uint8Array(room), slotRank: new Int32Array(room), slotsUsed: 0 };
  }
  for (let h = from; h < to; h++) {
    const size = slotsOf[h]!.size;
    if (layout.slotCount[h] === size) continue;
    if (layout.slotsUsed + size > layout.slotSa.length) layout = grownSlots(layout, size);
    const base = layout.slotsUsed;
    layout.slotsUsed += size;
    layout.slotStart[h] = base;
    layout.slotCount[h] = size;
    const { slotSa, slotInbound, slotRank } = layout;
    for (const [key, slot] of slotsOf[h]!) {
      slotSa[base + slot] = key >> 1;
      slotInbound[base + slot] = key & 1;
    }
    rankTies(size, (i) => sas[slotSa[base + i]!]!.id, (i) => slotInbound[base + i] === 1, slotRank, base);
  }
  return layout;
}

/** The layout copied into arrays with room for `more` slots besides those in use, and an eighth to spare. */
function grownSlots(layout: SlotLayout, more: number): SlotLayout {
  const room = withRoom(layout.slotsUsed + more);
  const slotSa = new Int32Array(room);
  const slotInbound = new Uint8Array(room);
  const slotRank = new Int32Array(room);
  slotSa.set(layout.slotSa.subarray(0, layout.slotsUsed));
  slotInbound.set(layout.slotInbound.subarray(0, layout.slotsUsed));
  slotRank.set(layout.slotRank.subarray(0, layout.slotsUsed));
  return { ...layout, slotSa, slotInbound, slotRank };
}

/** The ESP cycles of one host's SAs, replayed: reused host after host. */
const ESP: number[] = [];
const SUMS: CycleSums = { serial: 0, parallel: 0, crypto: 0 };

/**
 * One cipher edit's reading of the session's tapes (`tapeReader`): the tapes' hosts looked up once
 * rather than once per flow, and per host and direction the ESP cycles last worked out there, with
 * the cipher and bytes they were worked out for (most of a host's SAs carry packets of one size,
 * and every SA of an edited overlay has the same cipher). `at` is the flow being read.
 */
export interface TapeReader {
  tapes: CipherTapes;
  at: number;
  /** How many flows' tapes did not fit (the flows were costed from their traces and taken off the tapes, `untape`). */
  misfits: number;
  /** Set by `recostFlowFigures`: whether the flow was costed from its tape (its figures' crypto loads left to `writeTapeCores`). */
  replayed: boolean;
  /** By host index: a flow read from its tape has crypto work there. */
  touched: Uint8Array;
  hosts: (Host | undefined)[];
  /** The cipher of each of the tapes' SAs now, read in one row: a flow's SAs are objects spread over the heap. */
  saCiphers: string[];
  espCipher: (string | undefined)[];
  espBytes: Float64Array;
  espCycles: Float64Array;
}

/** A reader of `tapes` over the hosts of `index` (the edited scenario's). */
export function tapeReader(tapes: CipherTapes, index: ScenarioIndex): TapeReader {
  const n = tapes.hosts.length;
  return { tapes, at: -1, misfits: 0, replayed: false, touched: new Uint8Array(n), hosts: tapes.hosts.map((id) => index.hosts.get(id)), saCiphers: tapes.sas.map((sa) => sa.cipher), espCipher: new Array<string | undefined>(2 * n), espBytes: new Float64Array(2 * n), espCycles: new Float64Array(2 * n) };
}

/** `espCycles` of an SA at a tape's host, from the reader's memo when it holds the same cipher and bytes there. */
function memoEspCycles(reader: TapeReader, hostRef: number, host: Host, saRef: number, bytes: number, inbound: boolean): number {
  const slot = 2 * hostRef + (inbound ? 1 : 0);
  const cipher = reader.saCiphers[saRef]!;
  if (reader.espCipher[slot] === cipher && reader.espBytes[slot] === bytes) return reader.espCycles[slot]!;
  const cycles = espCycles(reader.tapes.sas[saRef]!, host, bytes, inbound ? 'decrypt' : 'encrypt');
  reader.espCipher[slot] = cipher;
  reader.espBytes[slot] = bytes;
  reader.espCycles[slot] = cycles;
  return cycles;
}

/**
 * `hostLimits` over the flow's IPsec and crypto hosts, from the flow's tape at `reader.at` rather
 * than its trace: the same additions in the same order, with each SA's ESP cycles worked out again
 * for its cipher now. The new cores go to the tape alone (the figures' crypto loads take them in
 * `writeTapeCores`), and the hosts with crypto work are marked in `reader.touched`. False, with the
 * tape untouched, when the tape does not fit the flow any more (a host gone, or crypto work where
 * there was none or none where there was).
 */
function replayLimits(flow: Flow, reader: TapeReader, packet: PacketSize, best: Best): boolean {
  const { tapes } = reader;
  const t = tapes.numbers;
  let o = reader.at;
  const hostCount = t[o++]!;
  let c = 0;
  let w = 0;
  for (let h = 0; h < hostCount; h++) {
    const hostRef = t[o++]!;
    const node = tapes.hosts[hostRef]!;
    const host = reader.hosts[hostRef];
    if (!host) return false;
    const coresAt = o++; // HOST_CORES
    const parallel = t[o++]!;
    let serial = t[o++]!;
    const serialAt = o + 1;
    o = serialAt + t[o]!;
    const cryptoAt = o + 1;
    o = cryptoAt + t[o]!;
    const saCount = t[o++]!;
    const sasAt = o;
    for (let k = 0; k < saCount; k++, o += SA_STRIDE) ESP[k] = memoEspCycles(reader, hostRef, host, t[o]!, t[o + 2]!, t[o + 1] === 1);
    for (let j = serialAt; j < cryptoAt - 1; j++) {
      const term = t[j]!;
      serial += term < 0 ? ESP[-term - 1]! : term;
    }
    let crypto = 0;
    for (let j = cryptoAt; j < sasAt - 1; j++) {
      const term = t[j]!;
      crypto += term < 0 ? ESP[-term - 1]! : term;
    }
    SUMS.serial = serial;
    SUMS.parallel = parallel;
    SUMS.crypto = crypto;
    const cpu = cycleFigures(host, SUMS, packet, flow.rateGbps, CPU);
    lower(best, cpu.limitGbps, false, node);
    // A crypto load where the figures have one (the tape's cores are -1 elsewhere), as `cipherTapes` checked.
    if (crypto > 0 !== t[coresAt]! >= 0) return false;
    if (crypto <= 0) continue;
    // Marked even should a later host not fit: its load is then worked out again, the same.
    reader.touched[hostRef] = 1;
    WRITE_AT[w++] = coresAt;
    CORES[c++] = cpu.coresAtRate;
    for (let k = 0; k < saCount; k++) {
      // The shares as `sharesOf` works them out.
      WRITE_AT[w++] = sasAt + SA_STRIDE * k + SA_CORES;
      CORES[c++] = (cpu.coresAtRate * ESP[k]!) / crypto;
    }
  }
  for (let k = 0; k < w; k++) t[WRITE_AT[k]!] = CORES[k]!;
  return true;
}

/** Where the count of SAs of the tape's host at `o` sits (its SAs follow it). */
export function saCountAt(t: Float64Array, o: number): number {
  // host, cores, parallel, start; then the serial and the crypto terms, each after its count.
  o += 4;
  o += 1 + t[o]!;
  return o + 1 + t[o]!;
}

/** Where the tape's next host starts after the one at `o`. */
export function skipHost(t: Float64Array, o: number): number {
  const k = saCountAt(t, o);
  return k + 1 + SA_STRIDE * t[k]!;
}

/**
 * Writes the cores on the tapes into the crypto loads of the figures they were read from (`of`),
 * which a cipher edit costing flows from their tapes leaves behind (`SessionState.coresOnTapes`):
 * before anything reads those loads, or in idle time.
 */
export function writeTapeCores(tapes: CipherTapes, from = 0, to = tapes.start.length): void {
  const t = tapes.numbers;
  for (let p = from; p < to; p++) {
    let o = tapes.start[p]!;
    if (o < 0) continue;
    const loads = tapes.of[p]!.crypto.hosts;
    const hostCount = t[o++]!;
    let n = 0;
    for (let h = 0; h < hostCount; h++) {
      const cores = t[o + HOST_CORES]!;
      if (cores >= 0) {
        const load = loads[n++]!;
        load.coresAtRate = cores;
        let at = saCountAt(t, o);
        const saCount = t[at++]!;
        for (let k = 0; k < saCount; k++, at += SA_STRIDE) load.sas[k]!.cores = t[at + SA_CORES]!;
      }
      o = skipHost(t, o);
    }
  }
}

/**
 * Takes the flow at `p` off the tapes: a flow whose tape did not fit is costed from its trace, and
 * its tape must neither be replayed nor written back.
 */
export function untape(tapes: CipherTapes, p: number): void {
  tapes.start[p] = UNTAPED;
}

/** Numbers per SA on a tape (`CipherTapes`), and where an SA's slot and cores sit among them. */
export const SA_STRIDE = 5;
export const SA_SLOT = 3;
export const SA_CORES = 4;

/** Where a host's cores sit among its numbers on a tape (`CipherTapes`). */
export const HOST_CORES = 1;

/** Where on the tape each of `CORES` goes once the flow's replay is done. */
const WRITE_AT: number[] = [];

/** The cipher-independent least limit of the flow being estimated, reused flow after flow. */
const FIXED: Kept = { gbps: 0, link: false, id: '', at: -1 };

/** The leg last folded: hops of one leg share their wraps and mostly their link MTU (reset per flow). */
const LEG: { wraps: Hop['wraps'] | undefined; mtu: number; added: number } = { wraps: undefined, mtu: -1, added: 0 };

/** The bytes wrapped around a packet of `packetBytes` on this hop (SPEC T2), each leg folded once. */
function addedOn(hop: Hop, mtu: number, packetBytes: number): number {
  if (hop.wraps !== LEG.wraps || mtu !== LEG.mtu) {
    LEG.wraps = hop.wraps;
    LEG.mtu = mtu;
    LEG.added = hopOverheadBytes(hop.wraps, packetBytes, mtu);
  }
  return LEG.added;
}

/** The least link limit of a flow's path (`lower`), as `estimateFlowFigures` finds it. */
function linkLimit(trace: FlowTrace, index: ScenarioIndex, packetBytes: number, payloadBytes: number): Kept {
  const best: Kept = { gbps: 0, link: false, id: '', at: -1 };
  LEG.wraps = undefined;
  for (let j = 0; j < trace.hops.length; j++) {
    const hop = trace.hops[j]!;
    const link = index.links.get(hop.link);
    if (!link) continue;
    const share = payloadBytes / (packetBytes + addedOn(hop, link.mtu, packetBytes) + ETHERNET_FRAMING_BYTES);
    lower(best, Math.max(0, link.gbps) * share, true, link.id);
  }
  return best;
}

/** The packet of the flow being costed again, reused flow after flow. */
const RECOST_PACKET: PacketSize = { packetBytes: 0, payloadBytes: 0 };

/** The least limit of the flow being costed again, reused flow after flow. */
const RECOST_BEST: Best = { gbps: 0, link: false, id: '' };

/** `RECOST_BEST` set to the limit a cipher cannot move (`FlowFigures.fixedGbps`…). */
function keptLimit(previous: FlowFigures): Best {
  RECOST_BEST.gbps = previous.fixedGbps;
  RECOST_BEST.link = previous.fixedLink;
  RECOST_BEST.id = previous.fixedId;
  return RECOST_BEST;
}

/**
 * Where a cipher edit writes each flow's new estimate instead of a new summary (`recostFlowFigures`):
 * by position in the session's flows, the least limit and what sets it, and 1 in `changed` for a
 * flow costed again. The figures' summary is left as it was until the session writes the rows
 * (session-state.ts `writeRows`).
 */
export interface RecostColumns {
  at: number;
  gbps: Float64Array;
  bottleneck: string[];
  changed: Uint8Array;
}

/** The new estimate of the flow at `out.at`, into the columns. */
function limitInto(out: RecostColumns, best: Best, names: SubjectNames): void {
  out.gbps[out.at] = best.gbps;
  out.bottleneck[out.at] = subject(best, names);
  out.changed[out.at] = 1;
}

/** Summary `s` with another estimate (written out: the commonest shape). */
export function summaryWith(s: FlowSummary, gbps: number, bottleneck: string): FlowSummary {
  return { flow: s.flow, rateGbps: s.rateGbps, packetBytes: s.packetBytes, payloadBytes: s.payloadBytes, innerMtu: s.innerMtu, overheadBytes: s.overheadBytes, wireEfficiency: s.wireEfficiency, maxGbps: gbps, bottleneck };
}

/**
 * The figures of a flow whose path, header sizes and so wire loads are as `previous` has them, but
 * whose ciphers cost differently (session/update-ciphers.ts): the least link limit is read again
 * without the wire list, the hosts' CPU limits and crypto loads are worked out anew, and the wire
 * loads and problems are the previous ones. Equal to `estimateFlowFigures` of the flow (tested).
 * `previous` is the session's and is updated in place: its crypto loads take the new figures (new
 * lists only should the flow load other hosts or SAs now); its new estimate goes to the edit's
 * columns at `out.at`, its summary stays as it was. Returns it.
 */
export function recostFlowFigures(flow: Flow, trace: FlowTrace, index: ScenarioIndex, names: SubjectNames, previous: FlowFigures, out: RecostColumns, tape?: TapeReader): FlowFigures {
  const { packetBytes, payloadBytes } = previous.summary;
  // Unreachable, local (no crypto) and too-small packets have no CPU term that a cipher moves. A
  // flow with a tape is none of these (`cipherTapes` writes none for them): its trace is not read.
  if (packetBytes === null || payloadBytes === null || payloadBytes <= 0) return previous;
  if ((tape === undefined || tape.at < 0) && (trace.local || trace.hops.length === 0)) return previous;
  const packet = RECOST_PACKET;
  packet.packetBytes = packetBytes;
  packet.payloadBytes = payloadBytes;
  // The links and the hosts without IPsec limit the flow as before: only the others are read again,
  // from the flow's tape when the session has one (else from the trace).
  const best = keptLimit(previous);
  let hosts: HostCrypto[] | undefined;
  if (tape !== undefined) tape.replayed = false;
  if (tape !== undefined && tape.at >= 0) {
    if (replayLimits(flow, tape, packet, best)) {
      tape.replayed = true;
      limitInto(out, best, names);
      return previous;
    }
    // Left as it was: the caller takes the flow off the tapes and costs it again from its trace.
    tape.misfits++;
    return previous;
  }
  if (previous.crypto.hosts.length > 0) hosts = hostLimits(flow, trace, index, packet, best, previous.crypto.hosts, undefined, previous.recostAt);
  if (!hosts) {
    // Other hosts or SAs than before (or none): worked out afresh from the link limit, into new lists.
    const fixed = linkLimit(trace, index, packetBytes, payloadBytes);
    best.gbps = fixed.gbps;
    best.link = fixed.link;
    best.id = fixed.id;
    hosts = hostLimits(flow, trace, index, packet, best, undefined, fixed)!;
    previous.fixedGbps = fixed.gbps;
    previous.fixedLink = fixed.link;
    previous.fixedId = fixed.id;
    previous.recostAt = fixed.at;
    if (hosts !== previous.crypto.hosts) previous.crypto = { flow: flow.id, hosts };
  }
  limitInto(out, best, names);
  return previous;
}

/**
 * Estimates one flow in figures, with its crypto load, its wire load per hop and the problems met
 * on the way; `innerMtu` is the flow result's when the caller has it (else computed, SPEC T2).
 */
export function estimateFlowFigures(flow: Flow, trace: FlowTrace, index: ScenarioIndex, names: SubjectNames, innerMtuKnown?: number | null): FlowFigures {
  if (trace.unreachable !== undefined || (!trace.local && trace.hops.length === 0)) return figures(flow, {});
  if (trace.local) return localFigures(flow, trace, index, names);
  const innerMtu = (innerMtuKnown !== undefined ? innerMtuKnown : flowMtu(trace, index).innerMtu) ?? 0;
  const own = ownHeaderBytes(trace);
  const packetBytes = Math.min(flow.packetBytes ?? innerMtu, innerMtu);
  const payloadBytes = packetBytes - own;
  if (payloadBytes <= 0) return figures(flow, { innerMtu, maxGbps: 0, packetBytes }, { problems: [mtuBelowOverhead(flow, innerMtu, own)] });
  let problems: ThroughputProblem[] | undefined;
  const best: Best = { gbps: 0, link: false, id: '' };
  let efficiency = 1;
  let overhead = 0;
  const wire = new Array<number>(trace.hops.length).fill(Number.NaN);
  const rate = Math.max(0, flow.rateGbps);
  LEG.wraps = undefined;
  for (let j = 0; j < trace.hops.length; j++) {
    const hop = trace.hops[j]!;
    const link = index.links.get(hop.link);
    if (!link) continue;
    const added = addedOn(hop, link.mtu, packetBytes);
    // Every header and the framing cross the link at the flow's rate of payload (SPEC T3, T7).
    wire[j] = (rate * (packetBytes + added + ETHERNET_FRAMING_BYTES)) / payloadBytes;
    const share = payloadBytes / (packetBytes + added + ETHERNET_FRAMING_BYTES);
    if (!(link.gbps > 0)) (problems ??= []).push(deadLink(link));
    lower(best, Math.max(0, link.gbps) * share, true, link.id);
    efficiency = Math.min(efficiency, share);
    overhead = Math.max(overhead, added);
  }
  const fixed = FIXED;
  fixed.gbps = best.gbps;
  fixed.link = best.link;
  fixed.id = best.id;
  const crypto = hostLimits(flow, trace, index, { packetBytes, payloadBytes }, best, undefined, fixed)!;
  // Written out rather than through `figures`: this is the shape of nearly every flow, and spreading builds each object twice.
  const summary: FlowSummary = { flow: flow.id, rateGbps: flow.rateGbps, packetBytes, payloadBytes, innerMtu, overheadBytes: overhead, wireEfficiency: efficiency, maxGbps: best.gbps, bottleneck: subject(best, names) };
  return { summary, crypto: { flow: flow.id, hosts: crypto }, wire, problems: problems ?? NO_PROBLEMS, fixedGbps: fixed.gbps, fixedLink: fixed.link, fixedId: fixed.id, recostAt: fixed.at };
}
