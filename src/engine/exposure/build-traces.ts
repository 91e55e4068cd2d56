/**
 * Traces every flow (SPEC X1, X2): its path through hosts, links and devices, and on every link the
 * stack of headers on the wire, built from the wraps that apply there in SPEC order (innermost
 * first: TLS, tunnel encapsulation, tunnel IPsec, `ipsec:` policies transport then tunnel mode,
 * WireGuard, MACsec).
 */
import type { Flow, Link, Scenario } from '../../model/types.ts';
import { createUnderlayRouter, type UnderlayRouter } from '../graph/underlay-router.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace, Hop, Layer, Protection, Wrap } from '../types.ts';
import { assembleStack, buildWrapLayers, ipLayer, macsecLayer, type AddressOf, type WrapLayers } from './build-stack.ts';
import { TCP_BYTES, TLS_RECORD_HEADER_BYTES, TLS_RECORD_TRAILER_BYTES, UDP_BYTES } from './header-sizes.ts';
import { ProtectionTable } from './protections.ts';
import { policyCovers, preparePolicies, transportPolicyFor, tunnelPacketKey, tunnelSegment, wireguardMeshFor, type PacketKey, type PolicySet } from './policy-match.ts';
import { routeFlow, type Leg } from './route-flow.ts';

interface TraceContext {
  index: ScenarioIndex;
  router: UnderlayRouter;
  policies: PolicySet;
  protections: ProtectionTable;
  addr: AddressOf;
  legCache: Map<string, LegBase>;
  macsecLayers: Map<string, Layer>;
  pathNames: Map<string, string>;
}

function isIpv6(index: ScenarioIndex, a: string, b: string): boolean {
  return (index.hosts.get(a)?.ip?.includes(':') ?? false) && (index.hosts.get(b)?.ip?.includes(':') ?? false);
}

function ownLayers(flow: Flow, fromHost: string, toHost: string, ctx: TraceContext): Layer[] {
  const { index } = ctx;
  // Hosts and host-networked services (SPEC §1.1 Workload: `networks: []`) use their host's address.
  const hostOf = (id: string): string | undefined => {
    if (index.hosts.has(id)) return id;
    const w = index.workloads.get(id);
    return w && w.networks.length === 0 ? w.host : undefined;
  };
  const fromAddr = hostOf(flow.from);
  const toAddr = hostOf(flow.to);
  const ipv6 = fromAddr !== undefined && toAddr !== undefined && isIpv6(index, fromAddr, toAddr);
  const name = (id: string): string => {
    const host = hostOf(id);
    return host !== undefined ? ctx.addr(host) : id;
  };
  const l4: Layer = {
    kind: flow.proto,
    label: `${flow.proto}(${flow.port ?? 'any'})`,
    headerBytes: flow.proto === 'tcp' ? TCP_BYTES : UDP_BYTES,
    own: true,
  };
  const layers = [ipLayer(name(flow.from), name(flow.to), ipv6, true), l4];
  if (flow.tls) {
    const workloads = [flow.from, flow.to].filter((id) => index.workloads.has(id));
    const protection = ctx.protections.tls(flow, fromHost, toHost, workloads);
    layers.push({ kind: 'tls', label: 'tls', headerBytes: TLS_RECORD_HEADER_BYTES, trailerBytes: TLS_RECORD_TRAILER_BYTES, protection, own: true });
  }
  layers.push({ kind: 'payload', label: `payload(${flow.class ?? 'data'}, ${flow.sensitivity})`, headerBytes: 0, own: true });
  return layers;
}

function packetKeyOf(flow: Flow, leg: Leg): PacketKey {
  return leg.tunnel ? tunnelPacketKey(leg.tunnel.type) : { proto: flow.proto, ...(flow.port !== undefined ? { port: flow.port } : {}) };
}

/**
 * Wraps that apply to a whole leg, outermost first: WireGuard between the packet's outer
 * addresses (the tunnel-mode SA's when one applies, else the leg's when host-sent), a transport
 * policy, the tunnel's IPsec and the encapsulation. MACsec is per link and added by the caller.
 */
