/**
 * The per-packet cost terms of one layer at one host (SPEC T4): fixed software cost plus cipher
 * cycles per byte for the host's CPU, removed by the matching NIC offload. The `…Cycles` functions
 * give the numbers alone (bulk estimates add them up); the `…Term` functions wrap the same numbers
 * with a label for the explanation of one flow.
 */
import type { CalibratedPrimitive, Host } from '../../model/types.ts';
import type { Protection } from '../types.ts';
import { primitiveCyclesPerByte } from './cipher-costs.ts';
import {
  ESP_CYCLES_PER_BYTE,
  ESP_CYCLES_PER_PACKET,
  HMAC_EXTRA_BYTES,
  MACSEC_CYCLES_PER_BYTE,
  MACSEC_CYCLES_PER_PACKET,
  WIREGUARD_CYCLES_PER_BYTE,
  WIREGUARD_CYCLES_PER_PACKET,
} from './packet-costs.ts';
import type { CostTerm } from './types.ts';

/** Encrypting (the packet leaves the host) or decrypting (it arrives). */
export type Direction = 'encrypt' | 'decrypt';

/** The cipher and MAC primitives of a protection's cipher name. */
function primitivesOf(cipher: string): { cipher?: CalibratedPrimitive; mac?: 'sha256' } {
  switch (cipher) {
    case 'aes-gcm-128':
    case 'gcm-aes-128':
      return { cipher: 'aes-128-gcm' };
    case 'chacha20-poly1305':
      return { cipher: 'chacha20-poly1305' };
    // RFC 8221 §5: AES-CBC with 128-bit keys is the MUST; the scenario names no key size.
    case 'aes-cbc-hmac-sha256':
      return { cipher: 'aes-128-cbc', mac: 'sha256' };
    case 'null':
      return { mac: 'sha256' };
    // TLS 1.3's mandatory suite TLS_AES_128_GCM_SHA256 (RFC 8446 §9.1).
    case 'tls1.3':
      return { cipher: 'aes-128-gcm' };
    default:
      return { cipher: 'aes-256-gcm' };
  }
}

/** Cipher (and HMAC) cycles to process `bytes` with a protection's cipher on this host. */
export function cipherCycles(
  cipher: string,
  host: Host,
  bytes: number,
  direction: Direction,
): { cycles: number; cyclesPerByte: number } {
  const cycles = cipherCyclesOf(cipher, host, bytes, direction);
  return { cycles, cyclesPerByte: bytes > 0 ? cycles / bytes : 0 };
}

/** The cycles of `cipherCycles` alone. */
export function cipherCyclesOf(cipher: string, host: Host, bytes: number, direction: Direction): number {
  const { cipher: c, mac } = primitivesOf(cipher);
  let cycles = 0;
  if (c) cycles += primitiveCyclesPerByte(c, host.cpu, direction) * bytes;
  if (mac) cycles += primitiveCyclesPerByte(mac, host.cpu, direction) * (bytes + HMAC_EXTRA_BYTES);
  return cycles;
}

/** ESP per packet at one end of an SA (the number of `espTerm`). */
export function espCycles(protection: Protection, host: Host, bytes: number, direction: Direction): number {
  const offloads = host.nic.offload;
  if (offloads.includes('ipsec-packet')) return 0;
  if (offloads.includes('ipsec-crypto')) return ESP_CYCLES_PER_PACKET;
  const cycles = cipherCyclesOf(protection.cipher, host, bytes, direction);
  const perByte = ESP_CYCLES_PER_BYTE + (bytes > 0 ? cycles / bytes : 0);
  return ESP_CYCLES_PER_PACKET + perByte * bytes;
}

/** WireGuard's serial part on the flow's core (the first number of `wireguardTerms`). */
export function wireguardSerialCycles(bytes: number): number {
  return WIREGUARD_CYCLES_PER_PACKET + WIREGUARD_CYCLES_PER_BYTE * bytes;
}

/** MACsec per frame at a host end of a link (the number of `macsecTerm`). */
export function macsecCycles(protection: Protection, host: Host, bytes: number, direction: Direction): number {
  if (host.nic.offload.includes('macsec')) return 0;
  const cycles = cipherCyclesOf(protection.cipher, host, bytes, direction);
  const perByte = MACSEC_CYCLES_PER_BYTE + (bytes > 0 ? cycles / bytes : 0);
  return MACSEC_CYCLES_PER_PACKET + perByte * bytes;
}

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toString() : n.toFixed(2));

