/**
 * Normalisation of the logical entities (SPEC §1.1): overlays (members resolved), tunnels,
 * networks, workloads, key stores, IPsec policies (endpoints resolved) and WireGuard meshes.
 */
import { SCENARIO_DEFAULTS } from './defaults.ts';
import { blank, blanks, compact, type Shaped } from './normalize-topology.ts';
import { resolveMembers } from './resolve-members.ts';
import type {
  Host,
  IpsecPolicy,
  Keystore,
  MemberSelector,
  Network,
  Overlay,
  Selector,
  Tunnel,
  TunnelIpsec,
  TunnelType,
  WireguardMesh,
  Workload,
} from './types.ts';

type ShapedIpsec = NonNullable<Shaped<'overlays'>['ipsec']>;

/** Normalises overlay or tunnel IPsec; cipher, natT and dropPlaintext defaults are already filled. */
export function normalizeTunnelIpsec(ipsec: ShapedIpsec | undefined): TunnelIpsec | undefined {
  if (!ipsec) return undefined;
  const { cipher, auth, keystore, natT, dropPlaintext } = ipsec;
  return compact({ cipher, auth: blank(auth), keystore, natT, dropPlaintext });
}

/** OVN's one 8-byte option for Geneve; other encapsulations carry no Geneve options. */
export function geneveOptionBytesOf(type: TunnelType | undefined, written: number | undefined): number {
  return type === 'geneve' ? (written ?? SCENARIO_DEFAULTS.geneveOptionBytes) : 0;
}

function memberSelectorOf(members: Shaped<'overlays'>['members']): MemberSelector {
  if (members === undefined) return [];
  if (Array.isArray(members)) return blanks(members);
  return compact({
    roles: members.roles?.filter((role) => role !== undefined),
    sites: members.sites && blanks(members.sites),
  });
}

/** Normalises an overlay and resolves its members against the hosts. */
export function normalizeOverlay(overlay: Shaped<'overlays'>, hosts: readonly Host[]): Overlay {
  const members = memberSelectorOf(overlay.members);
  return compact({
    id: blank(overlay.id),
    type: blank(overlay.type),
    members,
    memberIds: resolveMembers(members, hosts),
    geneveOptionBytes: geneveOptionBytesOf(overlay.type, overlay.geneveOptionBytes),
    ipsec: normalizeTunnelIpsec(overlay.ipsec),
  });
}

/** Normalises an explicit tunnel. */
export function normalizeTunnel(tunnel: Shaped<'tunnels'>): Tunnel {
  return compact({
    id: blank(tunnel.id),
    type: blank(tunnel.type),
    between: [blank(tunnel.between?.[0]), blank(tunnel.between?.[1])] as [string, string],
    overlay: tunnel.overlay,
    geneveOptionBytes: geneveOptionBytesOf(tunnel.type, tunnel.geneveOptionBytes),
    ipsec: normalizeTunnelIpsec(tunnel.ipsec),
  });
}

/** Normalises a network (fields that do not apply to its kind were already dropped). */
export function normalizeNetwork(network: Shaped<'networks'>): Network {
  const { overlay, vlan, vni, portSecurity, mtu } = network;
  return compact({ id: blank(network.id), kind: blank(network.kind), overlay, vlan, vni, portSecurity, mtu });
}

/** Normalises a workload. */
export function normalizeWorkload(workload: Shaped<'workloads'>): Workload {
  const { name, kind } = workload;
  return compact({
    id: blank(workload.id),
    name,
    host: blank(workload.host),
    networks: blanks(workload.networks),
    kind,
  });
}

/** Normalises a key store. */
export function normalizeKeystore(keystore: Shaped<'keystores'>): Keystore {
  return compact({ id: blank(keystore.id), kind: blank(keystore.kind), location: keystore.location });
}

function selectorOf(selector: Shaped<'ipsec'>['selector']): IpsecPolicy['selector'] {
  if (!Array.isArray(selector)) return 'all';
  return selector.map((item): Selector => compact({ proto: blank(item?.proto), port: item?.port }));
}

/** Normalises an IPsec policy: `between` or `members` become `endpoints` (file order; mesh repeats dropped). */
export function normalizeIpsecPolicy(policy: Shaped<'ipsec'>): IpsecPolicy {
  const { mode, cipher, keystore, natT } = policy;
  return compact({
    id: blank(policy.id),
    endpoints: policy.between ? blanks(policy.between) : [...new Set(blanks(policy.members))],
    mesh: policy.between === undefined && policy.members !== undefined,
    mode,
    cipher,
    auth: blank(policy.auth),
    keystore,
    natT,
    selector: selectorOf(policy.selector),
  });
}

/** Normalises a WireGuard mesh. */
export function normalizeWireguard(mesh: Shaped<'wireguard'>): WireguardMesh {
  return { id: blank(mesh.id), members: blanks(mesh.members) };
}
