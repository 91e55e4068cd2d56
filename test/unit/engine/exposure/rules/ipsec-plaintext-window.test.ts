import { ipsecPlaintextWindow } from '../../../../../src/engine/exposure/rules/ipsec-plaintext-window.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import { twoHosts, withOverlayVms } from '../../../../support/topologies.ts';

describeRule(ipsecPlaintextWindow, {
  fires: [
    {
      title:
        '[§1.1 Overlay] dropPlaintext defaults to false: the overlay sends plaintext until IKE completes',
      build: () => withOverlayVms(twoHosts(), {}).build(),
      expected: [{ subjects: ['ov1'], severity: 'medium', mentions: ['ov1', 'IKE'] }],
    },
    {
      title: '[§1.1 Overlay] every cipher has the window, including ESP-NULL',
      build: () =>
        withOverlayVms(twoHosts(), { cipher: 'null', auth: 'psk', keystore: 'k1' })
          .keystore('k1', 'psk')
          .build(),
      expected: [{ subjects: ['ov1'] }],
    },
    {
      title: '[§1.1 Tunnel] an explicit tunnel with IPsec and no dropPlaintext has the window too',
      build: () => twoHosts().tunnel('t1', ['c1', 'c2'], { type: 'vxlan', ipsec: {} }).build(),
      expected: [{ subjects: ['c1', 'c2', 't1'], mentions: ['t1', 'c1 ↔ c2'] }],
    },
  ],
  silent: [
    {
      title: '[§1.1 Overlay] dropPlaintext: true closes the window',
      build: () => withOverlayVms(twoHosts(), { dropPlaintext: true }).build(),
    },
    {
      title: '[§2.1] an overlay without IPsec has no IKE to wait for (plaintext-on-link reports it instead)',
      build: () => withOverlayVms(twoHosts()).flow('f1', { from: 'vm1', to: 'vm2' }).build(),
    },
    {
      title: '[§2.1] `ipsec:` policies are not tied to OVS tunnels and are not reported',
      build: () => twoHosts().ipsec('p1', ['c1', 'c2']).flow('f1', { from: 'c1', to: 'c2' }).build(),
    },
    {
      title: '[§1.1 Overlay] an overlay with one member has no tunnel and no window',
      build: () => twoHosts().overlay('ov1', ['c1'], { ipsec: {} }).build(),
    },
  ],
});
