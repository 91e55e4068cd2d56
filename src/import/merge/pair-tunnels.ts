/**
 * Tunnels of the deployment: the two ends' interfaces joined by address (an end's `remote_ip` is
 * owned by the peer host), plus the full mesh OVN implies between chassis that share an
 * encapsulation — ovn-controller creates a tunnel to every other chassis (ovn-architecture.7.xml).
 */
import type { TunnelType } from '../../model/types.ts';
import type { ImportFinding } from '../types.ts';
import { peerHost, type HostRecord, type HostRegistry } from './host-registry.ts';
import type { TunnelEnd } from './tunnel-ends.ts';

/** A host pair with a tunnel of one type, and the ends the outputs show for it. */
export interface TunnelPair {
  id: string;
  type: TunnelType;
  hosts: [HostRecord, HostRecord];
  ends: TunnelEnd[];
  /** True when OVN implies the tunnel (both hosts are chassis with a common encap). */
  ovn: boolean;
}

/** ovn-controller prefers Geneve, then VXLAN, when two chassis share several encaps (controller/encaps.c). */
const OVN_PREFERENCE: TunnelType[] = ['geneve', 'vxlan'];

function pairOf(pairs: Map<string, TunnelPair>, type: TunnelType, a: HostRecord, b: HostRecord): TunnelPair {
  const hosts = (a.id < b.id ? [a, b] : [b, a]) as [HostRecord, HostRecord];
  const id = `${type}:${hosts[0].id}:${hosts[1].id}`;
  let pair = pairs.get(id);
  if (!pair) pairs.set(id, (pair = { id, type, hosts, ends: [], ovn: false }));
  return pair;
}

function addOvnMesh(pairs: Map<string, TunnelPair>, registry: HostRegistry): void {
  const chassis = registry.hosts.filter((h) => h.chassis);
  for (const [i, a] of chassis.entries())
    for (const b of chassis.slice(i + 1)) {
      const typesOf = (h: HostRecord) => new Set(h.chassis!.encaps.map((e) => e.type));
      const type = OVN_PREFERENCE.find((t) => typesOf(a).has(t) && typesOf(b).has(t));
      if (type) pairOf(pairs, type, a, b).ovn = true;
    }
}

/** Joins tunnel ends into pairs; remote addresses no host owns become placeholder peers. */
export function pairTunnels(
  registry: HostRegistry,
  ends: readonly TunnelEnd[],
): { pairs: TunnelPair[]; findings: ImportFinding[] } {
  const pairs = new Map<string, TunnelPair>();
  const findings: ImportFinding[] = [];
  addOvnMesh(pairs, registry);
  for (const end of ends) {
    const known = registry.byAddress.has(end.remote);
    const peer = peerHost(registry, end.remote);
    if (!known)
      findings.push({
        id: 'tunnel-to-unknown-address',
        severity: 'medium',
        subjects: [end.host.id, end.remote].sort(),
        message: `${end.host.id} has a ${end.type} tunnel (${end.name}, ${end.file}:${end.line}) to ${end.remote}, an address no imported host owns: a host whose outputs are missing, a stale tunnel, or traffic leaving the deployment; it was imported as placeholder host ${peer.id}`,
      });
    if (peer === end.host) continue;
    pairOf(pairs, end.type, end.host, peer).ends.push(end);
  }
  return { pairs: [...pairs.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), findings };
}
