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

  it('merges a few items into a long list the same way, whichever side the few are on, ties included', () => {
    // Over 400 items against at most six: the few are placed by binary search.
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20 }), { minLength: 400, maxLength: 600 }), fc.array(fc.nat({ max: 20 }), { maxLength: 6 }), fc.boolean(), (long, short, fewFirst) => {
        const tag = (side: string) => (n: number) => ({ n, side });
        const many = long.map(tag('many')).sort((x, y) => x.n - y.n);
        const few = short.map(tag('few')).sort((x, y) => x.n - y.n);
        const [a, b] = fewFirst ? [few, many] : [many, few];
        const merged = mergeSorted(a, b, (x, y) => x.n - y.n);
        expect(merged).toEqual([...a, ...b].sort((x, y) => x.n - y.n));
        // The items themselves, not copies.
        expect(new Set(merged)).toEqual(new Set([...a, ...b]));
      }),
    );
    // Items that are lists stay items (the runs are joined one level deep).
    const lists = Array.from({ length: 100 }, (_, i) => [i, i]);
    expect(mergeSorted(lists, [[7]], (x, y) => x[0]! - y[0]!)).toEqual([...lists.slice(0, 8), [7], ...lists.slice(8)]);
  });
});
