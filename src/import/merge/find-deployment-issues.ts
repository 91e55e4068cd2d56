/**
 * Deployment-wide inconsistencies: one PSK on many hosts (issue 6: "a PSK shared by every
 * host"), and OVN saying IPsec is on while a chassis's tunnel interface is not configured for it.
 */
import type { ImportFinding } from '../types.ts';
import type { EndIpsec } from './end-ipsec.ts';
import type { TunnelPair } from './pair-tunnels.ts';
import type { TunnelEnd } from './tunnel-ends.ts';

/** An end with its evaluation. */
export interface EvaluatedEnd {
  end: TunnelEnd;
  ipsec: EndIpsec;
}

/** With two hosts the key is theirs alone; a third holder can impersonate a pair it is not in (as the shared-psk rule). */
const MIN_HOSTS = 3;

/** One finding per PSK fingerprint held by three or more hosts. */
export function findSharedPsks(ends: readonly EvaluatedEnd[]): ImportFinding[] {
  const holders = new Map<string, Set<string>>();
  for (const { end, ipsec } of ends) {
    if (!ipsec.pskFingerprint) continue;
    const set = holders.get(ipsec.pskFingerprint) ?? new Set<string>();
    set.add(end.host.id);
    holders.set(ipsec.pskFingerprint, set);
  }
  const pskHosts = new Set([...holders.values()].flatMap((s) => [...s]));
  return [...holders.entries()].flatMap(([fp, hosts]) => {
    if (hosts.size < MIN_HOSTS) return [];
    const every =
      hosts.size === pskHosts.size ? `every host that uses a PSK (${hosts.size})` : `${hosts.size} hosts`;
    return [
      {
        id: 'psk-shared-by-hosts',
        severity: 'medium' as const,
        subjects: [`psk-${fp}`, ...[...hosts].sort()],
        message: `one pre-shared key (fingerprint ${fp}) is configured on ${every}: ${[...hosts].sort().join(', ')} — root on any of them can impersonate every other pair; use one key per pair or certificates`,
      },
    ];
  });
}

/** OVN NB_Global ipsec=true, yet a chassis's tunnel interface has no IPsec option (remote_name). */
export function findOvnIpsecNotApplied(
  pairs: readonly { pair: TunnelPair; ends: EvaluatedEnd[] }[],
  ovnIpsec: boolean | undefined,
): ImportFinding[] {
  if (ovnIpsec !== true) return [];
  return pairs.flatMap(({ pair, ends }) =>
    pair.ovn
      ? ends
          .filter((e) => !e.ipsec.configured)
          .map((e) => ({
            id: 'ovn-ipsec-not-applied',
            severity: 'high' as const,
            subjects: [pair.id, e.end.host.id].sort(),
            message: `${pair.id}: NB_Global has ipsec=true but interface ${e.end.name} on ${e.end.host.id} (${e.end.file}:${e.end.line}) has no remote_name option — ovn-controller has not applied IPsec to this tunnel`,
          }))
      : [],
  );
}
