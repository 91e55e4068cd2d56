/**
 * Exposure of one flow to one attacker (SPEC X4–X7): every vantage where the attacker's positions
 * touch the flow's path, read through encryption with its pooled keys; the deepest view wins and
 * any vantage where it can forge every authenticated layer makes the flow tamperable.
 */
import type { ExposureLevel, Flow } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { Exposure, FlowTrace, Layer, Reason } from '../types.ts';
import type { AttackerKnowledge } from './attacker-knowledge.ts';
import { plainPair } from './exposure-table.ts';
import { readOutcome, readStack, TAMPER_BIT, tamperReason, type Vantage } from './read-stack.ts';

// A shared, frozen empty list: most pairs have no reason.
const NO_REASONS: Reason[] = Object.freeze([]) as unknown as Reason[];

/** Rank of each exposure level, least to most (SPEC X6). */
export const LEVEL_RANK: Record<ExposureLevel, number> = { none: 0, metadata: 1, headers: 2, payload: 3 };

function stacksInside(trace: FlowTrace, host: string): FlowTrace['innerStack'][] {
  if (trace.local) return [trace.innerStack];
  return trace.hops.filter((h) => h.from === host || h.to === host).map((h) => h.stack);
}

/**
 * `<prefix><id>`: the routed path's own name for the element when there is one, else built. A
 * routed path names every link `link:<id>` and every node `host:<id>` or `device:<id>`
 * (trace-context.ts `pathName`), and a device id is never a host's (ids share one namespace, SPEC
 * §1), so the path's name is the vantage's as it is: no string is compared or made per vantage.
 */
function sharedName(pathName: string | undefined, prefix: 'link:' | 'device:', id: string): string {
  return pathName ?? `${prefix}${id}`;
}

/**
 * The vantages of one flow to one attacker (SPEC X4) as parallel lists, filled by `vantagesOf`
 * and read before the next call: one flow × attacker pair at a time, so no object per vantage (a
 * site attacker has a vantage on every link and device of most paths).
 */
interface VantageList {
  count: number;
  ids: string[];
  stacks: (readonly Layer[])[];
  /** The node the packet is inside of at each vantage, as `Vantage.node`. */
  nodes: (string | undefined)[];
  injects: boolean[];
}

const VANTAGES: VantageList = { count: 0, ids: [], stacks: [], nodes: [], injects: [] };

function addVantage(list: VantageList, id: string, stack: readonly Layer[], node: string | undefined, inject: boolean): void {
  const n = list.count++;
  list.ids[n] = id;
  list.stacks[n] = stack;
  list.nodes[n] = node;
  list.injects[n] = inject;
}

/** The vantage at position `i` of the list, as an object (for the one reading whose reasons are kept). */
function vantageAt(list: VantageList, i: number): Vantage {
  const node = list.nodes[i];
  const v: Vantage = { id: list.ids[i]!, stack: list.stacks[i]!, inject: list.injects[i]! };
  if (node !== undefined) v.node = node;
  return v;
}

