import { describe, expect, it } from 'vitest';
import { hopInnerMtu, hopOverheadBytes } from '../../../../src/engine/throughput/hop-mtu.ts';
import { encap, esp, macsec, wireguard } from './wraps.ts';

describe('hopInnerMtu', () => {
  // Worked values: reference/domain-facts.md A.2, underlay IP MTU 1500.
  it.each([
    ['[T2] plain VXLAN leaves 1500 − 50 = 1450', [encap('vxlan')], 1450],
    ['[T2] OVN Geneve (one 8-byte option) leaves 1500 − 58 = 1442', [encap('geneve')], 1442],
    ['[T2] Geneve without options leaves 1450', [encap('geneve', { optionBytes: 0 })], 1450],
    ['[T2] GRE with key leaves 1500 − 42 = 1458', [encap('gre')], 1458],
    [
      '[T2] OVN Geneve inside ESP transport AES-GCM over IPv4 leaves 1466 − 58 = 1408',
      [esp('aes-gcm-256'), encap('geneve')],
      1408,
    ],
    ['[T2] VXLAN inside ESP transport AES-GCM leaves 1466 − 50 = 1416', [esp(), encap('vxlan')], 1416],
    ['[T2] GRE inside ESP transport AES-GCM leaves 1466 − 42 = 1424', [esp(), encap('gre')], 1424],
    [
      '[T2] OVN Geneve with NAT-T leaves 1458 − 58 = 1400',
      [esp('aes-gcm-256', { natT: true }), encap('geneve')],
      1400,
    ],
    [
      '[T2] OVN Geneve with AES-CBC leaves 1458 − 58 = 1400',
      [esp('aes-cbc-hmac-sha256'), encap('geneve')],
      1400,
    ],
    [
      '[T2] OVN Geneve over IPv6 transport leaves 1466 − 78 = 1388',
      [esp('aes-gcm-256', { ipv6: true }), encap('geneve', { ipv6: true })],
      1388,
    ],
    [
      '[T2] OVN Geneve inside ESP tunnel mode leaves 1446 − 58 = 1388',
      [esp('aes-gcm-256', { mode: 'tunnel' }), encap('geneve')],
      1388,
    ],
    [
      '[T2] VXLAN inside ESP tunnel mode IPv6 leaves 1426 − 70 = 1356',
      [esp('aes-gcm-256', { mode: 'tunnel', ipv6: true }), encap('vxlan', { ipv6: true })],
      1356,
    ],
    ['[T1] WireGuard leaves 1500 − 60 = 1440 (its padding never lowers it)', [wireguard()], 1440],
    ['[T1] WireGuard over IPv6 leaves 1500 − 80 = 1420', [wireguard(true)], 1420],
    ['[T2] VXLAN inside WireGuard leaves 1440 − 50 = 1390', [wireguard(), encap('vxlan')], 1390],
    ['[T2] MACsec takes 32 bytes of the link MTU: 1468', [macsec()], 1468],
    [
      '[T2] MACsec then ESP then Geneve: xfrm(1468) = 1434, − 58 = 1376',
      [macsec(), esp(), encap('geneve')],
      1376,
    ],
    ['[T2] no wraps: the link MTU itself', [], 1500],
  ])('%s', (_title, wraps, expected) => {
    expect(hopInnerMtu(wraps, 1500)).toBe(expected);
  });

  it('[T2] jumbo frames: OVN Geneve + ESP AES-GCM at 9000 leaves ((9000−52)&~3)+18−58 = 8908', () => {
    expect(hopInnerMtu([esp(), encap('geneve')], 9000)).toBe(8908);
  });

  it('[T2] an MTU below the encapsulation overhead leaves 0, never a negative MTU', () => {
    expect(hopInnerMtu([esp(), encap('geneve')], 60)).toBe(0);
    expect(hopInnerMtu([wireguard()], 40)).toBe(0);
  });
});

describe('hopOverheadBytes', () => {
  it('[T2] OVN Geneve + ESP transport AES-GCM around a 1408-byte packet is 58 + 34 = 92 (SPEC §4 example)', () => {
    expect(hopOverheadBytes([esp(), encap('geneve')], 1408, 1500)).toBe(92);
  });

  it('[T1] ESP padding depends on the packet: 1407 bytes → Geneve 1465, encrypted 1445 + 2 → pad 1 → 58 + 35', () => {
    expect(hopOverheadBytes([esp(), encap('geneve')], 1407, 1500)).toBe(93);
  });

  it('[T1] WireGuard adds 60 and pads to 16: a 1000-byte packet pads 8 → 68', () => {
    expect(hopOverheadBytes([wireguard()], 1000, 1500)).toBe(68);
  });

  it('[T1] WireGuard padding is capped at the interface MTU (link − 60): 1436 pads to 1440, not 1448', () => {
    // ALIGN(1436, 16) = 1440 ≤ 1440 → 4 bytes; 1440 itself → 0
    expect(hopOverheadBytes([wireguard()], 1436, 1500)).toBe(64);
    expect(hopOverheadBytes([wireguard()], 1440, 1500)).toBe(60);
    // Interface MTU 1430 (link 1490): ALIGN(1430, 16) = 1440 > 1430 → capped, no padding
    expect(hopOverheadBytes([wireguard()], 1430, 1490)).toBe(60);
  });

  it('[T2] MACsec counts in the overhead: 32 bytes', () => {
    expect(hopOverheadBytes([macsec()], 1468, 1500)).toBe(32);
  });

  it('[T2] VXLAN inside WireGuard around a 1390-byte packet: 50 + 60 (1440 needs no padding) = 110', () => {
    expect(hopOverheadBytes([wireguard(), encap('vxlan')], 1390, 1500)).toBe(110);
  });

  it('[T1] ESP tunnel mode around Geneve: 58 + 54 = 112 at 1388', () => {
    // Geneve packet 1446: encrypted whole 1446 + 2 = 1448 → pad 0 → 8 + 8 + 20 + 2 + 16 = 54
    expect(hopOverheadBytes([esp('aes-gcm-256', { mode: 'tunnel' }), encap('geneve')], 1388, 1500)).toBe(112);
  });

  it('[T1] no wraps: no overhead', () => {
    expect(hopOverheadBytes([], 1500, 1500)).toBe(0);
  });
});
