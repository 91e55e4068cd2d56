/**
 * A text sent as an edit of the last one (the app to its analysis worker): the edit found between
 * two texts, made on the first, gives the second, whatever the two are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTextEdit, textEditBetween } from '../../../src/model/text-edit.ts';
import { checkProperty } from '../../support/check-property.ts';

describe('text edits', () => {
  it('is the one stretch between the common start and end, worked out by hand', () => {
    expect(textEditBetween('port: 5432\n', 'port: 5433\n')).toEqual({ at: 9, removed: 1, inserted: '3' });
    expect(textEditBetween('abc', 'abc')).toEqual({ at: 0, removed: 0, inserted: '' });
    expect(textEditBetween('abc', 'xabc')).toEqual({ at: 0, removed: 0, inserted: 'x' });
    expect(textEditBetween('abc', 'ab')).toEqual({ at: 2, removed: 1, inserted: '' });
    // Start and end overlap in `aa` → `aaa`: the end counts only what the start left.
    expect(textEditBetween('aa', 'aaa')).toEqual({ at: 2, removed: 0, inserted: 'a' });
    expect(textEditBetween('', 'x')).toEqual({ at: 0, removed: 0, inserted: 'x' });
  });

  it('finds a change in the middle of a long text past the 4,096- and 64-character chunks it compares', () => {
    const before = `${'a'.repeat(10_000)}cipher: aes-gcm-256${'b'.repeat(9_999)}`;
    const after = before.replace('aes-gcm-256', 'aes-gcm-128');
    expect(textEditBetween(before, after)).toEqual({ at: 10_016, removed: 3, inserted: '128' });
  });

  it('made on the first text, the edit between two texts gives the second', () => {
    const piece = fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' ', 'é', '🙂'), maxLength: 40 });
    checkProperty(
      fc.property(piece, piece, piece, piece, (start, old, now, end) => {
        const before = start + old + end;
        const after = start + now + end;
        const edit = textEditBetween(before, after);
        expect(applyTextEdit(before, edit)).toBe(after);
        expect(edit.at + edit.removed).toBeLessThanOrEqual(before.length);
      }),
      { numRuns: 300 },
    );
  });
});
