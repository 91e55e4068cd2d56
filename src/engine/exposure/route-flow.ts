/**
 * Which way a flow goes (SPEC X1): straight along the underlay, through one overlay tunnel, or
 * out of / into an overlay through its gateway (the member with role `gateway` or `network`
 * fewest hops from the far end, ties by id). The result is a list of legs; each leg is one
 * underlay path, optionally carried in a tunnel.
 */
import type { Flow, Network, Overlay, Tunnel, TunnelIpsec, TunnelType } from '../../model/types.ts';
import type { UnderlayPath, UnderlayRouter } from '../graph/underlay-router.ts';
import { tunnelKey, type ScenarioIndex } from '../scenario-index.ts';

/** The tunnel a leg is carried in: the overlay's implied tunnel or an explicit one. */
export interface LegTunnel {
  /** Overlay or explicit tunnel id. */
  source: string;
  type: TunnelType;
  optionBytes: number;
  ipsec?: TunnelIpsec;
}

/** One underlay stretch of a flow's path. */
export interface Leg {
  from: string;
  to: string;
  path: UnderlayPath;
  tunnel?: LegTunnel;
  /** Whether the packet's source / destination address on this leg belongs to the end host (host-sent). */
  fromIsHost: boolean;
  toIsHost: boolean;
}

/** A flow's route: its end hosts and legs, or why it has none. */
export type Route =
  | { kind: 'local'; host: string }
  | { kind: 'routed'; fromHost: string; toHost: string; legs: Leg[] }
  | { kind: 'unreachable'; fromHost?: string; toHost?: string; reason: string };

/** One end of a flow: its host and, for a workload, the network it uses for this flow. */
export interface EndPoint {
  host: string;
  /** The network the endpoint sits on for this flow; undefined = host-level (underlay). */
  network?: Network;
}

function endpointOf(id: string, flowNetwork: string | undefined, index: ScenarioIndex): EndPoint | undefined {
  // Most endpoints are workloads: looked up first (ids share one namespace, SPEC §1), a host costs the second look-up.
  const workload = index.workloads.get(id);
  if (!workload) return index.hosts.has(id) ? { host: id } : undefined;
  const netId =
    flowNetwork !== undefined && workload.networks.includes(flowNetwork)
      ? flowNetwork
      : workload.networks.length === 1
        ? workload.networks[0]
        : undefined;
  return { host: workload.host, network: netId === undefined ? undefined : index.networks.get(netId) };
}

/** One LegTunnel per overlay or explicit tunnel (scenario entities are never changed in place): legs of every host pair share it. */
const legTunnels = new WeakMap<Overlay | Tunnel, LegTunnel>();

function legTunnel(overlay: Overlay, a: string, b: string, index: ScenarioIndex): LegTunnel {
  const explicit: Tunnel | undefined = index.tunnelByPair.get(tunnelKey(overlay.id, a, b));
  const entity = explicit ?? overlay;
  let tunnel = legTunnels.get(entity);
  if (!tunnel) {
    tunnel = explicit
      ? { source: explicit.id, type: explicit.type, optionBytes: explicit.geneveOptionBytes, ipsec: explicit.ipsec }
      : { source: overlay.id, type: overlay.type, optionBytes: overlay.geneveOptionBytes, ipsec: overlay.ipsec };
    legTunnels.set(entity, tunnel);
  }
  return tunnel;
}

/** Gateway lists per index and overlay: roles live in the index, so a new index starts afresh. */
const gatewayCache = new WeakMap<ScenarioIndex, Map<Overlay, string[]>>();

/** The overlay's members with role gateway or network, sorted by id (memberIds are sorted). */
function gatewaysOf(overlay: Overlay, index: ScenarioIndex): string[] {
  let byOverlay = gatewayCache.get(index);
  if (!byOverlay) {
    byOverlay = new Map();
    gatewayCache.set(index, byOverlay);
  }
  let list = byOverlay.get(overlay);
  if (!list) {
    list = overlay.memberIds.filter((id) => {
      const role = index.hosts.get(id)?.role;
      return role === 'gateway' || role === 'network';
    });
    byOverlay.set(overlay, list);
  }
  return list;
}

/** Picks the overlay's gateway/network member nearest `target`, reachable from `start` (ties by id). */
function pickGateway(overlay: Overlay, start: string, target: string, index: ScenarioIndex, router: UnderlayRouter): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const id of gatewaysOf(overlay, index)) {
    if (id !== start && router.distance(start, id) === undefined) continue;
    const d = id === target ? 0 : router.distance(id, target);
    if (d === undefined) continue;
    if (d < bestDist || (d === bestDist && best !== undefined && id < best)) {
      best = id;
      bestDist = d;
    }
  }
  return best;
}

interface LegSpec {
  from: string;
  to: string;
  tunnel?: LegTunnel;
  fromIsHost: boolean;
  toIsHost: boolean;
}

function overlayOf(net: Network | undefined, index: ScenarioIndex): Overlay | undefined {
  return net?.kind === 'overlay' && net.overlay !== undefined ? index.overlays.get(net.overlay) : undefined;
}

