/**
 * Builds the normalised `Scenario` (types.ts) from the shape stage's output: every SPEC §1.1
 * default applied, overlay members, policy endpoints and flow networks resolved. It never fails:
 * values the shape stage rejected become blanks, and such a model is only used by the semantic
 * checks, never returned (it always comes with an error).
 */
import {
  blank,
  blanks,
  compact,
  linkEnds,
  normalizeBridge,
  normalizeDevice,
  normalizeHost,
  normalizeLink,
  normalizeSite,
  type Shaped,
} from './normalize-topology.ts';
import {
  normalizeIpsecPolicy,
  normalizeKeystore,
  normalizeNetwork,
  normalizeOverlay,
  normalizeTunnel,
  normalizeWireguard,
  normalizeWorkload,
} from './normalize-overlay.ts';
import { resolveFlowNetwork } from './resolve-flow-network.ts';
import type { ShapeMemo } from './check-shape.ts';
import type { ShapedScenario } from './schema.ts';
import type { Attacker, Flow, FlowFilter, LayoutPoint, Requirement, Scenario, Workload } from './types.ts';

const NO_NETWORKS: readonly string[] = Object.freeze([]);

/** Networks of a flow endpoint: a workload's networks, none for a host (host-level traffic). */
export function endpointNetworks(workloads: readonly Workload[]): (endpoint: string) => readonly string[] {
  const byId = new Map(workloads.map((workload) => [workload.id, workload.networks]));
  return (endpoint) => byId.get(endpoint) ?? NO_NETWORKS;
}

/** The shape checks' memo of this reading and the last (run-stages.ts), when the reader keeps one. */
export interface NormalMemo {
  previous?: ShapeMemo;
  next?: ShapeMemo;
}

/**
 * Normalises one top-level list. With a memo, an item whose clean value is the very object the
 * last reading normalised (the shape stage replays unchanged entities, check-shape.ts) gets the
 * last reading's entity back, when what else it was derived from (`depends`) is the same too: an
 * edit of one entity in a region of 50,000 flows normalises that entity, not the region, and the
 * entities it left alone stay the same objects (what an analysis session compares first).
 */
function normalList<S, T>(
  kind: keyof ShapedScenario,
  items: readonly S[],
  memo: NormalMemo | undefined,
  make: (item: S) => T,
  depends?: Depends<S>,
): T[] {
  const now = memo?.next?.lists.get(kind);
  if (!now) return items.map(make);
  const then = memo?.previous?.lists.get(kind);
  const out = new Array<T>(items.length);
  const dependsA = depends ? new Array<unknown>(items.length) : undefined;
  const dependsB = depends ? new Array<unknown>(items.length) : undefined;
  const deps: [unknown, unknown] = [undefined, undefined];
  // What the items depend on is as it was (`depends.same`): an item the last reading normalised
  // keeps its dependencies as they were, without looking them up.
  const carried = depends?.same === true && then?.dependsA !== undefined && then.dependsB !== undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    let kept = then?.normal !== undefined && then.clean[i] === item && then.normal[i] !== undefined;
    if (depends) {
      if (kept && carried) {
        deps[0] = then!.dependsA![i];
        deps[1] = then!.dependsB![i];
      } else {
        depends.of(item, deps);
        kept &&= then!.dependsA![i] === deps[0] && then!.dependsB![i] === deps[1];
      }
      dependsA![i] = deps[0];
      dependsB![i] = deps[1];
    }
    out[i] = kept ? (then!.normal![i] as T) : make(item);
  }
  // Lists of the model are never changed once made: the list itself is what the next reading compares against.
  now.normal = out;
  if (dependsA) now.dependsA = dependsA;
  if (dependsB) now.dependsB = dependsB;
  return out;
}

/** What else than its clean value an item of `normalList` is derived from, and whether all of it is as it was. */
interface Depends<S> {
  of: (item: S, out: [unknown, unknown]) => void;
  same: boolean;
}

/** An item depends on what `look` gives for two ids it names (a link's ends, a flow's endpoints). */
function dependsOn<S>(look: (id: string) => unknown, first: (item: S) => string | undefined, second: (item: S) => string | undefined, same: boolean): Depends<S> {
  return {
    of: (item, out) => {
      out[0] = look(blank(first(item)));
      out[1] = look(blank(second(item)));
    },
    same,
  };
}

/** Normalises a flow; `networksOf` resolves the network when the file leaves it out. */
export function normalizeFlow(
  flow: Shaped<'flows'>,
  networksOf: (endpoint: string) => readonly string[],
): Flow {
  const from = blank(flow.from);
  const to = blank(flow.to);
  const { proto, port, tls, rateGbps, packetBytes, sensitivity } = flow;
  const network = resolveFlowNetwork({ from, to, ...compact({ network: flow.network }) }, networksOf).network;
  return compact({
    id: blank(flow.id),
    from,
    to,
    network,
    proto,
    port,
    tls,
    rateGbps,
    packetBytes,
    class: flow.class,
    sensitivity,
  });
}

