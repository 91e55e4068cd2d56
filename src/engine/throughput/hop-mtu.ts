/**
 * MTU and overhead of one hop (SPEC T1, T2): fold the wraps around the flow's packet, outermost
 * first for the MTU left inside, innermost first for the bytes added to a packet of a given size.
 */
import type { Wrap } from '../types.ts';
import {
  ETH_BYTES,
  GENEVE_BASE_BYTES,
  GRE_KEY_BYTES,
  IPV4_BYTES,
  IPV6_BYTES,
  MACSEC_ICV_BYTES,
  MACSEC_SECTAG_BYTES,
  UDP_BYTES,
  VXLAN_BYTES,
  WIREGUARD_HEADER_BYTES,
  WIREGUARD_TAG_BYTES,
} from '../exposure/header-sizes.ts';
import { espOverheadBytes, xfrmStateMtu, type EspParams } from './xfrm-mtu.ts';

/** WireGuard pads its plaintext to a multiple of 16 (Linux messages.h MESSAGE_PADDING_MULTIPLE). */
const WIREGUARD_PADDING_MULTIPLE = 16;

/** MACsec per frame: SecTAG with SCI 16 + ICV 16 = 32 (Linux macsec.c; SPEC T2). */
export const MACSEC_BYTES = MACSEC_SECTAG_BYTES + MACSEC_ICV_BYTES;

/** WireGuard's outer IP + UDP + data header + tag: 60 on IPv4, 80 on IPv6 (domain-facts A.1; SPEC T1). */
export function wireguardOverheadBytes(ipv6: boolean): number {
  return (ipv6 ? IPV6_BYTES : IPV4_BYTES) + UDP_BYTES + WIREGUARD_HEADER_BYTES + WIREGUARD_TAG_BYTES;
}

/**
 * Tunnel encapsulation bytes: outer IP + UDP + VXLAN/Geneve (+ options) + inner Ethernet, or outer
 * IP + GRE with key + inner Ethernet: VXLAN 50, Geneve 50 + options (OVN 58), GRE 42; +20 on an
 * IPv6 underlay (domain-facts A.2: Linux VXLAN_HEADROOM, neutron-lib GRE_ENCAP_OVERHEAD, Antrea).
 */
export function encapOverheadBytes(wrap: Extract<Wrap, { kind: 'encap' }>): number {
  const ip = wrap.ipv6 ? IPV6_BYTES : IPV4_BYTES;
  if (wrap.type === 'gre') return ip + GRE_KEY_BYTES + ETH_BYTES;
  const header = wrap.type === 'vxlan' ? VXLAN_BYTES : GENEVE_BASE_BYTES + wrap.optionBytes;
  return ip + UDP_BYTES + header + ETH_BYTES;
}

/** ESP parameters of an IPsec wrap (SPEC T1: `null` is ESP-NULL; NAT-T adds UDP 4500). */
export function espParamsOf(wrap: Extract<Wrap, { kind: 'ipsec-tunnel' | 'ipsec-transport' }>): EspParams {
  const cipher = wrap.protection.cipher as EspParams['cipher'];
  return {
    cipher,
    mode: wrap.kind === 'ipsec-tunnel' ? 'tunnel' : 'transport',
    ipv6: wrap.ipv6,
    natT: wrap.protection.natT ?? false,
  };
}

/** The MTU a wrap leaves for the packet inside it, given the MTU available around it. */
function innerMtuOf(wrap: Wrap, outerMtu: number): number {
  switch (wrap.kind) {
    case 'macsec':
      return outerMtu - MACSEC_BYTES;
    case 'wireguard':
      // The WireGuard interface MTU is what is left around it minus 60/80; padding never lowers it (SPEC T1).
      return outerMtu - wireguardOverheadBytes(wrap.ipv6);
    case 'ipsec-tunnel':
    case 'ipsec-transport':
      return xfrmStateMtu(outerMtu, espParamsOf(wrap));
    case 'encap':
      return outerMtu - encapOverheadBytes(wrap);
  }
}