/** ESP (xfrm) at one end of an SA: `ipsec-packet` removes it all, `ipsec-crypto` leaves the per-packet part. */
export function espTerm(protection: Protection, host: Host, bytes: number, direction: Direction): CostTerm {
  const base = { kind: 'ipsec' as const, subject: protection.id, crypto: true, parallel: false, direction };
  const offloads = host.nic.offload;
  if (offloads.includes('ipsec-packet')) {
    return {
      ...base,
      label: `ESP ${protection.cipher}: in the NIC (ipsec-packet)`,
      cyclesPerPacket: 0,
      offloadedBy: 'ipsec-packet',
    };
  }
  if (offloads.includes('ipsec-crypto')) {
    return {
      ...base,
      label: `ESP ${protection.cipher}: ${ESP_CYCLES_PER_PACKET} per packet, cipher in the NIC (ipsec-crypto)`,
      cyclesPerPacket: ESP_CYCLES_PER_PACKET,
      offloadedBy: 'ipsec-crypto',
    };
  }
  const cipher = cipherCycles(protection.cipher, host, bytes, direction);
  const perByte = ESP_CYCLES_PER_BYTE + cipher.cyclesPerByte;
  return {
    ...base,
    label: `ESP ${protection.cipher}: ${ESP_CYCLES_PER_PACKET} + ${fmt(perByte)} c/B × ${bytes} B`,
    cyclesPerPacket: espCycles(protection, host, bytes, direction),
  };
}

/** WireGuard at one peer: a serial part on the flow's core and the cipher spread over the cores (SPEC T5). */
export function wireguardTerms(
  protection: Protection,
  host: Host,
  bytes: number,
  direction: Direction,
): CostTerm[] {
  const cipher = cipherCycles(protection.cipher, host, bytes, direction);
  const serial = wireguardSerialCycles(bytes);
  return [
    {
      kind: 'wireguard',
      subject: protection.id,
      crypto: true,
      parallel: false,
      cyclesPerPacket: serial,
      label: `WireGuard: ${WIREGUARD_CYCLES_PER_PACKET} + ${fmt(WIREGUARD_CYCLES_PER_BYTE)} c/B × ${bytes} B on the flow's core`,
    },
    {
      kind: 'wireguard',
      subject: protection.id,
      crypto: true,
      parallel: true,
      cyclesPerPacket: cipher.cycles,
      label: `WireGuard ${protection.cipher}: ${fmt(cipher.cyclesPerByte)} c/B × ${bytes} B over all cores`,
    },
  ];
}

/** MACsec at a host end of a link; the `macsec` offload removes it. */
export function macsecTerm(
  protection: Protection,
  host: Host,
  bytes: number,
  direction: Direction,
): CostTerm {
  const base = { kind: 'macsec' as const, subject: protection.id, crypto: true, parallel: false };
  if (host.nic.offload.includes('macsec')) {
    return {
      ...base,
      label: `MACsec ${protection.cipher}: in the NIC (macsec)`,
      cyclesPerPacket: 0,
      offloadedBy: 'macsec',
    };
  }
  const cipher = cipherCycles(protection.cipher, host, bytes, direction);
  const perByte = MACSEC_CYCLES_PER_BYTE + cipher.cyclesPerByte;
  return {
    ...base,
    label: `MACsec ${protection.cipher}: ${MACSEC_CYCLES_PER_PACKET} + ${fmt(perByte)} c/B × ${bytes} B`,
    cyclesPerPacket: macsecCycles(protection, host, bytes, direction),
  };
}

/** The flow's own TLS at one of its ends: record encryption of the payload (record headers are negligible). */
export function tlsTerm(
  protection: Protection,
  host: Host,
  payloadBytes: number,
  direction: Direction,
): CostTerm {
  const cipher = cipherCycles(protection.cipher, host, payloadBytes, direction);
  return {
    kind: 'tls',
    subject: protection.id,
    crypto: true,
    parallel: false,
    cyclesPerPacket: cipher.cycles,
    label: `TLS (AES-128-GCM): ${fmt(cipher.cyclesPerByte)} c/B × ${payloadBytes} B`,
  };
}
