/**
 * The parameters of a generated scenario (issue 8) and their defaults: a leaf–spine data centre
 * per site, an OVN or OVS overlay with or without IPsec, provider networks, and per-workload flows.
 */

/** Which overlay carries the tenant networks: OVN (Geneve, CA-signed IPsec), OVS ML2 (VXLAN, PSK IPsec) or none (VLANs only). */
export type OverlayChoice = 'ovn' | 'ovs' | 'none';

/** What to generate; everything has a default. */
export interface GenerateOptions {
  /** Compute hosts in total; when given it decides the racks (hostsPerRack per rack, spread over the sites). */
  hosts?: number;
  sites?: number;
  racksPerSite?: number;
  hostsPerRack?: number;
  /** Spine switches per site (each leaf has one uplink to each). */
  spines?: number;
  overlay?: OverlayChoice;
  ipsec?: boolean;
  /** VLAN provider networks (some workloads sit on them instead of an overlay network). */
  providerNetworks?: number;
  /** Overlay (tenant) networks; default one per 20 compute hosts, at least 4. */
  tenantNetworks?: number;
  workloadsPerHost?: number;
  flowsPerWorkload?: number;
  attackers?: number;
  seed?: number;
}

/** The options with every default applied and the rack layout decided. */
export type ResolvedOptions = Required<Omit<GenerateOptions, 'hosts'>> & { hosts: number };

/**
 * Defaults: one site, 40 hosts per rack (a common 42U rack of 1U servers under one leaf pair's
 * ports), 4 spines, OVN with IPsec, 10 VMs per host, 5 flows per VM, 10 attackers, seed 1.
 */
export function resolveOptions(o: GenerateOptions): ResolvedOptions {
  const sites = Math.max(1, Math.floor(o.sites ?? 1));
  const hostsPerRack = Math.max(1, Math.floor(o.hostsPerRack ?? 40));
  const racksPerSite = o.hosts !== undefined ? Math.max(1, Math.ceil(o.hosts / hostsPerRack / sites)) : Math.max(1, Math.floor(o.racksPerSite ?? 2));
  const hosts = o.hosts !== undefined ? Math.max(1, Math.floor(o.hosts)) : sites * racksPerSite * hostsPerRack;
  return {
    hosts,
    sites,
    racksPerSite,
    hostsPerRack,
    spines: Math.max(1, Math.floor(o.spines ?? 4)),
    overlay: o.overlay ?? 'ovn',
    ipsec: o.ipsec ?? true,
    providerNetworks: Math.max(0, Math.floor(o.providerNetworks ?? 1)),
    tenantNetworks: Math.max(1, Math.floor(o.tenantNetworks ?? Math.max(4, Math.round(hosts / 20)))),
    workloadsPerHost: Math.max(0, Math.floor(o.workloadsPerHost ?? 10)),
    flowsPerWorkload: Math.max(0, Math.floor(o.flowsPerWorkload ?? 5)),
    attackers: Math.max(0, Math.floor(o.attackers ?? 10)),
    seed: Math.floor(o.seed ?? 1),
  };
}