/** One wrap with the packet sizes inside and outside it on this hop. */
export interface WrapLevel {
  wrap: Wrap;
  /** The MTU available inside this wrap (the interface MTU for WireGuard). */
  innerMtuBytes: number;
  /** Size of the packet this wrap carries, and of the packet it makes. */
  innerBytes: number;
  outerBytes: number;
}

/** Bytes a wrap adds around a packet of `bytes` (WireGuard padding capped at its interface MTU). */
function addedBytes(wrap: Wrap, bytes: number, innerMtu: number): number {
  switch (wrap.kind) {
    case 'macsec':
      return MACSEC_BYTES;
    case 'wireguard': {
      const padded = Math.min(
        Math.ceil(bytes / WIREGUARD_PADDING_MULTIPLE) * WIREGUARD_PADDING_MULTIPLE,
        innerMtu,
      );
      return wireguardOverheadBytes(wrap.ipv6) + Math.max(0, padded - bytes);
    }
    case 'ipsec-tunnel':
    case 'ipsec-transport':
      return espOverheadBytes(bytes, espParamsOf(wrap));
    case 'encap':
      return encapOverheadBytes(wrap);
  }
}

/** Every wrap of a hop with its inner MTU and the sizes around a packet of `packetBytes`, outermost first. */
export function wrapLevels(wraps: readonly Wrap[], packetBytes: number, linkMtuBytes: number): WrapLevel[] {
  const mtus: number[] = [];
  let mtu = linkMtuBytes;
  for (const wrap of wraps) {
    mtu = Math.max(0, innerMtuOf(wrap, mtu));
    mtus.push(mtu);
  }
  const levels: WrapLevel[] = [];
  let bytes = packetBytes;
  for (let i = wraps.length - 1; i >= 0; i--) {
    const wrap = wraps[i]!;
    const outer = bytes + addedBytes(wrap, bytes, mtus[i]!);
    levels.unshift({ wrap, innerMtuBytes: mtus[i]!, innerBytes: bytes, outerBytes: outer });
    bytes = outer;
  }
  return levels;
}

/** Largest packet of the flow that crosses this hop unfragmented (SPEC T2); never negative. */
export function hopInnerMtu(wraps: readonly Wrap[], linkMtuBytes: number): number {
  let mtu = Math.max(0, linkMtuBytes);
  for (const wrap of wraps) mtu = Math.max(0, innerMtuOf(wrap, mtu));
  return mtu;
}

/** Scratch for the MTU inside each wrap (hops have a handful of wraps); reused so bulk callers allocate nothing. */
let scratch = new Float64Array(8);

/** Writes the MTU left inside each wrap (outermost first) into `scratch`. */
function foldInnerMtus(wraps: readonly Wrap[], linkMtuBytes: number): void {
  if (wraps.length > scratch.length) scratch = new Float64Array(wraps.length * 2);
  let mtu = linkMtuBytes;
  for (let i = 0; i < wraps.length; i++) {
    mtu = Math.max(0, innerMtuOf(wraps[i]!, mtu));
    scratch[i] = mtu;
  }
}

/** Exact bytes wrapped around a packet of `packetBytes` on this hop: outer Ethernet excluded, MACsec included (SPEC T1, T2). */
export function hopOverheadBytes(wraps: readonly Wrap[], packetBytes: number, linkMtuBytes: number): number {
  // Same folds as wrapLevels, without building the levels: called for every hop of every flow.
  foldInnerMtus(wraps, linkMtuBytes);
  let bytes = packetBytes;
  for (let i = wraps.length - 1; i >= 0; i--) bytes += addedBytes(wraps[i]!, bytes, scratch[i]!);
  return bytes - packetBytes;
}

/**
 * The packet size inside each wrap (`innerBytes` of wrapLevels) written into `out`, without
 * building the levels: bulk estimates ask it for two hops of every host of every flow.
 */
export function wrapInnerBytes(wraps: readonly Wrap[], packetBytes: number, linkMtuBytes: number, out: number[]): void {
  foldInnerMtus(wraps, linkMtuBytes);
  let bytes = packetBytes;
  for (let i = wraps.length - 1; i >= 0; i--) {
    out[i] = bytes;
    bytes += addedBytes(wraps[i]!, bytes, scratch[i]!);
  }
}
