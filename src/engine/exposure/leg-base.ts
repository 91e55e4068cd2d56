/**
 * The wraps around a flow's packet on one underlay leg (SPEC X2 order): WireGuard, tunnel-mode and
 * transport-mode ESP, the tunnel's IPsec and the encapsulation, built once per distinct leg; and
 * the tunnel-mode SA of each hop along a path (SPEC §1.1 IPsec policy, `mode: tunnel`).
 */
import type { Protection, Wrap } from '../types.ts';
import { buildWrapLayers } from './build-stack.ts';
import { policyCovers, transportPolicyFor, tunnelPacketKey, tunnelSegment, wireguardMeshFor, type PacketKey } from './policy-match.ts';
import type { Leg, LegTunnel } from './route-flow.ts';
import { isIpv6, type LegBase, type TraceContext } from './trace-context.ts';

function packetKeyOf(flowKey: PacketKey, leg: Leg): PacketKey {
  return leg.tunnel ? tunnelPacketKey(leg.tunnel.type) : flowKey;
}

/** The encapsulation wrap of a tunnel, one per tunnel and address family (legs of every host pair share it). */
const encapWraps = new WeakMap<LegTunnel, { v4?: Wrap; v6?: Wrap }>();

function encapWrap(tunnel: LegTunnel, ipv6: boolean): Wrap {
  let byFamily = encapWraps.get(tunnel);
  if (!byFamily) encapWraps.set(tunnel, (byFamily = {}));
  const known = ipv6 ? byFamily.v6 : byFamily.v4;
  if (known) return known;
  const wrap: Wrap = { kind: 'encap', type: tunnel.type, ipv6, optionBytes: tunnel.type === 'geneve' ? tunnel.optionBytes : 0, source: tunnel.source };
  if (ipv6) byFamily.v6 = wrap;
  else byFamily.v4 = wrap;
  return wrap;
}

/** Where `legWraps` gathers a leg's wraps; the leg base keeps an exact-size copy. */
const WRAPS: Wrap[] = [];

/**
 * Wraps that apply to a whole leg, outermost first: WireGuard between the packet's outer
 * addresses (the tunnel-mode SA's when one applies, else the leg's when host-sent), a transport
 * policy, the tunnel's IPsec and the encapsulation. MACsec is per link and added by the caller.
 */
function legWraps(flowKey: PacketKey, leg: Leg, segmentSa: Protection | undefined, ctx: TraceContext): Wrap[] {
  const wraps = WRAPS;
  wraps.length = 0;
  const hostSent = leg.fromIsHost && leg.toIsHost;
  const wa = segmentSa ? segmentSa.endpoints[0] : hostSent ? leg.from : '';
  const wb = segmentSa ? segmentSa.endpoints[1] : hostSent ? leg.to : '';
  const mesh = wa && wb ? wireguardMeshFor(ctx.index, wa, wb) : undefined;
  if (mesh) wraps.push({ kind: 'wireguard', protection: ctx.protections.wireguard(ctx.index.wireguard.get(mesh)!, wa, wb), ipv6: isIpv6(ctx.index, wa, wb) });
  if (segmentSa) wraps.push({ kind: 'ipsec-tunnel', protection: segmentSa, ipv6: isIpv6(ctx.index, ...segmentSa.endpoints) });
  const transport = hostSent ? transportPolicyFor(ctx.policies, leg.from, leg.to, packetKeyOf(flowKey, leg)) : undefined;
  const ipv6 = isIpv6(ctx.index, leg.from, leg.to);
  if (transport) wraps.push({ kind: 'ipsec-transport', protection: ctx.protections.policySa(transport, leg.from, leg.to), ipv6 });
  if (leg.tunnel) {
    if (leg.tunnel.ipsec) wraps.push({ kind: 'ipsec-transport', protection: ctx.protections.tunnelSa(leg.tunnel.source, leg.tunnel.ipsec, leg.from, leg.to), ipv6 });
    wraps.push(encapWrap(leg.tunnel, ipv6));
  }
  return wraps;
}

/** Leg wraps and their layers, shared by every flow whose leg looks the same. */
export function legBase(flowKey: PacketKey, leg: Leg, segmentSa: Protection | undefined, ctx: TraceContext): LegBase {
  const pk = ctx.policies.transport.length > 0 ? packetKeyOf(flowKey, leg) : undefined;
  const source = leg.tunnel?.source ?? '';
  const hostEnds = (leg.fromIsHost ? 2 : 0) + (leg.toIsHost ? 1 : 0);
  const sa = segmentSa?.id ?? '';
  const proto = pk?.proto ?? '';
  const port = pk?.port;
  let byEnd = ctx.legCache.get(leg.from);
  if (!byEnd) ctx.legCache.set(leg.from, (byEnd = new Map()));
  const first = byEnd.get(leg.to);
  for (let b = first; b !== undefined; b = b.next) {
    if (b.source === source && b.hostEnds === hostEnds && b.sa === sa && b.proto === proto && b.port === port) return b;
  }
  const wraps = legWraps(flowKey, leg, segmentSa, ctx).slice();
  const built = buildWrapLayers(wraps, { legEnds: [leg.from, leg.to], addr: ctx.addr, interned: ctx.ownLayers, sharedEsp: ctx.sharedEsp, encapTails: ctx.encapTails });
  // Exact-size copies (`buildWrapLayers` copies its layers out): arrays grown by pushes keep spare slots, and a region has a leg base per host pair.
  const base: LegBase = { outer: built.outer, afterOwnIp: built.afterOwnIp, wraps, source, hostEnds, sa, proto, port };
  if (first) base.next = first;
  byEnd.set(leg.to, base);
  return base;
}

/** Tunnel-mode SA per hop index along the whole path (first matching policy in file order). */
export function tunnelModeSas(flowKey: PacketKey, hopLegs: Leg[], nodes: string[], usable: boolean[], ctx: TraceContext): (Protection | undefined)[] {
  const result: (Protection | undefined)[] = new Array<Protection | undefined>(hopLegs.length);
  for (const { policy, members } of ctx.policies.tunnel) {
    const seg = tunnelSegment(members, nodes, usable);
    if (!seg) continue;
    for (let i = seg.first; i < seg.last; i++) {
      if (result[i] || !policyCovers(policy, packetKeyOf(flowKey, hopLegs[i]!))) continue;
      result[i] = ctx.protections.policySa(policy, nodes[seg.first]!, nodes[seg.last]!);
    }
  }
  return result;
}

