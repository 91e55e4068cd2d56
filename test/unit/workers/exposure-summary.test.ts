import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Exposure } from '../../../src/engine/types.ts';
import { mergePositions, readableExposures, summarizeExposures } from '../../../workers/exposure-summary.ts';

const LEVELS = ['payload', 'headers', 'metadata', 'none'] as const;
const exposure = (flow: string, attacker: string, level: Exposure['level'], tamper = false): Exposure => ({
  flow,
  attacker,
  level,
  tamper,
  vantages: [],
  reasons: [],
});

/** The attacker list's order before the summary: a stable sort of the readable pairs by level. */
function sortedByLevel(exposures: Exposure[], attackers: string[]): Exposure[] {
  return exposures
    .filter(
      (e) => attackers.includes(e.attacker) && (e.level === 'payload' || e.level === 'headers' || e.tamper),
    )
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
}

const pairs = fc.array(
  fc.record({
    attacker: fc.constantFrom('a', 'b', 'c'),
    level: fc.constantFrom(...LEVELS),
    tamper: fc.boolean(),
  }),
  { maxLength: 60 },
);

describe('summarizeExposures', () => {
  it('counts, per attacker, the flows it reads (payload, headers) and can tamper with', () => {
    const list = [
      exposure('f1', 'a', 'payload', true),
      exposure('f1', 'b', 'none'),
      exposure('f2', 'a', 'headers'),
      exposure('f2', 'b', 'metadata', true),
    ];
    const s = summarizeExposures(list);
    expect(s.a).toMatchObject({ payload: 1, headers: 1, tamper: 1 });
    expect(s.b).toMatchObject({ payload: 0, headers: 0, tamper: 1 });
    expect([...(s.b?.at.metadata ?? [])]).toEqual([3]);
    // A pair that sees nothing and cannot tamper is not listed.
    expect([...(s.b?.at.none ?? [])]).toEqual([]);
  });

  it('lists the readable or tamperable pairs of any attackers in the order of a stable sort by level', () => {
    fc.assert(
      fc.property(pairs, fc.subarray(['a', 'b', 'c']), (raw, chosen) => {
        const list = raw.map((p, i) => exposure(`f${i}`, p.attacker, p.level, p.tamper));
        expect(readableExposures(list, summarizeExposures(list), chosen)).toEqual(
          sortedByLevel(list, chosen),
        );
      }),
    );
  });

  it('merges position lists into list order', () => {
    expect([...mergePositions([Int32Array.of(1, 5, 9), undefined, Int32Array.of(0, 6)])]).toEqual([
      0, 1, 5, 6, 9,
    ]);
    expect([...mergePositions([])]).toEqual([]);
  });
});
