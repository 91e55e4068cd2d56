/**
 * Every measurement of reference/throughput-cases.md as a Plainsight model, with its published
 * figure. `fitted` marks the figures a constant was derived from (they match by construction);
 * the others check the model. Setups state the case's clock, cores, NIC, MTU, cipher and offload.
 */
import {
  AESNI_AES128_CBC,
  AESNI_AES128_GCM,
  AESNI_CHACHA20,
  AVX2_SHA256,
  OPENSSL_EVP_CALL_CYCLES,
  tableCost,
} from '../cipher-costs.ts';
import { ENCAP_CYCLES_PER_PACKET, STACK_CYCLES_PER_BYTE } from '../packet-costs.ts';
import type { CalibratedPrimitive } from '../../../model/types.ts';
import { benchGbps } from './bench-estimate.ts';
import type { BenchSetup } from './calibration-scenario.ts';

/** What a case measures, which decides its target (issue: ±10 % line rate, ±35 % software crypto). */
export type CalibrationKind =
  'line-rate' | 'software-crypto' | 'cpu-baseline' | 'crypto-primitive' | 'relative';

/** One published figure and how Plainsight estimates it. */
export interface CalibrationCase {
  id: string;
  kind: CalibrationKind;
  unit: 'Gbit/s' | 'c/B' | 'ratio';
  published: number;
  fitted: boolean;
  note: string;
  estimate: () => number;
}

const ryzen = { ghz: 3.5, cores: 16 };
const zen5 = { ghz: 2.6 };

/** openssl speed's Gbit/s at `bytes` from the cipher term alone plus OpenSSL's per-call cost. */
function opensslGbps(primitive: CalibratedPrimitive, bytes: number): number {
  const cyclesPerByte = tableCost(primitive, { arch: 'x86_64', aes: 'vaes' }).encrypt;
  return (bytes * 8 * zen5.ghz) / (OPENSSL_EVP_CALL_CYCLES + cyclesPerByte * bytes);
}

function bench(setup: BenchSetup): () => number {
  return () => benchGbps(setup);
}

const wgPerf = { a: { ghz: 2.7, cores: 4 }, b: { ghz: 2.2, cores: 2 }, gbps: 1, mtu: 1500 };

