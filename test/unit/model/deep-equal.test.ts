/**
 * Structural equality of plain data, as the scenario writer (defaults) and the analysis session
 * (which entities an edit changed) use it: against a reference that compares canonical JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual } from '../../../src/model/deep-equal.ts';
import { checkProperty } from '../../support/check-property.ts';

/** JSON with every object's keys sorted and undefined-valued keys left out (as JSON does). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** The value with its object keys in another order and some `undefined`-valued keys added. */
function reshuffled(value: unknown, salt: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reshuffled(v, salt + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v], i) => [k, reshuffled(v, salt + i)] as const);
  if (salt % 2 === 1) entries.reverse();
  return Object.fromEntries([...entries, ...(salt % 3 === 0 ? [['absent', undefined] as const] : [])]);
}

describe('deepEqual', () => {
  it('agrees with canonical JSON on plain data, whatever the key order and undefined-valued keys', () => {
    checkProperty(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.nat(), (a, b, salt) => {
        expect(deepEqual(a, reshuffled(a, salt))).toBe(true);
        expect(deepEqual(a, b)).toBe(canonical(a) === canonical(b));
        expect(deepEqual(reshuffled(a, salt + 1), reshuffled(b, salt))).toBe(canonical(a) === canonical(b));
      }),
      { numRuns: 500 },
    );
  });

  it('tells lists from mappings, order in lists, and a missing key from a present one', () => {
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ 0: 'a' }, ['a'])).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(true);
    expect(deepEqual({ a: null }, {})).toBe(false);
    expect(deepEqual(0, -0)).toBe(true);
  });
});
