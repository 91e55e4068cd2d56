import { caKeyOnWorkloadHost } from '../../../../../src/engine/exposure/rules/ca-key-on-workload-host.ts';
import type { KeystoreKind, WorkloadKind } from '../../../../../src/model/types.ts';
import { scenario } from '../../../../support/model-builder.ts';
import { describeRule } from '../../../../support/rule-cases.ts';

/** Compute host c1 running one workload of `kind`, controller ctl1 without workloads, and key store ks on `location`. */
function keyOn(kind: KeystoreKind, location: string | undefined, workload: WorkloadKind = 'vm') {
  return scenario()
    .site('dc1')
    .host('c1', { site: 'dc1' })
    .host('ctl1', { site: 'dc1', role: 'controller' })
    .workload('w1', { host: 'c1', kind: workload })
    .keystore('ks', kind, location);
}

describeRule(caKeyOnWorkloadHost, {
  fires: [
    {
      title: '[X4] a CA key on a hypervisor running VMs',
      build: () => keyOn('ca', 'c1').build(),
      expected: [{ subjects: ['c1', 'ks'], severity: 'high', mentions: ['CA key ks', 'c1', 'w1'] }],
    },
    {
      title: '[X5] a static key store on a host running containers',
      build: () => keyOn('static', 'c1', 'container').build(),
      expected: [{ subjects: ['c1', 'ks'], mentions: ['static IPsec key ks'] }],
    },
  ],
  silent: [
    {
      title: '[§2.1] a CA key on a controller without tenant workloads',
      build: () => keyOn('ca', 'ctl1').build(),
    },
    {
      title: '[§2.1] host services and appliances are not tenant workloads',
      build: () => keyOn('ca', 'c1', 'service').workload('w2', { host: 'c1', kind: 'appliance' }).build(),
    },
    {
      title: '[§1.1 Keystore] an offline CA key',
      build: () => keyOn('ca', 'offline').build(),
    },
    {
      title: '[§2.1] PSK, vault and HSM key stores are other rules’ concern',
      build: () => keyOn('psk', 'c1').keystore('v1', 'vault', 'c1').keystore('h1', 'hsm', 'c1').build(),
    },
    {
      title: '[§1.1 Keystore] a key store without location',
      build: () => keyOn('ca', undefined).build(),
    },
  ],
});
