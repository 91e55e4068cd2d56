import { plaintextLeavesSite } from '../../../../../src/engine/exposure/rules/plaintext-leaves-site.ts';
import { scenario } from '../../../../support/model-builder.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import {
  northSouth,
  siteToSite,
  twoHosts,
  twoSites,
  withOverlayVms,
} from '../../../../support/topologies.ts';

/** c1 – isp – c2 where isp is a carrier network, everything else in trusted site dc1. */
function viaCarrier() {
  return scenario()
    .site('dc1')
    .host('c1', { site: 'dc1' })
    .host('c2', { site: 'dc1' })
    .device('isp', { site: 'dc1', kind: 'carrier' })
    .link('l1', ['c1', 'isp'])
    .link('l2', ['isp', 'c2']);
}

describeRule(plaintextLeavesSite, {
  fires: [
    {
      title:
        '[X1, X8] plain Geneve between two sites exposes a confidential flow on the link that belongs to no site',
      build: () => withOverlayVms(twoSites()).flow('f1', { from: 'vm1', to: 'vm2' }).build(),
      expected: [{ subjects: ['f1', 'wan'], severity: 'high', mentions: ['f1', 'wan', 'vm1', 'vm2'] }],
    },
    {
      title:
        '[§2.1] a host-level flow through a shared colocation is reported once, naming both plaintext links',
      build: () => twoHosts('shared').flow('f1', { from: 'c1', to: 'c2' }).build(),
      expected: [{ subjects: ['f1', 'l1', 'l2'], mentions: ['l1 and l2'] }],
    },
    {
      title: '[§2.1] an untrusted site counts as outside the security domain',
      build: () => twoHosts('untrusted').flow('f1', { from: 'c1', to: 'c2' }).build(),
      expected: [{ subjects: ['f1', 'l1', 'l2'] }],
    },
    {
      title: '[§1.1 Device] links into a carrier network leave the domain even when the site is trusted',
      build: () => viaCarrier().flow('f1', { from: 'c1', to: 'c2' }).build(),
      expected: [{ subjects: ['f1', 'isp', 'l1', 'l2'] }],
    },
    {
      title: '[X3] MACsec without encrypt on the inter-site link hides nothing',
      build: () =>
        withOverlayVms(twoSites({ macsec: { encrypt: false, cipher: 'gcm-aes-128' } }))
          .flow('f1', { from: 'vm1', to: 'vm2' })
          .build(),
      expected: [{ subjects: ['f1', 'wan'] }],
    },
    {
      title: '[X3] overlay IPsec with cipher null leaves the payload readable between sites',
      build: () =>
        withOverlayVms(twoSites(), { cipher: 'null' }).flow('f1', { from: 'vm1', to: 'vm2' }).build(),
      expected: [{ subjects: ['f1', 'wan'] }],
    },
    {
      title: '[§2.1] each confidential flow gets its own finding',
      build: () =>
        withOverlayVms(twoSites())
          .flow('f1', { from: 'vm1', to: 'vm2' })
          .flow('f2', { from: 'vm2', to: 'vm1' })
          .build(),
      expected: [{ subjects: ['f1', 'wan'] }, { subjects: ['f2', 'wan'] }],
    },
    {
      title: '[X1] north–south traffic leaves the overlay IPsec at the gateway: only the uplink is reported',
      build: () => northSouth().flow('f1', { from: 'vm1', to: 'ext1' }).build(),
      expected: [{ subjects: ['f1', 'up'], mentions: ['vm1 → ext1', 'link up'] }],
    },
  ],
  silent: [
    {
      title: '[§1.1 IPsec policy] a tunnel-mode policy between the gateways protects the link between sites',
      build: () =>
        siteToSite()
          .ipsec('vpn', ['gw1', 'gw2'], { mode: 'tunnel' })
          .flow('f1', { from: 'c1', to: 'c2' })
          .build(),
    },
    {
      title: '[X2] overlay IPsec keeps the payload encrypted between sites',
      build: () =>
        withOverlayVms(twoSites(), { cipher: 'aes-gcm-256' }).flow('f1', { from: 'vm1', to: 'vm2' }).build(),
    },
    {
      title: "[§2.1] the flow's own TLS counts as confidentiality",
      build: () => withOverlayVms(twoSites()).flow('f1', { from: 'vm1', to: 'vm2', tls: true }).build(),
    },
    {
      title: '[§1.1 Flow] internal and public flows are not confidential',
      build: () =>
        withOverlayVms(twoSites())
          .flow('f1', { from: 'vm1', to: 'vm2', sensitivity: 'internal' })
          .flow('f2', { from: 'vm2', to: 'vm1', sensitivity: 'public' })
          .build(),
    },
    {
      title: '[§2.1] plaintext inside one trusted site stays inside the security domain',
      build: () => twoHosts('trusted').flow('f1', { from: 'c1', to: 'c2' }).build(),
    },
    {
      title: '[X1] a flow between workloads on one host never reaches a link',
      build: () =>
        withOverlayVms(twoSites())
          .workload('vm3', { host: 'c1', networks: ['n1'] })
          .flow('f1', { from: 'vm1', to: 'vm3' })
          .build(),
    },
    {
      title: '[X3] MACsec with encrypt on the inter-site link hides the payload there',
      build: () =>
        withOverlayVms(twoSites({ macsec: { encrypt: true, cipher: 'gcm-aes-128' } }))
          .flow('f1', { from: 'vm1', to: 'vm2' })
          .build(),
    },
  ],
});
