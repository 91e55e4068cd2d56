/**
 * A text sent as an edit of the last one (the app to its analysis and storage workers): the edit
 * found between two texts, made on the first, gives the second, whatever the two are; the sending
 * end sends edits and falls back to the whole text, the receiving end holds the last few texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTextEdit, HeldTexts, TEXT_BASE_MISSING, TextSender, textEditBetween, type SentText } from '../../../src/model/text-edit.ts';
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

describe('the two ends of a text channel', () => {
  it('sends the first text whole, the next as an edit of it, and whole again to a receiver that lost it', async () => {
    const sent: SentText[] = [];
    let receiver = new HeldTexts(1);
    const sender = new TextSender();
    const deliver = (text: SentText): Promise<string> => (sent.push(text), Promise.resolve(receiver.take(text)));
    expect(await sender.send('port: 5432\n', deliver)).toBe('port: 5432\n');
    expect(await sender.send('port: 5433\n', deliver)).toBe('port: 5433\n');
    expect(sent[1]).toEqual({ id: 2, base: 1, edit: { at: 9, removed: 1, inserted: '3' } });
    receiver = new HeldTexts(1);
    expect(await sender.send('port: 5434\n', deliver)).toBe('port: 5434\n');
    // The edit (base 2) was refused, then the text went whole.
    expect(sent.slice(2)).toEqual([{ id: 3, base: 2, edit: { at: 9, removed: 1, inserted: '4' } }, { id: 3, text: 'port: 5434\n' }]);
    expect(sender.idOf('port: 5434\n')).toBe(3);
    expect(sender.idOf('port: 5433\n')).toBeUndefined();
  });

  it('passes on any other error of the receiver', async () => {
    const sender = new TextSender();
    await sender.send('a', () => Promise.resolve());
    await expect(sender.send('b', () => Promise.reject(new Error('quota')))).rejects.toThrow('quota');
  });

  it('holds the last `keep` texts, and refuses an edit of one it let go of', () => {
    const held = new HeldTexts(2);
    held.hold(1, 'one');
    held.hold(2, 'two');
    expect(held.take({ id: 3, base: 1, edit: { at: 3, removed: 0, inserted: '!' } })).toBe('one!');
    expect([held.get(1), held.get(2), held.get(3)]).toEqual([undefined, 'two', 'one!']);
    expect(() => held.edited(1, { at: 0, removed: 0, inserted: '' })).toThrow(TEXT_BASE_MISSING);
  });
});
