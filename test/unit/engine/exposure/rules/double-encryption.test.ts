import { doubleEncryption } from '../../../../../src/engine/exposure/rules/double-encryption.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import { twoHosts, withOverlayVms } from '../../../../support/topologies.ts';

describeRule(doubleEncryption, {
  fires: [
    {
      title: '[X2] WireGuard carries the IPsec-protected tunnel packets: encrypted twice on every link',
      build: () =>
        withOverlayVms(twoHosts(), {})
          .wireguard('wg1', ['c1', 'c2'])
          .flow('f1', { from: 'vm1', to: 'vm2' })
          .flow('f2', { from: 'vm2', to: 'vm1' })
          .build(),
      expected: [
        {
          subjects: ['l1', 'l2', 'ov1', 'wg1'],
          severity: 'low',
          mentions: ['WireGuard wg1 wraps IPsec ov1', 'l1 and l2', 'f1 and f2'],
        },
      ],
    },
    {
      title: '[X2] a tunnel-mode policy around an encrypted overlay, each nesting named once',
      build: () =>
        withOverlayVms(twoHosts(), {})
          .ipsec('p1', ['c1', 'c2'], { mode: 'tunnel' })
          .flow('f1', { from: 'vm1', to: 'vm2' })
          .build(),
      expected: [{ subjects: ['l1', 'l2', 'ov1', 'p1'], mentions: ['IPsec p1 wraps IPsec ov1'] }],
    },
    {
      title: '[X2] WireGuard around a host IPsec policy on a host-level flow',
      build: () =>
        twoHosts()
          .ipsec('p1', ['c1', 'c2'], { selector: [{ proto: 'tcp', port: 5432 }] })
          .wireguard('wg1', ['c1', 'c2'])
          .flow('db1', { from: 'c1', to: 'c2', port: 5432 })
          .build(),
      expected: [{ subjects: ['l1', 'l2', 'p1', 'wg1'], mentions: ['db1'] }],
    },
  ],
  silent: [
    {
      title: '[X3] ESP-NULL inside WireGuard is integrity only, not a second encryption',
      build: () =>
        withOverlayVms(twoHosts(), { cipher: 'null' })
          .wireguard('wg1', ['c1', 'c2'])
          .flow('f1', { from: 'vm1', to: 'vm2' })
          .build(),
    },
    {
      title: '[§2.1] MACsec around overlay IPsec does not count',
      build: () =>
        withOverlayVms(twoHosts('trusted', { macsec: { encrypt: true, cipher: 'gcm-aes-128' } }), {})
          .flow('f1', { from: 'vm1', to: 'vm2' })
          .build(),
    },
    {
      title: '[§2.1] TLS inside overlay IPsec does not count',
      build: () => withOverlayVms(twoHosts(), {}).flow('f1', { from: 'vm1', to: 'vm2', tls: true }).build(),
    },
    {
      title: '[X2] a policy whose selector misses the flow adds no layer',
      build: () =>
        twoHosts()
          .ipsec('p1', ['c1', 'c2'], { selector: [{ proto: 'tcp', port: 5672 }] })
          .wireguard('wg1', ['c1', 'c2'])
          .flow('db1', { from: 'c1', to: 'c2', port: 5432 })
          .build(),
    },
  ],
});