function legWraps(flow: Flow, leg: Leg, segmentSa: Protection | undefined, ctx: TraceContext): Wrap[] {
  const wraps: Wrap[] = [];
  const hostSent = leg.fromIsHost && leg.toIsHost;
  const [wa, wb] = segmentSa ? segmentSa.endpoints : hostSent ? [leg.from, leg.to] : ['', ''];
  const mesh = wa && wb ? wireguardMeshFor(ctx.index, wa, wb) : undefined;
  if (mesh) wraps.push({ kind: 'wireguard', protection: ctx.protections.wireguard(ctx.index.wireguard.get(mesh)!, wa, wb), ipv6: isIpv6(ctx.index, wa, wb) });
  if (segmentSa) wraps.push({ kind: 'ipsec-tunnel', protection: segmentSa, ipv6: isIpv6(ctx.index, ...segmentSa.endpoints) });
  const transport = hostSent ? transportPolicyFor(ctx.policies, leg.from, leg.to, packetKeyOf(flow, leg)) : undefined;
  const ipv6 = isIpv6(ctx.index, leg.from, leg.to);
  if (transport) wraps.push({ kind: 'ipsec-transport', protection: ctx.protections.policySa(transport, leg.from, leg.to), ipv6 });
  if (leg.tunnel) {
    if (leg.tunnel.ipsec) wraps.push({ kind: 'ipsec-transport', protection: ctx.protections.tunnelSa(leg.tunnel.source, leg.tunnel.ipsec, leg.from, leg.to), ipv6 });
    wraps.push({ kind: 'encap', type: leg.tunnel.type, ipv6, optionBytes: leg.tunnel.type === 'geneve' ? leg.tunnel.optionBytes : 0, source: leg.tunnel.source });
  }
  return wraps;
}

interface LegBase {
  wraps: Wrap[];
  layers: WrapLayers;
}

/** Leg wraps and their layers, shared by every flow whose leg looks the same (cached per context). */
function legBase(flow: Flow, leg: Leg, segmentSa: Protection | undefined, ctx: TraceContext): LegBase {
  const pk = ctx.policies.transport.length > 0 ? packetKeyOf(flow, leg) : undefined;
  const key = `${leg.from}>${leg.to}|${leg.tunnel?.source ?? ''}|${leg.fromIsHost ? 1 : 0}${leg.toIsHost ? 1 : 0}|${segmentSa?.id ?? ''}|${pk ? `${pk.proto}/${pk.port ?? ''}` : ''}`;
  let base = ctx.legCache.get(key);
  if (!base) {
    const wraps = legWraps(flow, leg, segmentSa, ctx);
    base = { wraps, layers: buildWrapLayers(wraps, { legEnds: [leg.from, leg.to], addr: ctx.addr }) };
    ctx.legCache.set(key, base);
  }
  return base;
}

function buildHop(link: Link, base: LegBase, ends: [string, string], own: Layer[], ctx: TraceContext): Hop {
  const macsec = ctx.protections.macsec(link);
  const wraps: Wrap[] = macsec ? [{ kind: 'macsec', protection: macsec }, ...base.wraps] : base.wraps;
  const prefix = macsec ? [macsecLayerOf(macsec, ctx)] : [];
  return { link: link.id, from: ends[0], to: ends[1], wraps, stack: assembleStack(prefix, base.layers, own) };
}

function macsecLayerOf(p: Protection, ctx: TraceContext): Layer {
  let layer = ctx.macsecLayers.get(p.id);
  if (!layer) {
    layer = macsecLayer(p);
    ctx.macsecLayers.set(p.id, layer);
  }
  return layer;
}

/** Tunnel-mode SA per hop index along the whole path (first matching policy in file order). */
function tunnelModeSas(flow: Flow, hopLegs: Leg[], nodes: string[], usable: boolean[], ctx: TraceContext): (Protection | undefined)[] {
  const result: (Protection | undefined)[] = new Array<Protection | undefined>(hopLegs.length);
  for (const { policy, members } of ctx.policies.tunnel) {
    const seg = tunnelSegment(members, nodes, usable);
    if (!seg) continue;
    for (let i = seg.first; i < seg.last; i++) {
      if (result[i] || !policyCovers(policy, packetKeyOf(flow, hopLegs[i]!))) continue;
      result[i] = ctx.protections.policySa(policy, nodes[seg.first]!, nodes[seg.last]!);
    }
  }
  return result;
}

