import { controlPlaneWithoutTls } from '../../../../../src/engine/exposure/rules/control-plane-without-tls.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import { twoHosts } from '../../../../support/topologies.ts';

describeRule(controlPlaneWithoutTls, {
  fires: [
    {
      title: '[§2.1] API, database, message-queue and migration flows without TLS, one finding each',
      build: () =>
        twoHosts()
          .flow('api1', { from: 'c1', to: 'c2', port: 8774, class: 'api' })
          .flow('db1', { from: 'c1', to: 'c2', port: 3306, class: 'db' })
          .flow('mig1', { from: 'c1', to: 'c2', port: 16509, class: 'migration' })
          .flow('mq1', { from: 'c1', to: 'c2', port: 5672, class: 'mq' })
          .build(),
      expected: [
        { subjects: ['api1'], severity: 'medium', mentions: ['API flow api1', 'c1 → c2'] },
        { subjects: ['db1'], mentions: ['Database flow db1'] },
        { subjects: ['mig1'], mentions: ['Live-migration flow mig1'] },
        { subjects: ['mq1'], mentions: ['Message-queue flow mq1'] },
      ],
    },
    {
      title: '[§1.1 Flow] class is free text: case and surrounding blanks do not hide an API flow',
      build: () => twoHosts().flow('api1', { from: 'c1', to: 'c2', class: ' API ' }).build(),
      expected: [{ subjects: ['api1'] }],
    },
    {
      title: '[§2.1] node-to-node encryption does not replace TLS on the control plane',
      build: () =>
        twoHosts().wireguard('wg1', ['c1', 'c2']).flow('db1', { from: 'c1', to: 'c2', class: 'db' }).build(),
      expected: [{ subjects: ['db1'] }],
    },
  ],
  silent: [
    {
      title: '[§2.1] control-plane flows with TLS',
      build: () =>
        twoHosts()
          .flow('api1', { from: 'c1', to: 'c2', class: 'api', tls: true })
          .flow('mig1', { from: 'c1', to: 'c2', class: 'migration', tls: true })
          .build(),
    },
    {
      title: '[§2.1] tenant, storage and unclassified flows are not control plane',
      build: () =>
        twoHosts()
          .flow('t1', { from: 'c1', to: 'c2', class: 'tenant' })
          .flow('s1', { from: 'c1', to: 'c2', class: 'storage' })
          .flow('x1', { from: 'c1', to: 'c2' })
          .build(),
    },
  ],
});
