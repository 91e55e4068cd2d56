import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUnderlayRouter } from '../../../../src/engine/graph/underlay-router.ts';
import { indexScenario } from '../../../../src/engine/scenario-index.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import type { Scenario } from '../../../../src/model/types.ts';
import { scenarioArbitrary } from '../../../support/arbitraries.ts';
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

/** Every pair of nodes: path and distance of the router as used, and of the plain reading from each destination. */
function expectSameAsPlain(s: Scenario): void {
  const index = indexScenario(s);
  const reduced = createUnderlayRouter(index);
  const plain = createUnderlayRouter(index, { reduce: false });
  const ids = [...index.hosts.keys(), ...index.devices.keys(), 'no-such-node'];
  for (const from of ids) {
    for (const to of ids) {
      const got = reduced.path(from, to);
      const want = plain.path(from, to);
      expect(got && { nodes: got.nodes, links: got.links.map((l) => l.id) }, `${from} → ${to}`).toEqual(want && { nodes: want.nodes, links: want.links.map((l) => l.id) });
      expect(reduced.distance(from, to), `${from} → ${to}`).toBe(plain.distance(from, to));
    }
  }
}

describe('underlay paths between single-linked hosts, read between their switches', () => {
  it('[X1] equal the plain reading for every pair of nodes (small scenarios of every kind)', () => {
    for (const s of fc.sample(scenarioArbitrary, { seed: 31, numRuns: 150 })) expectSameAsPlain(s);
  });

  it('[X1] equal the plain reading in a generated region with gateways, a carrier and two sites', () => {
    expectSameAsPlain(generateScenario({ hosts: 60, seed: 5 }));
  });

  it('[X1] go through a single-linked host only when it is an end, and around a host with two links', () => {
    // a and b hang off sw1 and sw2; m (compute) has links to both switches but does not forward.
    const s = scenario().site('dc').host('a', { site: 'dc' }).host('b', { site: 'dc' }).host('m', { site: 'dc' })
      .device('sw1', { site: 'dc' }).device('sw2', { site: 'dc' })
      .link('la', ['a', 'sw1']).link('lb', ['b', 'sw2']).link('l12', ['sw1', 'sw2'])
      .link('lm1', ['m', 'sw1']).link('lm2', ['m', 'sw2'])
      .build();
    const r = createUnderlayRouter(indexScenario(s));
    expect(r.path('a', 'b')!.nodes).toEqual(['a', 'sw1', 'sw2', 'b']);
    expect(r.path('a', 'm')!.links.map((l) => l.id)).toEqual(['la', 'lm1']);
    expect(r.path('m', 'b')!.links.map((l) => l.id)).toEqual(['lm2', 'lb']);
    expect(r.path('sw1', 'a')!.nodes).toEqual(['sw1', 'a']);
    expect(r.distance('a', 'b')).toBe(3);
    expect(r.distance('a', 'a')).toBe(0);
  });
});
