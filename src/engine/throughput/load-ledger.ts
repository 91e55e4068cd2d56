/**
 * Host and link loads (SPEC T7) kept per entity, so that an edit re-adds only the hosts and links
 * its flows touch. A ledger lists, for every host and link, the positions (in flow-id order) of
 * the flows that load it; a load is the sum over those flows in that order, which is exactly the
 * order the full analysis (estimate-load.ts, one pass over all flows) adds them in, so the totals
 * are the same to the last bit. Analysis sessions build it at their first edit; a test checks
 * every host's and link's load against the full pass.
 */
import type { Host, Link } from '../../model/types.ts';
import type { FlowTrace } from '../types.ts';
import type { FlowFigures } from './flow-figures.ts';
import { insertSorted, removeSorted, slotOf } from '../sorted-lists.ts';
import { addShare, hostLoadFrom, linkLoadFrom, linkShareAt, newHostSums, rankEntries, type HostSums } from './estimate-load.ts';
import type { HostLoad, LinkLoad } from './types.ts';

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The flows (by position in flow-id order, ascending) that load one link, with each one's share. */
export interface LinkEntry {
  positions: number[];
  /** `gbps[k]`: the wire load of the flow at `positions[k]` on this link (`linkShareAt`). */
  gbps: number[];
}

/** Which flows load each host (positions in flow-id order, ascending) and each link. */
export interface LoadLedger {
  hosts: Map<string, number[]>;
  links: Map<string, LinkEntry>;
}

/** One link a flow loads and how much. */
export interface LinkShare {
  link: string;
  gbps: number;
}

/** The hosts a flow's crypto work lands on, each once, in its order. */
export function hostsOf(f: FlowFigures): string[] {
  const hosts: string[] = [];
  for (const share of f.crypto.hosts) if (!hosts.includes(share.host)) hosts.push(share.host);
  return hosts;
}

/** The links a flow puts wire load on, each once, in path order, with its share of each. */
export function linkSharesOf(f: FlowFigures, trace: FlowTrace | undefined): LinkShare[] {
  const shares: LinkShare[] = [];
  if (!trace || f.wire.length === 0) return shares;
  for (let j = 0; j < trace.hops.length; j++) {
    const gbps = linkShareAt(f.wire, trace.hops, j);
    if (gbps !== undefined) shares.push({ link: trace.hops[j]!.link, gbps });
  }
  return shares;
}

function add(map: Map<string, number[]>, id: string, position: number): void {
  const list = map.get(id);
  if (!list) map.set(id, [position]);
  else if (list[list.length - 1] !== position) list.push(position);
}

/** The ledger of flows in flow-id order (`figures[i]` is the flow at position i). */
export function buildLedger(figures: readonly FlowFigures[], traces: ReadonlyMap<string, FlowTrace>): LoadLedger {
  const ledger: LoadLedger = { hosts: new Map(), links: new Map() };
  addToLedger(ledger, figures, traces, 0, figures.length);
  return ledger;
}

/**
 * Adds the flows at positions `from` to `to` (exclusive) to a ledger that holds those before them:
 * a ledger built a slice at a time, in order, is the one `buildLedger` makes.
 */
export function addToLedger(ledger: LoadLedger, figures: readonly FlowFigures[], traces: ReadonlyMap<string, FlowTrace>, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const f = figures[i]!;
    for (const share of f.crypto.hosts) add(ledger.hosts, share.host, i);
    const trace = traces.get(f.summary.flow);
    if (!trace || f.wire.length === 0) continue;
    for (let j = 0; j < trace.hops.length; j++) {
      const gbps = linkShareAt(f.wire, trace.hops, j);
      if (gbps === undefined) continue;
      const link = trace.hops[j]!.link;
      const entry = ledger.links.get(link);
      if (!entry) ledger.links.set(link, { positions: [i], gbps: [gbps] });
      else {
        entry.positions.push(i);
        entry.gbps.push(gbps);
      }
    }
  }
}

/** Moves the flow at `position` from the hosts it loaded to the ones it loads now. */
export function moveInLedger(map: Map<string, number[]>, position: number, before: readonly string[], after: readonly string[]): void {
  for (const id of before) {
    const list = map.get(id);
    if (list) removeSorted(list, position);
  }
  for (const id of after) {
    let list = map.get(id);
    if (!list) map.set(id, (list = []));
    insertSorted(list, position);
  }
}

