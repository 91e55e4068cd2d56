/**
 * OVSDB values as `ovs-vsctl` prints them: atoms, `[a, b]` sets and `{k=v}` maps (lib/ovsdb-data.c).
 * A string is quoted, with C escapes, when it is not a plain identifier, looks like a number or a
 * UUID, or is `true`/`false`; OVS ≤ 2.12 also quoted any string with a digit (commit 29004db27) —
 * the quotes are optional everywhere here.
 */
import type { OvsdbValue } from './types.ts';

interface Cursor {
  text: string;
  at: number;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

/** Reads a quoted or bare atom; bare atoms end at `,`, `=`, `}`, `]` or white space. */
function readAtom(c: Cursor): string | undefined {
  if (c.text[c.at] === '"') {
    let out = '';
    for (c.at++; c.at < c.text.length; c.at++) {
      const ch = c.text[c.at]!;
      if (ch === '"') {
        c.at++;
        return out;
      }
      out += ch === '\\' ? (ESCAPES[c.text[++c.at] ?? ''] ?? c.text[c.at] ?? '') : ch;
    }
    return undefined; // unterminated quote: a truncated line
  }
  const match = /^[^,=}\]\s]*/.exec(c.text.slice(c.at))![0];
  c.at += match.length;
  return match;
}

function skipSeparator(c: Cursor, close: string): boolean {
  while (c.text[c.at] === ' ') c.at++;
  if (c.text[c.at] === close) return true;
  if (c.text[c.at] !== ',') return false;
  c.at++;
  while (c.text[c.at] === ' ') c.at++;
  return true;
}

function readMap(c: Cursor): Record<string, string> | undefined {
  const map: Record<string, string> = {};
  for (c.at++; c.text[c.at] !== '}';) {
    const key = readAtom(c);
    if (key === undefined || key === '' || c.text[c.at] !== '=') return undefined;
    c.at++;
    const value = readAtom(c);
    if (value === undefined) return undefined;
    map[key] = value;
    if (!skipSeparator(c, '}')) return undefined;
  }
  c.at++;
  return map;
}

function readSet(c: Cursor): string[] | undefined {
  const set: string[] = [];
  for (c.at++; c.text[c.at] !== ']';) {
    const value = readAtom(c);
    if (value === undefined || value === '') return undefined;
    set.push(value);
    if (!skipSeparator(c, ']')) return undefined;
  }
  c.at++;
  return set;
}

/** Parses one printed OVSDB value; undefined when it is malformed or truncated. */
export function parseOvsdbValue(text: string): OvsdbValue | undefined {
  const c: Cursor = { text: text.trim(), at: 0 };
  const first = c.text[0];
  const value = first === '{' ? readMap(c) : first === '[' ? readSet(c) : readAtom(c);
  return value !== undefined && c.at === c.text.length ? value : undefined;
}

/** Parses a printed `{k=v, …}` map; undefined when the text is not one. */
export function parseOvsdbMap(text: string): Record<string, string> | undefined {
  const value = parseOvsdbValue(text);
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** A column read as a string atom, `undefined` for sets, maps and absent columns. */
export function atomOf(value: OvsdbValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A column read as a map, `{}` for anything else (an empty map prints as `{}`). */
export function mapOf(value: OvsdbValue | undefined): Record<string, string> {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
