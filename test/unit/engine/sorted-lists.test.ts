/**
 * Sorted lists kept sorted (what an analysis session patches instead of sorting again): every
 * operation gives what sorting from scratch gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds, insertSorted, lowerBound, mergeSorted, patchSorted, removeSorted, slotOf } from '../../../src/engine/sorted-lists.ts';

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedSet = (ids: readonly string[]): string[] => [...new Set(ids)].sort(byCodeUnit);
const id = fc.string({ maxLength: 3 });

describe('sorted lists', () => {
  it('finds where an id is or would go, and whether it is there', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 20 }), id, (ids, probe) => {
        const list = sortedSet(ids);
        const at = slotOf(list, probe);
        expect(list.slice(0, at).every((x) => x < probe)).toBe(true);
        expect(list.slice(at).every((x) => x >= probe)).toBe(true);
        expect(holds(list, probe)).toBe(list.includes(probe));
        expect(lowerBound(list, (x) => x < probe)).toBe(at);
      }),
    );
  });

  it('inserts and removes ids like a set sorted again', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 20 }), fc.array(fc.tuple(fc.boolean(), id), { maxLength: 20 }), (start, ops) => {
        const list = sortedSet(start);
        const set = new Set(list);
        for (const [add, x] of ops) {
          if (add) {
            insertSorted(list, x);
            set.add(x);
          } else {
            expect(removeSorted(list, x) >= 0).toBe(set.delete(x));
          }
        }
        expect(list).toEqual(sortedSet([...set]));
      }),
    );
  });

  it('patches a copy: removed ids go, added ids land in order, none twice, the original untouched', () => {
    const before = ['f-a', 'f-c', 'f-e'];
    expect(patchSorted(before, ['f-c', 'f-x'], ['f-b', 'f-e', 'f-z'])).toEqual(['f-a', 'f-b', 'f-e', 'f-z']);
    expect(before).toEqual(['f-a', 'f-c', 'f-e']);
  });

  it('merges two sorted lists into the stable sort of both, the first list first on ties', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 9 })), fc.array(fc.nat({ max: 9 })), (a, b) => {
        const left = a.map((n) => ({ n, side: 'a' })).sort((x, y) => x.n - y.n);
        const right = b.map((n) => ({ n, side: 'b' })).sort((x, y) => x.n - y.n);
        expect(mergeSorted(left, right, (x, y) => x.n - y.n)).toEqual([...left, ...right].sort((x, y) => x.n - y.n));
      }),
    );
  });
});
