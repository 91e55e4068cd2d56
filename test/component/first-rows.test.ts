import { describe, expect, it } from 'vitest';
import { firstRows } from '../../src/app/components/first-rows.ts';
import { mostTelling, titleOf } from '../../src/app/throughput/most-telling.ts';

describe('firstRows', () => {
  it('draws a long list a page at a time and says how many rows are left', () => {
    const items = Array.from({ length: 450 }, (_, i) => i);
    expect(firstRows(items, 200)).toEqual({ rows: items.slice(0, 200), more: 250 });
    expect(firstRows(items, 400).more).toBe(50);
    expect(firstRows(items, 600)).toEqual({ rows: items, more: 0 });
    expect(firstRows([], 200)).toEqual({ rows: [], more: 0 });
  });
});

describe('mostTelling', () => {
  it('keeps every item, in its order, when they fit', () => {
    const items = [3, 1, 2];
    expect(mostTelling(items, (x) => x, 'high', 3)).toEqual({ items, hidden: 0 });
  });

  it('keeps the worst items, worst first, ties in list order, when there are more than the limit', () => {
    const items = [
      { id: 'a', v: 5 },
      { id: 'b', v: 9 },
      { id: 'c', v: 1 },
      { id: 'd', v: 9 },
      { id: 'e', v: 7 },
    ];
    const high = mostTelling(items, (x) => x.v, 'high', 3);
    expect(high.items.map((x) => x.id)).toEqual(['b', 'd', 'e']);
    expect(high.hidden).toBe(2);
    expect(mostTelling(items, (x) => x.v, 'low', 2).items.map((x) => x.id)).toEqual(['c', 'a']);
  });

  it('puts items without a value last', () => {
    const items = [{ v: null }, { v: 2 }, { v: 3 }];
    expect(mostTelling(items, (x) => x.v, 'low', 2).items).toEqual([{ v: 2 }, { v: 3 }]);
  });

  it('agrees with sorting every item (large list)', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ i, v: (i * 7919) % 1009 }));
    const sorted = [...items].sort((a, b) => b.v - a.v || a.i - b.i).slice(0, 50);
    expect(mostTelling(items, (x) => x.v, 'high').items).toEqual(sorted);
  });

  it('says in the title how many rows a chart leaves out', () => {
    expect(titleOf('Overhead', { items: [1, 2], hidden: 0 }, 'largest', 'flows')).toBe('Overhead');
    expect(titleOf('Overhead', { items: [1, 2], hidden: 249998 }, 'largest', 'flows')).toBe(
      'Overhead — the 2 largest of 250,000 flows',
    );
  });
});
