/**
 * ESP size arithmetic exactly as Linux does it (SPEC T1, T2): the largest packet an SA takes
 * without fragmenting (`xfrm_state_mtu()`) and the bytes ESP adds to a packet, padding included.
 * Sources: reference/domain-facts.md A.1 (ESP rows) and A.2 (formula and worked values).
 */
import type { IpsecCipher, IpsecMode } from '../../model/types.ts';
import {
  ESP_HEADER_BYTES,
  ESP_TRAILER_FIXED_BYTES,
  IPV4_BYTES,
  IPV6_BYTES,
  NAT_T_BYTES,
  espAlignBytes,
  espIvIcvBytes,
} from '../exposure/header-sizes.ts';

/** What decides ESP's size: cipher, mode, address family of the IP header ESP sits in, NAT-T. */
export interface EspParams {
  cipher: IpsecCipher;
  mode: IpsecMode;
  ipv6: boolean;
  natT: boolean;
}

function ipHeaderBytes(ipv6: boolean): number {
  return ipv6 ? IPV6_BYTES : IPV4_BYTES;
}

/** Linux `x->props.header_len`: ESP header + IV, + new outer IP in tunnel mode, + UDP with NAT-T. */
function espHeaderLen(p: EspParams): number {
  const { iv } = espIvIcvBytes(p.cipher);
  return (
    ESP_HEADER_BYTES + iv + (p.mode === 'tunnel' ? ipHeaderBytes(p.ipv6) : 0) + (p.natT ? NAT_T_BYTES : 0)
  );
}

/**
 * Largest IP packet the SA carries within `mtuBytes`, as Linux `xfrm_state_mtu()` computes it:
 * `((mtu − header_len − authsize − net_adj) & ~(blksize − 1)) + net_adj − 2`, where net_adj is the
 * IP header ESP is inserted after (transport mode) and 0 in tunnel mode (esp4_get_mtu/esp6_get_mtu).
 * Never negative: an MTU below the ESP overhead leaves 0.
 */
export function xfrmStateMtu(mtuBytes: number, p: EspParams): number {
  const { icv } = espIvIcvBytes(p.cipher);
  const netAdj = p.mode === 'transport' ? ipHeaderBytes(p.ipv6) : 0;
  const room = mtuBytes - espHeaderLen(p) - icv - netAdj;
  if (room < 0) return 0;
  const aligned = room - (room % espAlignBytes(p.cipher));
  return Math.max(0, aligned + netAdj - ESP_TRAILER_FIXED_BYTES);
}

/**
 * Bytes ESP adds around an IP packet of `innerBytes`: header, IV, padding, pad length + next
 * header, ICV, and in tunnel mode the new outer IP header (+ UDP 4500 with NAT-T). Padding follows
 * Linux `clen = ALIGN(len + 2, blksize)` over the encrypted part: the packet minus its IP header in
 * transport mode, the whole packet in tunnel mode.
 */
export function espOverheadBytes(innerBytes: number, p: EspParams): number {
  const { icv } = espIvIcvBytes(p.cipher);
  const encrypted = Math.max(0, p.mode === 'transport' ? innerBytes - ipHeaderBytes(p.ipv6) : innerBytes);
  const align = espAlignBytes(p.cipher);
  const unpadded = encrypted + ESP_TRAILER_FIXED_BYTES;
  const padding = (align - (unpadded % align)) % align;
  return espHeaderLen(p) + padding + ESP_TRAILER_FIXED_BYTES + icv;
}

/** Size of the IP packet on the wire after ESP protects an IP packet of `innerBytes` (exact, with padding). */
export function espWireBytes(innerBytes: number, p: EspParams): number {
  return innerBytes + espOverheadBytes(innerBytes, p);
}
