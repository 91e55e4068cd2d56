/**
 * `ovs-vsctl --format=json list <table>`: `{"data":[[…row…]],"headings":[…]}`, where a value is a
 * JSON atom, `["uuid", "…"]`, `["set", […]]` or `["map", [[k, v], …]]` (RFC 7047 §5.1 notation).
 */
import type { Line, OvsdbRecord, OvsdbValue, Parsed } from './types.ts';
import { appendAll } from '../model/long-lists.ts';

/** True when `line` opens a JSON-format table. */
export function startsOvsdbJson(line: Line): boolean {
  return /^\{\s*"(data|headings)"/.test(line.text);
}

function atom(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (
    Array.isArray(value) &&
    (value[0] === 'uuid' || value[0] === 'named-uuid') &&
    typeof value[1] === 'string'
  )
    return value[1];
  return undefined;
}

function datum(value: unknown): OvsdbValue | undefined {
  if (Array.isArray(value) && value[0] === 'set' && Array.isArray(value[1])) {
    const items = value[1].map(atom);
    return items.every((item) => item !== undefined) ? (items as string[]) : undefined;
  }
  if (Array.isArray(value) && value[0] === 'map' && Array.isArray(value[1])) {
    const map: Record<string, string> = {};
    for (const pair of value[1] as unknown[]) {
      const [k, v] = Array.isArray(pair) ? [atom(pair[0]), atom(pair[1])] : [undefined, undefined];
      if (k === undefined || v === undefined) return undefined;
      map[k] = v;
    }
    return map;
  }
  return atom(value);
}

function tableOf(json: unknown, line: number): OvsdbRecord[] | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { data, headings } = json as { data?: unknown; headings?: unknown };
  if (!Array.isArray(data) || !Array.isArray(headings) || !headings.every((h) => typeof h === 'string'))
    return undefined;
  const records: OvsdbRecord[] = [];
  for (const row of data) {
    if (!Array.isArray(row)) return undefined;
    const columns: Record<string, OvsdbValue> = {};
    for (const [index, heading] of (headings as string[]).entries()) {
      const value = datum(row[index]);
      if (value !== undefined) columns[heading] = value;
    }
    records.push({ line, columns });
  }
  return records;
}

/** Parses one or more JSON tables (one per line, or one pretty-printed document). */
export function parseOvsdbJson(lines: readonly Line[]): Parsed<OvsdbRecord[]> {
  const body = lines.filter((l) => l.text.trim() !== '');
  const first = body[0]?.no ?? 1;
  const whole = tryParse(body.map((l) => l.text).join('\n'));
  if (whole !== undefined) {
    const table = tableOf(whole, first);
    if (table) return { value: table, problems: [] };
  }
  const records: OvsdbRecord[] = [];
  const problems: Parsed<unknown>['problems'] = [];
  for (const line of body) {
    const table = tableOf(tryParse(line.text), line.no);
    if (table) appendAll(records, table);
    else
      problems.push({
        line: line.no,
        code: 'malformed_json',
        severity: 'error',
        message: 'not a complete OVSDB JSON table {"data": …, "headings": …} (truncated output?)',
      });
  }
  return { value: records, problems };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