/** Lists the vantages an attacker has on a flow (SPEC X4) into the shared `VANTAGES`. */
function vantagesOf(flow: Flow, trace: FlowTrace, k: AttackerKnowledge, index: ScenarioIndex): VantageList {
  const out = VANTAGES;
  out.count = 0;
  const checkDevices = k.devices.size > 0;
  const hops = trace.hops;
  // A routed path reads node, link, node … (plan-route.ts), its names already built and shared:
  // re-using them spares a string per vantage, kept in every exposure.
  const named = trace.path.length === 2 * hops.length + 1;
  for (let j = 0; j < hops.length; j++) {
    const hop = hops[j]!;
    if (k.links.has(hop.link)) addVantage(out, sharedName(named ? trace.path[2 * j + 1] : undefined, 'link:', hop.link), hop.stack, undefined, k.canInject);
    if (checkDevices && k.devices.has(hop.from)) addVantage(out, sharedName(named ? trace.path[2 * j] : undefined, 'device:', hop.from), hop.stack, hop.from, k.canInject);
    if (checkDevices && k.devices.has(hop.to)) addVantage(out, sharedName(named ? trace.path[2 * j + 2] : undefined, 'device:', hop.to), hop.stack, hop.to, k.canInject);
  }
  if (k.hosts.size > 0 || k.mirrors.size > 0) {
    for (const host of trace.hosts) {
      const root = k.hosts.has(host);
      const bridge = k.mirrors.get(host);
      if (!root && bridge === undefined) continue;
      const inside = stacksInside(trace, host);
      if (root) for (const stack of inside) addVantage(out, `host:${host}`, stack, host, k.canInject);
      // A mirror port hands over a decrypted copy of what crosses the bridge; it cannot inject.
      if (bridge !== undefined) for (const stack of inside) addVantage(out, `mirror:${bridge}`, stack, host, false);
    }
  }
  if (k.canInject && flow.network !== undefined && k.spoofableNetworks.has(flow.network) && trace.path.length > 0) {
    const spoofer = [...k.workloads].sort().find((w) => index.workloads.get(w)?.networks.includes(flow.network!));
    // Without port security an active co-tenant ARP/MAC-spoofs its way into the unencapsulated frames.
    if (spoofer !== undefined) addVantage(out, `workload:${spoofer}`, trace.innerStack, undefined, true);
  }
  return out;
}

/**
 * Whether the outcome of reading at `v` (`readOutcome`) is that of reading its stack with no node:
 * a node matters only where a layer ends on it (SPEC X4, 'terminated'), and the attacker holds the
 * keys of every node in `keyNodes` anyway ('root'), so either way the layer opens. Every device
 * vantage is such a node (a device the attacker sits on is one whose keys it holds), as is a host
 * it is root on. Only the reasons' wording differs, and those are read from the deepest vantage.
 */
function nodeFree(node: string | undefined, k: AttackerKnowledge): boolean {
  return node === undefined || k.keyNodes.has(node);
}

/**
 * The last reading of a vantage whose reading does not depend on its node (see `nodeFree`): hops
 * of one leg share their stack, so such a vantage on the same stack as the one before reads the
 * same and is read once. Reset for every pair (`readVantages`).
 */
const LAST = { stack: undefined as Vantage['stack'] | undefined, inject: false, outcome: 0 };

/** The outcome (`readOutcome`) of vantage `i` of `list`, read once per run of vantages that read alike. */
function outcomeAt(list: VantageList, i: number, k: AttackerKnowledge): number {
  const stack = list.stacks[i]!;
  const node = list.nodes[i];
  const inject = list.injects[i]!;
  const free = nodeFree(node, k);
  if (free && stack === LAST.stack && inject === LAST.inject) return LAST.outcome;
  const outcome = readOutcome(stack, node, inject, k);
  if (free) {
    LAST.stack = stack;
    LAST.inject = inject;
    LAST.outcome = outcome;
  }
  return outcome;
}

/** Lists the vantages an attacker has on a flow (`vantagesOf`) and starts their readings afresh. */
function readVantages(flow: Flow, trace: FlowTrace, k: AttackerKnowledge, index: ScenarioIndex): VantageList {
  LAST.stack = undefined;
  return vantagesOf(flow, trace, k, index);
}

/** Bit of `pairOutcome` set when the attacker has a vantage on the flow or is one of its ends (the pair is not plain). */
export const SEEN_BIT = 8;

/**
 * The level rank (`LEVEL_RANK`) of one flow's exposure to one attacker, plus `TAMPER_BIT` when it
 * can tamper and `SEEN_BIT` when it has any vantage on the flow or is an end of it: what
 * `exposeFlow` decides, without its reasons and vantage list.
 */
