/**
 * The alternative protections of SPEC T8 as pure transforms of a normalised scenario: none, overlay
 * IPsec with a given cipher, a WireGuard mesh, MACsec on every link, application TLS only.
 */
import type { IpsecCipher, Scenario, TunnelIpsec } from '../../model/types.ts';

/** Removes every protection: overlay/tunnel IPsec, `ipsec:` policies, WireGuard, MACsec and TLS. */
export function stripProtections(scenario: Scenario): Scenario {
  // A normalised scenario is plain JSON data; the engine's lib has no structuredClone.
  const s = JSON.parse(JSON.stringify(scenario)) as Scenario;
  for (const overlay of s.overlays) delete overlay.ipsec;
  for (const tunnel of s.tunnels) delete tunnel.ipsec;
  for (const link of s.links) delete link.macsec;
  for (const flow of s.flows) flow.tls = false;
  s.ipsec = [];
  s.wireguard = [];
  return s;
}

/**
 * Only overlay IPsec, every overlay and explicit tunnel with `cipher`. Authentication and key store
 * stay as configured; unprotected ones get `cert` (needs no key store) and drop plaintext.
 */
export function withOverlayIpsec(scenario: Scenario, cipher: IpsecCipher): Scenario {
  const s = stripProtections(scenario);
  const protect = (current: TunnelIpsec | undefined): TunnelIpsec => ({
    ...(current ?? { auth: 'cert', natT: false, dropPlaintext: true }),
    cipher,
  });
  s.overlays.forEach((overlay, i) => (overlay.ipsec = protect(scenario.overlays[i]!.ipsec)));
  s.tunnels.forEach((tunnel, i) => (tunnel.ipsec = protect(scenario.tunnels[i]!.ipsec)));
  return s;
}

/** Hosts that send tunnel packets or host-level flows: what a WireGuard mesh would join. */
function wireguardMembers(scenario: Scenario): string[] {
  const hosts = new Set(scenario.hosts.map((h) => h.id));
  const members = new Set<string>();
  for (const overlay of scenario.overlays) for (const id of overlay.memberIds) members.add(id);
  for (const tunnel of scenario.tunnels) for (const id of tunnel.between) members.add(id);
  for (const flow of scenario.flows) {
    if (hosts.has(flow.from) && hosts.has(flow.to)) {
      members.add(flow.from);
      members.add(flow.to);
    }
  }
  return [...members].filter((id) => hosts.has(id)).sort();
}

/** Only a WireGuard mesh of every host with tunnels or host-level flows. */
export function withWireguardMesh(scenario: Scenario): Scenario {
  const s = stripProtections(scenario);
  const members = wireguardMembers(scenario);
  if (members.length >= 2) s.wireguard = [{ id: 'plainsight-wireguard', members }];
  return s;
}

/** Only MACsec, encrypting, on every link (GCM-AES-128, the Linux default cipher suite). */
export function withMacsecEverywhere(scenario: Scenario): Scenario {
  const s = stripProtections(scenario);
  for (const link of s.links) link.macsec = { encrypt: true, cipher: 'gcm-aes-128' };
  return s;
}

/** Only application TLS, on every flow. */
export function withTlsOnly(scenario: Scenario): Scenario {
  const s = stripProtections(scenario);
  for (const flow of s.flows) flow.tls = true;
  return s;
}