/** `host:x`, `device:x` or `link:x`, interned so 50,000 paths share their strings. */
function pathName(id: string, ctx: TraceContext, kind?: 'link'): string {
  const key = kind === 'link' ? `\u0000${id}` : id;
  let name = ctx.pathNames.get(key);
  if (name === undefined) {
    name = kind === 'link' ? `link:${id}` : ctx.index.hosts.has(id) ? `host:${id}` : `device:${id}`;
    ctx.pathNames.set(key, name);
  }
  return name;
}

function routedTrace(flow: Flow, fromHost: string, legs: Leg[], ctx: TraceContext): FlowTrace {
  const own = ownLayers(flow, fromHost, legs[legs.length - 1]!.to, ctx);
  const nodes = [fromHost];
  const hopLegs: Leg[] = [];
  for (const leg of legs) {
    for (let i = 1; i < leg.path.nodes.length; i++) {
      nodes.push(leg.path.nodes[i]!);
      hopLegs.push(leg);
    }
  }
  let sas: (Protection | undefined)[] | undefined;
  if (ctx.policies.tunnel.length > 0) {
    // Bridged VLAN/flat frames bypass their end hosts' IP stacks, so those hosts cannot terminate tunnel-mode IPsec for them.
    const last = nodes.length - 1;
    const usable = nodes.map((_, i) => (i === 0 ? legs[0]!.fromIsHost : i === last ? legs[legs.length - 1]!.toIsHost : true));
    sas = tunnelModeSas(flow, hopLegs, nodes, usable, ctx);
  }
  const hops: Hop[] = [];
  const path: string[] = [pathName(fromHost, ctx)];
  let hopIndex = 0;
  for (const leg of legs) {
    const shared = sas ? undefined : legBase(flow, leg, undefined, ctx);
    for (const link of leg.path.links) {
      const base = shared ?? legBase(flow, leg, sas![hopIndex], ctx);
      hops.push(buildHop(link, base, [nodes[hopIndex]!, nodes[hopIndex + 1]!], own, ctx));
      path.push(pathName(link.id, ctx, 'link'), pathName(nodes[hopIndex + 1]!, ctx));
      hopIndex++;
    }
  }
  const hosts = [...new Set(nodes.filter((n) => ctx.index.hosts.has(n)))];
  return { flow: flow.id, path, hops, hosts, innerStack: own, local: false };
}

function traceFlow(flow: Flow, ctx: TraceContext): FlowTrace {
  const route = routeFlow(flow, ctx.index, ctx.router);
  if (route.kind === 'local') {
    return { flow: flow.id, path: [pathName(route.host, ctx)], hops: [], hosts: [route.host], innerStack: ownLayers(flow, route.host, route.host, ctx), local: true };
  }
  if (route.kind === 'unreachable') {
    const own = route.fromHost && route.toHost ? ownLayers(flow, route.fromHost, route.toHost, ctx) : [];
    return { flow: flow.id, path: [], hops: [], hosts: [], innerStack: own, local: false, unreachable: route.reason };
  }
  return routedTrace(flow, route.fromHost, route.legs, ctx);
}

/** Traces every flow of the scenario; the map is keyed by flow id in file order. */
export function buildTraces(scenario: Scenario, index: ScenarioIndex): Map<string, FlowTrace> {
  const ctx: TraceContext = {
    index,
    router: createUnderlayRouter(index),
    policies: preparePolicies(scenario.ipsec),
    protections: new ProtectionTable(),
    addr: (node) => index.hosts.get(node)?.ip ?? node,
    legCache: new Map(),
    macsecLayers: new Map(),
    pathNames: new Map(),
  };
  return new Map(scenario.flows.map((flow) => [flow.id, traceFlow(flow, ctx)]));
}
