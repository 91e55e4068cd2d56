import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../../../src/model/types.ts';
import { findingsOf } from '../../../../support/rule-cases.ts';
import { analyzeExposure } from '../../../../../src/engine/exposure/analyze-exposure.ts';
import { twoSites, withOverlayVms } from '../../../../support/topologies.ts';

/** A scenario on which most rules fire at once: shared PSK, ESP-NULL, MACsec without encrypt, a VLAN, requirements. */
function busy(): Scenario {
  return withOverlayVms(twoSites({ macsec: { encrypt: false, cipher: 'gcm-aes-128' } }), {
    cipher: 'null',
    auth: 'psk',
    keystore: 'k1',
  })
    .keystore('k1', 'psk', 'c1')
    .host('c3', { site: 'dc1' })
    .overlay('ov2', ['c1', 'c2', 'c3'], { ipsec: { auth: 'psk', keystore: 'k1' } })
    .flow('f1', { from: 'vm1', to: 'vm2', class: 'db' })
    .flow('f2', { from: 'vm2', to: 'vm1' })
    .network('prov', { kind: 'vlan', vlan: 100, portSecurity: false, mtu: 1500 })
    .workload('pvm1', { host: 'c1', networks: ['prov'] })
    .workload('pvm2', { host: 'c2', networks: ['prov'] })
    .workload('pvm3', { host: 'c2', networks: ['prov'] })
    .flow('p1', { from: 'pvm1', to: 'pvm2', tls: true })
    .flow('p2', { from: 'pvm2', to: 'pvm1' })
    .attacker('tap', { at: { links: ['wan'] }, can: ['read', 'inject'] })
    .requirement('r1', { maxExposure: 'metadata', noTamper: true })
    .build();
}

/** The same scenario with every entity list in reverse file order. */
function reversed(s: Scenario): Scenario {
  const r = structuredClone(s);
  for (const key of [
    'hosts',
    'links',
    'overlays',
    'networks',
    'workloads',
    'keystores',
    'flows',
    'attackers',
  ] as const) {
    (r[key] as unknown[]).reverse();
  }
  return r;
}

describe('findings are deterministic (STYLE "Rules")', () => {
  it('[§4] the same scenario gives byte-identical findings on every run', () => {
    const first = JSON.stringify(analyzeExposure(busy()).result.findings);
    expect(JSON.stringify(analyzeExposure(busy()).result.findings)).toBe(first);
    expect(JSON.parse(first)).not.toEqual([]);
  });

  it('[§4] the order of entities in the file does not change the findings', () => {
    expect(JSON.stringify(analyzeExposure(reversed(busy())).result.findings)).toBe(
      JSON.stringify(analyzeExposure(busy()).result.findings),
    );
  });

  it('[§2.1] findings are sorted by rule, then subjects', () => {
    const findings = analyzeExposure(busy()).result.findings;
    const keys = findings.map((f) => `${f.rule}\u0000${f.subjects.join('\u0001')}`);
    expect(keys).toEqual([...keys].sort());
    expect(findingsOf('shared-psk', busy()).map((f) => f.subjects)).toEqual([['k1', 'ov1', 'ov2']]);
  });
});
