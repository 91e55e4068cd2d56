/** How wide a text is on a terminal: what line wrapping and table padding measure. */
import { describe, expect, it } from 'vitest';
import { createTextStyle, visibleLength } from '../../../../src/report/format/text-style.ts';

describe('visibleLength', () => {
  it('counts one column per character, none for the colour escapes the text report writes', () => {
    expect(visibleLength('')).toBe(0);
    expect(visibleLength('l-cmp3 ✗ plaintext')).toBe(18);
    const { red } = createTextStyle(true);
    expect(visibleLength(red('payload'))).toBe(7);
    expect(visibleLength(`a ${red('b')} c`)).toBe(5);
  });

  it('counts a character beyond the BMP (a surrogate pair) once, a lone surrogate once', () => {
    expect(visibleLength('🔒 esp')).toBe(5);
    expect(visibleLength('x\ud800y')).toBe(3);
    expect(visibleLength('\udc00\ud800')).toBe(2);
  });
});
