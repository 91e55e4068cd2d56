import { integrityOnly } from '../../../../../src/engine/exposure/rules/integrity-only.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import { twoHosts, twoSites, withOverlayVms } from '../../../../support/topologies.ts';

const macsecIntegrity = { macsec: { encrypt: false, cipher: 'gcm-aes-128' } } as const;

describeRule(integrityOnly, {
  fires: [
    {
      title: '[X3] overlay IPsec with cipher null on the path of a confidential flow',
      build: () =>
        withOverlayVms(twoHosts(), { cipher: 'null' }).flow('f1', { from: 'vm1', to: 'vm2' }).build(),
      expected: [{ subjects: ['f1', 'ov1'], severity: 'medium', mentions: ['f1', 'ESP-NULL of ov1'] }],
    },
    {
      title: '[X3] MACsec without encrypt, reported once per link although the flow crosses two',
      build: () => twoHosts('trusted', macsecIntegrity).flow('f1', { from: 'c1', to: 'c2' }).build(),
      expected: [{ subjects: ['f1', 'l1', 'l2'], mentions: ['MACsec without encrypt on l1'] }],
    },
    {
      title: '[§2.1] the rule fires whatever the flow’s TLS, at low severity then',
      build: () =>
        withOverlayVms(twoSites(macsecIntegrity)).flow('f1', { from: 'vm1', to: 'vm2', tls: true }).build(),
      expected: [{ subjects: ['f1', 'wan'], severity: 'low' }],
    },
    {
      title: '[§2.1] it fires even when an encrypting layer also wraps the packet',
      build: () =>
        withOverlayVms(twoSites(macsecIntegrity), { cipher: 'aes-gcm-256' })
          .flow('f1', { from: 'vm1', to: 'vm2' })
          .build(),
      expected: [{ subjects: ['f1', 'wan'] }],
    },
  ],
  silent: [
    {
      title: '[§2.1] internal and public flows are not confidential',
      build: () =>
        withOverlayVms(twoHosts(), { cipher: 'null' })
          .flow('f1', { from: 'vm1', to: 'vm2', sensitivity: 'internal' })
          .flow('f2', { from: 'vm2', to: 'vm1', sensitivity: 'public' })
          .build(),
    },
    {
      title: '[X3] encrypting ciphers and MACsec with encrypt hide the payload',
      build: () =>
        withOverlayVms(twoSites({ macsec: { encrypt: true, cipher: 'gcm-aes-256' } }), {
          cipher: 'chacha20-poly1305',
        })
          .flow('f1', { from: 'vm1', to: 'vm2' })
          .build(),
    },
    {
      title: '[X1] integrity-only layers off the path do not matter',
      build: () =>
        withOverlayVms(twoHosts('trusted', macsecIntegrity))
          .workload('vm3', { host: 'c1', networks: ['n1'] })
          .flow('f1', { from: 'vm1', to: 'vm3' })
          .build(),
    },
  ],
});
