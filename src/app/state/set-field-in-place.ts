/**
 * The inspector's commonest edits — one scalar field of one entity, or a small map of scalars such
 * as an overlay's `ipsec` or one scalar inside it (`macsec.cipher`) — as a change of one or a few
 * lines, without parsing the file. The full path (yaml-edit.ts) parses the whole text with
 * positions and writes all of it out again: 6–10 s for a 1,000-host region, and every flow map such
 * as `{cores: 32}` came back as `{ cores: 32 }` (350,000 lines changed to swap a cipher). Only the
 * plain block style is handled here (`- id: x` items of a top-level collection, `key: value`
 * lines, a map as `key: {a: 1}` on one line or as `key:` over `a: 1` lines); anything else
 * returns undefined and the full path runs. A map edit reads the edited item back and returns
 * undefined unless it holds exactly what the edit asked for.
 */
import { parse, stringify } from 'yaml';
import { deepEqual } from '../../model/deep-equal.ts';
import { collections } from './collections.ts';

/** One field of one entity, set to a scalar or (undefined / '') removed. */
export interface FieldEdit {
  id: string;
  key: string[];
  value: unknown;
}

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * The text with the field edited, or undefined when this needs the full YAML path. Only the
 * edited item's lines are split and written again: a 5,000-host region is 34 MB and 1.4 million
 * lines, and splitting and joining all of them took 0.3–0.5 s of every inspector edit.
 */
export function setFieldInPlace(text: string, edit: FieldEdit): string | undefined {
  const [key, ...deeper] = edit.key;
  if (key === undefined || deeper.length > 1 || key === 'id' || !KEY.test(key) || text.includes('\r')) return undefined;
  if (deeper.length === 1 && !KEY.test(deeper[0]!)) return undefined;
  const found = findItem(text, edit.id);
  if (!found) return undefined;
  const lines = text.slice(found.from, found.to).split('\n');
  const edited = editItem(lines, { start: 0, indent: found.indent, end: lines.length }, key, deeper[0], edit.value);
  return edited === undefined ? undefined : text.slice(0, found.from) + edited + text.slice(found.to);
}

/** The item's lines (`lines[item.start]` is its `- id:` line) with the field edited, joined; undefined as above. */
function editItem(lines: string[], item: { start: number; indent: number; end: number }, key: string, sub: string | undefined, value: unknown): string | undefined {
  const indent = ' '.repeat(item.indent + 2);
  const fields = fieldLines(lines, item, indent);
  if (!fields) return undefined;
  const same = fields.filter((f) => f.key === key);
  if (same.length > 1) return undefined;
  const line = same[0];
  if (sub !== undefined || isScalarMap(value)) return setMap(lines, item, indent, key, line, sub, value);
  const written = formatScalar(value);
  if (written === null) return undefined;
  if (line && !line.plain) return undefined;
  if (line) lines.splice(line.at, 1, ...(written === undefined ? [] : [`${indent}${key}: ${written}`]));
  else if (written !== undefined) lines.splice(item.end, 0, `${indent}${key}: ${written}`);
  return lines.join('\n');
}

type ScalarMap = Record<string, string | number | boolean>;

function isScalarMap(value: unknown): value is ScalarMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => ['string', 'number', 'boolean'].includes(typeof v))
  );
}

/** The nested lines of a `key:` block field (deeper than `indent`) up to the item's end, blank and comment lines included. */
function blockLines(lines: string[], at: number, end: number, indent: string): number[] {
  const out: number[] = [];
  for (let i = at + 1; i < end; i++) {
    const l = lines[i]!;
    if (l.trim() !== '' && !l.trimStart().startsWith('#') && !l.startsWith(`${indent} `)) break;
    out.push(i);
  }
  return out;
}

