/**
 * The rows of the protection comparison (SPEC T8) by id, and how two workers share them out. Kept
 * apart from the comparison itself, which traces and estimates: the page joins the halves and
 * must not load the engine for that.
 */
import type { IpsecCipher } from '../../model/types.ts';
import type { Alternative, Comparison } from './compare-protections.ts';

/** The IPsec ciphers the table compares, in its order. */
export const IPSEC_CIPHERS: readonly IpsecCipher[] = ['aes-gcm-128', 'aes-gcm-256', 'chacha20-poly1305', 'aes-cbc-hmac-sha256', 'null'];

/** Every row's id, in the table's order. */
export const ALTERNATIVE_IDS: readonly string[] = ['current', 'none', ...IPSEC_CIPHERS.map((c) => `ipsec-${c}`), 'wireguard', 'macsec', 'tls'];

/**
 * The table in two halves of about the same work, for two workers (one per core): the scenario
 * as it is with the five IPsec ciphers (traced once between them), and the four others, each
 * traced on its own. At 1,000 hosts each half is four to five seconds.
 */
export const COMPARISON_HALVES: readonly (readonly string[])[] = [
  ['current', ...IPSEC_CIPHERS.map((c) => `ipsec-${c}`)],
  ['none', 'wireguard', 'macsec', 'tls'],
];

/**
 * Up to this many flows the halves are worked out side by side. Each half holds its own parsed
 * scenario and traces: at 250,000 flows (a 5,000-host region) two halves next to an app's analysis
 * took Chromium's page down, and in the CLI two of them are 4 GB more; there the table is worked
 * out one half after the other.
 */
export const SIDE_BY_SIDE_FLOWS = 100_000;

/** Whether a scenario of this many flows has its comparison worked out in two halves side by side. */
export function comparesSideBySide(flows: number): boolean {
  return flows <= SIDE_BY_SIDE_FLOWS;
}

/** Parts of one table (`compareProtections` with `only`) joined into it, rows in table order. */
export function mergeComparisons(parts: readonly Comparison[]): Comparison {
  const order = (a: Alternative): number => ALTERNATIVE_IDS.indexOf(a.id);
  return { alternatives: parts.flatMap((p) => p.alternatives).sort((a, b) => order(a) - order(b)) };
}