function planLegs(src: EndPoint, dst: EndPoint, index: ScenarioIndex, router: UnderlayRouter): LegSpec[] | string {
  const srcOverlay = overlayOf(src.network, index);
  const dstOverlay = overlayOf(dst.network, index);
  // Same network: one tunnel (overlay) or bridged frames straight over the underlay (VLAN/flat).
  if (src.network && src.network === dst.network) {
    if (srcOverlay) {
      return [{ from: src.host, to: dst.host, tunnel: legTunnel(srcOverlay, src.host, dst.host, index), fromIsHost: true, toIsHost: true }];
    }
    return [{ from: src.host, to: dst.host, fromIsHost: false, toIsHost: false }];
  }
  const legs: LegSpec[] = [];
  let at = src.host;
  let atIsHost = src.network === undefined;
  if (srcOverlay) {
    const gw = pickGateway(srcOverlay, src.host, dst.host, index, router);
    if (gw === undefined) return `overlay ${srcOverlay.id} has no gateway or network member reachable from ${src.host} that reaches ${dst.host}`;
    if (gw !== src.host) legs.push({ from: src.host, to: gw, tunnel: legTunnel(srcOverlay, src.host, gw, index), fromIsHost: true, toIsHost: true });
    at = gw;
    atIsHost = true;
  }
  let entry: string | undefined;
  if (dstOverlay) {
    entry = pickGateway(dstOverlay, dst.host, at, index, router);
    if (entry === undefined) return `overlay ${dstOverlay.id} has no gateway or network member reachable from ${at} that reaches ${dst.host}`;
  }
  const end = entry ?? dst.host;
  if (at !== end) legs.push({ from: at, to: end, fromIsHost: atIsHost, toIsHost: entry !== undefined || dst.network === undefined });
  if (dstOverlay && entry !== undefined && entry !== dst.host) {
    legs.push({ from: entry, to: dst.host, tunnel: legTunnel(dstOverlay, entry, dst.host, index), fromIsHost: true, toIsHost: true });
  }
  return legs;
}

/** Attachment names per index and network, so routing a flow builds no strings. */
const attachments = new WeakMap<ScenarioIndex, Map<Network, string>>();

/**
 * What of an endpoint's network the plan depends on: host-level (''), one overlay (`o:<id>`), or a
 * VLAN/flat network ('n'): the plan only asks whether it is defined and which overlay carries it.
 */
function attachment(end: EndPoint, index: ScenarioIndex): string {
  if (end.network === undefined) return '';
  let byNetwork = attachments.get(index);
  if (!byNetwork) attachments.set(index, (byNetwork = new Map()));
  let name = byNetwork.get(end.network);
  if (name === undefined) {
    const overlay = overlayOf(end.network, index);
    name = overlay ? `o:${overlay.id}` : 'n';
    byNetwork.set(end.network, name);
  }
  return name;
}

/**
 * A flow's route, or for a routed flow what decides it: the two end hosts, how each attaches
 * (`attachment`) and whether both sit on one network. Flows that agree on these share the route.
 */
export type RouteStart =
  | Exclude<Route, { kind: 'routed' }>
  | { kind: 'routed'; src: EndPoint; dst: EndPoint; srcAttach: string; dstAttach: string; sameNetwork: boolean };

/** Starts routing a flow (SPEC X1): local and unknown-endpoint flows are answered at once. */
export function startRoute(flow: Flow, index: ScenarioIndex): RouteStart {
  const src = endpointOf(flow.from, flow.network, index);
  const dst = endpointOf(flow.to, flow.network, index);
  if (!src || !dst) return { kind: 'unreachable', reason: `flow ${flow.id} has an unknown endpoint` };
  if (src.host === dst.host) return { kind: 'local', host: src.host };
  const sameNetwork = src.network !== undefined && src.network === dst.network;
  return { kind: 'routed', src, dst, srcAttach: attachment(src, index), dstAttach: attachment(dst, index), sameNetwork };
}

/** Routes one flow over the underlay and overlays (SPEC X1). */
export function routeFlow(flow: Flow, index: ScenarioIndex, router: UnderlayRouter): Route {
  const start = startRoute(flow, index);
  return start.kind === 'routed' ? planRoute(start, index, router) : start;
}

/** Plans the legs of a routed start (SPEC X1): gateways, tunnels and underlay paths. */
export function planRoute(start: Extract<RouteStart, { kind: 'routed' }>, index: ScenarioIndex, router: UnderlayRouter): Route {
  const { src, dst } = start;
  const planned = planLegs(src, dst, index, router);
  if (typeof planned === 'string') return { kind: 'unreachable', fromHost: src.host, toHost: dst.host, reason: planned };
  const legs: Leg[] = [];
  for (const spec of planned) {
    const path = router.path(spec.from, spec.to);
    if (!path) return { kind: 'unreachable', fromHost: src.host, toHost: dst.host, reason: `no underlay path from ${spec.from} to ${spec.to}` };
    // A literal, not a spread: a leg per host pair, and spreading copies property by property.
    legs.push({ from: spec.from, to: spec.to, path, tunnel: spec.tunnel, fromIsHost: spec.fromIsHost, toIsHost: spec.toIsHost });
  }
  return { kind: 'routed', fromHost: src.host, toHost: dst.host, legs };
}
