import { describe, expect, it } from 'vitest';
import { cryptoCpuSaturated } from '../../../../../src/engine/exposure/rules/crypto-cpu-saturated.ts';
import { scenario } from '../../../../support/model-builder.ts';
import { twoHosts, withOverlayVms } from '../../../../support/topologies.ts';
import { runRule } from '../../throughput/run-rule.ts';

// Default hosts (2.5 GHz, 16 cores, AES-NI) with OVN Geneve + IPsec AES-256-GCM: one 1408-byte
// packet costs 9120 + (0.25 + 1.111) × 1466 = 11,116 crypto cycles per end, payload 1368 bytes.
function ipsecAt(rateGbps: number, cores = 16) {
  const model = withOverlayVms(twoHosts(), { cipher: 'aes-gcm-256', auth: 'cert' })
    .flow('f1', { from: 'vm1', to: 'vm2', rateGbps })
    .build();
  for (const host of model.hosts) host.cpu.cores = cores;
  return model;
}

describe('rule crypto-cpu-saturated', () => {
  it('[§2.1] reports nothing for an empty scenario', () => {
    expect(runRule(cryptoCpuSaturated, scenario().build())).toEqual([]);
  });

  it('[T7] 1 Gbit/s of IPsec uses 11,116 × 91,374 pps / 2.5 GHz = 0.41 cores: silent', () => {
    expect(runRule(cryptoCpuSaturated, ipsecAt(1))).toEqual([]);
  });

  it('[T5] 3 Gbit/s on one SA needs 1.22 cores but the SA runs on one core: fires on both ends', () => {
    const findings = runRule(cryptoCpuSaturated, ipsecAt(3));
    expect(findings.map((f) => f.subjects)).toEqual([
      ['c1', 'f1'],
      ['c2', 'f1'],
    ]);
    expect(findings[0]!.message).toBe(
      "Host c1 runs the outbound SA of ipsec:ov1:c1|c2 at 1.2 cores' worth of work on one core at the demanded rates of flow f1.",
    );
    expect(findings[0]!.reasons.map((r) => r.protection)).toContain('ipsec:ov1:c1|c2');
  });

  it('[T7] a one-core host carrying 3 Gbit/s needs more cores than it has', () => {
    const findings = runRule(cryptoCpuSaturated, ipsecAt(3, 1));
    expect(findings[0]!.message).toBe(
      'Host c1 needs 1.2 cores for encryption but has 1 at the demanded rates of flow f1.',
    );
  });

  it('[T7] without encryption there is no crypto load, whatever the rate', () => {
    const model = withOverlayVms(twoHosts()).flow('f1', { from: 'vm1', to: 'vm2', rateGbps: 50 }).build();
    expect(runRule(cryptoCpuSaturated, model)).toEqual([]);
  });

  it('[T4] ipsec-packet offload on both NICs silences it', () => {
    const model = ipsecAt(3);
    for (const host of model.hosts) host.nic.offload = ['ipsec-packet'];
    expect(runRule(cryptoCpuSaturated, model)).toEqual([]);
  });
});
