/**
 * Traces every flow (SPEC X1, X2): its path through hosts, links and devices, and on every link the
 * stack of headers on the wire, built from the wraps that apply there in SPEC order (innermost
 * first: TLS, tunnel encapsulation, tunnel IPsec, `ipsec:` policies transport then tunnel mode,
 * WireGuard, MACsec).
 */
import type { Flow, Scenario } from '../../model/types.ts';
import { createUnderlayRouter, type UnderlayRouter } from '../graph/underlay-router.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace, Hop, Layer, Protection, Wrap } from '../types.ts';
import { buildStack, ipLayer, type AddressOf } from './build-stack.ts';
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
}

function isIpv6(index: ScenarioIndex, a: string, b: string): boolean {
  return (index.hosts.get(a)?.ip?.includes(':') ?? false) && (index.hosts.get(b)?.ip?.includes(':') ?? false);
}

function ownLayers(flow: Flow, fromHost: string, toHost: string, ctx: TraceContext): Layer[] {
  const { index } = ctx;
  const hostLevel = index.hosts.has(flow.from) && index.hosts.has(flow.to);
  const ipv6 = hostLevel && isIpv6(index, flow.from, flow.to);
  const name = (id: string): string => (index.hosts.has(id) ? ctx.addr(id) : id);
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

interface FlatHop {
  leg: Leg;
  linkIndex: number;
}

/** Wraps on one hop, outermost first. `segmentSa` is the tunnel-mode SA covering it, if any. */
function hopWraps(flow: Flow, hop: FlatHop, segmentSa: Protection | undefined, ctx: TraceContext): Wrap[] {
  const { leg } = hop;
  const link = leg.path.links[hop.linkIndex]!;
  const wraps: Wrap[] = [];
  const macsec = ctx.protections.macsec(link);
  if (macsec) wraps.push({ kind: 'macsec', protection: macsec });
  const key: PacketKey = leg.tunnel ? tunnelPacketKey(leg.tunnel.type) : { proto: flow.proto, ...(flow.port !== undefined ? { port: flow.port } : {}) };
  const hostSent = leg.fromIsHost && leg.toIsHost;
  // WireGuard sees packets between member addresses: the tunnel-mode outer header if one was added, else the leg's.
  const [wa, wb] = segmentSa ? segmentSa.endpoints : hostSent ? [leg.from, leg.to] : ['', ''];
  const mesh = wa && wb ? wireguardMeshFor(ctx.index, wa, wb) : undefined;
  if (mesh) wraps.push({ kind: 'wireguard', protection: ctx.protections.wireguard(ctx.index.wireguard.get(mesh)!, wa, wb), ipv6: isIpv6(ctx.index, wa, wb) });
  if (segmentSa) wraps.push({ kind: 'ipsec-tunnel', protection: segmentSa, ipv6: isIpv6(ctx.index, ...segmentSa.endpoints) });
  const transport = hostSent ? transportPolicyFor(ctx.policies, leg.from, leg.to, key) : undefined;
  const ipv6 = isIpv6(ctx.index, leg.from, leg.to);
  if (transport) wraps.push({ kind: 'ipsec-transport', protection: ctx.protections.policySa(transport, leg.from, leg.to), ipv6 });
  if (leg.tunnel) {
    if (leg.tunnel.ipsec) wraps.push({ kind: 'ipsec-transport', protection: ctx.protections.tunnelSa(leg.tunnel.source, leg.tunnel.ipsec, leg.from, leg.to), ipv6 });
    wraps.push({ kind: 'encap', type: leg.tunnel.type, ipv6, optionBytes: leg.tunnel.type === 'geneve' ? leg.tunnel.optionBytes : 0, source: leg.tunnel.source });
  }
  return wraps;
}

/** Tunnel-mode SA per flat hop index (first matching policy in file order). */
function tunnelModeSas(flow: Flow, flat: FlatHop[], nodes: string[], usable: boolean[], ctx: TraceContext): (Protection | undefined)[] {
  const result: (Protection | undefined)[] = flat.map(() => undefined);
  for (const { policy, members } of ctx.policies.tunnel) {
    const seg = tunnelSegment(members, nodes, usable);
    if (!seg) continue;
    for (let i = seg.first; i < seg.last; i++) {
      const leg = flat[i]!.leg;
      const key: PacketKey = leg.tunnel ? tunnelPacketKey(leg.tunnel.type) : { proto: flow.proto, ...(flow.port !== undefined ? { port: flow.port } : {}) };
      if (result[i] || !policyCovers(policy, key)) continue;
      result[i] = ctx.protections.policySa(policy, nodes[seg.first]!, nodes[seg.last]!);
    }
  }
  return result;
}

function traceFlow(flow: Flow, ctx: TraceContext): FlowTrace {
  const route = routeFlow(flow, ctx.index, ctx.router);
  const base = { flow: flow.id, hops: [] as Hop[] };
  if (route.kind === 'local') {
    return { ...base, path: [`host:${route.host}`], hosts: [route.host], innerStack: ownLayers(flow, route.host, route.host, ctx), local: true };
  }
  if (route.kind === 'unreachable') {
    const own = route.fromHost && route.toHost ? ownLayers(flow, route.fromHost, route.toHost, ctx) : [];
    return { ...base, path: [], hosts: [], innerStack: own, local: false, unreachable: route.reason };
  }
  const own = ownLayers(flow, route.fromHost, route.toHost, ctx);
  const flat: FlatHop[] = route.legs.flatMap((leg) => leg.path.links.map((_, linkIndex) => ({ leg, linkIndex })));
  const nodes = [route.fromHost, ...flat.map((h) => h.leg.path.nodes[h.linkIndex + 1]!)];
  const first = route.legs[0]!;
  const last = route.legs[route.legs.length - 1]!;
  // Bridged VLAN/flat frames bypass their end hosts' IP stacks, so those hosts cannot terminate tunnel-mode IPsec for them.
  const usable = nodes.map((_, i) => (i === 0 ? first.fromIsHost : i === nodes.length - 1 ? last.toIsHost : true));
  const sas = tunnelModeSas(flow, flat, nodes, usable, ctx);
  const hops: Hop[] = flat.map((h, i) => {
    const wraps = hopWraps(flow, h, sas[i], ctx);
    const link = h.leg.path.links[h.linkIndex]!;
    const stack = buildStack(wraps, { legEnds: [h.leg.from, h.leg.to], addr: ctx.addr, own });
    return { link: link.id, from: nodes[i]!, to: nodes[i + 1]!, wraps, stack };
  });
  const path: string[] = [];
  nodes.forEach((node, i) => {
    path.push(ctx.index.hosts.has(node) ? `host:${node}` : `device:${node}`);
    if (i < hops.length) path.push(`link:${hops[i]!.link}`);
  });
  const hosts = [...new Set(nodes.filter((n) => ctx.index.hosts.has(n)))];
  return { ...base, path, hops, hosts, innerStack: own, local: false };
}

/** Traces every flow of the scenario; the map is keyed by flow id in file order. */
export function buildTraces(scenario: Scenario, index: ScenarioIndex): Map<string, FlowTrace> {
  const ctx: TraceContext = {
    index,
    router: createUnderlayRouter(index),
    policies: preparePolicies(scenario.ipsec),
    protections: new ProtectionTable(),
    addr: (node) => index.hosts.get(node)?.ip ?? node,
  };
  return new Map(scenario.flows.map((flow) => [flow.id, traceFlow(flow, ctx)]));
}
