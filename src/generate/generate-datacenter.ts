/**
 * Generates a realistic leaf–spine data centre as a normalised scenario: racks of compute hosts
 * under leaf switches, spines, network/gateway nodes, an OVN Geneve overlay with IPsec, tenant
 * networks, VMs and a mix of east–west, north–south and control-plane flows, plus attackers.
 * Seeded and deterministic; used by benchmarks and as a sample large scenario.
 */
import type { Attacker, Flow, Host, Link, Scenario, Workload } from '../model/types.ts';
import { createRandom } from './seeded-random.ts';

/** Size and shape of a generated data centre. */
export interface DatacenterOptions {
  hosts: number;
  workloadsPerHost?: number;
  flowsPerWorkload?: number;
  attackers?: number;
  hostsPerRack?: number;
  spines?: number;
  tenantNetworks?: number;
  ipsec?: boolean;
  seed?: number;
}

// Host defaults of SPEC §1.1: 2.5 GHz, 16 cores, AES-NI, 10 Gbit/s NIC at MTU 1500.
const CPU = { ghz: 2.5, cores: 16, aes: 'aesni', arch: 'x86_64' } as const;
const NIC = { gbps: 25, mtu: 1500, offload: [] };

function host(id: string, role: Host['role'], ip: string): Host {
  return { id, site: 'dc1', role, ip, cpu: { ...CPU }, nic: { ...NIC, offload: [] } };
}

function link(id: string, a: string, b: string, gbps: number, mtu: number): Link {
  return { id, between: [a, b], gbps, mtu, medium: 'fiber', site: 'dc1' };
}

function ip(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Builds the data centre described by the options. */
export function generateDatacenter(options: DatacenterOptions): Scenario {
  const o = { workloadsPerHost: 10, flowsPerWorkload: 5, attackers: 10, hostsPerRack: 40, spines: 4, tenantNetworks: 50, ipsec: true, seed: 1, ...options };
  const rnd = createRandom(o.seed);
  const w = String(o.hosts).length;
  const racks = Math.ceil(o.hosts / o.hostsPerRack);
  const hosts: Host[] = [];
  const links: Link[] = [];
  const devices: Scenario['devices'] = [];
  for (let s = 0; s < o.spines; s++) devices.push({ id: `spine${s}`, site: 'dc1', kind: 'switch' });
  for (let r = 0; r < racks; r++) {
    const leaf = `leaf${pad(r, 3)}`;
    devices.push({ id: leaf, site: 'dc1', kind: 'switch' });
    for (let s = 0; s < o.spines; s++) links.push(link(`up-${leaf}-${s}`, leaf, `spine${s}`, 100, 9216));
  }
  for (let i = 0; i < o.hosts; i++) {
    const id = `c${pad(i, w)}`;
    hosts.push(host(id, 'compute', ip(i + 16)));
    links.push(link(`l-${id}`, id, `leaf${pad(Math.floor(i / o.hostsPerRack), 3)}`, 25, 1500));
  }
  const gateways = ['gw1', 'gw2'];
  gateways.forEach((g, i) => {
    hosts.push(host(g, 'gateway', ip(i + 2)));
    links.push(link(`l-${g}`, g, `leaf${pad(i % racks, 3)}`, 25, 1500));
  });
  hosts.push(host('ext', 'external', '203.0.113.10'));
  devices.push({ id: 'border', site: 'dc1', kind: 'router' });
  links.push(link('l-border-gw1', 'border', 'gw1', 100, 1500), link('l-border-gw2', 'border', 'gw2', 100, 1500), link('l-ext', 'border', 'ext', 10, 1500));
  const networks: Scenario['networks'] = Array.from({ length: o.tenantNetworks }, (_, n) => ({ id: `tenant${pad(n, 3)}`, kind: 'overlay', overlay: 'ovn', portSecurity: true, vni: 1000 + n }));
  const computeIds = hosts.filter((h) => h.role === 'compute').map((h) => h.id);
  const workloads: Workload[] = [];
  for (const hostId of computeIds) {
    for (let k = 0; k < o.workloadsPerHost; k++) workloads.push({ id: `vm-${hostId}-${k}`, host: hostId, networks: [networks[rnd.int(networks.length)]!.id], kind: 'vm' });
  }
  const byNetwork = new Map<string, Workload[]>();
  for (const wl of workloads) byNetwork.set(wl.networks[0]!, [...(byNetwork.get(wl.networks[0]!) ?? []), wl]);
  const flows: Flow[] = [];
  for (const wl of workloads) {
    for (let k = 0; k < o.flowsPerWorkload; k++) {
      const id = `f-${wl.id}-${k}`;
      const roll = rnd.next();
      // 10 % north–south to the external host, the rest east–west within the tenant network.
      const to = roll < 0.1 ? 'ext' : rnd.pick(byNetwork.get(wl.networks[0]!)!).id;
      flows.push({ id, from: wl.id, to, network: wl.networks[0]!, proto: 'tcp', port: roll < 0.1 ? 443 : 5432, tls: rnd.next() < 0.3, rateGbps: 0.1, class: 'tenant', sensitivity: 'confidential' });
    }
  }
  const attackers: Attacker[] = Array.from({ length: o.attackers }, (_, a) => {
    const at = { links: [] as string[], devices: [] as string[], hosts: [] as string[], workloads: [] as string[], sites: [] as string[] };
    const kind = a % 5;
    if (kind === 0) at.links.push(links[rnd.int(links.length)]!.id);
    else if (kind === 1) at.devices.push(devices[rnd.int(devices.length)]!.id);
    else if (kind === 2) at.hosts.push(rnd.pick(computeIds));
    else if (kind === 3) at.workloads.push(workloads[rnd.int(workloads.length)]!.id);
    else at.links.push('l-ext');
    return { id: `att${pad(a, 2)}`, at, can: a % 2 === 0 ? ['read'] : ['read', 'inject'], knows: kind === 4 ? ['ovn-ca'] : [] };
  });
  return {
    plainsight: 1,
    name: `Generated data centre (${o.hosts} hosts, seed ${o.seed})`,
    sites: [{ id: 'dc1', trust: 'trusted' }],
    hosts,
    devices,
    links,
    bridges: [],
    overlays: [{ id: 'ovn', type: 'geneve', members: { roles: ['compute', 'gateway'] }, memberIds: [...computeIds, ...gateways].sort(), geneveOptionBytes: 8, ...(o.ipsec ? { ipsec: { cipher: 'aes-gcm-256', auth: 'ca', keystore: 'ovn-ca', natT: false, dropPlaintext: true } } : {}) }],
    tunnels: [],
    networks,
    workloads,
    keystores: [{ id: 'ovn-ca', kind: 'ca', location: 'offline' }],
    ipsec: [],
    wireguard: [],
    flows,
    attackers,
    requirements: [{ id: 'tenant-confidential', flows: { class: 'tenant' }, against: 'all', maxExposure: 'metadata', noTamper: true }],
    layout: {},
  };
}
