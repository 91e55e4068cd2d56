import { describe, expect, it } from 'vitest';
import { espOverheadBytes, espWireBytes, xfrmStateMtu } from '../../../../src/engine/throughput/xfrm-mtu.ts';

const gcm = { cipher: 'aes-gcm-256', mode: 'transport', ipv6: false, natT: false } as const;

describe('xfrmStateMtu', () => {
  // Rows of domain-facts A.2 "Exact inner MTUs from the kernel formula", underlay 1500.
  // ((mtu − header_len − authsize − net_adj) & ~(blksize − 1)) + net_adj − 2
  it.each([
    // AEAD transport IPv4: ((1500 − 16 − 16 − 20) & ~3) + 20 − 2 = 1448 + 18 = 1466
    ['AES-GCM transport IPv4', { ...gcm }, 1466],
    // + NAT-T: header_len 24 → ((1500 − 24 − 16 − 20) & ~3) + 18 = 1440 + 18 = 1458
    ['AES-GCM transport IPv4 NAT-T', { ...gcm, natT: true }, 1458],
    // tunnel: header_len 16 + 20, net_adj 0 → ((1500 − 36 − 16) & ~3) − 2 = 1446
    ['AES-GCM tunnel IPv4', { ...gcm, mode: 'tunnel' }, 1446],
    // tunnel + NAT-T: ((1500 − 44 − 16) & ~3) − 2 = 1438
    ['AES-GCM tunnel IPv4 NAT-T', { ...gcm, mode: 'tunnel', natT: true }, 1438],
    // IPv6 transport: net_adj 40 → ((1500 − 16 − 16 − 40) & ~3) + 38 = 1428 + 38 = 1466
    ['AES-GCM transport IPv6', { ...gcm, ipv6: true }, 1466],
    // IPv6 tunnel: header_len 56 → ((1500 − 56 − 16) & ~3) − 2 = 1426
    ['AES-GCM tunnel IPv6', { ...gcm, mode: 'tunnel', ipv6: true }, 1426],
    ['ChaCha20-Poly1305 transport IPv4', { ...gcm, cipher: 'chacha20-poly1305' }, 1466],
    // CBC: IV 16, block 16 → ((1500 − 24 − 16 − 20) & ~15) + 18 = 1440 + 18 = 1458
    ['AES-CBC transport IPv4', { ...gcm, cipher: 'aes-cbc-hmac-sha256' }, 1458],
    // CBC NAT-T: ((1500 − 32 − 16 − 20) & ~15) + 18 = 1424 + 18 = 1442
    ['AES-CBC transport IPv4 NAT-T', { ...gcm, cipher: 'aes-cbc-hmac-sha256', natT: true }, 1442],
    // CBC tunnel: ((1500 − 44 − 16) & ~15) − 2 = 1440 − 2 = 1438
    ['AES-CBC tunnel IPv4', { ...gcm, cipher: 'aes-cbc-hmac-sha256', mode: 'tunnel' }, 1438],
    // CBC IPv6 transport: ((1500 − 24 − 16 − 40) & ~15) + 38 = 1408 + 38 = 1446
    ['AES-CBC transport IPv6', { ...gcm, cipher: 'aes-cbc-hmac-sha256', ipv6: true }, 1446],
    // CBC IPv6 tunnel: ((1500 − 64 − 16) & ~15) − 2 = 1408 − 2 = 1406
    ['AES-CBC tunnel IPv6', { ...gcm, cipher: 'aes-cbc-hmac-sha256', mode: 'tunnel', ipv6: true }, 1406],
    // ESP-NULL (SPEC T1): no IV, ICV 16, align 4 → ((1500 − 8 − 16 − 20) & ~3) + 18 = 1456 + 18 = 1474
    ['ESP-NULL transport IPv4', { ...gcm, cipher: 'null' }, 1474],
  ] as const)('[T2] %s at 1500 carries %i-byte packets', (_title, params, expected) => {
    expect(xfrmStateMtu(1500, params)).toBe(expected);
  });

  it('[T2] an MTU smaller than the ESP overhead leaves 0, never a negative size', () => {
    expect(xfrmStateMtu(30, gcm)).toBe(0);
    expect(xfrmStateMtu(0, { ...gcm, mode: 'tunnel' })).toBe(0);
  });
});

describe('espOverheadBytes', () => {
  it('[T1] AES-GCM transport adds 34 bytes when the encrypted part plus trailer is 4-aligned', () => {
    // 1466-byte packet: encrypted 1446 + 2 = 1448 ≡ 0 mod 4 → pad 0; 8 + 8 + 0 + 2 + 16 = 34
    expect(espOverheadBytes(1466, gcm)).toBe(34);
    expect(espWireBytes(1466, gcm)).toBe(1500);
  });

  it('[T1] AES-GCM pads to 4 bytes: up to 37 bytes in transport mode', () => {
    // 1467: encrypted 1447 + 2 = 1449 → pad 3 → 8 + 8 + 3 + 2 + 16 = 37
    expect(espOverheadBytes(1467, gcm)).toBe(37);
  });

  it('[T1] AES-CBC pads to 16-byte blocks and carries a 16-byte IV', () => {
    // 1000: encrypted 980 + 2 = 982 → pad to 992 = 10 → 8 + 16 + 10 + 2 + 16 = 52
    expect(espOverheadBytes(1000, { ...gcm, cipher: 'aes-cbc-hmac-sha256' })).toBe(52);
  });

  it('[T1] tunnel mode adds the new outer IP header and encrypts the whole packet', () => {
    // 1446: encrypted 1446 + 2 = 1448 → pad 0 → 8 + 8 + 20 + 0 + 2 + 16 = 54
    expect(espOverheadBytes(1446, { ...gcm, mode: 'tunnel' })).toBe(54);
    // IPv6 outer: 1426 + 2 = 1428 → pad 0 → 8 + 8 + 40 + 2 + 16 = 74
    expect(espOverheadBytes(1426, { ...gcm, mode: 'tunnel', ipv6: true })).toBe(74);
  });

  it('[T1] NAT-T adds 8 bytes of UDP', () => {
    expect(espOverheadBytes(1458, { ...gcm, natT: true })).toBe(42);
  });

  it('[T1] ESP-NULL has no IV: header 8, trailer 2, ICV 16, pad to 4', () => {
    // 1474: 1454 + 2 = 1456 → pad 0 → 8 + 0 + 2 + 16 = 26
    expect(espOverheadBytes(1474, { ...gcm, cipher: 'null' })).toBe(26);
  });

  it('[T2] the packet xfrmStateMtu allows always fits the MTU after ESP is added', () => {
    for (const cipher of ['aes-gcm-128', 'chacha20-poly1305', 'aes-cbc-hmac-sha256', 'null'] as const) {
      for (const mode of ['transport', 'tunnel'] as const) {
        for (let mtu = 1280; mtu <= 1300; mtu++) {
          const p = { cipher, mode, ipv6: false, natT: false };
          const fits = xfrmStateMtu(mtu, p);
          expect(espWireBytes(fits, p)).toBeLessThanOrEqual(mtu);
        }
      }
    }
  });
});
