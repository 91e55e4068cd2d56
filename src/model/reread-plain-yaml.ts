/**
 * Reading a file again after an edit inside one item of a top-level list (an inspector edit, a
 * field typed in the YAML view). Every other item is as the last reading left it, so only the
 * edited item is read again (read-plain-yaml.ts, with its list's key in front) and put in the old
 * one's place: reading the 34 MB of a 5,000-host region takes seconds, one item microseconds. The
 * old item is read again as well and must equal the last reading's, which checks that the item's
 * lines were found right; anything else — an edit across items or outside the lists, an item the
 * plain reader steps aside from — returns undefined, and the caller reads the whole text.
 */
import { deepEqual } from './deep-equal.ts';
import { readPlainYaml } from './read-plain-yaml.ts';
import { commonPrefix, commonSuffix } from './text-edit.ts';

type Doc = Record<string, unknown>;

/** Where line `at` (an offset at a line start) begins its content: its indentation, -1 for a blank or comment line. */
function indentAt(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  // End of text, a line break (also "\r\n") or a comment: nothing on this line.
  return i >= text.length || c === 10 || c === 13 || c === 35 ? -1 : i - at;
}

/** The offset where the line before the one starting at `at` starts (`at` > 0). */
function previousLine(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 2) + 1;
}

/** The offset of the next line after the one starting at `at`, or the text's length. */
function nextLine(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** Whether the line at `at`, indented `indent`, starts a list item (`- ` or a lone `-`). */
function isItem(text: string, at: number, indent: number): boolean {
  const c = text.charCodeAt(at + indent + 1);
  return text.charCodeAt(at + indent) === 45 && (Number.isNaN(c) || c === 32 || c === 10 || c === 13);
}

/**
 * The item of a top-level list that holds offset `p` of `text`: its list's key and its lines. Items
 * sit at an indentation of two or none; a list inside an item at none may sit at two, so an item
 * at two without a list key above it is looked for again at none.
 */
function itemAround(text: string, p: number): { key: string; start: number; end: number; indent: number } | undefined {
  return itemAt(text, p, 2) ?? itemAt(text, p, 0);
}

function itemAt(text: string, p: number, most: number): { key: string; start: number; end: number; indent: number } | undefined {
  // Back to the nearest item start at an indentation of at most `most`, then on to its list's key.
  let start = text.lastIndexOf('\n', p - 1) + 1;
  let indent: number;
  for (let at = start; ; at = previousLine(text, at)) {
    const n = indentAt(text, at);
    if (n === 0 && !isItem(text, at, 0)) return undefined; // a top-level key: not inside an item
    if (n >= 0 && n <= most && isItem(text, at, n)) {
      start = at;
      indent = n;
      break;
    }
    if (at === 0) return undefined;
  }
  let header = start;
  for (;;) {
    if (header === 0) return undefined;
    header = previousLine(text, header);
    const n = indentAt(text, header);
    if (n < 0) continue;
    if (n === indent && isItem(text, header, n)) continue; // an earlier item of the same list
    if (n > indent) continue; // inside an earlier item
    if (n !== 0) return undefined;
    break;
  }
  const m = /^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(?:#.*)?\r?$/.exec(text.slice(header, nextLine(text, header)).replace(/\n$/, ''));
  if (!m) return undefined;
  // On to the first line that is not inside the item: another item of the list, or a top-level key.
  let end = nextLine(text, start);
  while (end < text.length) {
    const n = indentAt(text, end);
    if (n >= 0 && n <= indent) break;
    end = nextLine(text, end);
  }
  return { key: m[1]!, start, end, indent };
}

/** The one item a list's key and an item's lines read as, or undefined. */
function readItem(key: string, lines: string): unknown {
  const doc = readPlainYaml(`${key}:\n${lines}`);
  const list = doc?.[key];
  return Array.isArray(list) && list.length === 1 && Object.keys(doc!).length === 1 ? list[0] : undefined;
}

/**
 * The plain reading of `next` (as `readPlainYaml` gives it) from the reading `value` of `previous`,
 * when the two texts differ inside one item of a top-level list; otherwise undefined.
 */
export function rereadEdited(previous: string, value: Doc, next: string): Doc | undefined {
  if (previous === next) return value;
  const p = commonPrefix(previous, next);
  const s = commonSuffix(previous, next);
  const delta = next.length - previous.length;
  // The item around the first difference, or — a line added at the end of an item — the one
  // that ends where the first differing line starts.
  const line = previous.lastIndexOf('\n', p - 1) + 1;
  for (const at of line > 0 ? [p, line - 1] : [p]) {
    const item = itemAround(previous, at);
    // Everything before the item and after it is the same in both texts.
    if (!item || p < item.start || s < previous.length - item.end || item.end + delta < item.start) continue;
    const read = reread(previous, value, next, item, delta);
    if (read) return read;
  }
  return undefined;
}

function reread(previous: string, value: Doc, next: string, item: { key: string; start: number; end: number; indent: number }, delta: number): Doc | undefined {
  const list = value[item.key];
  if (!Array.isArray(list)) return undefined;
  const end = item.end + delta;
  // The new item ends where a line ends (what follows it is the old text after the item).
  if (end < next.length && next.charCodeAt(end - 1) !== 10) return undefined;
  // The new lines hold one item: none of them after the first starts another item or a top-level key.
  if (indentAt(next, item.start) !== item.indent || !isItem(next, item.start, item.indent)) return undefined;
  for (let at = nextLine(next, item.start); at < end; at = nextLine(next, at)) {
    const n = indentAt(next, at);
    if (n >= 0 && n <= item.indent) return undefined;
  }
  const before = readItem(item.key, previous.slice(item.start, item.end));
  const after = readItem(item.key, next.slice(item.start, end));
  if (before === undefined || after === undefined) return undefined;
  // The item's place: by its id (ids are unique in a file that read cleanly), checked by value.
  const id = (before as { id?: unknown } | null)?.id;
  const at = id === undefined ? -1 : list.findIndex((e) => (e as { id?: unknown } | null)?.id === id);
  if (at < 0 || !deepEqual(list[at], before)) return undefined;
  const items = list.slice();
  items[at] = after;
  return { ...value, [item.key]: items };
}