export function pairOutcome(flow: Flow, trace: FlowTrace, k: AttackerKnowledge, index: ScenarioIndex): number {
  // An endpoint reads what it sends or receives (as in `exposeFlow`).
  const endpoint = k.workloads.has(flow.from) || k.workloads.has(flow.to);
  let rank = endpoint ? LEVEL_RANK.payload : LEVEL_RANK.none;
  let tamper = 0;
  const vantages = readVantages(flow, trace, k, index);
  for (let i = 0; i < vantages.count; i++) {
    const outcome = outcomeAt(vantages, i, k);
    if ((outcome & 3) > rank) rank = outcome & 3;
    tamper |= outcome & TAMPER_BIT;
  }
  return rank | tamper | (endpoint || vantages.count > 0 ? SEEN_BIT : 0);
}

/**
 * `pairOutcome` without `SEEN_BIT`: the level rank, plus `TAMPER_BIT` when the attacker can tamper
 * (the protection comparison of SPEC T8 reads nothing else, for every flow × attacker pair of ten
 * alternatives).
 */
export function exposureOutcome(flow: Flow, trace: FlowTrace, k: AttackerKnowledge, index: ScenarioIndex): number {
  return pairOutcome(flow, trace, k, index) & ~SEEN_BIT;
}

/** Computes the exposure of one flow to one attacker, with reasons. */
export function exposeFlow(flow: Flow, trace: FlowTrace, k: AttackerKnowledge, index: ScenarioIndex): Exposure {
  const attacker = k.attacker.id;
  // A workload attacker that is an endpoint reads what it sends or receives; its other vantages
  // still count (they may let it tamper with the flow's other direction of trust).
  const endpoint = k.workloads.has(flow.from) ? flow.from : k.workloads.has(flow.to) ? flow.to : undefined;
  const vantages = readVantages(flow, trace, k, index);
  if (vantages.count === 0 && endpoint === undefined) return plainPair(flow.id, attacker);
  let level: ExposureLevel = 'none';
  let tamper = false;
  let best: Reason[] = NO_REASONS;
  if (endpoint !== undefined) {
    level = 'payload';
    best = [{ text: `workload:${endpoint} is an endpoint of ${flow.id} and reads what it sends or receives`, vantage: `workload:${endpoint}`, via: 'endpoint' }];
  }
  let tamperReasons: Reason[] = NO_REASONS;
  // Only the deepest reading's reasons are kept, so the others are read without building theirs.
  let deepest = -1;
  let rank = LEVEL_RANK[level];
  for (let i = 0; i < vantages.count; i++) {
    const outcome = outcomeAt(vantages, i, k);
    if ((outcome & 3) > rank) {
      rank = outcome & 3;
      deepest = i;
    }
    if ((outcome & TAMPER_BIT) !== 0 && !tamper) {
      tamper = true;
      tamperReasons = [tamperReason(k, vantages.ids[i]!)];
    }
  }
  if (deepest !== -1) {
    const reading = readStack(vantageAt(vantages, deepest), k);
    level = reading.level;
    best = reading.reasons;
  }
  return { flow: flow.id, attacker, level, tamper, vantages: vantageIds(vantages, endpoint), reasons: tamperReasons.length > 0 ? best.concat(tamperReasons) : best };
}

/** The distinct vantage ids (and the endpoint's), sorted; one array, no intermediate sets. */
function vantageIds(vantages: VantageList, endpoint: string | undefined): string[] {
  const ids = new Array<string>(vantages.count + (endpoint !== undefined ? 1 : 0));
  for (let i = 0; i < vantages.count; i++) ids[i] = vantages.ids[i]!;
  if (endpoint !== undefined) ids[vantages.count] = `workload:${endpoint}`;
  if (ids.length < 2) return ids;
  // Insertion sort by code units (as the default `sort`, which copies the array first): lists are short.
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i]!;
    let j = i - 1;
    for (; j >= 0 && ids[j]! > id; j--) ids[j + 1] = ids[j]!;
    ids[j + 1] = id;
  }
  // Sorted, so duplicates are adjacent: compact them in place.
  let n = 1;
  for (let i = 1; i < ids.length; i++) if (ids[i] !== ids[n - 1]) ids[n++] = ids[i]!;
  ids.length = n;
  return ids;
}
