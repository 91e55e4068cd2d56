/**
 * Assembling the normalised scenario of an imported deployment: hosts in a clearly marked
 * `unassigned` site, bridges, overlays and tunnels, key stores by reference only, and the OVN port
 * bindings as workloads. Nothing the outputs cannot tell (links, devices, flows, attackers) is invented.
 */
import { SCENARIO_DEFAULTS as D } from '../../model/defaults.ts';
import type { Bridge, BridgeRole, Host, Keystore, Network, Scenario, Workload } from '../../model/types.ts';
import { isIpAddress } from '../../model/is-ip-address.ts';
import type { InputFile } from '../input-file.ts';
import { buildOverlays, keystoreOf, type DecidedPair } from './build-overlays.ts';
import { toId, type HostRegistry } from './host-registry.ts';

/** The site every imported host starts in; `shared` until the user says otherwise (unknown ≠ trusted). */
export const UNASSIGNED_SITE = {
  id: 'unassigned',
  name: 'Unassigned — set the real site',
  trust: 'shared',
} as const;
/** The one overlay network OVN port bindings are put on (logical switches are not in `ovn-sbctl show`). */
export const OVN_NETWORK = 'ovn-net';

function buildHosts(registry: HostRegistry): Host[] {
  const used = new Set<string>();
  return registry.hosts.map((h) => {
    const host: Host = {
      id: h.id,
      site: UNASSIGNED_SITE.id,
      role: h.role,
      cpu: { ghz: D.cpu.ghz, cores: D.cpu.cores, aes: D.cpu.aes, arch: D.cpu.arch },
      nic: { gbps: D.nic.gbps, mtu: D.nic.mtu, offload: [] },
    };
    const name = h.placeholder
      ? `Tunnel peer ${h.addresses[0] ?? ''} (no outputs imported)`
      : h.names.find((n) => n !== h.id);
    if (name) host.name = name;
    // SPEC §1.1 Host.ip is unique if given: the first host claiming an address keeps it. A damaged
    // output can name something that is no address at all; that stays in the name, not in `ip`.
    const ip = h.addresses.find((a) => !used.has(a) && isIpAddress(a));
    if (ip) {
      host.ip = ip;
      used.add(ip);
    }
    return host;
  });
}

/** br-int / br-tun / br-ex are the Neutron and OVN conventions; a bridge with tunnel ports is a tunnel bridge. */
function bridgeRole(name: string, hasTunnels: boolean): BridgeRole {
  if (name === 'br-int') return 'integration';
  if (name === 'br-tun' || hasTunnels) return 'tunnel';
  return name.startsWith('br-ex') ? 'external' : 'provider';
}

function buildBridges(registry: HostRegistry, inputs: readonly InputFile[]): Bridge[] {
  const bridges: Bridge[] = [];
  for (const input of inputs) {
    const host = registry.byFile.get(input.file);
    if (!host) continue;
    for (const b of input.bridges) {
      const id = `${host.id}/${toId(b.name)}`;
      if (bridges.some((x) => x.id === id)) continue;
      const hasTunnels = input.interfaces.some(
        (i) => b.interfaces.includes(i.name) && ['vxlan', 'geneve', 'gre'].includes(i.type),
      );
      bridges.push({
        id,
        host: host.id,
        kind: host.chassis && b.name === 'br-int' ? 'ovn' : 'ovs',
        role: bridgeRole(b.name, hasTunnels),
      });
    }
  }
  return bridges;
}

function buildKeystores(decided: readonly DecidedPair[]): Keystore[] {
  const ids = [
    ...new Set(decided.map((d) => keystoreOf(d.decision)).filter((k): k is string => k !== undefined)),
  ].sort();
  return ids.map((id) => ({ id, kind: id.startsWith('psk-') ? 'psk' : 'ca' }));
}

function buildWorkloads(
  registry: HostRegistry,
  ovnMembers: ReadonlySet<string> | undefined,
): { networks: Network[]; workloads: Workload[] } {
  if (!ovnMembers) return { networks: [], workloads: [] };
  // Only chassis whose tunnels were seen are overlay members; a VM bound on any other chassis
  // could not be carried by the overlay, so it is left out rather than made up.
  const bound: Workload[] = registry.hosts
    .filter((h) => ovnMembers.has(h.id))
    .flatMap((h) =>
      (h.chassis?.portBindings ?? [])
        .filter((p) => !p.startsWith('cr-'))
        .map((p) => ({ id: toId(p), host: h.id, networks: [OVN_NETWORK], kind: 'vm' as const })),
    );
  // Ids are one namespace (SPEC §1): a port bound twice (a stale binding, or two chassis claiming
  // it) is one workload, and a port named like a host or the network is left out.
  const taken = new Set<string>([...registry.hosts.map((h) => h.id), OVN_NETWORK]);
  const workloads = bound.filter((w) => !taken.has(w.id) && taken.add(w.id));
  const networks: Network[] =
    workloads.length > 0
      ? [{ id: OVN_NETWORK, kind: 'overlay', overlay: 'ovn-geneve', portSecurity: D.portSecurity }]
      : [];
  return { networks, workloads };
}

/** The scenario for the registry and decided tunnels. */
export function buildScenario(
  name: string,
  registry: HostRegistry,
  inputs: readonly InputFile[],
  decided: readonly DecidedPair[],
): Scenario {
  const { overlays, tunnels } = buildOverlays(decided);
  const ovn = overlays.find((o) => o.id === 'ovn-geneve');
  const { networks, workloads } = buildWorkloads(registry, ovn ? new Set(ovn.memberIds) : undefined);
  return {
    plainsight: 1,
    name,
    sites: [{ ...UNASSIGNED_SITE }],
    hosts: buildHosts(registry),
    devices: [],
    links: [],
    bridges: buildBridges(registry, inputs),
    overlays,
    tunnels,
    networks,
    workloads,
    keystores: buildKeystores(decided),
    ipsec: [],
    wireguard: [],
    flows: [],
    attackers: [],
    requirements: [],
    layout: {},
  };
}
