/**
 * Splitting input text into numbered lines, and reporting runs of lines nobody understood.
 */
import type { Line, LineProblem } from './types.ts';

/** Lines of `text` numbered from `first` (1-based); CR LF and trailing white space are tolerated. */
export function toLines(text: string, first = 1): Line[] {
  return text.split(/\r?\n/).map((raw, index) => ({ no: first + index, text: raw.replace(/\s+$/, '') }));
}

/** True for a line with nothing on it. */
export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/**
 * Turns lines a parser could not use into diagnostics, one per run of consecutive lines, so a
 * pasted paragraph gives one message rather than twenty.
 */
export function reportUnparsed(lines: readonly Line[], what: string): LineProblem[] {
  const problems: LineProblem[] = [];
  let start: Line | undefined;
  let last: Line | undefined;
  const flush = (): void => {
    if (!start || !last) return;
    const range = start.no === last.no ? `line ${start.no}` : `lines ${start.no}–${last.no}`;
    problems.push({
      line: start.no,
      ...(last.no !== start.no ? { endLine: last.no } : {}),
      code: 'unrecognised_line',
      severity: 'warning',
      message: `${range} not understood as ${what}: "${clip(start.text.trim())}"`,
    });
    start = undefined;
  };
  for (const line of lines) {
    if (last && line.no !== last.no + 1) flush();
    start ??= line;
    last = line;
  }
  flush();
  return problems;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
