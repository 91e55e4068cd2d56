/**
 * `ovs-vsctl --format=csv list <table>`: a heading row, then one RFC 4180 row per record; a value
 * with a comma or quote is quoted and its quotes doubled (lib/table.c `table_print_csv__`).
 */
import { parseOvsdbValue } from './parse-ovsdb-value.ts';
import type { Line, LineProblem, OvsdbRecord, Parsed } from './types.ts';

/** True when `line` is a CSV heading row of column names (`name,type,options`). */
export function startsOvsdbCsv(line: Line): boolean {
  return /^_?[a-z][a-z0-9_]*(,_?[a-z][a-z0-9_]*)+$/.test(line.text);
}

/** Splits one CSV row; undefined when a quoted field is not closed. */
function splitRow(text: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') field += text[++i];
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return quoted ? undefined : fields;
}

/** Parses a CSV table whose heading is the first non-blank line. */
export function parseOvsdbCsv(lines: readonly Line[]): Parsed<OvsdbRecord[]> {
  const body = lines.filter((l) => l.text.trim() !== '');
  const headings = body[0]?.text.split(',') ?? [];
  const records: OvsdbRecord[] = [];
  const problems: LineProblem[] = [];
  for (const line of body.slice(1)) {
    const fields = splitRow(line.text);
    if (!fields || fields.length !== headings.length) {
      problems.push({
        line: line.no,
        code: 'malformed_csv',
        severity: 'error',
        message: `expected ${headings.length} comma-separated fields (${headings.join(', ')}) (truncated output?)`,
      });
      continue;
    }
    const record: OvsdbRecord = { line: line.no, columns: {} };
    fields.forEach((field, index) => {
      const value = parseOvsdbValue(field);
      if (value !== undefined) record.columns[headings[index]!] = value;
      else
        problems.push({
          line: line.no,
          code: 'malformed_value',
          severity: 'error',
          message: `column ${headings[index]!} is not a complete OVSDB value`,
        });
    });
    records.push(record);
  }
  return { value: records, problems };
}