/** Moves the flow at `position` off the links it loaded and onto the ones it loads now, with its new shares. */
export function moveOnLinks(map: Map<string, LinkEntry>, position: number, before: readonly string[], after: readonly LinkShare[]): void {
  for (const id of before) {
    const entry = map.get(id);
    const at = entry ? removeSorted(entry.positions, position) : -1;
    if (at >= 0) entry!.gbps.splice(at, 1);
  }
  for (const { link, gbps } of after) {
    let entry = map.get(link);
    if (!entry) map.set(link, (entry = { positions: [], gbps: [] }));
    const at = slotOf(entry.positions, position);
    if (entry.positions[at] === position) entry.gbps[at] = gbps;
    else {
      entry.positions.splice(at, 0, position);
      entry.gbps.splice(at, 0, gbps);
    }
  }
}

/**
 * One host's crypto load from the flows at `positions` (ascending), summed in that order; `sorted`
 * is its flow list when the caller has it (sorted by id), else it is gathered and sorted here.
 */
export function hostLoadOf(host: Host, positions: readonly number[], figures: readonly FlowFigures[], sorted?: string[]): HostLoad {
  const sum = newHostSums();
  const flows: string[] = [];
  const id = host.id;
  for (let p = 0; p < positions.length; p++) {
    const f = figures[positions[p]!]!;
    const shares = f.crypto.hosts;
    let counted = false;
    for (let h = 0; h < shares.length; h++) {
      if (shares[h]!.host !== id) continue;
      addShare(sum, shares[h]!);
      if (!counted && !sorted) flows.push(f.crypto.flow);
      counted = true;
    }
  }
  return hostLoadFrom(host, sum, sorted ?? flows.sort(byId));
}

/** Running crypto sums per host, filled flow by flow in flow order (`addToHostSums`). */
export type HostSumsById = Map<string, HostSums>;

/**
 * Adds one flow's crypto to the sums of the hosts it loads. Called for every flow in flow order,
 * each host's sums run in the order `hostLoadOf` adds them, so the loads are the same to the last
 * bit; an edit that costs most flows again (a cipher) adds each flow as it is costed, while its
 * figures are at hand, instead of reading them all again host by host.
 */
export function addToHostSums(sums: HostSumsById, f: FlowFigures, templates?: HostSumsById): void {
  const shares = f.crypto.hosts;
  for (let h = 0; h < shares.length; h++) {
    const share = shares[h]!;
    let sum = sums.get(share.host);
    if (!sum) sums.set(share.host, (sum = newHostSums(templates?.get(share.host))));
    addShare(sum, share);
  }
}

/**
 * Every host's crypto sums over `figures` (every flow's, in flow order), kept by a session as the
 * template of the next sums: without their look-up maps, which sums made from them make again
 * only should a share miss its place, and with their entries' tie order (`rankEntries`), which
 * those sums share.
 */
export function sumHosts(figures: readonly FlowFigures[]): HostSumsById {
  const sums: HostSumsById = new Map();
  for (let p = 0; p < figures.length; p++) addToHostSums(sums, figures[p]!);
  return templatesOf(sums);
}

/** Sums of every flow (added in flow order, as by `sumHosts`, possibly a slice at a time) made the templates `sumHosts` returns. */
export function templatesOf(sums: HostSumsById): HostSumsById {
  for (const sum of sums.values()) asTemplate(sum);
  return sums;
}

/** One host's sums of every flow made a template (`templatesOf`): its tie order is a sort of its SAs. */
export function asTemplate(sum: HostSums): void {
  sum.sa.places = undefined;
  sum.sa.rank = rankEntries(sum.sa);
}

/** One link's wire load from its ledger entry (shares summed in flow order) and its flows sorted by id. */
export function linkLoadOf(link: Link, entry: LinkEntry | undefined, flows: string[]): LinkLoad {
  let wire = 0;
  if (entry) for (const gbps of entry.gbps) wire += gbps;
  return linkLoadFrom(link, wire, flows);
}
