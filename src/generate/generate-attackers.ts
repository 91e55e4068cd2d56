/**
 * Attackers and requirements of a generated scenario: a rotating set of positions (a tapped host
 * link, a compromised leaf or spine, root on a hypervisor, a malicious co-tenant VM, the carrier
 * with a leaked key, a whole site), passive and active in turn; and the requirements a region
 * typically states for tenant and control-plane traffic.
 */
import type { Attacker, AttackerPosition, Requirement } from '../model/types.ts';
import type { Fabric } from './generate-fabric.ts';
import type { Random } from './seeded-random.ts';
import type { Tenancy } from './generate-workloads.ts';

const KINDS = 6;

function positionOf(kind: number, f: Fabric, t: Tenancy, rnd: Random): { at: AttackerPosition; knows: string[] } {
  const at: AttackerPosition = { links: [], devices: [], hosts: [], workloads: [], sites: [] };
  const hostLinks = f.links.filter((l) => l.id.startsWith('l-c'));
  const switches = f.devices.filter((d) => d.kind === 'switch');
  const vms = t.workloads.filter((w) => w.kind === 'vm');
  let knows: string[] = [];
  if (kind === 0 && hostLinks.length > 0) at.links.push(rnd.pick(hostLinks).id);
  else if (kind === 1 && switches.length > 0) at.devices.push(rnd.pick(switches).id);
  else if (kind === 2 && f.compute.length > 0) at.hosts.push(rnd.pick(f.compute));
  else if (kind === 3 && vms.length > 0) at.workloads.push(rnd.pick(vms).id);
  else if (kind === 4) {
    // The carrier, holding a key store that leaked (the overlay's PSK or CA key, if any).
    at.devices.push('carrier');
    knows = t.keystores.map((k) => k.id);
  } else at.sites.push(rnd.pick(f.sites.filter((s) => s.id !== 'wan')).id);
  return { at, knows };
}

/** Builds `count` attackers, cycling through the kinds of position; even ones read, odd ones also inject. */
export function buildAttackers(count: number, f: Fabric, t: Tenancy, rnd: Random): Attacker[] {
  const width = String(Math.max(1, count - 1)).length;
  return Array.from({ length: count }, (_, a): Attacker => {
    const { at, knows } = positionOf(a % KINDS, f, t, rnd);
    return { id: `att-${String(a).padStart(width, '0')}`, at, can: a % 2 === 0 ? ['read'] : ['read', 'inject'], knows };
  });
}

/** Tenant data at most metadata and untampered; control-plane channels at most their headers. */
export function buildRequirements(): Requirement[] {
  return [
    { id: 'tenant-confidential', flows: { class: 'tenant' }, against: 'all', maxExposure: 'metadata', noTamper: true },
    { id: 'api-protected', flows: { class: 'api' }, against: 'all', maxExposure: 'headers', noTamper: true },
  ];
}
