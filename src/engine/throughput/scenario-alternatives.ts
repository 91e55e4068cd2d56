/**
 * The alternative protections of SPEC T8 as pure transforms of a normalised scenario: none, overlay
 * IPsec with a given cipher, a WireGuard mesh, MACsec on every link, application TLS only.
 */
import type { IpsecCipher, Scenario, TunnelIpsec } from '../../model/types.ts';

/**
 * Removes every protection: overlay/tunnel IPsec, `ipsec:` policies, WireGuard, MACsec and TLS.
 * Entities it leaves as they are are shared with `scenario`, as an edit's next scenario shares
 * them (entities are never changed in place): a deep copy of a 1,000-host region for each of the
 * comparison's nine alternatives took 0.8 s of its Markdown report.
 */
export function stripProtections(scenario: Scenario): Scenario {
  return {
    ...scenario,
    overlays: scenario.overlays.map(({ ipsec: _, ...overlay }) => overlay),
    tunnels: scenario.tunnels.map(({ ipsec: _, ...tunnel }) => tunnel),
    links: scenario.links.map((link) => {
      if (link.macsec === undefined) return link;
      const { macsec: _, ...bare } = link;
      return bare;
    }),
    flows: scenario.flows.map((flow) => (flow.tls ? { ...flow, tls: false } : flow)),
    ipsec: [],
    wireguard: [],
  };
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
  s.overlays = s.overlays.map((overlay, i) => ({ ...overlay, ipsec: protect(scenario.overlays[i]!.ipsec) }));
  s.tunnels = s.tunnels.map((tunnel, i) => ({ ...tunnel, ipsec: protect(scenario.tunnels[i]!.ipsec) }));
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
  s.links = s.links.map((link) => ({ ...link, macsec: { encrypt: true, cipher: 'gcm-aes-128' } }));
  return s;
}

/** Only application TLS, on every flow. */
export function withTlsOnly(scenario: Scenario): Scenario {
  const s = stripProtections(scenario);
  s.flows = s.flows.map((flow) => ({ ...flow, tls: true }));
  return s;
}
