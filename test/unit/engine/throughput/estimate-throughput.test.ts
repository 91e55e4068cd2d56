import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../../src/model/types.ts';
import { twoHosts, withOverlayVms } from '../../../support/topologies.ts';
import { analyzeScenario } from '../../../../src/engine/analyze-scenario.ts';
import { rowsArray } from '../../../../src/engine/row-list.ts';
import { estimate, flowEstimate } from './estimate.ts';

// Constants restated with their derivation (src/engine/throughput/packet-costs.ts, cipher-costs.ts):
const STACK = (3.5e9 * 8) / 41.7e9; // 0.671 c/B
const ESP_PACKET = 9120;
const ESP_BYTE = 0.25;
const ENCAP = 0.21 * STACK * 1460; // 206
const AES256_GCM_AESNI = Math.sqrt(0.63 * 1.0) * 1.4; // 1.111 c/B
const CHACHA_AESNI = Math.sqrt(1.19 * 1.23) + Math.sqrt(0.51 * 0.65); // 1.786 c/B
const HZ = 2.5e9; // SPEC §1.1 default CPU: 2.5 GHz, 16 cores, AES-NI

const gbpsAt = (cyclesPerPacket: number, payload: number): number =>
  ((HZ / cyclesPerPacket) * payload * 8) / 1e9;

function overlayIpsec(
  offload: ('ipsec-crypto' | 'ipsec-packet' | 'tunnel-tso')[] = [],
  rateGbps = 1,
): Scenario {
  const builder = twoHosts();
  const model = withOverlayVms(builder, { cipher: 'aes-gcm-256', auth: 'cert' })
    .flow('f1', { from: 'vm1', to: 'vm2', rateGbps })
    .build();
  for (const host of model.hosts) host.nic.offload = offload;
  return model;
}

