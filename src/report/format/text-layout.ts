/**
 * Column alignment and word wrapping for the text report. Widths are measured without ANSI
 * escapes; words are never split, so an id longer than the line stays whole.
 */
import { visibleLength } from './text-style.ts';
import { maxOf } from '../../model/long-lists.ts';

/** Gap between table columns. */
const GAP = '  ';
/** Below this many columns a last column is left unwrapped: wrapping it would help nobody. */
const MIN_WRAP = 16;

/** Breaks words into lines of at most `width` columns, joining them with `separator`. */
export function wrapWords(words: readonly string[], width: number, separator = ' '): string[] {
  const lines: string[] = [];
  // A broken line ends with the separator's visible part (`,` of `, `), so leave room for it.
  const tail = separator.trimEnd();
  let line = '';
  words.forEach((word, i) => {
    const candidate = line === '' ? word : `${line}${separator}${word}`;
    const reserve = i === words.length - 1 ? 0 : tail.length;
    if (line !== '' && visibleLength(candidate) + reserve > width) {
      lines.push(line + tail);
      line = word;
    } else {
      line = candidate;
    }
  });
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Wraps prose at `width`, every line prefixed by `indent` (a hanging indent for the first too). */
export function wrapIndented(text: string, indent: string, width: number): string[] {
  return wrapWords(text.split(' '), Math.max(MIN_WRAP, width - indent.length)).map((l) => indent + l);
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

/**
 * Aligned table rows under `indent`: every column as wide as its widest cell, the last column
 * wrapped at `width` with continuation lines under its start. Trailing spaces are trimmed.
 */
export function renderTable(rows: readonly (readonly string[])[], indent: string, width: number): string[] {
  const columns = maxOf(rows.map((r) => r.length), 0);
  // A column is as wide as its widest cell, up to twice the line: one very long cell (a list of
  // thousands of ids) then overflows its own row instead of padding every row to its length.
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.min(maxOf(rows.map((r) => visibleLength(r[i] ?? '')), 0), Math.max(2 * MIN_WRAP, 2 * width)),
  );
  const lastStart = indent.length + widths.slice(0, -1).reduce((sum, w) => sum + w + GAP.length, 0);
  const lastWidth = width - lastStart;
  const lines: string[] = [];
  for (const row of rows) {
    const head = row
      .slice(0, -1)
      .map((cell, i) => padEnd(cell, widths[i] ?? 0) + GAP)
      .join('');
    const last = row[row.length - 1] ?? '';
    const wrapped = lastWidth >= MIN_WRAP ? wrapWords(last.split(' '), lastWidth) : [last];
    wrapped.forEach((piece, i) => {
      const prefix = i === 0 ? indent + head : ' '.repeat(lastStart);
      lines.push((prefix + piece).trimEnd());
    });
  }
  return lines;
}

/**
 * Splits table columns (after the first, which every part repeats) into consecutive groups that
 * each fit `width`, so a matrix with many attackers is printed as several narrower tables.
 */
export function splitColumns(columnWidths: readonly number[], firstWidth: number, width: number): number[][] {
  const groups: number[][] = [];
  let group: number[] = [];
  let used = firstWidth;
  columnWidths.forEach((w, i) => {
    if (group.length > 0 && used + GAP.length + w > width) {
      groups.push(group);
      group = [];
      used = firstWidth;
    }
    group.push(i);
    used += GAP.length + w;
  });
  if (group.length > 0) groups.push(group);
  return groups;
}
