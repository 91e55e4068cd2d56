/**
 * The inspector's commonest edit — one scalar field of one entity — as a change of one line,
 * without parsing the file. The full path (yaml-edit.ts) parses the whole text with positions and
 * writes all of it out again: 10 s for a 1,000-host region, and every flow map such as
 * `{cores: 32}` came back as `{ cores: 32 }` (13,000 lines changed to edit one port). Only the
 * plain block style is handled here (`- id: x` items of a top-level collection, `key: value`
 * lines); anything else returns undefined and the full path runs.
 */
import { stringify } from 'yaml';
import { collections } from './collections.ts';

/** One field of one entity, set to a scalar or (undefined / '') removed. */
export interface FieldEdit {
  id: string;
  key: string[];
  value: unknown;
}

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The text with the field edited, or undefined when this needs the full YAML path. */
export function setFieldInPlace(text: string, edit: FieldEdit): string | undefined {
  const [key, ...deeper] = edit.key;
  if (key === undefined || deeper.length > 0 || key === 'id' || !KEY.test(key) || text.includes('\r'))
    return undefined;
  const value = formatScalar(edit.value);
  if (value === null) return undefined;
  const lines = text.split('\n');
  const item = findItem(lines, edit.id);
  if (!item) return undefined;
  const indent = ' '.repeat(item.indent + 2);
  const fields = fieldLines(lines, item, indent);
  if (!fields) return undefined;
  const same = fields.filter((f) => f.key === key);
  if (same.length > 1) return undefined;
  const line = same[0];
  if (line && !line.plain) return undefined;
  if (line) lines.splice(line.at, 1, ...(value === undefined ? [] : [`${indent}${key}: ${value}`]));
  else if (value !== undefined) lines.splice(item.end, 0, `${indent}${key}: ${value}`);
  return lines.join('\n');
}

/** A scalar as YAML writes it on one line; undefined to remove the key; null when not a one-line scalar. */
function formatScalar(value: unknown): string | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (!['string', 'number', 'boolean'].includes(typeof value)) return null;
  const written = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  return written.includes('\n') ? null : written;
}

/** The `- id: <id>` line of an item of a top-level collection, and the line after its block. */
function findItem(lines: string[], id: string): { start: number; indent: number; end: number } | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const head = new RegExp(`^( *)- id: (?:${escaped}|"${escaped}"|'${escaped}') *$`);
  // Ids are unique across the file; any other mention of this id as an id means "not plain".
  const mention = new RegExp(`(?:^|[{,\\s])id:\\s*["']?${escaped}["']?\\s*(?:[,}#]|$)`);
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!mention.test(lines[i]!)) continue;
    if (start >= 0 || !head.test(lines[i]!)) return undefined;
    start = i;
  }
  if (start < 0) return undefined;
  const indent = lines[start]!.length - lines[start]!.trimStart().length;
  if (indent > 2 || !inCollection(lines, start)) return undefined;
  let end = start + 1;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    if (l.length - l.trimStart().length <= indent) break;
    end = i + 1;
  }
  return { start, indent, end };
}

/** Whether the nearest top-level line above `at` opens an entity collection (`flows:`). */
function inCollection(lines: string[], at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === '' || l.startsWith(' ') || l.startsWith('#') || l.startsWith('-')) continue;
    const m = /^([a-z]+):\s*$/.exec(l);
    return !!m && (collections as readonly string[]).includes(m[1]!);
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
