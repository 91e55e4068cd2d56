import { plaintextOnLink } from '../../../../../src/engine/exposure/rules/plaintext-on-link.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import { siteToSite, twoHosts, twoSites, withOverlayVms } from '../../../../support/topologies.ts';

describeRule(plaintextOnLink, {
  fires: [
    {
      title: '[X8] plaintext inside a trusted site is informational, one finding per link',
      build: () => twoHosts('trusted').flow('f1', { from: 'c1', to: 'c2' }).build(),
      expected: [
        { subjects: ['f1', 'l1'], severity: 'info', mentions: ['l1', 'f1', 'dc1'] },
        { subjects: ['f1', 'l2'], severity: 'info' },
      ],
    },
    {
      title: '[X8] plaintext in a shared site is a medium finding',
      build: () => twoHosts('shared').flow('f1', { from: 'c1', to: 'c2' }).build(),
      expected: [
        { subjects: ['f1', 'l1'], severity: 'medium' },
        { subjects: ['f1', 'l2'], severity: 'medium' },
      ],
    },
    {
      title: '[§1.1 Link] a link between sites is not trusted, whatever the trust of both sites',
      build: () => withOverlayVms(twoSites()).flow('f1', { from: 'vm1', to: 'vm2' }).build(),
      expected: [{ subjects: ['f1', 'wan'], severity: 'medium' }],
    },
    {
      title: '[X8] every flow whose payload is plaintext on the link is named, public ones too',
      build: () =>
        withOverlayVms(twoSites())
          .flow('f1', { from: 'vm1', to: 'vm2', sensitivity: 'public' })
          .flow('f2', { from: 'vm2', to: 'vm1' })
          .flow('f3', { from: 'vm2', to: 'vm1', tls: true })
          .build(),
      expected: [{ subjects: ['f1', 'f2', 'wan'], mentions: ['f1 and f2'] }],
    },
    {
      title: '[X3] ESP-NULL on the overlay does not hide the payload',
      build: () =>
        withOverlayVms(twoSites(), { cipher: 'null' }).flow('f1', { from: 'vm1', to: 'vm2' }).build(),
      expected: [{ subjects: ['f1', 'wan'] }],
    },
    {
      title:
        '[§1.1 IPsec policy] behind a site-to-site VPN the links inside both trusted sites stay plaintext',
      build: () =>
        siteToSite()
          .ipsec('vpn', ['gw1', 'gw2'], { mode: 'tunnel' })
          .flow('f1', { from: 'c1', to: 'c2' })
          .build(),
      expected: [
        { subjects: ['a1', 'f1'], severity: 'info' },
        { subjects: ['b1', 'f1'], severity: 'info', mentions: ['inside trusted site dc2'] },
      ],
    },
  ],
  silent: [
    {
      title: "[X8] a flow's TLS is a confidentiality layer around its payload",
      build: () => twoHosts('shared').flow('f1', { from: 'c1', to: 'c2', tls: true }).build(),
    },
    {
      title: '[X2] overlay IPsec encrypts the tunnel packets on every link',
      build: () =>
        withOverlayVms(twoSites(), { cipher: 'aes-gcm-128' }).flow('f1', { from: 'vm1', to: 'vm2' }).build(),
    },
    {
      title: '[X2] WireGuard between the hosts encrypts host-level flows',
      build: () =>
        twoHosts('shared').wireguard('wg1', ['c1', 'c2']).flow('f1', { from: 'c1', to: 'c2' }).build(),
    },
    {
      title: '[X8] links no flow crosses are idle, not plaintext',
      build: () => twoHosts('shared').build(),
    },
  ],
});
