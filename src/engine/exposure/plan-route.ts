/**
 * The flow-independent part of a trace (SPEC X1, X2): for one route, the path names, the hosts
 * passed through and, for every hop, the wraps around the flow's packet and their header layers.
 * Every flow with the same route (and, when `ipsec:` policies exist, the same packet key) shares
 * one plan, so a trace costs only the flow's own layers and one stack per leg.
 */
import type { Link } from '../../model/types.ts';
import type { Layer, Protection, Wrap } from '../types.ts';
import { macsecLayer } from './build-stack.ts';
import { legBase, tunnelModeSas } from './leg-base.ts';
import type { PacketKey } from './policy-match.ts';
import { planRoute, type Leg, type RouteStart } from './route-flow.ts';
import { pathName, type CachedEntry, type CachedRoute, type HopPlan, type RoutePlan, type Routed, type TraceContext, type Unreachable } from './trace-context.ts';

type RoutedStart = Extract<RouteStart, { kind: 'routed' }>;

/** The cached route of a start, planning it the first time. */
function cachedRoute(start: RoutedStart, flowKey: PacketKey, ctx: TraceContext): CachedRoute {
  let byDst = ctx.routes.get(start.src.host);
  if (!byDst) ctx.routes.set(start.src.host, (byDst = new Map()));
  const first = byDst.get(start.dst.host);
  for (let e = first; e !== undefined; e = e.next) {
    if (e.srcAttach === start.srcAttach && e.dstAttach === start.dstAttach && e.sameNetwork === start.sameNetwork) return e.route;
  }
  const route = planRoute(start, ctx.index, ctx.router);
  const policiesLook = ctx.policies.transport.length > 0 || ctx.policies.tunnel.length > 0;
  const cached: CachedRoute = route.kind !== 'routed' ? (route as Unreachable) : policiesLook ? { kind: 'per-packet', route, plans: new Map() } : buildPlan(route, flowKey, ctx);
  const entry: CachedEntry = { srcAttach: start.srcAttach, dstAttach: start.dstAttach, sameNetwork: start.sameNetwork, route: cached };
  if (first) entry.next = first;
  byDst.set(start.dst.host, entry);
  return cached;
}

const NO_LAYERS: readonly Layer[] = Object.freeze([]);

const NO_MACSEC: { wrap?: Wrap; prefix: readonly Layer[] } = Object.freeze({ prefix: NO_LAYERS });

function macsecPrefix(link: Link, ctx: TraceContext): { wrap?: Wrap; prefix: readonly Layer[] } {
  if (!link.macsec) return NO_MACSEC;
  const p = ctx.protections.macsec(link);
  if (!p) return NO_MACSEC;
  let layer = ctx.macsecLayers.get(p.id);
  if (!layer) {
    layer = macsecLayer(p);
    ctx.macsecLayers.set(p.id, layer);
  }
  return { wrap: { kind: 'macsec', protection: p }, prefix: [layer] };
}

function buildPlan(route: Routed, flowKey: PacketKey, ctx: TraceContext): RoutePlan {
  const { legs, fromHost } = route;
  // Every array is allocated at its final size: a plan per host pair, and pushed-to arrays keep spare slots.
  let hopCount = 0;
  for (const leg of legs) hopCount += leg.path.links.length;
  const nodes = new Array<string>(hopCount + 1);
  const hopLegs = new Array<Leg>(hopCount);
  nodes[0] = fromHost;
  let n = 0;
  for (const leg of legs) {
    for (let i = 1; i < leg.path.nodes.length; i++) {
      nodes[n + 1] = leg.path.nodes[i]!;
      hopLegs[n++] = leg;
    }
  }
  let sas: (Protection | undefined)[] | undefined;
  if (ctx.policies.tunnel.length > 0) {
    // Bridged VLAN/flat frames bypass their end hosts' IP stacks, so those hosts cannot terminate tunnel-mode IPsec for them.
    const last = nodes.length - 1;
    const usable = nodes.map((_, i) => (i === 0 ? legs[0]!.fromIsHost : i === last ? legs[legs.length - 1]!.toIsHost : true));
    sas = tunnelModeSas(flowKey, hopLegs, nodes, usable, ctx);
  }
  const hops = new Array<HopPlan>(hopCount);
  const path = new Array<string>(2 * hopCount + 1);
  path[0] = pathName(fromHost, ctx);
  let hopIndex = 0;
  for (const leg of legs) {
    const shared = sas ? undefined : legBase(flowKey, leg, undefined, ctx);
    for (const link of leg.path.links) {
      const base = shared ?? legBase(flowKey, leg, sas![hopIndex], ctx);
      const macsec = macsecPrefix(link, ctx);
      const wraps = macsec.wrap ? [macsec.wrap, ...base.wraps] : base.wraps;
      hops[hopIndex] = { link, from: nodes[hopIndex]!, to: nodes[hopIndex + 1]!, wraps, prefix: macsec.prefix, layers: base };
      path[2 * hopIndex + 1] = pathName(link.id, ctx, 'link');
      path[2 * hopIndex + 2] = pathName(nodes[hopIndex + 1]!, ctx);
      hopIndex++;
    }
  }
  return { kind: 'plan', fromHost, toHost: legs[legs.length - 1]!.to, path, hosts: hostsOf(nodes, ctx), hops };
}

/** The hosts among the nodes, each once, in path order (most paths pass two: their ends). */
function hostsOf(nodes: readonly string[], ctx: TraceContext): string[] {
  let count = 0;
  for (let i = 0; i < nodes.length; i++) if (ctx.index.hosts.has(nodes[i]!) && nodes.indexOf(nodes[i]!) === i) count++;
  const hosts = new Array<string>(count);
  let n = 0;
  for (let i = 0; i < nodes.length; i++) if (ctx.index.hosts.has(nodes[i]!) && nodes.indexOf(nodes[i]!) === i) hosts[n++] = nodes[i]!;
  return hosts;
}

/**
 * The plan of a routed flow, planned once per route (end hosts, attachments); when `ipsec:`
 * policies look at the packet (selectors), once per route and packet key. Unreachable routes are
 * cached alike.
 */
export function planOf(start: RoutedStart, flowKey: PacketKey, ctx: TraceContext): RoutePlan | Unreachable {
  const cached = cachedRoute(start, flowKey, ctx);
  if (cached.kind !== 'per-packet') return cached;
  const key = `${flowKey.proto}/${flowKey.port ?? ''}`;
  let plan = cached.plans.get(key);
  if (!plan) {
    plan = buildPlan(cached.route, flowKey, ctx);
    cached.plans.set(key, plan);
  }
  return plan;
}

