/**
 * `PatchedRows`: a list after an edit that moved some rows, read like the plain list it stands for
 * (a cipher edit's flow summaries and results, session/update-ciphers.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatchedRows } from '../../../src/engine/patched-rows.ts';
import { rowsArray } from '../../../src/engine/row-list.ts';

describe('PatchedRows', () => {
  it('reads as the list of its rows now: unchanged rows are the very ones before, changed ones made once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.integer({ min: -50, max: 50 }),
        (flags, index) => {
          const before = flags.map((_, i) => ({ id: `r${i}`, value: i }));
          const changed = new Uint8Array(flags.map((f) => (f ? 1 : 0)));
          let made = 0;
          const rows = new PatchedRows(before, changed, (row, i) => (made++, { id: row.id, value: -i }));
          // What a plain list of the rows now would be, worked out apart.
          const expected = before.map((row, i) => (flags[i] ? { id: row.id, value: -i } : row));
          expect(rows.length).toBe(expected.length);
          expect(rows.at(index)).toEqual(expected.at(index));
          const whole = rowsArray(rows);
          expect(whole).toEqual(expected);
          // Each changed row is made once, whichever way it is read, and is the same object after.
          expect(made).toBe(flags.filter(Boolean).length);
          expect(rowsArray(rows)).toBe(whole);
          for (let i = 0; i < whole.length; i++) {
            expect(rows.at(i)).toBe(whole[i]);
            if (!flags[i]) expect(whole[i]).toBe(before[i]);
          }
          expect(made).toBe(flags.filter(Boolean).length);
          // The list before is left as it was.
          expect(before.every((row, i) => row.value === i)).toBe(true);
          expect(JSON.stringify(rows)).toBe(JSON.stringify(expected));
          expect([...rows]).toEqual(expected);
          expect(rows.map((r) => r.value)).toEqual(expected.map((r) => r.value));
          expect(rows.filter((r) => r.value < 0)).toEqual(expected.filter((r) => r.value < 0));
          expect(rows.find((r) => r.value < 0)).toEqual(expected.find((r) => r.value < 0));
          expect(rows.findIndex((r) => r.value < 0)).toBe(expected.findIndex((r) => r.value < 0));
          expect(rows.some((r) => r.value < 0)).toBe(expected.some((r) => r.value < 0));
          expect(rows.every((r) => r.value >= 0)).toBe(expected.every((r) => r.value >= 0));
          expect(rows.slice(1, -1)).toEqual(expected.slice(1, -1));
          expect(rows.flatMap((r) => [r.id])).toEqual(expected.flatMap((r) => [r.id]));
          const seen: number[] = [];
          rows.forEach((_, i) => seen.push(i));
          expect(seen).toEqual(expected.map((_, i) => i));
        },
      ),
    );
  });

  it('is a plain list as it is when given one', () => {
    const list = [{ id: 'a' }];
    expect(rowsArray(list)).toBe(list);
  });
});
