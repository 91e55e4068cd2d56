/**
 * Pieces of the analysis session's random-sequence properties (test/unit/engine/session): the small
 * generated region they start from and the edits they share, each a new scenario that shares every
 * untouched entity with the last, as an editor makes it.
 */
import { generateScenario } from '../../src/generate/generate-scenario.ts';
import type { Scenario } from '../../src/model/types.ts';

/** A small two-site region: twelve hosts in racks of four, two VMs per host, two flows per VM, four attackers. */
export function sessionRegion(overlay: 'ovn' | 'ovs' | 'none', seed: number): Scenario {
  return generateScenario({ hosts: 12, hostsPerRack: 4, sites: 2, overlay, workloadsPerHost: 2, flowsPerWorkload: 2, attackers: 4, seed });
}

/** A two-site OVN region with IPsec: 24 compute hosts in racks of eight, three VMs per host, three flows per VM. */
export function twoSiteRegion(seed: number, attackers?: number): Scenario {
  return generateScenario({ hosts: 24, hostsPerRack: 8, sites: 2, overlay: 'ovn', workloadsPerHost: 3, flowsPerWorkload: 3, seed, ...(attackers !== undefined ? { attackers } : {}) });
}

/** Every overlay with IPsec on `cipher` (the rest shared). */
export function withOverlayCipher(s: Scenario, cipher: 'aes-gcm-128' | 'chacha20-poly1305'): Scenario {
  return { ...s, overlays: s.overlays.map((o) => (o.ipsec ? { ...o, ipsec: { ...o.ipsec, cipher } } : o)) };
}

/** The `a`-th VM (modulo their number) moved to the `b`-th compute host. */
export function moveVm(s: Scenario, a: number, b: number): Scenario {
  const computes = s.hosts.filter((h) => h.role === 'compute').map((h) => h.id);
  const vms = s.workloads.filter((w) => w.kind === 'vm');
  const vm = vms[a % vms.length]!;
  return { ...s, workloads: s.workloads.map((w) => (w === vm ? { ...w, host: computes[b % computes.length]! } : w)) };
}
