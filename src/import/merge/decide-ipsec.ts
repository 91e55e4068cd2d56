/**
 * Deciding the IPsec of one tunnel from both ends' evidence, and reporting where the ends
 * disagree (issue 6 part 3): IPsec on one end only, different authentication or PSKs, different
 * ciphers. A tunnel whose IKE cannot complete is imported without IPsec — the worst case.
 */
import type { IpsecCipher, TunnelIpsec } from '../../model/types.ts';
import type { ImportFinding } from '../types.ts';
import type { EndIpsec } from './end-ipsec.ts';
import type { TunnelPair } from './pair-tunnels.ts';

/** The decision for one tunnel; `pskFingerprint` names the key store the builder creates. */
export interface PairIpsec {
  ipsec?: Omit<TunnelIpsec, 'keystore'> & { pskFingerprint?: string };
  findings: ImportFinding[];
  /** What had to be assumed, for the summary's `missing` list. */
  assumed: ('cipher' | 'dropPlaintext' | 'one-end')[];
}

/** Weakest first, so a disagreement imports the weaker cipher (SPEC §1.1 cipher list). */
const STRENGTH: IpsecCipher[] = [
  'null',
  'aes-cbc-hmac-sha256',
  'aes-gcm-128',
  'chacha20-poly1305',
  'aes-gcm-256',
];
/** ovs-monitor-ipsec's default ESP proposal is AES-256-GCM (`esp=aes256gcm16`, domain-facts B.1). */
const OVS_DEFAULT_CIPHER: IpsecCipher = 'aes-gcm-256';

function finding(
  pair: TunnelPair,
  id: string,
  severity: ImportFinding['severity'],
  message: string,
): ImportFinding {
  return {
    id,
    severity,
    subjects: [pair.id, ...pair.hosts.map((h) => h.id)].sort(),
    message: `${pair.id}: ${message}`,
  };
}

function disagreement(pair: TunnelPair, ends: EndIpsec[]): ImportFinding | undefined {
  const [a, b] = pair.hosts.map((h) => h.id);
  const on = ends.filter((e) => e.configured).length;
  if (on === 1)
    return finding(
      pair,
      'ipsec-one-sided',
      'high',
      `IPsec is configured on one end only (${ends[0]!.configured ? a : b}); IKE cannot complete, so the tunnel is down or its packets leave the other end in plaintext — imported without IPsec`,
    );
  if (on === 2 && ends[0]!.auth !== ends[1]!.auth)
    return finding(
      pair,
      'ipsec-auth-mismatch',
      'high',
      `the ends authenticate differently (${a}: ${ends[0]!.auth}, ${b}: ${ends[1]!.auth}); IKE cannot complete — imported without IPsec`,
    );
  if (on === 2 && ends[0]!.pskFingerprint !== ends[1]!.pskFingerprint)
    return finding(
      pair,
      'psk-mismatch',
      'high',
      `the two ends hold different pre-shared keys (fingerprints ${ends[0]!.pskFingerprint} and ${ends[1]!.pskFingerprint}); IKE cannot complete — imported without IPsec`,
    );
  return undefined;
}

function chooseCipher(pair: TunnelPair, ends: EndIpsec[], out: PairIpsec): IpsecCipher {
  const seen = [...new Set(ends.flatMap((e) => e.ciphers))].sort(
    (x, y) => STRENGTH.indexOf(x) - STRENGTH.indexOf(y),
  );
  if (seen.length > 1)
    out.findings.push(
      finding(
        pair,
        'cipher-mismatch',
        'medium',
        `the SAs of this tunnel use different ciphers (${seen.join(', ')}); the weaker, ${seen[0]!}, was imported`,
      ),
    );
  if (seen.length === 0) out.assumed.push('cipher');
  return seen[0] ?? OVS_DEFAULT_CIPHER;
}

/** Decides one tunnel's IPsec. `ovnIpsec` is NB_Global's `ipsec` flag, when imported. */
export function decideIpsec(pair: TunnelPair, ends: EndIpsec[], ovnIpsec: boolean | undefined): PairIpsec {
  const out: PairIpsec = { findings: [], assumed: [] };
  const problem = ends.length === 2 ? disagreement(pair, ends) : undefined;
  if (problem) out.findings.push(problem);
  // With no interface seen, an OVN tunnel follows NB_Global ipsec: OVN IPsec uses CA-signed chassis certificates.
  const configured =
    ends.length > 0 ? !problem && ends.every((e) => e.configured) : pair.ovn && ovnIpsec === true;
  if (ends.length === 1) out.assumed.push('one-end');
  if (!configured) return out;
  const auth = ends[0]?.auth ?? 'ca';
  const drops = ends.map((e) => e.dropPlaintext);
  if (ends.length === 0 || drops.includes(undefined)) out.assumed.push('dropPlaintext');
  out.ipsec = {
    cipher: chooseCipher(pair, ends, out),
    auth,
    natT: ends.some((e) => e.natT),
    dropPlaintext: ends.length > 0 && drops.every((d) => d === true),
    ...(ends[0]?.pskFingerprint ? { pskFingerprint: ends[0].pskFingerprint } : {}),
  };
  return out;
}
