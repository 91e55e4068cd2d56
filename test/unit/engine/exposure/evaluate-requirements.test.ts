/**
 * Requirement failures are listed in SPEC §4 order (by flow, then attacker); an analysis session
 * merges the failures it kept with the few it found again instead of sorting them all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeFailures, sortFailures, type RequirementFailure } from '../../../../src/engine/exposure/evaluate-requirements.ts';

const failure = (flow: string, attacker: string): RequirementFailure => ({ flow, attacker }) as RequirementFailure;

describe('requirement failures', () => {
  it('[§4] sorts by flow, then attacker, by code unit', () => {
    const sorted = sortFailures([failure('f-b', 'a-1'), failure('f-a', 'a-2'), failure('f-a', 'a-10'), failure('F-z', 'a-0')]);
    expect(sorted.map((f) => `${f.flow}/${f.attacker}`)).toEqual(['F-z/a-0', 'f-a/a-10', 'f-a/a-2', 'f-b/a-1']);
  });

  it('[§4] merging two sorted lists gives the sort of both together', () => {
    const pair = fc.tuple(fc.constantFrom('f-1', 'f-2', 'f-10', 'g'), fc.constantFrom('a', 'b', 'c'));
    fc.assert(
      fc.property(fc.uniqueArray(pair, { selector: ([f, a]) => `${f}/${a}` }), fc.nat(), (pairs, cut) => {
        const all = pairs.map(([f, a]) => failure(f, a));
        const at = all.length === 0 ? 0 : cut % (all.length + 1);
        const merged = mergeFailures(sortFailures(all.slice(0, at)), sortFailures(all.slice(at)));
        expect(merged).toEqual(sortFailures(all.slice()));
      }),
    );
  });
});
