/**
 * A text as an edit of another: what the app sends its analysis worker instead of the whole
 * scenario text when the worker holds the text the edit starts from. A 5,000-host region is 34 MB;
 * posting it copied it on the page and in the worker for every edit and every flow selected.
 */

/** Keep `at` characters, replace the next `removed` with `inserted`, keep the rest. */
export interface TextEdit {
  at: number;
  removed: number;
  inserted: string;
}

/** What a worker answers to an edit of a text it does not hold (it restarted): send the text whole. */
export const TEXT_BASE_MISSING = 'plainsight: the text this edit starts from is not held here';

/**
 * Chunk lengths the common prefix and suffix are measured in, longest first: comparing slices is
 * done natively, so a 6.7 MB text one edit away is compared in about 3 ms instead of 35 ms
 * character by character.
 */
const STRIDES = [4096, 64, 1];

/** How many characters `a` and `b` share at their start. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let p = 0;
  for (const k of STRIDES) while (p + k <= n && a.slice(p, p + k) === b.slice(p, p + k)) p += k;
  return p;
}

/** How many characters `a` and `b` share at their end (at most `most`). */
export function commonSuffix(a: string, b: string, most = Math.min(a.length, b.length)): number {
  const n = Math.min(a.length, b.length, most);
  let s = 0;
  for (const k of STRIDES) while (s + k <= n && a.slice(a.length - s - k, a.length - s) === b.slice(b.length - s - k, b.length - s)) s += k;
  return s;
}

/** The edit that turns `before` into `after`: the one stretch between their common start and end. */
export function textEditBetween(before: string, after: string): TextEdit {
  if (before === after) return { at: 0, removed: 0, inserted: '' };
  const at = commonPrefix(before, after);
  // The common end may not reach into the common start (`aa` → `aaa`).
  const end = commonSuffix(before, after, Math.min(before.length, after.length) - at);
  return { at, removed: before.length - at - end, inserted: after.slice(at, after.length - end) };
}

/** `before` with `edit` made (`before` itself, the very string, for an edit that changes nothing). */
export function applyTextEdit(before: string, edit: TextEdit): string {
  if (edit.removed === 0 && edit.inserted === '') return before;
  return before.slice(0, edit.at) + edit.inserted + before.slice(edit.at + edit.removed);
}
