import { describe, expect, it } from 'vitest';
import { linkOversubscribed } from '../../../../../src/engine/exposure/rules/link-oversubscribed.ts';
import { scenario } from '../../../../support/model-builder.ts';
import { twoHosts, withOverlayVms } from '../../../../support/topologies.ts';
import { runRule } from '../../throughput/run-rule.ts';

describe('rule link-oversubscribed', () => {
  it('[§2.1] reports nothing for an empty scenario', () => {
    expect(runRule(linkOversubscribed, scenario().build())).toEqual([]);
  });

  it('[T7] 9.4 Gbit/s of plaintext goodput fits a 10 Gbit/s link: 9.4 × 1538 / 1460 = 9.90', () => {
    const model = twoHosts().flow('f1', { from: 'c1', to: 'c2', rateGbps: 9.4 }).build();
    expect(runRule(linkOversubscribed, model)).toEqual([]);
  });

  it('[T3] the same 9.4 Gbit/s over Geneve + IPsec does not: 9.4 × 1538 / 1368 = 10.57 Gbit/s on the wire', () => {
    const model = withOverlayVms(twoHosts(), { cipher: 'aes-gcm-256', auth: 'cert' })
      .flow('f1', { from: 'vm1', to: 'vm2', rateGbps: 9.4 })
      .build();
    const findings = runRule(linkOversubscribed, model);
    expect(findings.map((f) => f.subjects)).toEqual([
      ['l1', 'f1'],
      ['l2', 'f1'],
    ]);
    expect(findings[0]!.message).toBe(
      'Link l1 carries 10.57 Gbit/s on the wire (106 % of its 10 Gbit/s) for flow f1.',
    );
  });

  it('[T7] flows add up on a shared link', () => {
    const model = twoHosts()
      .flow('f1', { from: 'c1', to: 'c2', rateGbps: 5 })
      .flow('f2', { from: 'c1', to: 'c2', rateGbps: 5 })
      .build();
    const findings = runRule(linkOversubscribed, model);
    expect(findings.map((f) => f.subjects)).toEqual([
      ['l1', 'f1', 'f2'],
      ['l2', 'f1', 'f2'],
    ]);
  });
});
