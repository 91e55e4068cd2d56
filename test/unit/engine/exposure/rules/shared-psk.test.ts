import { sharedPsk } from '../../../../../src/engine/exposure/rules/shared-psk.ts';
import { scenario } from '../../../../support/model-builder.ts';
import { describeRule } from '../../../../support/rule-cases.ts';

/** Four compute hosts c1–c4 in trusted site dc1 (no links needed: the rule reads configuration only). */
function fourHosts() {
  return scenario()
    .site('dc1')
    .host('c1', { site: 'dc1' })
    .host('c2', { site: 'dc1' })
    .host('c3', { site: 'dc1' })
    .host('c4', { site: 'dc1' })
    .keystore('k1', 'psk');
}

const psk = { auth: 'psk', keystore: 'k1' } as const;

describeRule(sharedPsk, {
  fires: [
    {
      title: '[X5] one PSK on a three-member overlay lets root on any member impersonate the other pair',
      build: () => fourHosts().overlay('ov1', ['c1', 'c2', 'c3'], { ipsec: psk }).build(),
      expected: [
        { subjects: ['k1', 'ov1'], severity: 'medium', mentions: ['k1', 'ov1', '3 hosts', 'c1, c2 and c3'] },
      ],
    },
    {
      title: '[§2.1] hosts are counted across overlays and policies that use the same key store',
      build: () =>
        fourHosts().overlay('ov1', ['c1', 'c2'], { ipsec: psk }).ipsec('p1', ['c2', 'c3'], psk).build(),
      expected: [{ subjects: ['k1', 'ov1', 'p1'], mentions: ['3 hosts'] }],
    },
    {
      title: '[§2.1] explicit tunnels on disjoint pairs still share the key among four hosts',
      build: () =>
        fourHosts()
          .tunnel('t1', ['c1', 'c2'], { ipsec: psk })
          .tunnel('t2', ['c3', 'c4'], { ipsec: psk })
          .build(),
      expected: [{ subjects: ['k1', 't1', 't2'], mentions: ['4 hosts'] }],
    },
    {
      title: '[§1.1 Overlay] members given by role selector are counted once resolved',
      build: () =>
        fourHosts()
          .overlay('ov1', { roles: ['compute'] }, { ipsec: psk })
          .build(),
      expected: [{ subjects: ['k1', 'ov1'], mentions: ['4 hosts'] }],
    },
  ],
  silent: [
    {
      title: '[§2.1] a PSK between exactly two hosts is theirs alone',
      build: () => fourHosts().overlay('ov1', ['c1', 'c2'], { ipsec: psk }).build(),
    },
    {
      title: '[§2.1] the same two hosts in an overlay and a policy are still two hosts',
      build: () =>
        fourHosts().overlay('ov1', ['c1', 'c2'], { ipsec: psk }).ipsec('p1', ['c2', 'c1'], psk).build(),
    },
    {
      title: '[X5] CA-signed certificates bind keys to one host',
      build: () =>
        fourHosts()
          .keystore('ca1', 'ca')
          .overlay('ov1', ['c1', 'c2', 'c3'], { ipsec: { auth: 'ca', keystore: 'ca1' } })
          .build(),
    },
    {
      title: '[§2.1] separate PSK key stores per pair are not shared',
      build: () =>
        fourHosts()
          .keystore('k2', 'psk')
          .tunnel('t1', ['c1', 'c2'], { ipsec: psk })
          .tunnel('t2', ['c3', 'c4'], { ipsec: { auth: 'psk', keystore: 'k2' } })
          .build(),
    },
  ],
});
