/**
 * A new entity of each kind with valid defaults, wired to the current selection where that makes
 * sense (a workload on the selected host, a flow between the two selected endpoints…).
 */
import type { Scenario } from '../../model/types.ts';
import { freshId, type Collection } from '../state/yaml-edit.ts';

const prefixes: Record<Collection, string> = {
  sites: 'site',
  hosts: 'host',
  devices: 'sw',
  links: 'link',
  bridges: 'br',
  overlays: 'ov',
  tunnels: 'tun',
  networks: 'net',
  workloads: 'vm',
  keystores: 'ks',
  ipsec: 'ipsec',
  wireguard: 'wg',
  flows: 'flow',
  attackers: 'attacker',
  requirements: 'req',
};

/** The new entity, or undefined when the scenario lacks what it needs (e.g. a link without two nodes). */
export function defaultEntity(collection: Collection, model: Scenario | undefined, selected: string[], taken: Set<string>): Record<string, unknown> | undefined {
  const id = freshId(prefixes[collection], taken);
  const m = model;
  const sel = new Set(selected);
  const hosts = m?.hosts ?? [];
  const selHosts = hosts.filter((h) => sel.has(h.id)).map((h) => h.id);
  const site = m?.hosts.find((h) => sel.has(h.id))?.site ?? m?.sites.find((s) => sel.has(s.id))?.id ?? m?.sites[0]?.id;
  const endpoints = [...(m?.workloads ?? []), ...hosts].filter((e) => sel.has(e.id)).map((e) => e.id);
  switch (collection) {
    case 'sites':
      return { id, trust: 'trusted' };
    case 'hosts':
      return site ? { id, site, role: 'compute' } : undefined;
    case 'devices':
      return site ? { id, site, kind: 'switch' } : undefined;
    case 'links': {
      const ends = [...hosts, ...(m?.devices ?? [])].filter((n) => sel.has(n.id)).map((n) => n.id);
      return ends.length === 2 ? { id, between: ends } : undefined;
    }
    case 'bridges':
      return selHosts[0] ?? hosts[0]?.id ? { id, host: selHosts[0] ?? hosts[0]?.id, kind: 'ovs', role: 'integration' } : undefined;
    case 'overlays':
      return { id, type: 'geneve', members: selHosts.length > 1 ? selHosts : { roles: ['compute', 'network'] } };
    case 'tunnels':
      return selHosts.length === 2 ? { id, type: 'geneve', between: selHosts } : undefined;
    case 'networks': {
      const overlay = m?.overlays[0]?.id;
      return overlay ? { id, kind: 'overlay', overlay } : { id, kind: 'vlan', vlan: 100 };
    }
    case 'workloads': {
      const host = selHosts[0] ?? hosts[0]?.id;
      const net = m?.networks[0]?.id;
      return host ? { id, host, networks: net ? [net] : [], kind: net ? 'vm' : 'service' } : undefined;
    }
    case 'keystores':
      return { id, kind: 'psk' };
    case 'ipsec':
      return selHosts.length >= 2 ? { id, ...(selHosts.length === 2 ? { between: selHosts } : { members: selHosts }), mode: 'transport', cipher: 'aes-gcm-256', auth: 'cert' } : undefined;
    case 'wireguard':
      return selHosts.length >= 2 ? { id, members: selHosts } : undefined;
    case 'flows': {
      const [from, to] = endpoints.length >= 2 ? endpoints : (m?.workloads ?? []).map((w) => w.id);
      return from && to ? { id, from, to, proto: 'tcp', port: 443 } : undefined;
    }
    case 'attackers': {
      const at = selected.length > 0 ? positionsOf(m, sel) : { links: m?.links[0] ? [m.links[0].id] : [] };
      return { id, name: 'New attacker', at, can: ['read'] };
    }
    case 'requirements':
      return { id, flows: 'all', against: 'all', maxExposure: 'metadata' };
  }
}

/** Groups selected ids into an attacker's `at` block. */
function positionsOf(m: Scenario | undefined, sel: Set<string>): Record<string, string[]> {
  const pick = (list: { id: string }[] | undefined): string[] => (list ?? []).filter((x) => sel.has(x.id)).map((x) => x.id);
  const at: Record<string, string[]> = { links: pick(m?.links), devices: pick(m?.devices), hosts: pick(m?.hosts), workloads: pick(m?.workloads), sites: pick(m?.sites) };
  return Object.fromEntries(Object.entries(at).filter(([, v]) => v.length > 0));
}

/** What each palette entry needs selected first, shown when it cannot add. */
export const requirementsHint: Partial<Record<Collection, string>> = {
  hosts: 'Add a site first.',
  devices: 'Add a site first.',
  links: 'Select exactly two hosts or devices.',
  tunnels: 'Select exactly two hosts.',
  ipsec: 'Select two or more hosts (or gateways).',
  wireguard: 'Select two or more hosts.',
  workloads: 'Add a host first.',
  bridges: 'Add a host first.',
  flows: 'Select two endpoints (workloads or hosts).',
};
