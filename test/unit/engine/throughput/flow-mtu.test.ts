import { describe, expect, it } from 'vitest';
import { analyzeExposure } from '../../../../src/engine/exposure/analyze-exposure.ts';
import { flowMtu } from '../../../../src/engine/throughput/flow-mtu.ts';
import type { FlowTrace } from '../../../../src/engine/types.ts';
import type { Scenario } from '../../../../src/model/types.ts';
import { twoHosts, withOverlayVms } from '../../../support/topologies.ts';
import { encap, esp } from './wraps.ts';

function flowResult(model: Scenario, id = 'f1') {
  return analyzeExposure(model).result.flows.find((f) => f.id === id)!;
}

describe('flowMtu', () => {
  it('[T2] OVN Geneve + overlay IPsec AES-GCM on 1500-byte links: innerMtu 1408, overhead 92 (SPEC §4)', () => {
    const model = withOverlayVms(twoHosts(), { cipher: 'aes-gcm-256', auth: 'cert' })
      .flow('f1', { from: 'vm1', to: 'vm2' })
      .build();
    expect(flowResult(model)).toMatchObject({ innerMtu: 1408, overheadBytes: 92 });
  });

  it('[T2] plain OVN Geneve: innerMtu 1500 − 58 = 1442, overhead 58', () => {
    const model = withOverlayVms(twoHosts()).flow('f1', { from: 'vm1', to: 'vm2' }).build();
    expect(flowResult(model)).toMatchObject({ innerMtu: 1442, overheadBytes: 58 });
  });

  it('[T2] the smallest link decides: a 1400-byte link leaves 1400 − 58 = 1342', () => {
    const model = withOverlayVms(twoHosts().link('l3', ['c1', 'c2'], { mtu: 1400 }))
      .flow('f1', { from: 'vm1', to: 'vm2' })
      .build();
    // c1–c2 directly (1 hop, link l3) is shorter than c1–sw1–c2, so the path is l3 alone.
    expect(flowResult(model)).toMatchObject({ innerMtu: 1342, overheadBytes: 58 });
  });

  it('[T1] a WireGuard mesh between the hosts: host-level flow innerMtu 1440, overhead 60', () => {
    const model = twoHosts().wireguard('wg1', ['c1', 'c2']).flow('f1', { from: 'c1', to: 'c2' }).build();
    expect(flowResult(model)).toMatchObject({ innerMtu: 1440, overheadBytes: 60 });
  });

  it('[T2] MACsec on both links: 1500 − 32 = 1468, overhead 32', () => {
    const model = twoHosts().flow('f1', { from: 'c1', to: 'c2' }).build();
    model.links = model.links.map((l) => ({
      ...l,
      macsec: { encrypt: true, cipher: 'gcm-aes-128' as const },
    }));
    expect(flowResult(model)).toMatchObject({ innerMtu: 1468, overheadBytes: 32 });
  });

  it('[T2] a flow that never leaves its host has innerMtu and overheadBytes null', () => {
    const model = withOverlayVms(twoHosts())
      .workload('vm3', { host: 'c1', networks: ['n1'] })
      .flow('f1', { from: 'vm1', to: 'vm3' })
      .build();
    expect(flowResult(model)).toMatchObject({ innerMtu: null, overheadBytes: null });
  });

  it('[T2] a flow with no path has innerMtu and overheadBytes null', () => {
    const model = twoHosts().host('c3', { site: 'dc1' }).flow('f1', { from: 'c1', to: 'c3' }).build();
    expect(flowResult(model)).toMatchObject({ innerMtu: null, overheadBytes: null });
  });

  it('[T2] overhead is taken where it is most, at the full-size packet', () => {
    const index = analyzeExposure(twoHosts().build()).index;
    const trace: FlowTrace = {
      flow: 'f1',
      path: [],
      hosts: ['c1', 'c2'],
      innerStack: [],
      local: false,
      hops: [
        { link: 'l1', from: 'c1', to: 'sw1', wraps: [esp(), encap('geneve')], stack: [] },
        { link: 'l2', from: 'sw1', to: 'c2', wraps: [encap('geneve')], stack: [] },
      ],
    };
    expect(flowMtu(trace, index)).toEqual({ innerMtu: 1408, overheadBytes: 92 });
  });
});
