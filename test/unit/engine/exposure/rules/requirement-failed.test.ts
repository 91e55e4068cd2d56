import { requirementFailed } from '../../../../../src/engine/exposure/rules/requirement-failed.ts';
import type { ScenarioBuilder } from '../../../../support/model-builder.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import { twoHosts } from '../../../../support/topologies.ts';

/** twoHosts plus host c3 on link l3 (sw1–c3), a passive tap on l1 and an active one on l2. */
function tapped(): ScenarioBuilder {
  return twoHosts()
    .host('c3', { site: 'dc1' })
    .link('l3', ['sw1', 'c3'])
    .attacker('tap1', { at: { links: ['l1'] } })
    .attacker('mitm2', { at: { links: ['l2'] }, can: ['read', 'inject'] });
}

describeRule(requirementFailed, {
  fires: [
    {
      title:
        '[X6] a tap reading a plaintext payload breaks maxExposure metadata: one finding per flow × attacker',
      build: () =>
        tapped()
          .flow('f1', { from: 'c1', to: 'c2' })
          .flow('f2', { from: 'c2', to: 'c1' })
          .requirement('r1', { maxExposure: 'metadata' })
          .build(),
      expected: [
        {
          subjects: ['f1', 'mitm2', 'r1'],
          severity: 'high',
          mentions: ['r1', 'f1', 'mitm2', 'payload', 'at most metadata'],
        },
        { subjects: ['f1', 'r1', 'tap1'] },
        { subjects: ['f2', 'mitm2', 'r1'] },
        { subjects: ['f2', 'r1', 'tap1'] },
      ],
    },
    {
      title: '[X6] with TLS the tap still reads the inner headers, which maxExposure metadata forbids',
      build: () =>
        tapped()
          .flow('f1', { from: 'c1', to: 'c2', tls: true })
          .requirement('r1', { maxExposure: 'metadata', against: ['tap1'] })
          .build(),
      expected: [{ subjects: ['f1', 'r1', 'tap1'], mentions: ['inner headers'] }],
    },
    {
      title: '[X7] an active attacker on a plaintext link can tamper, which noTamper forbids',
      build: () =>
        tapped()
          .flow('f1', { from: 'c1', to: 'c2' })
          .requirement('r1', { maxExposure: 'payload', noTamper: true })
          .build(),
      expected: [{ subjects: ['f1', 'mitm2', 'r1'], mentions: ['tamper'] }],
    },
  ],
  silent: [
    {
      title: '[§1.1 Requirement] maxExposure payload without noTamper always holds',
      build: () =>
        tapped().flow('f1', { from: 'c1', to: 'c2' }).requirement('r1', { maxExposure: 'payload' }).build(),
    },
    {
      title: '[X7] TLS stops tampering with the flow’s data, and headers are allowed',
      build: () =>
        tapped()
          .flow('f1', { from: 'c1', to: 'c2', tls: true })
          .requirement('r1', { maxExposure: 'headers', noTamper: true })
          .build(),
    },
    {
      title: '[X6] an attacker with no vantage on the path sees nothing',
      build: () =>
        twoHosts()
          .host('c3', { site: 'dc1' })
          .link('l3', ['sw1', 'c3'])
          .attacker('tap3', { at: { links: ['l3'] }, can: ['read', 'inject'] })
          .flow('f1', { from: 'c1', to: 'c2' })
          .requirement('r1', { maxExposure: 'none', noTamper: true })
          .build(),
    },
    {
      title: '[§1.1 Requirement] only the listed flows are checked',
      build: () =>
        tapped()
          .flow('f1', { from: 'c1', to: 'c2' })
          .flow('f2', { from: 'c1', to: 'c2', tls: true })
          .requirement('r1', { flows: ['f2'], maxExposure: 'headers' })
          .build(),
    },
  ],
});
