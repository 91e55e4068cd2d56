/**
 * Header sizes used to draw layer stacks (SPEC T1). Sources: reference/domain-facts.md Part A.1.
 * The exact MTU and padding arithmetic lives in engine/throughput; these are the fixed parts.
 */
import type { IpsecCipher } from '../../model/types.ts';

/** Ethernet header, IEEE 802.3 (domain-facts A.1; Linux VXLAN_HEADROOM counts 14). */
export const ETH_BYTES = 14;
/** IPv4 / IPv6 header without options (neutron-lib IP_HEADER_LENGTH = {4: 20, 6: 40}). */
export const IPV4_BYTES = 20;
export const IPV6_BYTES = 40;
/** UDP header (RFC 768; Linux sizeof(struct udphdr)). */
export const UDP_BYTES = 8;
/** TCP header without options (RFC 9293 minimum data offset 5 words). */
export const TCP_BYTES = 20;
/** VXLAN header (RFC 7348; Linux VXLAN_HLEN − UDP) and Geneve base header (RFC 8926 §3.4). */
export const VXLAN_BYTES = 8;
export const GENEVE_BASE_BYTES = 8;
/** GRE with Key (RFC 2784 + RFC 2890): 4 + 4 (Antrea "8-byte GRE header"). */
export const GRE_KEY_BYTES = 8;
/** ESP header: SPI + sequence number (RFC 4303; OVS ESP_HEADER_LEN 8). */
export const ESP_HEADER_BYTES = 8;
/** ESP trailer fixed part: Pad Length + Next Header (RFC 4303 §2). */
export const ESP_TRAILER_FIXED_BYTES = 2;
/** NAT-T UDP encapsulation of ESP (RFC 3948, port 4500). */
export const NAT_T_BYTES = 8;
/** WireGuard data message header (type+reserved 4, receiver 4, counter 8) and Poly1305 tag (Linux messages.h). */
export const WIREGUARD_HEADER_BYTES = 16;
export const WIREGUARD_TAG_BYTES = 16;
/** MACsec SecTAG with SCI incl. EtherType (16) and ICV (16): 32 per frame (Linux macsec.c). */
export const MACSEC_SECTAG_BYTES = 16;
export const MACSEC_ICV_BYTES = 16;
/** TLS 1.3 record header (5) and inner content type + AEAD tag (1 + 16) (RFC 8446 §5). */
export const TLS_RECORD_HEADER_BYTES = 5;
export const TLS_RECORD_TRAILER_BYTES = 17;
/** Well-known UDP ports: VXLAN 4789 (RFC 7348), Geneve 6081 (RFC 8926), WireGuard 51820 (default ListenPort). */
export const VXLAN_PORT = 4789;
export const GENEVE_PORT = 6081;
export const WIREGUARD_PORT = 51820;

/** ESP IV and ICV sizes per cipher (RFC 4106, RFC 7634, RFC 3602 + RFC 4868; ESP-NULL per SPEC T1). */
export function espIvIcvBytes(cipher: IpsecCipher): { iv: number; icv: number } {
  // Shared, frozen answers: every hop of every flow asks.
  switch (cipher) {
    case 'aes-cbc-hmac-sha256':
      return CBC_IV_ICV;
    case 'null':
      return NULL_IV_ICV;
    default:
      return AEAD_IV_ICV;
  }
}

/**
 * Padding alignment: Linux `blksize = ALIGN(crypto_aead_blocksize(aead), 4)` (net/ipv4/esp4.c):
 * AEADs and ESP-NULL have block size 1, so 4; AES-CBC has 16 (domain-facts A.1).
 */
export function espAlignBytes(cipher: IpsecCipher): number {
  return cipher === 'aes-cbc-hmac-sha256' ? 16 : 4;
}

/**
 * Whether ESP with either cipher has the same size on every packet (IV, ICV, padding) and hides
 * the same (ESP-NULL hides nothing): aes-gcm-128, aes-gcm-256 and chacha20-poly1305 are alike.
 */
export function sameEspShape(a: IpsecCipher, b: IpsecCipher): boolean {
  const x = espIvIcvBytes(a);
  const y = espIvIcvBytes(b);
  return x.iv === y.iv && x.icv === y.icv && espAlignBytes(a) === espAlignBytes(b) && (a === 'null') === (b === 'null');
}

const CBC_IV_ICV = Object.freeze({ iv: 16, icv: 16 });
const NULL_IV_ICV = Object.freeze({ iv: 0, icv: 16 });
const AEAD_IV_ICV = Object.freeze({ iv: 8, icv: 16 });
