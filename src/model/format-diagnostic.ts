/**
 * Prints a diagnostic for people: `file:line:col: error code: message`, an optional hint, and a
 * code frame (two lines of context, a line-number gutter, carets under the offending node).
 * Plain text without colours; the CLI may add them.
 */
import { formatModelPath } from './format-model-path.ts';
import type { Diagnostic } from './types.ts';

/** Lines around the diagnostic's line shown in the frame (SPEC §1.2 code frame). */
const CONTEXT_LINES = 2;
/** Longest stretch of one line shown; minified JSON can put a whole file on one line. */
const MAX_SHOWN_CHARS = 120;
/** How much of a long line is shown before the column. */
const LEAD_CHARS = 40;

/**
 * Control characters (a binary file's bytes) would garble a terminal; one replacement character
 * each keeps the carets aligned. Tab and line feed stay.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

let cachedText: string | undefined;
let cachedStarts: number[] = [];

/** Offsets where each line starts; remembered for the last text, as one file yields many diagnostics. */
function lineStarts(text: string): number[] {
  if (text !== cachedText) {
    cachedStarts = [0];
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) cachedStarts.push(at + 1);
    cachedText = text;
  }
  return cachedStarts;
}

function lineText(text: string, starts: readonly number[], line: number): string {
  const start = starts[line - 1] ?? text.length;
  const end = starts[line] === undefined ? text.length : starts[line]! - 1;
  return text.slice(start, end).replace(/\r$/, '').replace(CONTROL_CHARS, '\ufffd');
}

/** The visible part of a line around `column` and how many characters were cut before it. */
function clip(line: string, column: number): { shown: string; cut: number } {
  if (line.length <= MAX_SHOWN_CHARS) return { shown: line, cut: 0 };
  const from = Math.max(0, Math.min(column - 1 - LEAD_CHARS, line.length - MAX_SHOWN_CHARS));
  const head = from > 0 ? '…' : '';
  const tail = from + MAX_SHOWN_CHARS < line.length ? '…' : '';
  // The ellipsis takes one column, so the cut is one less than the characters dropped.
  return { shown: head + line.slice(from, from + MAX_SHOWN_CHARS) + tail, cut: from - head.length };
}

function caretLine(d: Diagnostic, shown: string, cut: number): string {
  const column = (d.column ?? 1) - cut;
  const lastColumn = d.endLine === d.line && d.endColumn !== undefined ? d.endColumn - cut : shown.length + 1;
  const width = Math.max(1, Math.min(lastColumn, shown.length + 1) - column);
  // Keep tabs so the carets line up under tab-indented text.
  const lead = shown.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
  return lead + '^'.repeat(width);
}

/** The code frame lines of a located diagnostic. */
export function formatCodeFrame(d: Diagnostic, text: string): string[] {
  if (d.line === undefined) return [];
  const starts = lineStarts(text);
  const first = Math.max(1, d.line - CONTEXT_LINES);
  const last = Math.min(starts.length, d.line + CONTEXT_LINES);
  const gutter = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const { shown, cut } = clip(lineText(text, starts, n), n === d.line ? (d.column ?? 1) : 1);
    const number = String(n).padStart(gutter);
    out.push(`${n === d.line ? '>' : ' '} ${number} |${shown === '' ? '' : ` ${shown}`}`);
    if (n === d.line) out.push(`  ${' '.repeat(gutter)} | ${caretLine(d, shown, cut)}`);
  }
  return out;
}

/** `file:line:col: error code: message`, the hint, then the code frame; no trailing newline. */
export function formatDiagnostic(d: Diagnostic, text: string, fileName = '<input>'): string {
  const where = d.line === undefined ? fileName : `${fileName}:${d.line}:${d.column ?? 1}`;
  const path = d.line === undefined && d.path.length > 0 ? ` (at ${formatModelPath(d.path)})` : '';
  const lines = [`${where}: ${d.severity} ${d.code}: ${d.message}${path}`];
  if (d.hint !== undefined) lines.push(`  hint: ${d.hint}`);
  lines.push(...formatCodeFrame(d, text));
  return lines.join('\n');
}