function normalizeAttacker(attacker: Shaped<'attackers'>): Attacker {
  const at = attacker.at;
  return compact({
    id: blank(attacker.id),
    name: attacker.name,
    at: {
      links: blanks(at?.links),
      devices: blanks(at?.devices),
      hosts: blanks(at?.hosts),
      workloads: blanks(at?.workloads),
      sites: blanks(at?.sites),
    },
    can: blanks(attacker.can) as Attacker['can'],
    knows: blanks(attacker.knows),
  });
}

// A missing or invalid selection (already an error) reads as `all`, so no "selects nothing"
// warning piles onto it.
function flowFilterOf(flows: Shaped<'requirements'>['flows']): FlowFilter {
  if (flows === undefined || typeof flows === 'string') return 'all';
  if (Array.isArray(flows)) return blanks(flows);
  return compact({ class: flows.class, sensitivity: flows.sensitivity });
}

function normalizeRequirement(requirement: Shaped<'requirements'>): Requirement {
  const against = requirement.against;
  return {
    id: blank(requirement.id),
    flows: flowFilterOf(requirement.flows),
    against: against === undefined || typeof against === 'string' ? 'all' : blanks(against),
    maxExposure: blank(requirement.maxExposure),
    noTamper: requirement.noTamper,
  };
}

function normalizeLayout(layout: ShapedScenario['layout']): Record<string, LayoutPoint> {
  const out: Record<string, LayoutPoint> = {};
  for (const [key, point] of Object.entries(layout)) {
    if (point.x !== undefined && point.y !== undefined) out[key] = { x: point.x, y: point.y };
  }
  return out;
}

/** Whether a normalised list is the last reading's list of the very same objects (its length and every item). */
function sameAsBefore(kind: keyof ShapedScenario, list: readonly unknown[], memo: NormalMemo | undefined): boolean {
  const then = memo?.previous?.lists.get(kind)?.normal;
  if (then === undefined || then.length !== list.length) return false;
  for (let i = 0; i < list.length; i++) if (then[i] !== list[i]) return false;
  return true;
}

/**
 * The normalised scenario of a shaped document (see the module comment on blanks); `memo` lets
 * the entities an edit left alone come back as the last reading's objects (`normalList`).
 */
export function normalizeScenario(shaped: ShapedScenario, memo?: NormalMemo): Scenario {
  const hosts = normalList('hosts', shaped.hosts, memo, normalizeHost);
  const devices = normalList('devices', shaped.devices, memo, normalizeDevice);
  const ends = linkEnds(hosts, devices);
  // A link's rate, MTU and site default to its ends' (deriveLinkDefaults): the end entities decide it too.
  const endEntities = new Map<string, unknown>();
  for (const device of devices) endEntities.set(device.id, device);
  for (const host of hosts) endEntities.set(host.id, host);
  const workloads = normalList('workloads', shaped.workloads, memo, normalizeWorkload);
  const networksOf = endpointNetworks(workloads);
  // Whether every host and device, and every workload, is the last reading's very object (an edit of
  // something else): then no link's ends and no flow's endpoint networks can have changed.
  const endsSame = sameAsBefore('hosts', hosts, memo) && sameAsBefore('devices', devices, memo);
  const workloadsSame = sameAsBefore('workloads', workloads, memo);
  return compact({
    plainsight: 1,
    name: shaped.name ?? '',
    description: shaped.description,
    sites: normalList('sites', shaped.sites, memo, normalizeSite),
    hosts,
    devices,
    links: normalList(
      'links',
      shaped.links,
      memo,
      (link) => normalizeLink(link, ends),
      dependsOn((id) => endEntities.get(id), (link) => link.between?.[0], (link) => link.between?.[1], endsSame),
    ),
    bridges: normalList('bridges', shaped.bridges, memo, normalizeBridge),
    // Members follow host roles and sites: overlays (a handful) are always normalised again.
    overlays: shaped.overlays.map((overlay) => normalizeOverlay(overlay, hosts)),
    tunnels: normalList('tunnels', shaped.tunnels, memo, normalizeTunnel),
    networks: normalList('networks', shaped.networks, memo, normalizeNetwork),
    workloads,
    keystores: normalList('keystores', shaped.keystores, memo, normalizeKeystore),
    ipsec: normalList('ipsec', shaped.ipsec, memo, normalizeIpsecPolicy),
    wireguard: normalList('wireguard', shaped.wireguard, memo, normalizeWireguard),
    // A flow without a network takes it from its endpoints' networks (resolveFlowNetwork).
    flows: normalList(
      'flows',
      shaped.flows,
      memo,
      (flow) => normalizeFlow(flow, networksOf),
      dependsOn(networksOf, (flow) => flow.from, (flow) => flow.to, workloadsSame),
    ),
    attackers: normalList('attackers', shaped.attackers, memo, normalizeAttacker),
    requirements: normalList('requirements', shaped.requirements, memo, normalizeRequirement),
    layout: normalizeLayout(shaped.layout),
  }) as Scenario;
}
