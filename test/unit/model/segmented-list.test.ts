import { describe, expect, it } from 'vitest';
import { SegmentedList } from '../../../src/model/segmented-list.ts';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every way to read a list, as plain arrays. */
function readings(list: SegmentedList<{ n: number }>) {
  // One position at a time: each read finds its segment afresh.
  const byPosition: { n: number }[] = [];
  for (let i = 0; i < list.length; i++) list.forEachIn(i, i + 1, (x) => byPosition.push(x));
  const byForEach: { n: number }[] = [];
  list.forEach((x) => byForEach.push(x));
  return { byPosition, byForEach };
}

describe('SegmentedList', () => {
  it('reads back what was pushed and appended, every way, through chains of lists made from lists', () => {
    const next = random(7);
    // Each list beside the plain array it should equal.
    const lists: { list: SegmentedList<{ n: number }>; plain: { n: number }[] }[] = [];
    let made = 0;
    for (let l = 0; l < 12; l++) {
      const list = new SegmentedList<{ n: number }>();
      const plain: { n: number }[] = [];
      for (let step = 0; step < 40; step++) {
        if (lists.length === 0 || next() < 0.4) {
          const item = { n: made++ };
          list.push(item);
          plain.push(item);
        } else {
          const source = lists[Math.floor(next() * lists.length)]!;
          // Ranges of up to 60 items, so that lists made from lists stay small.
          const from = Math.floor(next() * (source.plain.length + 1));
          const to = from + Math.floor(next() * (Math.min(60, source.plain.length - from) + 1));
          list.appendRange(source.list, from, to);
          plain.push(...source.plain.slice(from, to));
        }
      }
      lists.push({ list, plain });
      expect(list.length).toBe(plain.length);
      const { byPosition, byForEach } = readings(list);
      // The very same objects, in the same order.
      const same = (read: unknown[], from = 0): boolean => read.every((x, i) => x === plain[from + i]);
      for (const read of [byPosition, byForEach]) {
        expect(read).toHaveLength(plain.length);
        expect(same(read)).toBe(true);
      }
      for (let k = 0; k < 20; k++) {
        const from = Math.floor(next() * (plain.length + 1));
        const to = from + Math.floor(next() * (plain.length - from + 1));
        const seen: { n: number }[] = [];
        list.forEachIn(from, to, (x) => seen.push(x));
        expect(seen).toHaveLength(to - from);
        expect(same(seen, from)).toBe(true);
      }
    }
  });

  it('compares two lists item by item, skipping runs that lie in the same place of the same array', () => {
    const items = Array.from({ length: 100 }, (_, n) => ({ n }));
    const a = new SegmentedList<{ n: number }>();
    for (const item of items) a.push(item);
    const calls: number[] = [];
    const equal = (x: { n: number }, y: { n: number }): boolean => (calls.push(x.n), x.n === y.n);
    // A list replaying all of `a` in two ranges: the same storage, never looked at.
    const b = new SegmentedList<{ n: number }>();
    b.appendRange(a, 0, 40);
    b.appendRange(a, 40, 100);
    expect(b.sameAs(a, equal)).toBe(true);
    expect(a.sameAs(b, equal)).toBe(true);
    expect(calls).toEqual([]);
    // Equal copies in the middle are compared one by one; the replayed runs around them are not.
    const c = new SegmentedList<{ n: number }>();
    c.appendRange(a, 0, 30);
    for (let n = 30; n < 35; n++) c.push({ n });
    c.appendRange(a, 35, 100);
    expect(c.sameAs(a, equal)).toBe(true);
    expect(calls).toEqual([30, 31, 32, 33, 34]);
    // Other items, another length, a shifted replay: not the same.
    const d = new SegmentedList<{ n: number }>();
    d.appendRange(a, 0, 50);
    d.push({ n: -1 });
    d.appendRange(a, 51, 100);
    expect(d.sameAs(a, equal)).toBe(false);
    const shorter = new SegmentedList<{ n: number }>();
    shorter.appendRange(a, 0, 99);
    expect(shorter.sameAs(a, equal)).toBe(false);
    const shifted = new SegmentedList<{ n: number }>();
    shifted.appendRange(a, 1, 100);
    shifted.push(items[0]!);
    expect(shifted.sameAs(a, (x, y) => x === y)).toBe(false);
    // The same array at another offset is other items.
    const later = new SegmentedList<{ n: number }>();
    later.appendRange(a, 1, 51);
    const earlier = new SegmentedList<{ n: number }>();
    earlier.appendRange(a, 0, 50);
    expect(later.sameAs(earlier, (x, y) => x === y)).toBe(false);
    expect(new SegmentedList<{ n: number }>().sameAs(new SegmentedList<{ n: number }>(), equal)).toBe(true);
  });
});
