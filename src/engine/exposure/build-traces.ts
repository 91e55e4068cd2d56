/**
 * Traces every flow (SPEC X1, X2): its path through hosts, links and devices, and on every link the
 * stack of headers on the wire, built from the wraps that apply there in SPEC order (innermost
 * first: TLS, tunnel encapsulation, tunnel IPsec, `ipsec:` policies transport then tunnel mode,
 * WireGuard, MACsec). The flow-independent part of each trace is a shared route plan
 * (plan-route.ts); a flow adds its own layers and one stack per run of hops with the same wraps.
 */
import type { Flow, Scenario } from '../../model/types.ts';
import { createUnderlayRouter } from '../graph/underlay-router.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace, Hop, Layer } from '../types.ts';
import { assembleStack, ipLayer, layerOf } from './build-stack.ts';
import { TCP_BYTES, TLS_RECORD_HEADER_BYTES, TLS_RECORD_TRAILER_BYTES, UDP_BYTES } from './header-sizes.ts';
import { planOf } from './plan-route.ts';
import { createTraceContext, isIpv6, pathName, type RoutePlan, type TraceContext } from './trace-context.ts';
import type { PacketKey } from './policy-match.ts';
import { startRoute } from './route-flow.ts';
import { runSteps, type Steps } from '../steps.ts';

/** The flow's L4 header layer, shared by every flow with the same protocol and port. */
function l4Layer(flow: Flow, ctx: TraceContext): Layer {
  const byPort = flow.proto === 'tcp' ? ctx.tcpLayers : ctx.udpLayers;
  const port = flow.port ?? -1;
  let layer = byPort.get(port);
  if (!layer) {
    const label = `${flow.proto}(${flow.port ?? 'any'})`;
    layer = layerOf(flow.proto, label, flow.proto === 'tcp' ? TCP_BYTES : UDP_BYTES, undefined, undefined, true);
    byPort.set(port, layer);
  }
  return layer;
}

/** The host whose address an endpoint sends from: a host itself, or a host-networked service's host (SPEC §1.1 Workload: `networks: []`). */
function addressHost(index: TraceContext['index'], id: string): string | undefined {
  const w = index.workloads.get(id);
  if (!w) return index.hosts.has(id) ? id : undefined;
  return w.networks.length === 0 ? w.host : undefined;
}

/** The flow's payload layer, shared by every flow of its class and sensitivity. */
function payloadLayer(flow: Flow, ctx: TraceContext): Layer {
  const cls = flow.class ?? 'data';
  let bySensitivity = ctx.payloadLayers.get(cls);
  if (!bySensitivity) ctx.payloadLayers.set(cls, (bySensitivity = new Map()));
  let layer = bySensitivity.get(flow.sensitivity);
  if (!layer) bySensitivity.set(flow.sensitivity, (layer = layerOf('payload', `payload(${cls}, ${flow.sensitivity})`, 0, undefined, undefined, true)));
  return layer;
}

function ownLayers(flow: Flow, fromHost: string, toHost: string, ctx: TraceContext): Layer[] {
  const { index } = ctx;
  // A module function, not a closure per flow.
  const fromAddr = addressHost(index, flow.from);
  const toAddr = addressHost(index, flow.to);
  const ipv6 = fromAddr !== undefined && toAddr !== undefined && isIpv6(index, fromAddr, toAddr);
  const ip = ipLayer(fromAddr !== undefined ? ctx.addr(fromAddr) : flow.from, toAddr !== undefined ? ctx.addr(toAddr) : flow.to, ipv6, true);
  const payload = payloadLayer(flow, ctx);
  if (!flow.tls) return [ip, l4Layer(flow, ctx), payload];
  // Array literals are sized exactly (a filtered array keeps spare slots); each TLS session keeps its list.
  const fromW = index.workloads.has(flow.from);
  const toW = index.workloads.has(flow.to);
  const workloads = fromW ? (toW ? [flow.from, flow.to] : [flow.from]) : toW ? [flow.to] : [];
  const protection = ctx.protections.tls(flow, fromHost, toHost, workloads);
  const tls = layerOf('tls', 'tls', TLS_RECORD_HEADER_BYTES, TLS_RECORD_TRAILER_BYTES, protection, true);
  return [ip, l4Layer(flow, ctx), tls, payload];
}

