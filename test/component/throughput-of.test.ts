import { describe, expect, it } from 'vitest';
import { flowList } from '../../src/app/throughput/throughput-of.ts';

describe('the comparison table’s tooltips', () => {
  it('list a few flows and count the rest, so a region’s cells stay small', () => {
    expect(flowList([])).toBe('—');
    expect(flowList(['f1', 'f2'])).toBe('f1, f2');
    const ids = Array.from({ length: 120_000 }, (_, i) => `f${i}`);
    expect(flowList(ids)).toBe('f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11 and 119,988 more');
  });
});
