/**
 * Turning tunnels into scenario overlays and explicit tunnels: an OVN mesh or any full mesh of
 * three or more hosts becomes one overlay carrying the most common IPsec setting, and only the
 * pairs that differ become explicit tunnels (SPEC §1.1 Tunnel: "its ipsec (or absence) wins").
 * A partial mesh stays explicit tunnels, so no tunnel is invented.
 */
import type { Overlay, Tunnel, TunnelIpsec, TunnelType } from '../../model/types.ts';
import type { PairIpsec } from './decide-ipsec.ts';
import type { TunnelPair } from './pair-tunnels.ts';

/** A tunnel with its decided IPsec. */
export interface DecidedPair {
  pair: TunnelPair;
  decision: PairIpsec;
}

/** Key store id of a decision: one per PSK fingerprint, one for the CA of certificate deployments. */
export function keystoreOf(decision: PairIpsec): string | undefined {
  const ipsec = decision.ipsec;
  if (ipsec?.pskFingerprint) return `psk-${ipsec.pskFingerprint}`;
  return ipsec?.auth === 'ca' ? 'ipsec-ca' : undefined;
}

function tunnelIpsec(decision: PairIpsec): TunnelIpsec | undefined {
  const i = decision.ipsec;
  if (!i) return undefined;
  const keystore = keystoreOf(decision);
  return {
    cipher: i.cipher,
    auth: i.auth,
    natT: i.natT,
    dropPlaintext: i.dropPlaintext,
    ...(keystore ? { keystore } : {}),
  };
}

const keyOf = (ipsec: TunnelIpsec | undefined): string => JSON.stringify(ipsec ?? null);

/**
 * SPEC §1.1 Overlay: Geneve carries one 8-byte option as OVN does. Plain OVS Geneve sends no
 * option unless OpenFlow sets tunnel metadata, so non-OVN Geneve gets 0.
 */
function optionBytes(type: TunnelType, ovn: boolean): number {
  return type === 'geneve' && ovn ? 8 : 0;
}

function explicit(d: DecidedPair, overlay?: string): Tunnel {
  const ipsec = tunnelIpsec(d.decision);
  const { pair } = d;
  return {
    id: pair.id,
    type: pair.type,
    between: [pair.hosts[0].id, pair.hosts[1].id],
    geneveOptionBytes: optionBytes(pair.type, pair.ovn),
    ...(overlay ? { overlay } : {}),
    ...(ipsec ? { ipsec } : {}),
  };
}

function mostCommon(pairs: readonly DecidedPair[]): TunnelIpsec | undefined {
  const counts = new Map<string, { n: number; ipsec: TunnelIpsec | undefined }>();
  for (const d of pairs) {
    const ipsec = tunnelIpsec(d.decision);
    const entry = counts.get(keyOf(ipsec)) ?? { n: 0, ipsec };
    entry.n++;
    counts.set(keyOf(ipsec), entry);
  }
  const sorted = [...counts.entries()].sort(([ka, a], [kb, b]) => b.n - a.n || (ka < kb ? -1 : 1));
  return sorted[0]?.[1].ipsec;
}

function addGroup(
  group: readonly DecidedPair[],
  id: string,
  out: { overlays: Overlay[]; tunnels: Tunnel[] },
  ovn: boolean,
): void {
  const members = [...new Set(group.flatMap((d) => d.pair.hosts.map((h) => h.id)))].sort();
  const fullMesh = members.length >= 3 && group.length === (members.length * (members.length - 1)) / 2;
  if (!ovn && !fullMesh) {
    out.tunnels.push(...group.map((d) => explicit(d)));
    return;
  }
  const type = group[0]!.pair.type;
  const ipsec = mostCommon(group);
  out.overlays.push({
    id,
    type,
    members,
    memberIds: members,
    geneveOptionBytes: optionBytes(type, ovn),
    ...(ipsec ? { ipsec } : {}),
  });
  out.tunnels.push(
    ...group.filter((d) => keyOf(tunnelIpsec(d.decision)) !== keyOf(ipsec)).map((d) => explicit(d, id)),
  );
}

/** Overlays and explicit tunnels for all decided pairs, grouped by encapsulation (OVN's apart). */
export function buildOverlays(decided: readonly DecidedPair[]): { overlays: Overlay[]; tunnels: Tunnel[] } {
  const out = { overlays: [] as Overlay[], tunnels: [] as Tunnel[] };
  for (const type of ['geneve', 'vxlan', 'gre'] as const) {
    const ofType = decided.filter((d) => d.pair.type === type);
    const ovn = ofType.filter((d) => d.pair.ovn);
    const other = ofType.filter((d) => !d.pair.ovn);
    if (ovn.length > 0) addGroup(ovn, `ovn-${type}`, out, true);
    if (other.length > 0) addGroup(other, `${type}-mesh`, out, false);
  }
  return out;
}