/** A scalar written for a flow map (`{a: x}`): undefined where flow indicators would change its meaning. */
function flowScalar(value: string | number | boolean): string | undefined {
  const written = formatScalar(value);
  if (typeof written !== 'string' || /[,[\]{}#]|: /.test(written)) return undefined;
  return written;
}

/**
 * Sets a map-of-scalars field (or one scalar `sub` inside it) written as a one-line flow map, as a
 * block of `sub: value` lines, or absent; lines of sub-keys that keep their value stay as written.
 */
function setMap(
  lines: string[],
  item: { start: number; indent: number; end: number },
  indent: string,
  key: string,
  line: FieldLine | undefined,
  sub: string | undefined,
  value: unknown,
): string | undefined {
  const rest = line ? lines[line.at]!.slice(indent.length + key.length + 1) : '';
  const flow = line !== undefined && line.plain && /^\s*\{.*\}\s*$/.test(rest);
  const block = line !== undefined && rest.trim() === '' ? blockLines(lines, line.at, item.end, indent) : undefined;
  if (line && !flow && !block) return undefined;
  let old: unknown = {};
  try {
    if (flow) old = parse(rest);
    else if (block) old = parse(block.map((i) => lines[i]).join('\n')) ?? {};
  } catch {
    return undefined;
  }
  if (!isScalarMap(old)) return undefined;
  let next: ScalarMap;
  if (sub === undefined) next = value as ScalarMap;
  else {
    next = { ...old };
    if (value === undefined || value === '') delete next[sub];
    else if (['string', 'number', 'boolean'].includes(typeof value)) next[sub] = value as string | number | boolean;
    else return undefined;
  }
  const entries = Object.entries(next).map(([k, v]) => [k, flowScalar(v)] as const);
  if (entries.some(([k, v]) => v === undefined || !KEY.test(k))) return undefined;
  const before = readItem(lines, item);
  if (block && line) {
    if (entries.length === 0) return undefined;
    // Sub-keys keep their lines when their value stays; changed lines must be plain, new ones go last.
    const nested = block.filter((i) => lines[i]!.trim() !== '' && !lines[i]!.trimStart().startsWith('#'));
    if (nested.length === 0) return undefined;
    const subIndent = lines[nested[0]!]!.length - lines[nested[0]!]!.trimStart().length;
    const pad = ' '.repeat(subIndent);
    const written = new Map(entries as (readonly [string, string])[]);
    const out: (string | undefined)[] = lines.slice();
    for (const i of nested) {
      const m = /^ *([A-Za-z][A-Za-z0-9_-]*):(.*)$/.exec(lines[i]!);
      if (!m || lines[i]!.length - lines[i]!.trimStart().length !== subIndent) return undefined;
      const [, k, v] = m as unknown as [string, string, string];
      const plain = !/[#&*!|>]/.test(v);
      const now = written.get(k);
      written.delete(k);
      // A line whose value stays keeps its comment; the read-back below catches a misread value.
      if (now !== undefined && v.replace(/\s+#.*$/, '').trim() === now) continue;
      if (!plain) return undefined;
      out[i] = now === undefined ? undefined : `${pad}${k}: ${now}`;
    }
    const last = nested[nested.length - 1]!;
    const added = [...written].map(([k, v]) => `${pad}${k}: ${v}`);
    const result = out.flatMap((l, i) => (i === last ? [l, ...added] : [l])).filter((l): l is string => l !== undefined);
    return checked(result, item, result.length - lines.length, before, key, next);
  }
  const spaced = flow && /^\s*\{ /.test(rest);
  // Removing the last sub-key leaves an empty map, as the full path does.
  const map = entries.length === 0 ? '{}' : spaced ? `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }` : `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
  const out = lines.slice();
  if (line) out[line.at] = `${indent}${key}: ${map}`;
  else out.splice(item.end, 0, `${indent}${key}: ${map}`);
  return checked(out, item, out.length - lines.length, before, key, next);
}

/** The item's data as YAML reads it (its lines from `- id:` to its end), or undefined. */
function readItem(lines: string[], item: { start: number; end: number }, end = item.end): Record<string, unknown> | undefined {
  try {
    const value = parse(lines.slice(item.start, end).join('\n')) as unknown;
    return Array.isArray(value) && value.length === 1 && typeof value[0] === 'object' ? (value[0] as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The edited text when its item (`delta` lines longer now) reads back as before with `key` set to
 * `value`; else undefined, and the full path makes the edit.
 */
function checked(out: string[], item: { start: number; end: number }, delta: number, before: Record<string, unknown> | undefined, key: string, value: ScalarMap): string | undefined {
  if (!before) return undefined;
  const after = readItem(out, item, item.end + delta);
  const want = { ...before, [key]: value };
  return after && deepEqual(after, want) ? out.join('\n') : undefined;
}

/** A scalar as YAML writes it on one line; undefined to remove the key; null when not a one-line scalar. */
function formatScalar(value: unknown): string | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (!['string', 'number', 'boolean'].includes(typeof value)) return null;
  const written = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  return written.includes('\n') ? null : written;
}

/**
 * The item of a top-level collection whose `- id: <id>` line names `id`: the offsets of its first
 * line and of the end of its last (comment and blank lines after it are not its own), and its indent.
 */
function findItem(text: string, id: string): { from: number; to: number; indent: number } | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const head = new RegExp(`^( *)- id: (?:${escaped}|"${escaped}"|'${escaped}') *$`);
  // Ids are unique across the file; any other mention of this id as an id means "not plain". A
  // line that mentions it holds it, so only the lines where the id occurs are read.
  const mention = new RegExp(`(?:^|[{,\\s])id:\\s*["']?${escaped}["']?\\s*(?:[,}#]|$)`);
  let from = -1;
  let headEnd = -1;
  let lastLine = -1;
  for (let at = id === '' ? -1 : text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
    const start = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    if (start === lastLine) continue;
    lastLine = start;
    const end = lineEnd(text, at);
    const line = text.slice(start, end);
    if (!mention.test(line)) continue;
    if (from >= 0 || !head.test(line)) return undefined;
    from = start;
    headEnd = end;
  }
  if (from < 0) return undefined;
  const headLine = text.slice(from, headEnd);
  const indent = headLine.length - headLine.trimStart().length;
  if (indent > 2 || !inCollection(text, from)) return undefined;
  let to = headEnd;
  for (let start = headEnd + 1; start < text.length; ) {
    const end = lineEnd(text, start);
    const l = text.slice(start, end);
    start = end + 1;
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    if (l.length - l.trimStart().length <= indent) break;
    to = end;
  }
  return { from, to, indent };
}

/** The offset of the end of the line holding offset `at` (its newline, or the end of the text). */
function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

/** Whether the nearest top-level line above the line starting at `lineStart` opens an entity collection (`flows:`). */
function inCollection(text: string, lineStart: number): boolean {
  // `end`: the newline that ends the line above.
  for (let end = lineStart - 1; end >= 0; ) {
    const start = end === 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
    const c = text.charCodeAt(start);
    // Blank, indented, comment and list lines are skipped without being read.
    if (start < end && c !== 32 && c !== 35 && c !== 45) {
      const l = text.slice(start, end);
      if (l.trim() !== '') {
        const m = /^([a-z]+):\s*$/.exec(l);
        return !!m && (collections as readonly string[]).includes(m[1]!);
      }
    }
    end = start - 1;
  }
  return false;
}

interface FieldLine {
  at: number;
  key: string;
  /** `key: value` on one line, a plain or quoted scalar without comment, anchor, alias or tag. */
  plain: boolean;
}

/** The item's own fields (the lines at `indent`), or undefined when a line is not understood. */
function fieldLines(
  lines: string[],
  item: { start: number; end: number },
  indent: string,
): FieldLine[] | undefined {
  const out: FieldLine[] = [];
  for (let i = item.start + 1; i < item.end; i++) {
    const l = lines[i]!;
    if (l.trim() === '' || l.trimStart().startsWith('#') || !l.startsWith(indent) || l[indent.length] === ' ')
      continue;
    const m = /^(["']?)([^"':]+)\1\s*:(.*)$/.exec(l.slice(indent.length));
    if (!m) return undefined;
    const rest = m[3]!;
    const next = lines[i + 1];
    const nested = next !== undefined && i + 1 < item.end && next.startsWith(`${indent} `);
    const plain =
      m[1] === '' &&
      rest.startsWith(' ') &&
      rest.trim() !== '' &&
      !/[#&*!|>]/.test(rest) &&
      !nested &&
      `${m[2]}` === m[2]!.trim();
    out.push({ at: i, key: m[2]!.trim(), plain });
  }
  return out;
}
