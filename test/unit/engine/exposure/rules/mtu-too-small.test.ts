import { mtuTooSmall } from '../../../../../src/engine/exposure/rules/mtu-too-small.ts';
import type { ScenarioBuilder } from '../../../../support/model-builder.ts';
import { scenario } from '../../../../support/model-builder.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import { twoHosts } from '../../../../support/topologies.ts';

/** Overlay ov1 (Geneve with OVN's 8-byte option unless `type` says otherwise), network n1 at `mtu`, flow f1 vm1 → vm2. */
function overlayNetwork(
  builder: ScenarioBuilder,
  mtu: number | undefined,
  overlay: Parameters<ScenarioBuilder['overlay']>[2] = {},
) {
  return builder
    .overlay('ov1', ['c1', 'c2'], overlay)
    .network(
      'n1',
      mtu === undefined ? { kind: 'overlay', overlay: 'ov1' } : { kind: 'overlay', overlay: 'ov1', mtu },
    )
    .workload('vm1', { host: 'c1', networks: ['n1'] })
    .workload('vm2', { host: 'c2', networks: ['n1'] })
    .flow('f1', { from: 'vm1', to: 'vm2' });
}

/** Like twoHosts, but every NIC has MTU 9000: links take min(9000, device 9216) = 9000 (SPEC §1.1 Link). */
function jumboHosts(): ScenarioBuilder {
  return scenario()
    .site('dc1')
    .host('c1', { site: 'dc1', nic: { gbps: 25, mtu: 9000, offload: [] } })
    .host('c2', { site: 'dc1', nic: { gbps: 25, mtu: 9000, offload: [] } })
    .device('sw1', { site: 'dc1' })
    .link('l1', ['c1', 'sw1'])
    .link('l2', ['sw1', 'c2']);
}

describeRule(mtuTooSmall, {
  fires: [
    {
      // Geneve with one 8-byte option on IPv4 = 20 + 8 + 8 + 8 + 14 = 58 bytes; 1500 − 58 = 1442 (domain-facts A.2).
      title: '[T2] a 1500-byte network over OVN-style Geneve on a 1500-byte underlay: only 1442 fit',
      build: () => overlayNetwork(twoHosts(), 1500).build(),
      expected: [
        { subjects: ['f1', 'n1'], severity: 'medium', mentions: ['n1', 'MTU 1500', 'only 1442', 'f1'] },
      ],
    },
    {
      // 1443 > 1442 by one byte.
      title: '[T2] one byte too many is too many',
      build: () => overlayNetwork(twoHosts(), 1443).build(),
      expected: [{ subjects: ['f1', 'n1'], mentions: ['only 1442'] }],
    },
    {
      // ESP transport AES-GCM-16 over OVN Geneve on IPv4, kernel formula: inner L3 MTU 1408 (domain-facts A.2 table).
      title: '[T2] overlay IPsec takes its ESP bytes too: 1442 no longer fits, 1408 does',
      build: () => overlayNetwork(twoHosts(), 1442, { ipsec: { cipher: 'aes-gcm-256' } }).build(),
      expected: [{ subjects: ['f1', 'n1'], mentions: ['only 1408'] }],
    },
    {
      // SPEC T2: MACsec takes 32 bytes of the link MTU; 1500 − 32 − 58 = 1410.
      title: '[T2] MACsec on the links takes 32 bytes of the underlay MTU',
      build: () =>
        overlayNetwork(
          twoHosts('trusted', { macsec: { encrypt: true, cipher: 'gcm-aes-128' } }),
          1442,
        ).build(),
      expected: [{ subjects: ['f1', 'n1'], mentions: ['only 1410'] }],
    },
    {
      // VXLAN on IPv4 = 20 + 8 + 8 + 14 = 50 bytes; 1500 − 50 = 1450 (domain-facts A.2).
      title: '[T2] plain VXLAN leaves 1450 bytes',
      build: () => overlayNetwork(twoHosts(), 1500, { type: 'vxlan' }).build(),
      expected: [{ subjects: ['f1', 'n1'], mentions: ['only 1450'] }],
    },
  ],
  silent: [
    {
      title: '[T2] a network MTU of exactly 1442 fits OVN-style Geneve on 1500 bytes',
      build: () => overlayNetwork(twoHosts(), 1442).build(),
    },
    {
      title: '[T2] a network without mtu takes the smallest inner MTU of its flows',
      build: () => overlayNetwork(twoHosts(), undefined, { ipsec: {} }).build(),
    },
    {
      // 9000 − 58 = 8942 ≥ 8900.
      title: '[T2] jumbo frames on the underlay leave room for a 8900-byte network',
      build: () => overlayNetwork(jumboHosts(), 8900, { ipsec: {} }).build(),
    },
    {
      title: '[T2] a flow that never leaves its host has no inner MTU to compare',
      build: () =>
        twoHosts()
          .overlay('ov1', ['c1', 'c2'])
          .network('n1', { kind: 'overlay', overlay: 'ov1', mtu: 9000 })
          .workload('vm1', { host: 'c1', networks: ['n1'] })
          .workload('vm3', { host: 'c1', networks: ['n1'] })
          .flow('f1', { from: 'vm1', to: 'vm3' })
          .build(),
    },
  ],
});
