import { describe, expect, it } from 'vitest';
import { listIds, sortedUnique } from '../../../../../../src/engine/exposure/rules/helpers/describe.ts';

describe('finding wording helpers', () => {
  it('lists ids the way a sentence does', () => {
    expect(listIds([])).toBe('');
    expect(listIds(['l1'])).toBe('l1');
    expect(listIds(['l1', 'l2'])).toBe('l1 and l2');
    expect(listIds(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('spells out five ids at most, then counts the rest', () => {
    expect(listIds(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c, d and e');
    expect(listIds(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e and 2 more');
  });

  it('sorts ids by code unit, never by locale', () => {
    expect(sortedUnique(['b', 'B', 'a', 'b', '10', '9'])).toEqual(['10', '9', 'B', 'a', 'b']);
  });
});
