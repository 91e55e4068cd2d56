import { describe, expect, it } from 'vitest';
import { formatCodeFrame, formatDiagnostic } from '../../../src/model/format-diagnostic.ts';
import type { Diagnostic } from '../../../src/model/types.ts';

const text = [
  'plainsight: 1',
  'name: Frames',
  'links:',
  '  - id: l1',
  '    between: [h1, h9]',
  '  - id: l2',
  '    between: [h1, h2]',
  '',
].join('\n');

// `h9` sits on line 5 after the 18 characters "    between: [h1, " → column 19, two characters wide.
const unknownEnd: Diagnostic = {
  code: 'link_unknown_endpoint',
  severity: 'error',
  message: '`between[1]` of link `l1` names `h9`, but there is no host or device with that id',
  path: ['links', 0, 'between', 1],
  line: 5,
  column: 19,
  endLine: 5,
  endColumn: 21,
  hint: 'did you mean `h1`?',
};

describe('[§1.2] diagnostics print as file:line:col with a code frame', () => {
  it('prints header, hint, two lines of context each side and carets under the node', () => {
    expect(formatDiagnostic(unknownEnd, text, 'region.yaml')).toBe(
      [
        'region.yaml:5:19: error link_unknown_endpoint: `between[1]` of link `l1` names `h9`, but there is no host or device with that id',
        '  hint: did you mean `h1`?',
        '  3 | links:',
        '  4 |   - id: l1',
        '> 5 |     between: [h1, h9]',
        `    | ${' '.repeat(18)}^^`,
        '  6 |   - id: l2',
        '  7 |     between: [h1, h2]',
      ].join('\n'),
    );
  });

  it('widens the gutter to the largest line number shown', () => {
    const many = Array.from({ length: 12 }, (_, i) => `k${i + 1}: ${i + 1}`).join('\n');
    const frame = formatCodeFrame({ ...unknownEnd, line: 9, column: 1, endLine: 9, endColumn: 3 }, many);
    // lines 7..11 are shown; "11" needs two columns, so single digits get a leading space
    expect(frame).toEqual([
      '   7 | k7: 7',
      '   8 | k8: 8',
      '>  9 | k9: 9',
      '     | ^^',
      '  10 | k10: 10',
      '  11 | k11: 11',
    ]);
  });

  it('keeps tabs in the caret line so carets stay under tab-indented text', () => {
    const frame = formatCodeFrame(
      { ...unknownEnd, line: 1, column: 3, endLine: 1, endColumn: 4 },
      '\t\tb: 1',
    );
    expect(frame).toEqual(['> 1 | \t\tb: 1', '    | \t\t^']);
  });

  it('underlines to the end of the line when the node spans several lines', () => {
    const frame = formatCodeFrame(
      { ...unknownEnd, line: 1, column: 1, endLine: 3, endColumn: 1 },
      'ab\ncd\n',
    );
    expect(frame[1]).toBe('    | ^^');
  });

  it('drops the carriage return of CRLF files', () => {
    const frame = formatCodeFrame(
      { ...unknownEnd, line: 1, column: 1, endLine: 1, endColumn: 2 },
      'a: 1\r\nb: 2\r\n',
    );
    expect(frame[0]).toBe('> 1 | a: 1');
  });

  it('shows a window of a very long line around the column (minified JSON)', () => {
    const line = `${'x'.repeat(500)}BAD${'y'.repeat(500)}`;
    const [shown, carets] = formatCodeFrame(
      { ...unknownEnd, line: 1, column: 501, endLine: 1, endColumn: 504 },
      line,
    );
    // 40 characters before the column are kept after a leading "…": 500 − 40 = 460 are cut
    expect(shown).toBe(`> 1 | …${'x'.repeat(40)}BAD${'y'.repeat(77)}…`);
    expect(carets).toBe(`    | ${' '.repeat(41)}^^^`);
  });

  it('without a position, names the model path instead of a frame', () => {
    const { line: _l, column: _c, endLine: _el, endColumn: _ec, hint: _h, ...noPosition } = unknownEnd;
    expect(formatDiagnostic(noPosition, '', 'model')).toBe(
      'model: error link_unknown_endpoint: `between[1]` of link `l1` names `h9`, but there is no host or device with that id (at links[0].between[1])',
    );
  });
});
