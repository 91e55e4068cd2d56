import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownTable } from '../../../../src/report/format/markdown.ts';

describe('escapeMarkdown', () => {
  it('backslash-escapes emphasis, code, links, HTML and pipes, and joins lines', () => {
    expect(escapeMarkdown('a|b *c* _d_ `e` [f](g) <h> \\')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\\\',
    );
    expect(escapeMarkdown('one\ntwo')).toBe('one two');
  });
});

describe('markdownTable', () => {
  it('writes a header, a delimiter row and one row per item', () => {
    expect(markdownTable(['A', 'B'], [['1', '2']])).toEqual(['| A | B |', '| --- | --- |', '| 1 | 2 |']);
  });
});
