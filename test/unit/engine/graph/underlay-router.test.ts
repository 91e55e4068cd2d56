import { describe, expect, it } from 'vitest';
import { createUnderlayRouter } from '../../../../src/engine/graph/underlay-router.ts';
import { indexScenario } from '../../../../src/engine/scenario-index.ts';
import { scenario } from '../../../support/model-builder.ts';

function router(s: ReturnType<ReturnType<typeof scenario>['build']>) {
  return createUnderlayRouter(indexScenario(s));
}

describe('underlay paths (SPEC X1)', () => {
  it('[X1] takes the fewest-hops path through switches', () => {
    const s = scenario().site('dc').host('a', { site: 'dc' }).host('b', { site: 'dc' })
      .device('sw1', { site: 'dc' }).device('sw2', { site: 'dc' }).device('sw3', { site: 'dc' })
      .link('l1', ['a', 'sw1']).link('l2', ['sw1', 'b'])
      .link('l0', ['a', 'sw2']).link('l3', ['sw2', 'sw3']).link('l4', ['sw3', 'b'])
      .build();
    const p = router(s).path('a', 'b')!;
    expect(p.nodes).toEqual(['a', 'sw1', 'b']);
    expect(p.links.map((l) => l.id)).toEqual(['l1', 'l2']);
  });

  it('[X1] among equally short paths picks the smallest link-id sequence read from the source, id by id', () => {
    // a–sw1 is "l2", a–sw2 is "l1"; sw1–b is "l0", sw2–b is "l9".
    // Sequences: [l2, l0] and [l1, l9]; compared id by id, l1 < l2, so the path goes through sw2
    // (a rule comparing the last id or the sorted set would pick sw1).
    const s = scenario().site('dc').host('a', { site: 'dc' }).host('b', { site: 'dc' })
      .device('sw1', { site: 'dc' }).device('sw2', { site: 'dc' })
      .link('l2', ['a', 'sw1']).link('l0', ['sw1', 'b']).link('l1', ['a', 'sw2']).link('l9', ['sw2', 'b'])
      .build();
    expect(router(s).path('a', 'b')!.links.map((l) => l.id)).toEqual(['l1', 'l9']);
    // Read from the other end the sequences are [l0, l2] and [l9, l1]: l0 wins.
    expect(router(s).path('b', 'a')!.links.map((l) => l.id)).toEqual(['l0', 'l2']);
  });

  it('[X1] hosts other than the endpoints forward only with role network or gateway', () => {
    const build = (role: 'compute' | 'network' | 'gateway') =>
      scenario().site('dc').host('a', { site: 'dc' }).host('mid', { site: 'dc', role }).host('b', { site: 'dc' })
        .link('l1', ['a', 'mid']).link('l2', ['mid', 'b']).build();
    expect(router(build('compute')).path('a', 'b')).toBeUndefined();
    expect(router(build('network')).path('a', 'b')!.nodes).toEqual(['a', 'mid', 'b']);
    expect(router(build('gateway')).distance('a', 'b')).toBe(2);
  });

  it('[X1] a compute host is still reachable as an endpoint behind a switch', () => {
    const s = scenario().site('dc').host('a', { site: 'dc' }).host('b', { site: 'dc' }).device('sw', { site: 'dc' })
      .link('l1', ['a', 'sw']).link('l2', ['sw', 'b']).build();
    expect(router(s).distance('b', 'a')).toBe(2);
    expect(router(s).path('a', 'a')!.nodes).toEqual(['a']);
  });
});
