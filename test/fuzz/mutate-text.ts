/**
 * Text mutations for parsers: truncation anywhere (a half-saved file), deleted and duplicated
 * lines (duplicate keys), swapped lines, broken indentation, inserted YAML syntax and nasty
 * characters, and whole pathological documents (alias bombs, self-referencing anchors, deep
 * nesting, a megabyte line). Positions are indices resolved modulo the text length.
 */
import fc from 'fast-check';

/** Snippets that are YAML syntax or trouble in a YAML or plain-text input. */
const SNIPPETS = [
  ':', ': ', '- ', '-', '{', '}', '[', ']', ',', '#', '&a ', '*a', '*nope', '<<: *a', '!!binary ', '!!js/function ', '!custom ', '? ',
  '|', '>-', '"', "'", '\\', '\t', '\u0000', '\uFEFF', '\r', '\r\n', '\u2028', '\u202e', '𝔥', '%YAML 1.1\n', '---\n', '\n...\n',
  '.nan', '-.inf', '1e999', '-1', '0x', '~', 'null', '\n  extra: field\n', '\n- id: dup\n', 'id: h1\n', ' '.repeat(7),
];

/** Whole documents that attack the parser rather than the schema. */
const PATHOLOGICAL = fc.constantFrom(
  // Billion laughs: each level doubles; the alias limit must stop it.
  Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i}, *l${i}]`).join('\n').replace('*l0, *l0', '"lol", "lol"'),
  'a: &a [*a]\n',
  'hosts: &h\n  - id: x\n    site: *h\n',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'- '.repeat(5_000)}x\n`,
  `${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`,
  `name: ${'x'.repeat(1 << 20)}\n`,
  `plainsight: 1\nname: x\nhosts:\n${Array.from({ length: 2_000 }, (_, i) => `  - {id: h${i}, site: s, role: compute}`).join('\n')}\n`,
  '\u0000\u0001\u0002',
  '',
);

/** One edit of a text. */
export type TextEdit =
  | { op: 'truncate' | 'delete-line' | 'duplicate-line' | 'swap-lines' | 'indent' | 'dedent'; at: number; other: number }
  | { op: 'insert'; at: number; snippet: string }
  | { op: 'delete-range'; at: number; length: number }
  | { op: 'replace-all'; text: string };

/** A short sequence of text edits. */
export const textEditsArbitrary: fc.Arbitrary<TextEdit[]> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constantFrom('truncate', 'delete-line', 'duplicate-line', 'swap-lines', 'indent', 'dedent'), at: fc.nat(), other: fc.nat() }) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), snippet: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: 'binary', maxLength: 8 })) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete-range' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('replace-all' as const), text: PATHOLOGICAL }) },
  ),
  { minLength: 1, maxLength: 4 },
);

function editLines(text: string, at: number, change: (lines: string[], i: number) => void): string {
  const lines = text.split('\n');
  change(lines, at % lines.length);
  return lines.join('\n');
}

/** Applies one edit. */
export function applyTextEdit(text: string, edit: TextEdit): string {
  const pos = (at: number) => (text.length === 0 ? 0 : at % (text.length + 1));
  switch (edit.op) {
    case 'truncate':
      return text.slice(0, pos(edit.at));
    case 'insert':
      return text.slice(0, pos(edit.at)) + edit.snippet + text.slice(pos(edit.at));
    case 'delete-range':
      return text.slice(0, pos(edit.at)) + text.slice(pos(edit.at) + edit.length);
    case 'replace-all':
      return edit.text;
    case 'delete-line':
      return editLines(text, edit.at, (lines, i) => lines.splice(i, 1));
    case 'duplicate-line':
      return editLines(text, edit.at, (lines, i) => lines.splice(i, 0, lines[i]!));
    case 'swap-lines':
      return editLines(text, edit.at, (lines, i) => {
        const j = edit.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      });
    case 'indent':
      return editLines(text, edit.at, (lines, i) => (lines[i] = ' '.repeat(1 + (edit.other % 5)) + lines[i]));
    case 'dedent':
      return editLines(text, edit.at, (lines, i) => (lines[i] = lines[i]!.trimStart()));
  }
}

/** Applies a sequence of edits. */
export function mutateText(text: string, edits: readonly TextEdit[]): string {
  return edits.reduce(applyTextEdit, text);
}
