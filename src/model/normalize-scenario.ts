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
import type { ShapedScenario } from './schema.ts';
import type { Attacker, Flow, FlowFilter, LayoutPoint, Requirement, Scenario, Workload } from './types.ts';

/** Networks of a flow endpoint: a workload's networks, none for a host (host-level traffic). */
export function endpointNetworks(workloads: readonly Workload[]): (endpoint: string) => readonly string[] {
  const byId = new Map(workloads.map((workload) => [workload.id, workload.networks]));
  return (endpoint) => byId.get(endpoint) ?? [];
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

/** The normalised scenario of a shaped document (see the module comment on blanks). */
export function normalizeScenario(shaped: ShapedScenario): Scenario {
  const hosts = shaped.hosts.map((host) => normalizeHost(host));
  const devices = shaped.devices.map((device) => normalizeDevice(device));
  const ends = linkEnds(hosts, devices);
  const workloads = shaped.workloads.map(normalizeWorkload);
  const networksOf = endpointNetworks(workloads);
  return compact({
    plainsight: 1,
    name: shaped.name ?? '',
    description: shaped.description,
    sites: shaped.sites.map((site) => normalizeSite(site)),
    hosts,
    devices,
    links: shaped.links.map((link) => normalizeLink(link, ends)),
    bridges: shaped.bridges.map((bridge) => normalizeBridge(bridge)),
    overlays: shaped.overlays.map((overlay) => normalizeOverlay(overlay, hosts)),
    tunnels: shaped.tunnels.map(normalizeTunnel),
    networks: shaped.networks.map(normalizeNetwork),
    workloads,
    keystores: shaped.keystores.map(normalizeKeystore),
    ipsec: shaped.ipsec.map(normalizeIpsecPolicy),
    wireguard: shaped.wireguard.map(normalizeWireguard),
    flows: shaped.flows.map((flow) => normalizeFlow(flow, networksOf)),
    attackers: shaped.attackers.map(normalizeAttacker),
    requirements: shaped.requirements.map(normalizeRequirement),
    layout: normalizeLayout(shaped.layout),
  }) as Scenario;
}
