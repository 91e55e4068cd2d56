/**
 * `ovs-vsctl list <table>` / `ovn-nbctl list NB_Global` in the default table format: one
 * `column : value` line per column (names padded to a common width), records separated by a blank
 * line (lib/table.c `table_print_list__`).
 */
import { parseOvsdbValue } from './parse-ovsdb-value.ts';
import { isBlank, reportUnparsed } from './to-lines.ts';
import type { Line, LineProblem, OvsdbRecord, Parsed } from './types.ts';

const COLUMN = /^([a-z_][a-z0-9_]*)\s*: ?(.*)$/;

/** True when `line` looks like a `column : value` line of the list format. */
export function startsOvsdbList(line: Line): boolean {
  return /^[a-z_][a-z0-9_]*\s+: /.test(line.text);
}

/** Parses list-format records; a value that is not a complete OVSDB datum is reported, not guessed. */
export function parseOvsdbList(lines: readonly Line[]): Parsed<OvsdbRecord[]> {
  const records: OvsdbRecord[] = [];
  const unparsed: Line[] = [];
  const problems: LineProblem[] = [];
  let current: OvsdbRecord | undefined;
  for (const line of lines) {
    if (isBlank(line)) {
      current = undefined;
      continue;
    }
    const match = COLUMN.exec(line.text);
    if (!match) {
      unparsed.push(line);
      continue;
    }
    const value = parseOvsdbValue(match[2]!);
    if (value === undefined) {
      problems.push({
        line: line.no,
        code: 'malformed_value',
        severity: 'error',
        message: `value of column ${match[1]!} is not a complete OVSDB value (truncated output?)`,
      });
      continue;
    }
    if (!current || match[1]! in current.columns) {
      current = { line: line.no, columns: {} };
      records.push(current);
    }
    current.columns[match[1]!] = value;
  }
  return { value: records, problems: [...problems, ...reportUnparsed(unparsed, 'an OVSDB `list` record')] };
}
