/**
 * The logical part of a generated scenario: the overlay (OVN Geneve with CA-signed IPsec, or OVS
 * VXLAN with a shared PSK, or none), tenant and provider networks, VMs on every compute host, and
 * the control-plane and storage services the flows go to.
 */
import type { Keystore, Network, Overlay, Scenario, Workload } from '../model/types.ts';
import type { Fabric } from './generate-fabric.ts';
import type { ResolvedOptions } from './generate-options.ts';
import type { Random } from './seeded-random.ts';

/** Networks, workloads and key stores, with the ids the flows pick from. */
export interface Tenancy {
  overlays: Overlay[];
  networks: Network[];
  workloads: Workload[];
  keystores: Keystore[];
  /** VMs per network id. */
  byNetwork: Map<string, Workload[]>;
  /** Host-networked services by class: api, db, mq (controllers), storage. */
  services: Map<string, string[]>;
}

/** Share of VMs that sit on a provider (VLAN) network instead of an overlay network, when there are any. */
const PROVIDER_SHARE = 0.1;

function overlayOf(o: ResolvedOptions, f: Fabric): Overlay | undefined {
  if (o.overlay === 'none') return undefined;
  const members = [...f.compute, ...f.gateways].sort();
  // OVN: Geneve with one 8-byte option, IPsec with CA-signed host certificates (ovn-ctl ipsec=true).
  // OVS ML2: VXLAN, IPsec authenticated by one PSK on every node (OVS `options:psk`).
  const ovn = o.overlay === 'ovn';
  const ipsec = ovn
    ? { cipher: 'aes-gcm-256' as const, auth: 'ca' as const, keystore: 'ovn-ca', natT: false, dropPlaintext: true }
    : { cipher: 'aes-gcm-256' as const, auth: 'psk' as const, keystore: 'ipsec-psk', natT: false, dropPlaintext: false };
  return {
    id: o.overlay,
    type: ovn ? 'geneve' : 'vxlan',
    members: { roles: ['compute', ovn ? 'gateway' : 'network'] },
    memberIds: members,
    geneveOptionBytes: ovn ? 8 : 0,
    ...(o.ipsec ? { ipsec } : {}),
  };
}

function networksOf(o: ResolvedOptions, overlay: Overlay | undefined): Network[] {
  const tenant = Array.from({ length: o.tenantNetworks }, (_, n): Network => {
    const id = `tenant-${String(n).padStart(3, '0')}`;
    // Without an overlay, tenant networks are VLANs (802.1Q ids from 1000).
    return overlay ? { id, kind: 'overlay', overlay: overlay.id, vni: 1000 + n, portSecurity: true } : { id, kind: 'vlan', vlan: 1000 + n, portSecurity: true };
  });
  const provider = Array.from({ length: o.providerNetworks }, (_, n): Network => ({ id: `provider-${n}`, kind: 'vlan', vlan: 100 + n, portSecurity: true }));
  return [...tenant, ...provider];
}

function servicesOf(f: Fabric, workloads: Workload[]): Map<string, string[]> {
  const services = new Map<string, string[]>();
  const add = (cls: string, host: string, name: string): void => {
    const id = `${name}-${host}`;
    workloads.push({ id, host, networks: [], kind: 'service' });
    services.set(cls, [...(services.get(cls) ?? []), id]);
  };
  for (const host of f.controllers) {
    add('api', host, 'api');
    add('db', host, 'db');
    add('mq', host, 'mq');
  }
  for (const host of f.storage) add('storage', host, 'osd');
  return services;
}

/** Builds the overlay, networks, VMs and services. */
export function buildTenancy(o: ResolvedOptions, f: Fabric, rnd: Random): Tenancy {
  const overlay = overlayOf(o, f);
  const networks = networksOf(o, overlay);
  const tenant = networks.filter((n) => n.id.startsWith('tenant-'));
  const provider = networks.filter((n) => n.id.startsWith('provider-'));
  const workloads: Workload[] = [];
  const byNetwork = new Map<string, Workload[]>();
  for (const host of f.compute) {
    for (let k = 0; k < o.workloadsPerHost; k++) {
      const pool = provider.length > 0 && rnd.next() < PROVIDER_SHARE ? provider : tenant;
      const network = rnd.pick(pool).id;
      const vm: Workload = { id: `vm-${host}-${k}`, host, networks: [network], kind: 'vm' };
      workloads.push(vm);
      const list = byNetwork.get(network);
      if (list) list.push(vm);
      else byNetwork.set(network, [vm]);
    }
  }
  const services = servicesOf(f, workloads);
  const keystores: Keystore[] = overlay?.ipsec?.keystore ? [{ id: overlay.ipsec.keystore, kind: o.overlay === 'ovn' ? 'ca' : 'psk', location: o.overlay === 'ovn' ? 'offline' : f.controllers[0]! }] : [];
  return { overlays: overlay ? [overlay] : [], networks, workloads, keystores, byNetwork, services };
}

/** The parts of a scenario the tenancy fills in. */
export type TenancyPart = Pick<Scenario, 'overlays' | 'networks' | 'workloads' | 'keystores'>;
