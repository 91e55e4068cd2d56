import { describe, expect, it } from 'vitest';
import { explainFlowEstimates } from '../../../../src/engine/throughput/explain-flows.ts';
import { scenario } from '../../../support/model-builder.ts';

describe('explainFlowEstimates (SPEC T6, X9)', () => {
  it('[T3][T6] names the binding link with the wire arithmetic: 10 × 1402 / (1442 + 58 + 38) = 9.12 Gbit/s', () => {
    // Plain OVN Geneve over 10 Gbit/s, MTU 1500: inner MTU 1500 − 58 = 1442, payload 1442 − 20 − 20 = 1402.
    const s = scenario()
      .site('dc')
      .host('a', { site: 'dc' })
      .host('b', { site: 'dc' })
      .device('sw', { site: 'dc' })
      .link('l1', ['a', 'sw'])
      .link('l2', ['sw', 'b'])
      .overlay('ov', ['a', 'b'])
      .network('n', { overlay: 'ov' })
      .workload('vm1', { host: 'a', networks: ['n'] })
      .workload('vm2', { host: 'b', networks: ['n'] })
      .flow('f', { from: 'vm1', to: 'vm2' })
      .build();
    const why = explainFlowEstimates(s);
    expect(Object.keys(why)).toEqual(['f']);
    expect(why['f']![0]).toMatch(/^link:l1 limits the flow to 9\.12 Gbit\/s: 10 Gbit\/s × 1402 payload bytes/);
  });

  it('only explains the flows asked for', () => {
    expect(explainFlowEstimates(scenario().build(), ['nope'])).toEqual({});
  });
});
