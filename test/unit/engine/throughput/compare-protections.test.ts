import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../../src/engine/analyze-scenario.ts';
import { compareProtections } from '../../../../src/engine/throughput/compare-protections.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import {
  stripProtections,
  withMacsecEverywhere,
  withOverlayIpsec,
  withTlsOnly,
  withWireguardMesh,
} from '../../../../src/engine/throughput/scenario-alternatives.ts';
import { twoHosts, withOverlayVms } from '../../../support/topologies.ts';

// VMs on c1 and c2 over OVN Geneve with IPsec, a host-level API flow, a passive tap on l1.
function model() {
  return withOverlayVms(twoHosts(), { cipher: 'aes-gcm-256', auth: 'cert' })
    .flow('f1', { from: 'vm1', to: 'vm2', rateGbps: 1 })
    .flow('api', { from: 'c1', to: 'c2', rateGbps: 0.5, port: 443 })
    .attacker('tap', { at: { links: ['l1'] } })
    .build();
}

describe('compareProtections (T8)', () => {
  const rows = new Map(compareProtections(model()).alternatives.map((a) => [a.id, a]));

  it('[T8] tabulates the scenario as configured and every alternative, in a fixed order', () => {
    expect([...rows.keys()]).toEqual([
      'current',
      'none',
      'ipsec-aes-gcm-128',
      'ipsec-aes-gcm-256',
      'ipsec-chacha20-poly1305',
      'ipsec-aes-cbc-hmac-sha256',
      'ipsec-null',
      'wireguard',
      'macsec',
      'tls',
    ]);
  });

  it('[T8] MTU left for workloads follows T2 for each alternative', () => {
    // none: Geneve 1500 − 58 = 1442; IPsec AES-GCM 1408; CBC 1400; WireGuard around Geneve 1440 − 58 = 1382;
    // MACsec 1468 − 58 = 1410; TLS adds nothing below IP: 1442. The host-level api flow is larger in each case.
    const mtu = (id: string) => rows.get(id)!.minInnerMtu;
    expect([
      mtu('none'),
      mtu('ipsec-aes-gcm-256'),
      mtu('ipsec-aes-cbc-hmac-sha256'),
      mtu('wireguard'),
      mtu('macsec'),
      mtu('tls'),
    ]).toEqual([1442, 1408, 1400, 1382, 1410, 1442]);
  });

  it('[T8] without encryption nothing costs crypto cores and the tap reads both payloads (passive: no tampering, X7)', () => {
    const none = rows.get('none')!;
    expect(none.cryptoCores).toBe(0);
    expect(none.exposure).toEqual([
      { attacker: 'tap', payload: ['api', 'f1'], headers: [], tamper: [], worst: 'payload' },
    ]);
  });

  it('[T8] overlay IPsec covers only tunnel traffic: the host-level api flow stays readable (SPEC D.3)', () => {
    expect(rows.get('ipsec-aes-gcm-128')!.exposure[0]).toMatchObject({ payload: ['api'], worst: 'payload' });
    // ESP-NULL protects integrity only (X3): the tap still reads f1.
    expect(rows.get('ipsec-null')!.exposure[0]!.payload).toEqual(['api', 'f1']);
  });

  it('[T8] WireGuard between the hosts and MACsec on every link leave the tap only metadata', () => {
    for (const id of ['wireguard', 'macsec'])
      expect(rows.get(id)!.exposure[0]).toMatchObject({ payload: [], headers: [], worst: 'metadata' });
  });

  it('[T8] application TLS only leaves the inner headers readable', () => {
    expect(rows.get('tls')!.exposure[0]).toMatchObject({
      payload: [],
      headers: ['api', 'f1'],
      worst: 'headers',
    });
  });

  it('[T8] encrypting costs single-flow speed and cores: IPsec AES-GCM is slower than none, and CBC costs more cores than GCM', () => {
    expect(rows.get('ipsec-aes-gcm-256')!.minSingleFlowGbps!).toBeLessThan(
      rows.get('none')!.minSingleFlowGbps!,
    );
    expect(rows.get('ipsec-aes-cbc-hmac-sha256')!.cryptoCores).toBeGreaterThan(
      rows.get('ipsec-aes-gcm-256')!.cryptoCores,
    );
    expect(rows.get('ipsec-aes-gcm-256')!.slowestFlow).toBe('f1');
  });
});

describe('compareProtections with the analysis at hand', () => {
  it('gives the same table when the scenario\'s own analysis (every attacker) is passed as its first row', () => {
    // A report and `analyze --compare` pass the analysis they made; the comparison alone makes its own.
    for (const scenario of [model(), generateScenario({ hosts: 12, seed: 3 })]) {
      expect(compareProtections(scenario, analyzeScenario(scenario))).toEqual(compareProtections(scenario));
    }
  });
});

describe('scenario alternatives', () => {
  it('[T8] the transforms are pure: the input scenario is unchanged (they share the entities they leave alone)', () => {
    const input = model();
    const before = JSON.stringify(input);
    stripProtections(input);
    withOverlayIpsec(input, 'chacha20-poly1305');
    withWireguardMesh(input);
    withMacsecEverywhere(input);
    withTlsOnly(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('[T8] overlay IPsec keeps the configured authentication and sets the cipher', () => {
    const s = withOverlayIpsec(model(), 'chacha20-poly1305');
    expect(s.overlays[0]!.ipsec).toMatchObject({ cipher: 'chacha20-poly1305', auth: 'cert' });
    expect(s.ipsec).toEqual([]);
  });

  it('[T8] the WireGuard mesh joins every host with tunnels or host-level flows', () => {
    const s = withWireguardMesh(twoHosts().host('c3', { site: 'dc1' }).build());
    expect(s.wireguard).toEqual([]);
    expect(withWireguardMesh(model()).wireguard).toEqual([
      { id: 'plainsight-wireguard', members: ['c1', 'c2'] },
    ]);
  });
});
