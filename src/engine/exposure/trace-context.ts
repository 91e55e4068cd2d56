/**
 * The caches shared by every trace of one analysis (or one analysis session): interned protections,
 * route plans, leg bases, path names and layers. Plans and leg bases are built in plan-route.ts
 * and leg-base.ts.
 */
import type { Link } from '../../model/types.ts';
import type { UnderlayRouter } from '../graph/underlay-router.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { Layer, Wrap } from '../types.ts';
import type { AddressOf, StackContext, WrapLayers } from './build-stack.ts';
import { ProtectionTable } from './protections.ts';
import { preparePolicies, type PolicySet } from './policy-match.ts';
import type { Route } from './route-flow.ts';

/** Caches shared by every trace of one analysis (or one analysis session). */
export interface TraceContext {
  index: ScenarioIndex;
  router: UnderlayRouter;
  policies: PolicySet;
  protections: ProtectionTable;
  /** `protections.layersOf`, bound once for the stack builder. */
  sharedEsp: NonNullable<StackContext['sharedEsp']>;
  encapTails: NonNullable<StackContext['encapTails']>;
  addr: AddressOf;
  /** Per source and destination host, the routes planned between them (see `planOf`), chained by `next`. */
  routes: Map<string, Map<string, CachedEntry>>;
  /** Leg bases by leg start and end, chained by `next` and matched on what else decides them. */
  legCache: Map<string, Map<string, LegBase>>;
  macsecLayers: Map<string, Layer>;
  nodeNames: Map<string, string>;
  linkNames: Map<string, string>;
  /** Interned unprotected layers (tunnel headers, inner Ethernet) by label. */
  ownLayers: Map<string, Layer>;
  /** The flows' own L4 header layers by port (-1: none). */
  tcpLayers: Map<number, Layer>;
  /** The payload layers by flow class, then sensitivity (a label read without building it per flow). */
  payloadLayers: Map<string, Map<string, Layer>>;
  udpLayers: Map<number, Layer>;
}

/** One hop of a plan: the link, its direction, and what is wrapped around the flow's packet there. */
export interface HopPlan {
  link: Link;
  from: string;
  to: string;
  wraps: Wrap[];
  /** MACsec layer of the link, or nothing; then the wrap layers and the flow's own packet. */
  prefix: readonly Layer[];
  layers: WrapLayers;
}

/** Everything of a trace that does not depend on the flow itself. */
export interface RoutePlan {
  kind: 'plan';
  fromHost: string;
  toHost: string;
  path: string[];
  hosts: string[];
  hops: HopPlan[];
}

/** A route with no path. */
export type Unreachable = Extract<Route, { kind: 'unreachable' }>;
/** A route with legs. */
export type Routed = Extract<Route, { kind: 'routed' }>;
/** A cached route: its plan, why it has none, or (when policies look at packets) plans per packet key. */
export type CachedRoute = RoutePlan | Unreachable | { kind: 'per-packet'; route: Routed; plans: Map<string, RoutePlan> };

/** A cached route with what decides it besides its end hosts. */
export interface CachedEntry {
  srcAttach: string;
  dstAttach: string;
  sameNetwork: boolean;
  route: CachedRoute;
  /** Another route between the same two hosts (most host pairs have one: no list per pair). */
  next?: CachedEntry;
}

/**
 * The wraps of one underlay leg and their layers (the base is its own `WrapLayers`: one object less
 * per host pair), shared by every plan with the same leg.
 */
export interface LegBase extends WrapLayers {
  wraps: Wrap[];
  /** What besides its ends decides a leg's wraps: tunnel, host-sent ends, tunnel-mode SA, packet key. */
  source: string;
  hostEnds: number;
  sa: string;
  proto: string;
  port: number | undefined;
  /** Another base of a leg with the same ends. */
  next?: LegBase;
}

/** Creates the caches for tracing flows of one indexed scenario (optionally re-using protection objects). */
export function createTraceContext(index: ScenarioIndex, router: UnderlayRouter, protections = new ProtectionTable()): TraceContext {
  return {
    index,
    router,
    policies: preparePolicies([...index.policies.values()]),
    protections,
    sharedEsp: (p, make) => protections.layersOf(p, make),
    encapTails: new Map(),
    addr: (node) => index.hosts.get(node)?.ip ?? node,
    routes: new Map(),
    legCache: new Map(),
    macsecLayers: new Map(),
    nodeNames: new Map(),
    linkNames: new Map(),
    ownLayers: new Map(),
    tcpLayers: new Map(),
    payloadLayers: new Map(),
    udpLayers: new Map(),
  };
}

/** True when both hosts have IPv6 underlay addresses. */
export function isIpv6(index: ScenarioIndex, a: string, b: string): boolean {
  return (index.hosts.get(a)?.ip?.includes(':') ?? false) && (index.hosts.get(b)?.ip?.includes(':') ?? false);
}

/** `host:x`, `device:x` or `link:x`, interned so every path shares its strings. */
export function pathName(id: string, ctx: TraceContext, kind?: 'link'): string {
  const names = kind === 'link' ? ctx.linkNames : ctx.nodeNames;
  let name = names.get(id);
  if (name === undefined) {
    name = kind === 'link' ? `link:${id}` : ctx.index.hosts.has(id) ? `host:${id}` : `device:${id}`;
    names.set(id, name);
  }
  return name;
}

