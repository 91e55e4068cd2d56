import { unreachableFlow } from '../../../../../src/engine/exposure/rules/unreachable-flow.ts';
import type { HostRole } from '../../../../../src/model/types.ts';
import { scenario } from '../../../../support/model-builder.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import { twoHosts, withOverlayVms } from '../../../../support/topologies.ts';

/** c1 – m1 – c2 where the middle host has `role`; flow f1 from c1 to c2. */
function throughHost(role: HostRole) {
  return scenario()
    .site('dc1')
    .host('c1', { site: 'dc1' })
    .host('m1', { site: 'dc1', role })
    .host('c2', { site: 'dc1' })
    .link('l1', ['c1', 'm1'])
    .link('l2', ['m1', 'c2'])
    .flow('f1', { from: 'c1', to: 'c2' })
    .build();
}

describeRule(unreachableFlow, {
  fires: [
    {
      title: '[X1] two hosts without any link between them',
      build: () =>
        scenario()
          .site('dc1')
          .host('c1', { site: 'dc1' })
          .host('c2', { site: 'dc1' })
          .flow('f1', { from: 'c1', to: 'c2' })
          .build(),
      expected: [{ subjects: ['f1'], severity: 'medium', mentions: ['f1', 'c1 → c2', 'no path'] }],
    },
    {
      title: '[X1] hosts other than the endpoints forward only with role network or gateway',
      build: () => throughHost('compute'),
      expected: [{ subjects: ['f1'] }],
    },
  ],
  silent: [
    {
      title: '[X1] a network host forwards',
      build: () => throughHost('network'),
    },
    {
      title: '[X1] a gateway host forwards',
      build: () => throughHost('gateway'),
    },
    {
      title: '[X1] a flow between workloads on one host has that host as its path',
      build: () =>
        withOverlayVms(twoHosts())
          .workload('vm3', { host: 'c1', networks: ['n1'] })
          .flow('f1', { from: 'vm1', to: 'vm3' })
          .build(),
    },
    {
      title: '[X1] an overlay flow follows the underlay between the tunnel ends',
      build: () => withOverlayVms(twoHosts()).flow('f1', { from: 'vm1', to: 'vm2' }).build(),
    },
  ],
});