describe('estimateThroughput: single flow (T3, T6)', () => {
  it('[T3] a plaintext host-level flow on 10 Gbit/s links is wire-bound: 10 × 1460 / (1500 + 38) = 9.49 Gbit/s', () => {
    const e = flowEstimate(twoHosts().flow('f1', { from: 'c1', to: 'c2' }).build());
    expect(e.maxGbps).toBeCloseTo((10 * 1460) / 1538, 6);
    expect(e.bottleneck).toBe('link:l1');
    expect(e.wireEfficiency).toBeCloseTo(1460 / 1538, 6);
    expect(e.overheadBytes).toBe(0);
    // The stack alone would allow 2.5e9 / (0.671 × 1460) × 1460 × 8 = 29.8 Gbit/s.
    expect(e.limits.find((l) => l.subject === 'cpu:c1')!.gbps).toBeCloseTo((HZ * 8) / STACK / 1e9, 6);
  });

  it('[T6] OVN Geneve + IPsec AES-256-GCM on a default host is CPU-bound at the sender, ESP per-packet cost dominating', () => {
    const e = flowEstimate(overlayIpsec());
    // Packet 1408 (innerMtu), payload 1408 − 20 − 20 = 1368; ESP protects the 1466-byte Geneve packet.
    const serial = STACK * 1368 + ENCAP + ESP_PACKET + (ESP_BYTE + AES256_GCM_AESNI) * 1466; // ≈ 12,237 cycles
    expect(e).toMatchObject({
      packetBytes: 1408,
      payloadBytes: 1368,
      innerMtu: 1408,
      overheadBytes: 92,
      bottleneck: 'cpu:c1',
    });
    expect(e.maxGbps).toBeCloseTo(gbpsAt(serial, 1368), 6); // ≈ 2.24 Gbit/s
    // ESP: 9120 + (0.25 + 1.111) × 1466 = 11,116 of 12,240 cycles = 91 %
    expect(e.reasons[0]).toMatch(
      /^cpu:c1 limits the flow to 2\.24 Gbit\/s: one core per direction \(SPEC T5\).*ESP aes-gcm-256.* is 91 % of it$/,
    );
  });

  it('[T4] the crypto cost per endpoint at the demanded rate counts ESP only, not the stack or encapsulation', () => {
    const e = flowEstimate(overlayIpsec([], 2));
    const crypto = ESP_PACKET + (ESP_BYTE + AES256_GCM_AESNI) * 1466;
    const pps = 2e9 / (8 * 1368);
    const c1 = e.cpuCostPerEndpoint.find((c) => c.host === 'c1')!;
    expect(c1.role).toBe('source');
    expect(c1.cryptoCyclesPerPacket).toBeCloseTo(crypto, 6);
    expect(c1.cyclesPerByte).toBeCloseTo(crypto / 1368, 6);
    expect(c1.coresAtRate).toBeCloseTo((crypto * pps) / HZ, 6); // ≈ 1.63 cores at 2 Gbit/s
    expect(e.cpuCostPerEndpoint.map((c) => [c.host, c.role])).toEqual([
      ['c1', 'source'],
      ['c2', 'destination'],
    ]);
  });

  it('[T4] ipsec-crypto offload leaves only the ESP per-packet cost; ipsec-packet takes crypto off the CPU', () => {
    const inline = flowEstimate(overlayIpsec(['ipsec-crypto'])).cpuCostPerEndpoint[0]!;
    expect(inline.cryptoCyclesPerPacket).toBe(ESP_PACKET);
    const full = flowEstimate(overlayIpsec(['ipsec-packet']));
    expect(full.cpuCostPerEndpoint.map((c) => c.cryptoCyclesPerPacket)).toEqual([0, 0]);
    expect(full.reasons).toContain('c1: ESP aes-gcm-256: in the NIC (ipsec-packet)');
  });

  it('[T4] tunnel-tso removes the encapsulation cost', () => {
    const plain = flowEstimate(overlayIpsec()).cpuCostPerEndpoint[0]!;
    const tso = flowEstimate(overlayIpsec(['tunnel-tso'])).cpuCostPerEndpoint[0]!;
    expect(plain.serialCyclesPerPacket - tso.serialCyclesPerPacket).toBeCloseTo(ENCAP, 6);
  });

  it('[T5] WireGuard spreads its cipher over the cores: the flow is bound by its serial part', () => {
    const e = flowEstimate(
      twoHosts().wireguard('wg1', ['c1', 'c2']).flow('f1', { from: 'c1', to: 'c2' }).build(),
    );
    // Packet 1440, payload 1400: serial = 0.671 × 1400 + 6580 + 0.57 × 1440 = 8,341 cycles; cipher 1.786 × 1440 = 2,571 over 16 cores.
    const serial = STACK * 1400 + 6580 + 0.57 * 1440;
    const c1 = e.cpuCostPerEndpoint[0]!;
    expect(c1.serialCyclesPerPacket).toBeCloseTo(serial, 6);
    expect(c1.parallelCyclesPerPacket).toBeCloseTo(CHACHA_AESNI * 1440, 6);
    expect(e.maxGbps).toBeCloseTo(gbpsAt(serial, 1400), 6); // ≈ 3.36 Gbit/s
  });

  it('[T5] a host with one core cannot spread WireGuard: serial and cipher share that core', () => {
    const model = twoHosts().wireguard('wg1', ['c1', 'c2']).flow('f1', { from: 'c1', to: 'c2' }).build();
    model.hosts[0]!.cpu.cores = 1;
    const e = flowEstimate(model);
    const total = STACK * 1400 + 6580 + 0.57 * 1440 + CHACHA_AESNI * 1440;
    expect(e.maxGbps).toBeCloseTo(gbpsAt(total, 1400), 6);
  });

  it('[T4] own-hardware calibration replaces the table: 40 Gbit/s AES-256-GCM at 16384 bytes on 2.5 GHz', () => {
    const model = overlayIpsec();
    model.hosts[0]!.cpu.calibration = { 'aes-256-gcm': { gbps: 40, bytes: 16384 } };
    // cycles per call 2.5 × 8 × 16384 / 40 = 8192; minus OpenSSL's 959 per call → 7233 / 16384 = 0.4415 c/B
    const e = flowEstimate(model);
    const c1 = e.cpuCostPerEndpoint.find((c) => c.host === 'c1')!;
    expect(c1.cryptoCyclesPerPacket).toBeCloseTo(ESP_PACKET + (ESP_BYTE + 7233 / 16384) * 1466, 6);
    expect(e.reasons).toContain('c1: cipher speeds from its own openssl speed figures (cpu.calibration)');
  });

  it('[§1.1] packetBytes sets the packet size: 512-byte packets carry 472 bytes and pay the same per-packet cost', () => {
    const model = withOverlayVms(twoHosts(), { cipher: 'aes-gcm-256', auth: 'cert' })
      .flow('f1', { from: 'vm1', to: 'vm2', packetBytes: 512 })
      .build();
    const e = flowEstimate(model);
    expect(e).toMatchObject({ packetBytes: 512, payloadBytes: 472 });
    // Geneve 570, ESP: 550 + 2 = 552 ≡ 0 mod 4 → 34 → overhead 58 + 34 = 92
    expect(e.overheadBytes).toBe(92);
  });

  it('[T2] packets larger than the path MTU are estimated at the path MTU, and the reason says so', () => {
    const model = withOverlayVms(twoHosts())
      .flow('f1', { from: 'vm1', to: 'vm2', packetBytes: 9000 })
      .build();
    const e = flowEstimate(model);
    expect(e.packetBytes).toBe(1442);
    expect(e.reasons.some((r) => r.startsWith("packets of 9000 bytes do not fit the path's 1442"))).toBe(
      true,
    );
  });

  it('[T6] a flow with no path has no estimate and says why', () => {
    const e = flowEstimate(
      twoHosts().host('c3', { site: 'dc1' }).flow('f1', { from: 'c1', to: 'c3' }).build(),
    );
    expect(e).toMatchObject({ maxGbps: null, bottleneck: null, packetBytes: null, cpuCostPerEndpoint: [] });
    expect(e.reasons[0]).toMatch(/^no estimate: the flow has no path/);
  });

  it("[X1] a flow inside one host is bounded only by that host's stack: 2.5e9 × 8 / 0.671 = 29.8 Gbit/s", () => {
    const model = withOverlayVms(twoHosts())
      .workload('vm3', { host: 'c1', networks: ['n1'] })
      .flow('f1', { from: 'vm1', to: 'vm3' })
      .build();
    const e = flowEstimate(model);
    expect(e).toMatchObject({ innerMtu: null, bottleneck: 'cpu:c1', packetBytes: 1500, payloadBytes: 1460 });
    expect(e.maxGbps).toBeCloseTo((HZ * 8) / STACK / 1e9, 6);
  });
});

