/**
 * `ovs-vsctl show` (lib/db-ctl-base.c): a tree indented by 4 spaces per level — database UUID,
 * `Bridge`, `Port`, `Interface`, then `key: value` columns such as `type: geneve` and
 * `options: {remote_ip="10.0.0.2", psk=…}`. Names are quoted by OVS ≤ 2.12 when they hold a digit.
 */
import { parseOvsdbMap, parseOvsdbValue } from './parse-ovsdb-value.ts';
import { isBlank, reportUnparsed } from './to-lines.ts';
import type { Line, LineProblem, OvsInterface, OvsShow, Parsed } from './types.ts';

/** `ovs-vsctl show` indents each level by 4 spaces (lib/db-ctl-base.c `cmd_show_row`). */
const INDENT = 4;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEYWORD = /^(Bridge|Port|Interface|Manager|Controller)\s+(.+)$/;
const COLUMN = /^([a-z_][a-z0-9_:-]*):\s*(.*)$/;

/** True when `line` starts an `ovs-vsctl show` output (the Open_vSwitch row's UUID). */
export function startsOvsVsctlShow(line: Line): boolean {
  return UUID.test(line.text);
}

interface State {
  show: OvsShow;
  bridge?: string;
  iface?: OvsInterface;
  unparsed: Line[];
  problems: LineProblem[];
}

function nameOf(raw: string): string {
  const value = parseOvsdbValue(raw);
  return typeof value === 'string' ? value : raw.replace(/^"|"$/g, '');
}

function readColumn(state: State, line: Line, key: string, value: string): void {
  if (key === 'ovs_version') state.show.ovsVersion = nameOf(value);
  if (!state.iface) return;
  if (key === 'type') state.iface.type = nameOf(value);
  if (key !== 'options') return;
  const map = parseOvsdbMap(value);
  if (map) state.iface.options = map;
  else
    state.problems.push({
      line: line.no,
      code: 'malformed_value',
      severity: 'error',
      message: `options of interface ${state.iface.name} are not a complete {key=value} map (truncated output?)`,
    });
}

function readKeyword(state: State, line: Line, word: string, raw: string): void {
  const name = nameOf(raw);
  if (word === 'Bridge') {
    state.bridge = name;
    state.show.bridges.push({ name, line: line.no, interfaces: [] });
  }
  if (word === 'Port' || word === 'Bridge') state.iface = undefined;
  if (word !== 'Interface') return;
  state.iface = {
    name,
    line: line.no,
    type: '',
    options: {},
    ...(state.bridge ? { bridge: state.bridge } : {}),
  };
  state.show.interfaces.push(state.iface);
  state.show.bridges.at(-1)?.interfaces.push(name);
}

function readLine(state: State, line: Line): void {
  const indent = line.text.length - line.text.trimStart().length;
  const text = line.text.trim();
  if (indent === 0 && UUID.test(text)) {
    state.show.uuid ??= text;
    return;
  }
  const keyword = KEYWORD.exec(text);
  if (keyword && indent % INDENT === 0) return readKeyword(state, line, keyword[1]!, keyword[2]!);
  const column = COLUMN.exec(text);
  // Columns below an Interface belong to it; others (fail_mode, tag, is_connected…) are understood but unused.
  if (column && indent > 0) return readColumn(state, line, column[1]!, column[2]!);
  state.unparsed.push(line);
}

/** Parses `ovs-vsctl show`: bridges, ports' interfaces, their type and options. */
export function parseOvsVsctlShow(lines: readonly Line[]): Parsed<OvsShow> {
  const state: State = { show: { bridges: [], interfaces: [] }, unparsed: [], problems: [] };
  for (const line of lines) if (!isBlank(line)) readLine(state, line);
  const problems = [...state.problems, ...reportUnparsed(state.unparsed, '`ovs-vsctl show` output')];
  return { value: state.show, problems };
}
