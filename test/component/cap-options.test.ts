import { describe, expect, it } from 'vitest';
import { capOptions, hiddenLabel } from '../../src/app/editor/cap-options.ts';

describe('capOptions', () => {
  it('lists short id lists whole', () => {
    expect(capOptions(['a', 'b'])).toEqual({ shown: ['a', 'b'], hidden: 0 });
  });

  it('lists the first ids of a long list, the current values too, and counts the rest', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `f${i}`);
    const { shown, hidden } = capOptions(ids, ['f900', 'f3', 'ghost'], 10);
    expect(shown).toEqual(['f900', ...ids.slice(0, 10)]);
    expect(hidden).toBe(989);
    expect(hiddenLabel(hidden)).toMatch(/^… 989 more/);
  });
});
