/**
 * The physical part of a generated scenario: per site a leaf–spine fabric (one leaf per rack, every
 * leaf up to every spine), compute racks, gateway, controller and storage nodes, a border router;
 * sites joined through a carrier network, and one external client on the internet side.
 */
import type { Device, Host, Link, Scenario, Site } from '../model/types.ts';
import type { ResolvedOptions } from './generate-options.ts';

/** Hosts, devices, links and sites, with the ids later stages pick from. */
export interface Fabric {
  sites: Site[];
  hosts: Host[];
  devices: Device[];
  links: Link[];
  compute: string[];
  gateways: string[];
  controllers: string[];
  storage: string[];
}

// SPEC §1.1 CPU default (2.5 GHz, 16 cores, AES-NI) with 32 cores, and a 25 Gbit/s NIC at jumbo MTU 9000, usual in leaf–spine fabrics.
const CPU = { ghz: 2.5, cores: 32, aes: 'aesni', arch: 'x86_64' } as const;
const NIC_GBPS = 25;
const NIC_MTU = 9000;
/** Leaf–spine uplinks: 100 Gbit/s; device ends default to MTU 9216 (SPEC §1.1 Link). */
const UPLINK_GBPS = 100;
const DEVICE_MTU = 9216;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A unique underlay address per host, numbered in creation order (10.0.0.16 onwards). */
function address(f: Fabric): string {
  const n = f.hosts.length + 16;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function host(id: string, site: string, role: Host['role'], ip: string): Host {
  return { id, site, role, ip, cpu: { ...CPU }, nic: { gbps: NIC_GBPS, mtu: NIC_MTU, offload: [] } };
}

/** A link; MTU and rate as SPEC §1.1 defaults them: the smaller of the two ends (devices 100 Gbit/s, 9216). */
function link(id: string, between: [string, string], ends: { gbps: number; mtu: number }, site: string | undefined, medium: Link['medium'] = 'fiber'): Link {
  const l: Link = { id, between, gbps: ends.gbps, mtu: ends.mtu, medium };
  if (site !== undefined) l.site = site;
  return l;
}

const HOST_END = { gbps: NIC_GBPS, mtu: NIC_MTU };
const UPLINK = { gbps: UPLINK_GBPS, mtu: DEVICE_MTU };

/** Racks of one site: its compute hosts under leaves, and the service nodes under the first leaf. */
function buildSite(f: Fabric, o: ResolvedOptions, s: number, computeLeft: number): number {
  const site = `dc${s + 1}`;
  const racks = Math.min(o.racksPerSite, Math.ceil(computeLeft / o.hostsPerRack));
  const width = String(Math.max(1, o.hosts)).length;
  f.sites.push({ id: site, name: `Data centre ${s + 1}`, trust: 'trusted' });
  for (let sp = 0; sp < o.spines; sp++) f.devices.push({ id: `spine-${site}-${sp}`, site, kind: 'switch' });
  f.devices.push({ id: `border-${site}`, site, kind: 'router' });
  for (let sp = 0; sp < o.spines; sp++) f.links.push(link(`up-border-${site}-${sp}`, [`border-${site}`, `spine-${site}-${sp}`], UPLINK, site));
  let made = 0;
  for (let r = 0; r < Math.max(1, racks); r++) {
    const leaf = `leaf-${site}-${pad(r, 3)}`;
    f.devices.push({ id: leaf, site, kind: 'switch' });
    for (let sp = 0; sp < o.spines; sp++) f.links.push(link(`up-${leaf}-${sp}`, [leaf, `spine-${site}-${sp}`], UPLINK, site));
    for (let h = 0; h < o.hostsPerRack && made < computeLeft; h++, made++) {
      const id = `c${pad(f.compute.length, width)}`;
      f.hosts.push(host(id, site, 'compute', address(f)));
      f.compute.push(id);
      f.links.push(link(`l-${id}`, [id, leaf], HOST_END, site));
    }
  }
  const firstLeaf = `leaf-${site}-000`;
  const service = (id: string, role: Host['role'], list: string[]): void => {
    f.hosts.push(host(id, site, role, address(f)));
    list.push(id);
    f.links.push(link(`l-${id}`, [id, firstLeaf], HOST_END, site));
  };
  // OVN gateway chassis / Neutron network nodes, the control plane, and block storage.
  const gatewayRole = o.overlay === 'ovs' ? 'network' : 'gateway';
  for (let g = 0; g < 2; g++) service(`gw-${site}-${g}`, gatewayRole, f.gateways);
  for (let c = 0; c < 3; c++) service(`ctl-${site}-${c}`, 'controller', f.controllers);
  for (let st = 0; st < Math.max(1, Math.round(racks / 2)); st++) service(`stor-${site}-${st}`, 'storage', f.storage);
  for (const gw of f.gateways.filter((g) => g.startsWith(`gw-${site}-`))) f.links.push(link(`l-${gw}-border`, [gw, `border-${site}`], HOST_END, site));
  return made;
}

/** Builds the fabric of every site, the carrier between them and the external client. */
export function buildFabric(o: ResolvedOptions): Fabric {
  const f: Fabric = { sites: [], hosts: [], devices: [], links: [], compute: [], gateways: [], controllers: [], storage: [] };
  let left = o.hosts;
  for (let s = 0; s < o.sites; s++) left -= buildSite(f, o, s, Math.ceil(left / (o.sites - s)));
  // Sites are joined through a third-party carrier network, which also reaches the internet client.
  f.sites.push({ id: 'wan', name: 'Carrier and internet', trust: 'untrusted' });
  f.devices.push({ id: 'carrier', site: 'wan', kind: 'carrier' });
  // 10 Gbit/s carrier circuits (an assumption: typical leased DCI capacity); a link between sites belongs to none.
  for (const site of f.sites) if (site.id !== 'wan') f.links.push(link(`wan-${site.id}`, [`border-${site.id}`, 'carrier'], { gbps: 10, mtu: DEVICE_MTU }, undefined, 'wan'));
  f.hosts.push({ ...host('ext', 'wan', 'external', '203.0.113.10'), nic: { gbps: 10, mtu: 1500, offload: [] } });
  f.links.push(link('l-ext', ['carrier', 'ext'], { gbps: 10, mtu: 1500 }, 'wan', 'wan'));
  return f;
}

/** The parts of a scenario the fabric fills in. */
export type FabricPart = Pick<Scenario, 'sites' | 'hosts' | 'devices' | 'links'>;
