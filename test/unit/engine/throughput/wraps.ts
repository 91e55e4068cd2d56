/**
 * Hand-made wraps for throughput tests: the MTU arithmetic is tested on wraps built here, so it
 * does not depend on the trace builder.
 */
import type { IpsecCipher, IpsecMode } from '../../../../src/model/types.ts';
import type { Protection, Wrap } from '../../../../src/engine/types.ts';

function protection(kind: Protection['kind'], cipher: string, extra: Partial<Protection> = {}): Protection {
  return {
    kind,
    id: `${kind}:test`,
    source: 'test',
    endpoints: ['a', 'b'],
    cipher,
    confidential: cipher !== 'null',
    ...extra,
  };
}

/** An ESP wrap (transport by default, IPv4, no NAT-T). */
export function esp(
  cipher: IpsecCipher = 'aes-gcm-256',
  opts: { mode?: IpsecMode; ipv6?: boolean; natT?: boolean } = {},
): Wrap {
  const mode = opts.mode ?? 'transport';
  const p = protection('ipsec', cipher, { mode, natT: opts.natT ?? false });
  return mode === 'tunnel'
    ? { kind: 'ipsec-tunnel', protection: p, ipv6: opts.ipv6 ?? false }
    : { kind: 'ipsec-transport', protection: p, ipv6: opts.ipv6 ?? false };
}

/** A tunnel encapsulation wrap; Geneve defaults to OVN's one 8-byte option. */
export function encap(
  type: 'vxlan' | 'geneve' | 'gre',
  opts: { ipv6?: boolean; optionBytes?: number } = {},
): Wrap {
  return {
    kind: 'encap',
    type,
    ipv6: opts.ipv6 ?? false,
    optionBytes: opts.optionBytes ?? (type === 'geneve' ? 8 : 0),
    source: 'ov1',
  };
}

/** A WireGuard wrap. */
export function wireguard(ipv6 = false): Wrap {
  return { kind: 'wireguard', protection: protection('wireguard', 'chacha20-poly1305'), ipv6 };
}

/** A MACsec wrap. */
export function macsec(encrypt = true): Wrap {
  return { kind: 'macsec', protection: protection('macsec', 'gcm-aes-128', { confidential: encrypt }) };
}
