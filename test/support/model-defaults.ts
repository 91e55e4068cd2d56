/**
 * The SPEC §1.1 defaults the model builder fills in, so tests state only what matters to them.
 * Each value cites the SPEC sentence it comes from; the parser owns the real normalisation.
 */
import type {
  Cpu,
  Flow,
  HostRole,
  Link,
  MemberSelector,
  Nic,
  Scenario,
  TunnelIpsec,
} from '../../src/model/types.ts';

/** SPEC §1.1 Host.cpu: "Defaults: 2.5 GHz, 16 cores, aesni" (arch x86_64 by default). */
export const defaultCpu: Cpu = { ghz: 2.5, cores: 16, aes: 'aesni', arch: 'x86_64' };
/** SPEC §1.1 Host.nic: "Defaults: 10 Gbit/s, MTU 1500, no offload". */
export const defaultNic: Nic = { gbps: 10, mtu: 1500, offload: [] };
/** SPEC §1.1 Link: "devices: 100 Gbit/s, 9216". */
const deviceNic = { gbps: 100, mtu: 9216 };

/** SPEC §1.1 Overlay.ipsec: cipher aes-gcm-256 (default), dropPlaintext false; natT off unless asked. */
export function tunnelIpsec(input: Partial<TunnelIpsec> = {}): TunnelIpsec {
  return { cipher: 'aes-gcm-256', auth: 'cert', natT: false, dropPlaintext: false, ...input };
}

function endNic(s: Scenario, id: string): { gbps: number; mtu: number } {
  const host = s.hosts.find((h) => h.id === id);
  return host ? host.nic : deviceNic;
}

function siteOf(s: Scenario, id: string): string | undefined {
  return s.hosts.find((h) => h.id === id)?.site ?? s.devices.find((d) => d.id === id)?.site;
}

/** SPEC §1.1 Link: gbps/mtu default to the smaller end; site to the ends' common site, else none. */
export function resolveLink(s: Scenario, link: Partial<Link> & Pick<Link, 'id' | 'between'>): Link {
  const [a, b] = link.between.map((end) => endNic(s, end)) as [
    { gbps: number; mtu: number },
    typeof deviceNic,
  ];
  const siteA = siteOf(s, link.between[0]);
  const common = siteA !== undefined && siteA === siteOf(s, link.between[1]) ? siteA : undefined;
  const resolved: Link = {
    id: link.id,
    between: link.between,
    gbps: link.gbps ?? Math.min(a.gbps, b.gbps),
    mtu: link.mtu ?? Math.min(a.mtu, b.mtu),
    medium: link.medium ?? 'fiber',
  };
  const site = link.site ?? common;
  if (site !== undefined) resolved.site = site;
  if (link.macsec) resolved.macsec = link.macsec;
  return resolved;
}

/** SPEC §1.1 Overlay.members: host ids, or hosts matching every given selector; sorted. */
export function resolveMembers(s: Scenario, members: MemberSelector): string[] {
  if (Array.isArray(members)) return [...members].sort();
  const roles: readonly HostRole[] | undefined = members.roles;
  const sites = members.sites;
  return s.hosts
    .filter((h) => (!roles || roles.includes(h.role)) && (!sites || sites.includes(h.site)))
    .map((h) => h.id)
    .sort();
}

/**
 * SPEC §1.1 Flow.network: the endpoints' one shared network, or the source's only network when they
 * share none; host-level endpoints use the underlay (undefined).
 */
export function resolveFlowNetwork(s: Scenario, flow: Flow): string | undefined {
  if (flow.network !== undefined) return flow.network;
  const from = s.workloads.find((w) => w.id === flow.from);
  if (!from) return undefined;
  const to = s.workloads.find((w) => w.id === flow.to);
  const shared = from.networks.filter((n) => to?.networks.includes(n));
  if (shared.length === 1) return shared[0];
  return shared.length === 0 && from.networks.length === 1 ? from.networks[0] : undefined;
}