/** Hops of one flow over a plan; consecutive hops with the same wraps share one stack array. */
function hopsOf(plan: RoutePlan, own: Layer[]): Hop[] {
  const hops: Hop[] = new Array<Hop>(plan.hops.length);
  let stack: Layer[] | undefined;
  for (let i = 0; i < plan.hops.length; i++) {
    const h = plan.hops[i]!;
    const prev = i > 0 ? plan.hops[i - 1] : undefined;
    if (!stack || h.prefix.length > 0 || prev!.prefix.length > 0 || prev!.layers !== h.layers) stack = assembleStack(h.prefix, h.layers, own);
    hops[i] = { link: h.link.id, from: h.from, to: h.to, wraps: h.wraps, stack };
  }
  return hops;
}

function packetKeyOfFlow(flow: Flow): PacketKey {
  return flow.port !== undefined ? { proto: flow.proto, port: flow.port } : { proto: flow.proto };
}

/** Traces one flow with the given context's caches. */
export function traceFlow(flow: Flow, ctx: TraceContext): FlowTrace {
  const start = startRoute(flow, ctx.index);
  const route = start.kind === 'routed' ? planOf(start, packetKeyOfFlow(flow), ctx) : start;
  if (route.kind === 'local') {
    return { flow: flow.id, path: [pathName(route.host, ctx)], hops: [], hosts: [route.host], innerStack: ownLayers(flow, route.host, route.host, ctx), local: true };
  }
  if (route.kind === 'unreachable') {
    const own = route.fromHost && route.toHost ? ownLayers(flow, route.fromHost, route.toHost, ctx) : [];
    return { flow: flow.id, path: [], hops: [], hosts: [], innerStack: own, local: false, unreachable: route.reason };
  }
  const own = ownLayers(flow, route.fromHost, route.toHost, ctx);
  return { flow: flow.id, path: route.path, hops: hopsOf(route, own), hosts: route.hosts, innerStack: own, local: false };
}

/** The host a flow's packets start from, as routes are cached by (`startRoute`): its source workload's host, or the source itself. */
export function sourceHostOf(flow: Flow, index: ScenarioIndex): string {
  return index.workloads.get(flow.from)?.host ?? flow.from;
}

/**
 * Drops the routes planned from `host` and the leg bases cached there, once its last flow is
 * traced. Leg bases are cached by where the leg starts: nearly all at a flow's source (every
 * overlay leg), so they go with its routes; a later flow with a leg from this host (through it as
 * a gateway) makes its base again, alike.
 */
export function dropRoutesFrom(host: string, ctx: TraceContext): void {
  ctx.routes.delete(host);
  ctx.legCache.delete(host);
}

/**
 * Traces every flow of a list with one context, the traces in the list's order. The flows are
 * taken source host by source host (in the order each first appears), and the routes planned
 * from a host are dropped once its flows are traced: routes are cached per source and destination
 * host, so no flow plans anew what another one planned, and the plans (a region has one per host
 * pair or so: 44,000 at 1,000 hosts) are let go while still young instead of living to the end
 * of the analysis. What the traces keep of them (paths, wraps, layers) stays.
 */
export function traceAll(flows: readonly Flow[], ctx: TraceContext): FlowTrace[] {
  return runSteps(traceAllSteps(flows, ctx));
}

/** `traceAll` in steps of whole source hosts, each step once at least `slice` flows were traced since the last. */
export function* traceAllSteps(flows: readonly Flow[], ctx: TraceContext, slice = Number.POSITIVE_INFINITY): Steps<FlowTrace[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < flows.length; i++) {
    const host = sourceHostOf(flows[i]!, ctx.index);
    const group = groups.get(host);
    if (group) group.push(i);
    else groups.set(host, [i]);
  }
  const traces = new Array<FlowTrace>(flows.length);
  let sinceStep = 0;
  for (const [host, group] of groups) {
    traceGroup(flows, group, ctx, traces);
    dropRoutesFrom(host, ctx);
    sinceStep += group.length;
    if (sinceStep >= slice) {
      sinceStep = 0;
      yield;
    }
  }
  return traces;
}

/** Traces the flows at the positions of `group` into `traces` (a plain function: the loop every analysis runs 250,000 times at 5,000 hosts). */
function traceGroup(flows: readonly Flow[], group: readonly number[], ctx: TraceContext, traces: FlowTrace[]): void {
  for (let n = 0; n < group.length; n++) traces[group[n]!] = traceFlow(flows[group[n]!]!, ctx);
}

/** Traces every flow of the scenario; the map is keyed by flow id in file order. */
export function buildTraces(scenario: Scenario, index: ScenarioIndex): Map<string, FlowTrace> {
  const ctx = createTraceContext(index, createUnderlayRouter(index));
  const traces = traceAll(scenario.flows, ctx);
  return new Map(scenario.flows.map((flow, i) => [flow.id, traces[i]!]));
}
