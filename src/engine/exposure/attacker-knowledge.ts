/**
 * What an attacker holds (SPEC X4, X5): its vantage sets, the nodes whose keys it has (root on a
 * host, a compromised device) and the key stores it knows — pooled over all its positions.
 */
import type { Attacker } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';

/** An attacker's positions and pooled keys. */
export interface AttackerKnowledge {
  attacker: Attacker;
  canRead: boolean;
  canInject: boolean;
  links: Set<string>;
  devices: Set<string>;
  /** Hosts it is root on. */
  hosts: Set<string>;
  workloads: Set<string>;
  /** Hosts and devices whose session keys it holds (root hosts and compromised devices). */
  keyNodes: Set<string>;
  /** Known key stores, with why each is known. */
  keystores: Map<string, string>;
  /** Bridges mirroring into one of its workloads, by host. */
  mirrors: Map<string, string>;
  /** Networks without port security it sits on (used only when it can inject). */
  spoofableNetworks: Set<string>;
}

function keystoresUsedAt(node: string, index: ScenarioIndex): string[] {
  const found: string[] = [];
  // PSKs and static keys sit in the IKE secrets / kernel SAs of every host that uses them (SPEC X4).
  const shared = (auth: string | undefined): boolean => auth === 'psk' || auth === 'static';
  for (const overlay of index.overlays.values()) {
    if (overlay.ipsec?.keystore && shared(overlay.ipsec.auth) && index.overlayMembers.get(overlay.id)?.has(node)) found.push(overlay.ipsec.keystore);
  }
  for (const tunnel of index.tunnels.values()) {
    if (tunnel.ipsec?.keystore && shared(tunnel.ipsec.auth) && tunnel.between.includes(node)) found.push(tunnel.ipsec.keystore);
  }
  for (const policy of index.policies.values()) {
    if (policy.keystore && shared(policy.auth) && policy.endpoints.includes(node)) found.push(policy.keystore);
  }
  return found;
}

function addKeystore(map: Map<string, string>, id: string, why: string): void {
  if (!map.has(id)) map.set(id, why);
}

/** Resolves an attacker's positions (sites expand to their links and devices) and pooled keys. */
export function buildAttackerKnowledge(attacker: Attacker, index: ScenarioIndex): AttackerKnowledge {
  const sites = new Set(attacker.at.sites);
  const links = new Set(attacker.at.links);
  const devices = new Set(attacker.at.devices);
  if (sites.size > 0) {
    for (const link of index.links.values()) if (link.site !== undefined && sites.has(link.site)) links.add(link.id);
    for (const device of index.devices.values()) if (sites.has(device.site)) devices.add(device.id);
  }
  const hosts = new Set(attacker.at.hosts);
  const workloads = new Set(attacker.at.workloads);
  const keyNodes = new Set([...hosts, ...devices]);
  const keystores = new Map<string, string>();
  for (const id of attacker.knows) addKeystore(keystores, id, `${attacker.id} knows key store ${id}`);
  for (const node of [...keyNodes].sort()) {
    const role = hosts.has(node) ? `root on ${node}` : `control of ${node}`;
    for (const ks of keystoresUsedAt(node, index)) addKeystore(keystores, ks, `${role} reads key store ${ks} from its IPsec configuration`);
  }
  for (const ks of index.keystores.values()) {
    if (ks.location !== undefined && keyNodes.has(ks.location)) addKeystore(keystores, ks.id, `key store ${ks.id} is located on ${ks.location}`);
  }
  const mirrors = new Map<string, string>();
  // Bridges in id order, so the vantage named for a host does not depend on file order.
  for (const bridge of [...index.bridges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (bridge.mirrorTo !== undefined && workloads.has(bridge.mirrorTo) && !mirrors.has(bridge.host)) mirrors.set(bridge.host, bridge.id);
  }
  const spoofableNetworks = new Set<string>();
  for (const id of workloads) {
    for (const net of index.workloads.get(id)?.networks ?? []) {
      if (index.networks.get(net)?.portSecurity === false) spoofableNetworks.add(net);
    }
  }
  return {
    attacker,
    canRead: attacker.can.includes('read'),
    canInject: attacker.can.includes('inject'),
    links,
    devices,
    hosts,
    workloads,
    keyNodes,
    keystores,
    mirrors,
    spoofableNetworks,
  };
}