describe('estimateThroughput: load (T7) and bad input', () => {
  it('[T7] link utilisation counts every header and the framing: 5 Gbit/s of goodput over Geneve + ESP', () => {
    const a = estimate(overlayIpsec([], 5));
    const l1 = a.links.find((l) => l.link === 'l1')!;
    // 5 × (1408 + 92 + 38) / 1368 = 5.62 Gbit/s on a 10 Gbit/s link
    expect(l1.wireGbps).toBeCloseTo((5 * 1538) / 1368, 6);
    expect(l1.utilisation).toBeCloseTo((5 * 1538) / 1368 / 10, 6);
    expect(l1).toMatchObject({ oversubscribed: false, flows: ['f1'] });
  });

  it('[T7] host crypto load: 10 Gbit/s of IPsec needs more than the one core its SA runs on', () => {
    const a = estimate(overlayIpsec([], 10));
    const c1 = a.hosts.find((h) => h.host === 'c1')!;
    const crypto = ESP_PACKET + (ESP_BYTE + AES256_GCM_AESNI) * 1466;
    expect(c1.cryptoCoresUsed).toBeCloseTo((crypto * (10e9 / (8 * 1368))) / HZ, 6); // ≈ 10.2 cores
    expect(c1.busiestSa).toMatchObject({ protection: 'ipsec:ov1:c1|c2' });
    expect(c1.saturated).toBe(true);
    expect(a.hosts.map((h) => h.host)).toEqual(['c1', 'c2']);
  });

  it('[T7] impossible hardware gives problems and zeros, never NaN or Infinity', () => {
    const model = overlayIpsec();
    model.hosts[0]!.cpu.cores = 0;
    model.links[1]!.gbps = -5;
    const a = estimate(model);
    expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity|null,"bottleneck":"cpu/);
    const e = a.flows.at(0)!;
    expect(e.maxGbps).toBe(0);
    expect(a.problems.map((p) => p.subject)).toEqual(['c1', 'l2']);
    expect(a.problems[0]!.message).toContain('0 cores');
  });

  it('[T2] an MTU below the encapsulation overhead gives 0 Gbit/s and a problem', () => {
    const model = withOverlayVms(twoHosts()).flow('f1', { from: 'vm1', to: 'vm2' }).build();
    for (const link of model.links) link.mtu = 80; // Geneve alone needs 58, leaving 22 < 40 header bytes
    const a = estimate(model);
    expect(a.flows.at(0)).toMatchObject({ maxGbps: 0, innerMtu: 22 });
    expect(a.problems[0]!.message).toContain('MTU is below the encapsulation overhead');
    expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity/);
  });

  it('[§4] output arrays are sorted by id', () => {
    const model = twoHosts()
      .flow('zz', { from: 'c2', to: 'c1' })
      .flow('aa', { from: 'c1', to: 'c2' })
      .build();
    expect(estimate(model).flows.map((f) => f.flow)).toEqual(['aa', 'zz']);
  });
});

