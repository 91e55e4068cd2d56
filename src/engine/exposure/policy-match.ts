/**
 * Which `ipsec:` policies and WireGuard meshes cover a packet (SPEC §1.1 IPsec policy, X2):
 * selectors, transport-mode endpoint pairs and tunnel-mode path segments.
 */
import type { FlowProto, IpsecPolicy, Selector, TunnelType } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import { GENEVE_PORT, VXLAN_PORT } from './header-sizes.ts';

/** What a selector sees of a packet: protocol and destination port. */
export interface PacketKey {
  proto: FlowProto | 'gre';
  port?: number;
}

/** The packet key of a tunnel packet: UDP 4789 / 6081 or protocol GRE (SPEC §1.1 selector). */
export function tunnelPacketKey(type: TunnelType): PacketKey {
  if (type === 'gre') return { proto: 'gre' };
  return { proto: 'udp', port: type === 'vxlan' ? VXLAN_PORT : GENEVE_PORT };
}

function selectorMatches(s: Selector, key: PacketKey): boolean {
  if (s.proto !== 'any' && s.proto !== key.proto) return false;
  // A selector port matches the destination port; a packet without a port matches only selectors without one.
  return s.port === undefined || s.port === key.port;
}

/** True when the policy's selector covers the packet. */
export function policyCovers(policy: IpsecPolicy, key: PacketKey): boolean {
  return policy.selector === 'all' || policy.selector.some((s) => selectorMatches(s, key));
}

/** Policies prepared for fast matching: endpoint sets, split by mode, in file order. */
export interface PolicySet {
  transport: { policy: IpsecPolicy; members: Set<string> }[];
  tunnel: { policy: IpsecPolicy; members: Set<string> }[];
}

/** Splits the scenario's `ipsec:` policies by mode. */
export function preparePolicies(policies: readonly IpsecPolicy[]): PolicySet {
  const prepared = policies.map((policy) => ({ policy, members: new Set(policy.endpoints) }));
  return {
    transport: prepared.filter((p) => p.policy.mode === 'transport'),
    tunnel: prepared.filter((p) => p.policy.mode === 'tunnel'),
  };
}

/** First transport-mode policy whose endpoints are exactly the packet's two IP ends (SPEC X2). */
export function transportPolicyFor(set: PolicySet, a: string, b: string, key: PacketKey): IpsecPolicy | undefined {
  if (a === b) return undefined;
  return set.transport.find((p) => p.members.has(a) && p.members.has(b) && policyCovers(p.policy, key))?.policy;
}

/**
 * The hop range a tunnel-mode policy covers on a path (SPEC §1.1: the segment between the first
 * and the last endpoint the path passes through), or undefined. `usable[i]` says whether node i
 * of the path can terminate IPsec for this packet (bridged VLAN frames bypass their hosts' stacks).
 */
export function tunnelSegment(
  members: Set<string>,
  nodes: readonly string[],
  usable: readonly boolean[],
): { first: number; last: number } | undefined {
  let first = -1;
  let last = -1;
  nodes.forEach((node, i) => {
    if (!usable[i] || !members.has(node)) return;
    if (first < 0) first = i;
    last = i;
  });
  if (first < 0 || last === first || nodes[first] === nodes[last]) return undefined;
  return { first, last };
}

/** First WireGuard mesh that has both hosts as members. */
export function wireguardMeshFor(index: ScenarioIndex, a: string, b: string): string | undefined {
  if (a === b) return undefined;
  const meshes = index.wireguardByHost.get(a);
  return meshes?.find((m) => index.wireguardMembers.get(m.id)?.has(b))?.id;
}
