/**
 * Host and link loads (SPEC T7) kept per entity, so that an edit re-adds only the hosts and links
 * its flows touch. A ledger lists, for every host and link, the positions (in flow-id order) of
 * the flows that load it; a load is the sum over those flows in that order, which is exactly the
 * order the full analysis (estimate-load.ts, one pass over all flows) adds them in, so the totals
 * are the same to the last bit. Analysis sessions build it at their first edit; a test checks
 * every host's and link's load against the full pass.
 */
import type { Host, Link } from '../../model/types.ts';
import type { FlowTrace, Protection } from '../types.ts';
import type { FlowFigures } from './flow-figures.ts';
import { busiestOf } from './estimate-load.ts';
import type { HostLoad, LinkLoad } from './types.ts';

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Which flows (by position in flow-id order) load each host and each link, ascending. */
export interface LoadLedger {
  hosts: Map<string, number[]>;
  links: Map<string, number[]>;
}

/** The hosts a flow's crypto work lands on, each once, in its order. */
export function hostsOf(f: FlowFigures): string[] {
  const hosts: string[] = [];
  for (const share of f.crypto.hosts) if (!hosts.includes(share.host)) hosts.push(share.host);
  return hosts;
}

/** The links a flow puts wire load on, each once, in path order. */
export function linksOf(f: FlowFigures, trace: FlowTrace | undefined): string[] {
  const links: string[] = [];
  if (!trace || f.wire.length === 0) return links;
  for (let j = 0; j < trace.hops.length; j++) {
    const link = trace.hops[j]!.link;
    if (!Number.isNaN(f.wire[j]!) && !links.includes(link)) links.push(link);
  }
  return links;
}

function add(map: Map<string, number[]>, id: string, position: number): void {
  const list = map.get(id);
  if (!list) map.set(id, [position]);
  else if (list[list.length - 1] !== position) list.push(position);
}

/** The ledger of flows in flow-id order (`figures[i]` is the flow at position i). */
export function buildLedger(figures: readonly FlowFigures[], traces: ReadonlyMap<string, FlowTrace>): LoadLedger {
  const ledger: LoadLedger = { hosts: new Map(), links: new Map() };
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    for (const share of f.crypto.hosts) add(ledger.hosts, share.host, i);
    for (const link of linksOf(f, traces.get(f.summary.flow))) add(ledger.links, link, i);
  }
  return ledger;
}

/** Where `position` sits in an ascending list (or would be inserted). */
function slot(list: readonly number[], position: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Moves the flow at `position` from the entities it loaded to the ones it loads now. */
export function moveInLedger(map: Map<string, number[]>, position: number, before: readonly string[], after: readonly string[]): void {
  for (const id of before) {
    const list = map.get(id);
    const at = list ? slot(list, position) : -1;
    if (list && list[at] === position) list.splice(at, 1);
  }
  for (const id of after) {
    let list = map.get(id);
    if (!list) map.set(id, (list = []));
    const at = slot(list, position);
    if (list[at] !== position) list.splice(at, 0, position);
  }
}

/** One host's crypto load from the flows at `positions` (ascending), summed in that order. */
export function hostLoadOf(host: Host, positions: readonly number[], figures: readonly FlowFigures[]): HostLoad {
  let used = 0;
  const sa = { outbound: new Map<Protection, number>(), inbound: new Map<Protection, number>() };
  const flows: string[] = [];
  for (const i of positions) {
    const f = figures[i]!;
    let counted = false;
    for (const share of f.crypto.hosts) {
      if (share.host !== host.id) continue;
      used += share.coresAtRate;
      if (!counted) flows.push(f.crypto.flow);
      counted = true;
      for (const { protection, direction, cores } of share.sas) sa[direction].set(protection, (sa[direction].get(protection) ?? 0) + cores);
    }
  }
  const available = Math.max(0, host.cpu.cores);
  const busiestSa = busiestOf(sa);
  return {
    host: host.id,
    cryptoCoresUsed: used,
    coresAvailable: available,
    utilisation: available > 0 ? used / available : used > 0 ? 1 : 0,
    busiestSa,
    saturated: used > available || (busiestSa?.coresUsed ?? 0) > 1,
    flows: flows.sort(byId),
  };
}

/** One link's wire load from the flows at `positions` (ascending), every hop on it in path order. */
export function linkLoadOf(link: Link, positions: readonly number[], figures: readonly FlowFigures[], traces: ReadonlyMap<string, FlowTrace>): LinkLoad {
  let wire = 0;
  const flows: string[] = [];
  for (const i of positions) {
    const f = figures[i]!;
    const trace = traces.get(f.summary.flow);
    if (!trace || f.wire.length === 0) continue;
    let counted = false;
    for (let j = 0; j < trace.hops.length; j++) {
      const gbps = f.wire[j]!;
      if (trace.hops[j]!.link !== link.id || Number.isNaN(gbps)) continue;
      wire += gbps;
      if (!counted) flows.push(f.summary.flow);
      counted = true;
    }
  }
  const capacity = Math.max(0, link.gbps);
  return {
    link: link.id,
    wireGbps: wire,
    capacityGbps: capacity,
    utilisation: capacity > 0 ? wire / capacity : wire > 0 ? 1 : 0,
    oversubscribed: wire > capacity,
    flows: flows.sort(byId),
  };
}
