import { providerNetworkUnencrypted } from '../../../../../src/engine/exposure/rules/provider-network-unencrypted.ts';
import type { ScenarioBuilder } from '../../../../support/model-builder.ts';
import { describeRule } from '../../../../support/rule-cases.ts';
import { twoHosts, withOverlayVms } from '../../../../support/topologies.ts';

/** Adds VLAN provider network prov (VLAN 100) with pvm1 on c1 and pvm2 on c2, and flow p1 between them. */
function withProviderFlow(builder: ScenarioBuilder, tls = false): ScenarioBuilder {
  return builder
    .network('prov', { kind: 'vlan', vlan: 100 })
    .workload('pvm1', { host: 'c1', networks: ['prov'] })
    .workload('pvm2', { host: 'c2', networks: ['prov'] })
    .flow('p1', { from: 'pvm1', to: 'pvm2', tls });
}

describeRule(providerNetworkUnencrypted, {
  fires: [
    {
      title:
        '[§1.1 Network] overlay IPsec never covers a VLAN network: its flows between hosts stay unencrypted',
      build: () => withProviderFlow(withOverlayVms(twoHosts(), {})).build(),
      expected: [{ subjects: ['p1', 'prov'], severity: 'medium', mentions: ['prov', 'p1', 'ov1'] }],
    },
    {
      title: '[§2.1] application TLS on the provider flow does not count',
      build: () => withProviderFlow(withOverlayVms(twoHosts(), {}), true).build(),
      expected: [{ subjects: ['p1', 'prov'] }],
    },
    {
      title: '[§1.1 IPsec policy] a host transport-mode policy never sees bridged VLAN frames either',
      build: () =>
        withProviderFlow(withOverlayVms(twoHosts(), {}))
          .ipsec('host-esp', ['c1', 'c2'], { mode: 'transport' })
          .build(),
      expected: [{ subjects: ['p1', 'prov'] }],
    },
    {
      title: '[§1.1 WireGuard] a WireGuard mesh encrypts tunnel packets but not flat-network frames',
      build: () =>
        twoHosts()
          .wireguard('wg1', ['c1', 'c2'])
          .network('flat1', { kind: 'flat' })
          .workload('pvm1', { host: 'c1', networks: ['flat1'] })
          .workload('pvm2', { host: 'c2', networks: ['flat1'] })
          .flow('p1', { from: 'pvm1', to: 'pvm2' })
          .build(),
      expected: [{ subjects: ['flat1', 'p1'], mentions: ['Flat network flat1', 'wg1'] }],
    },
  ],
  silent: [
    {
      title: '[§2.1] without encrypted overlays a plaintext provider network is no surprise',
      build: () => withProviderFlow(withOverlayVms(twoHosts())).build(),
    },
    {
      title: '[X3] an overlay with cipher null is not encrypted',
      build: () => withProviderFlow(withOverlayVms(twoHosts(), { cipher: 'null' })).build(),
    },
    {
      title: '[X1] provider flows between workloads on one host never cross a link',
      build: () =>
        withOverlayVms(twoHosts(), {})
          .network('prov', { kind: 'vlan', vlan: 100 })
          .workload('pvm1', { host: 'c1', networks: ['prov'] })
          .workload('pvm3', { host: 'c1', networks: ['prov'] })
          .flow('p1', { from: 'pvm1', to: 'pvm3' })
          .build(),
    },
    {
      title: '[X2] MACsec with encrypt on every link protects the provider frames',
      build: () =>
        withProviderFlow(
          withOverlayVms(twoHosts('trusted', { macsec: { encrypt: true, cipher: 'gcm-aes-256' } }), {}),
        ).build(),
    },
    {
      title: '[§2.1] overlay flows are not provider-network flows',
      build: () => withOverlayVms(twoHosts(), {}).flow('f1', { from: 'vm1', to: 'vm2' }).build(),
    },
  ],
});
