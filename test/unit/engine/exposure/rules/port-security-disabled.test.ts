import { portSecurityDisabled } from '../../../../../src/engine/exposure/rules/port-security-disabled.ts';
import type { ScenarioBuilder } from '../../../../support/model-builder.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import { twoHosts } from '../../../../support/topologies.ts';

/** Overlay ov1 with network n1 (`portSecurity` as given), vm1 on c1 and vm2 on c2, flow f1 vm1 → vm2. */
function network(portSecurity: boolean): ScenarioBuilder {
  return twoHosts()
    .overlay('ov1', ['c1', 'c2'], { ipsec: {} })
    .network('n1', { kind: 'overlay', overlay: 'ov1', portSecurity })
    .workload('vm1', { host: 'c1', networks: ['n1'] })
    .workload('vm2', { host: 'c2', networks: ['n1'] })
    .flow('f1', { from: 'vm1', to: 'vm2' });
}

describeRule(portSecurityDisabled, {
  fires: [
    {
      title: '[X4] without port security a third workload on the network can intercept the flow',
      build: () =>
        network(false)
          .workload('vm3', { host: 'c1', networks: ['n1'] })
          .build(),
      expected: [{ subjects: ['f1', 'n1'], severity: 'medium', mentions: ['n1', 'f1'] }],
    },
    {
      title:
        '[X4] overlay IPsec does not help: the spoofer sits inside the overlay; all exposed flows are listed',
      build: () =>
        network(false)
          .workload('vm3', { host: 'c2', networks: ['n1'] })
          .flow('f2', { from: 'vm2', to: 'vm1' })
          .build(),
      expected: [{ subjects: ['f1', 'f2', 'n1'], mentions: ['f1 and f2'] }],
    },
  ],
  silent: [
    {
      title: '[§1.1 Network] port security defaults to on',
      build: () =>
        network(true)
          .workload('vm3', { host: 'c1', networks: ['n1'] })
          .build(),
    },
    {
      title: '[§2.1] a network whose only workloads are the two endpoints carries no one else’s flows',
      build: () => network(false).build(),
    },
    {
      title: '[§2.1] flows on other networks are unaffected',
      build: () =>
        network(true)
          .network('n2', { kind: 'overlay', overlay: 'ov1', portSecurity: false })
          .workload('vm3', { host: 'c1', networks: ['n1', 'n2'] })
          .build(),
    },
  ],
});