// A one-shot analysis adds each flow's figures to the loads as it estimates them and keeps none
// (session/session-state.ts `estimateOnce`); the same hand-worked loads must come out of it.
describe('analyzeScenario: the loads of a one-shot analysis (T7)', () => {
  it('[T7] two flows over Geneve + ESP: 5 + 2 Gbit/s of goodput load l1 with every header, both listed', () => {
    const model = withOverlayVms(twoHosts(), { cipher: 'aes-gcm-256', auth: 'cert' })
      .flow('f2', { from: 'vm2', to: 'vm1', rateGbps: 2 })
      .flow('f1', { from: 'vm1', to: 'vm2', rateGbps: 5 })
      .build();
    const { throughput } = analyzeScenario(model);
    const l1 = throughput.links.find((l) => l.link === 'l1')!;
    // (5 + 2) × (1408 + 92 + 38) / 1368 Gbit/s on the wire
    expect(l1.wireGbps).toBeCloseTo((7 * 1538) / 1368, 6);
    expect(l1).toMatchObject({ flows: ['f1', 'f2'], capacityGbps: 10, oversubscribed: false });
    expect(throughput.flows.map((f) => f.flow)).toEqual(['f1', 'f2']);
  });

  it('[T7] host crypto load at 10 Gbit/s of IPsec: the cores of its SA, saturated, as estimateThroughput has it', () => {
    const model = overlayIpsec([], 10);
    const { throughput } = analyzeScenario(model);
    const c1 = throughput.hosts.find((h) => h.host === 'c1')!;
    const crypto = ESP_PACKET + (ESP_BYTE + AES256_GCM_AESNI) * 1466;
    expect(c1.cryptoCoresUsed).toBeCloseTo((crypto * (10e9 / (8 * 1368))) / HZ, 6);
    expect(c1).toMatchObject({
      busiestSa: { protection: 'ipsec:ov1:c1|c2' },
      saturated: true,
      flows: ['f1'],
    });
    // The one-shot analysis lists its summaries as a table of rows; the same rows as a list.
    expect({ ...throughput, flows: rowsArray(throughput.flows) }).toEqual(estimate(model));
  });

  it('[T7] the problems of the hardware and of each flow, each once, sorted', () => {
    const model = overlayIpsec();
    model.hosts[0]!.cpu.cores = 0;
    model.links[1]!.gbps = -5;
    const { throughput } = analyzeScenario(model);
    expect(throughput.problems.map((p) => p.subject)).toEqual(['c1', 'l2']);
    expect(throughput.flows.at(0)!.maxGbps).toBe(0);
  });
});