/** The calibration set, in reference order. */
export const calibrationCases: readonly CalibrationCase[] = [
  {
    id: 'wg-perf-wireguard',
    kind: 'line-rate',
    unit: 'Gbit/s',
    published: 1.011,
    fitted: false,
    note: 'i7-3820QM 2.7 GHz 4 cores ↔ i7-5200U 2.2 GHz 2 cores (cores from Intel ARK), 1 GbE; the published figure exceeds the most TCP goodput 1 GbE can carry (1460 / 1538 = 0.949)',
    estimate: bench({ ...wgPerf, protection: { kind: 'wireguard' } }),
  },
  {
    id: 'wg-perf-ipsec-aesgcm',
    kind: 'line-rate',
    unit: 'Gbit/s',
    published: 0.881,
    fitted: false,
    note: 'same hosts; ESP mode not stated, modelled as transport, AES-256-GCM',
    estimate: bench({ ...wgPerf, protection: { kind: 'ipsec', mode: 'transport', cipher: 'aes-gcm-256' } }),
  },
  {
    id: 'cilium-ipsec-mtu1500',
    kind: 'software-crypto',
    unit: 'Gbit/s',
    published: 3.4,
    fitted: true,
    note: 'Ryzen 9 3950X 3.5 GHz, 100 G, ESP tunnel mode AES-128-GCM: ESP per-packet and per-byte costs fitted here',
    estimate: bench({
      a: ryzen,
      b: ryzen,
      gbps: 100,
      mtu: 1500,
      protection: { kind: 'ipsec', mode: 'tunnel', cipher: 'aes-gcm-128' },
    }),
  },
  {
    id: 'cilium-wg-kubeproxy-mtu1500',
    kind: 'software-crypto',
    unit: 'Gbit/s',
    published: 4.7,
    fitted: true,
    note: 'same rig, WireGuard: its serial per-packet and per-byte costs fitted here',
    estimate: bench({ a: ryzen, b: ryzen, gbps: 100, mtu: 1500, protection: { kind: 'wireguard' } }),
  },
  {
    id: 'cilium-baseline-node-to-node',
    kind: 'cpu-baseline',
    unit: 'Gbit/s',
    published: 41.7,
    fitted: true,
    note: 'same rig, no encryption, MTU 9000 assumed: the stack cost per byte is fitted here',
    estimate: bench({ a: ryzen, b: ryzen, gbps: 100, mtu: 9000, protection: { kind: 'none' } }),
  },
  {
    id: 'netgate-xg1541-wg-kernel',
    kind: 'software-crypto',
    unit: 'Gbit/s',
    published: 1.542,
    fitted: false,
    note: "Xeon D-1541 2.1 GHz 8 cores, 10 G, 1420-byte packets (MSS 1380); FreeBSD if_wg, one core per tunnel by Netgate's account, where Linux spreads the cipher (SPEC T5)",
    estimate: bench({
      a: { ghz: 2.1, cores: 8 },
      b: { ghz: 2.1, cores: 8 },
      gbps: 10,
      mtu: 1500,
      packetBytes: 1420,
      protection: { kind: 'wireguard' },
    }),
  },
  {
    id: 'fastswan-bf3-kernel-no-offload',
    kind: 'software-crypto',
    unit: 'Gbit/s',
    published: 3.97,
    fitted: false,
    note: 'BlueField-3, 16 Arm cores (clock unpublished: the 2.5 GHz default), 50 tunnels as 50 SAs, iMIX as 771-byte UDP (mid-range), AES-256-GCM tunnel mode; the kernel slows as SAs are added (10: 3.10, 500: 1.19), which a per-packet model does not capture',
    estimate: bench({
      a: { ghz: 2.5, cores: 16, arch: 'arm64' },
      b: { ghz: 2.5, cores: 16, arch: 'arm64' },
      gbps: 200,
      mtu: 1500,
      proto: 'udp',
      packetBytes: 771,
      streams: 50,
      protection: { kind: 'ipsec', mode: 'tunnel', cipher: 'aes-gcm-256' },
    }),
  },
  {
    id: 'openssl-aes128gcm-skylake',
    kind: 'crypto-primitive',
    unit: 'c/B',
    published: 0.63,
    fitted: true,
    note: 'cipher term alone; AES-NI class = √(Skylake × Haswell)',
    estimate: () => AESNI_AES128_GCM,
  },
  {
    id: 'openssl-aes128gcm-haswell',
    kind: 'crypto-primitive',
    unit: 'c/B',
    published: 1.0,
    fitted: true,
    note: 'cipher term alone; AES-NI class = √(Skylake × Haswell)',
    estimate: () => AESNI_AES128_GCM,
  },
  {
    id: 'openssl-chacha20-skylake',
    kind: 'crypto-primitive',
    unit: 'c/B',
    published: 1.19,
    fitted: true,
    note: 'ChaCha20 part of the cipher term alone (Poly1305 is added separately)',
    estimate: () => AESNI_CHACHA20,
  },
  {
    id: 'openssl-aes128cbc-skylake (encrypt)',
    kind: 'crypto-primitive',
    unit: 'c/B',
    published: 2.68,
    fitted: true,
    note: 'cipher term alone; AES-NI class = √(Skylake × Haswell 4.44)',
    estimate: () => AESNI_AES128_CBC.encrypt,
  },
  {
    id: 'openssl-aes128cbc-skylake (decrypt)',
    kind: 'crypto-primitive',
    unit: 'c/B',
    published: 0.65,
    fitted: true,
    note: 'cipher term alone; AES-NI class = √(Skylake × Haswell 0.80)',
    estimate: () => AESNI_AES128_CBC.decrypt,
  },
  {
    id: 'openssl-sha256-skylake',
    kind: 'crypto-primitive',
    unit: 'c/B',
    published: 7.7,
    fitted: true,
    note: 'cipher term alone (HMAC of AES-CBC and ESP-NULL)',
    estimate: () => AVX2_SHA256,
  },
  {
    id: 'drucker-gueron-krasnov-vaes',
    kind: 'crypto-primitive',
    unit: 'c/B',
    published: 0.64,
    fitted: false,
    note: 'the measured Skylake figure against the AES-NI class; its 0.16 c/B for VAES is a projection, not a measurement, and is not checked',
    estimate: () => AESNI_AES128_GCM,
  },
  {
    id: 'ibm-vxlan-cost-2014',
    kind: 'relative',
    unit: 'ratio',
    published: 0.21,
    fitted: true,
    note: 'software encapsulation cycles over the stack cycles of a 1500-byte packet',
    estimate: () => ENCAP_CYCLES_PER_PACKET / (STACK_CYCLES_PER_BYTE * 1460),
  },
  {
    id: 'local-openssl-aes128gcm-1420',
    kind: 'crypto-primitive',
    unit: 'Gbit/s',
    published: 18.0,
    fitted: true,
    note: 'cipher term alone + OpenSSL per-call cost, VAES class at 2.6 GHz',
    estimate: () => opensslGbps('aes-128-gcm', 1420),
  },
  {
    id: 'local-openssl-aes256gcm-1420',
    kind: 'crypto-primitive',
    unit: 'Gbit/s',
    published: 16.82,
    fitted: true,
    note: 'cipher term alone + OpenSSL per-call cost',
    estimate: () => opensslGbps('aes-256-gcm', 1420),
  },
  {
    id: 'local-openssl-chacha20poly1305-1420',
    kind: 'crypto-primitive',
    unit: 'Gbit/s',
    published: 19.58,
    fitted: true,
    note: 'cipher term alone + OpenSSL per-call cost',
    estimate: () => opensslGbps('chacha20-poly1305', 1420),
  },
  {
    id: 'local-openssl-aes128cbc-enc-1420',
    kind: 'crypto-primitive',
    unit: 'Gbit/s',
    published: 8.96,
    fitted: true,
    note: 'cipher term alone + OpenSSL per-call cost',
    estimate: () => opensslGbps('aes-128-cbc', 1420),
  },
  {
    id: 'local-openssl-sha256-1420',
    kind: 'crypto-primitive',
    unit: 'Gbit/s',
    published: 13.03,
    fitted: true,
    note: 'cipher term alone + OpenSSL per-call cost',
    estimate: () => opensslGbps('sha256', 1420),
  },
  {
    id: 'local-openssl-aes128gcm-16k',
    kind: 'crypto-primitive',
    unit: 'Gbit/s',
    published: 38.61,
    fitted: true,
    note: 'cipher term alone + OpenSSL per-call cost (slope fitted from 1420 and 16384)',
    estimate: () => opensslGbps('aes-128-gcm', 16384),
  },
  {
    id: 'local-openssl-aes128gcm-64',
    kind: 'crypto-primitive',
    unit: 'Gbit/s',
    published: 1.46,
    fitted: false,
    note: 'cipher term alone + OpenSSL per-call cost: checks the per-call split',
    estimate: () => opensslGbps('aes-128-gcm', 64),
  },
];
