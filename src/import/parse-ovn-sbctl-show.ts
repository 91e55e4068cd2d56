/**
 * `ovn-sbctl show` (utilities/ovn-sbctl.c): `Chassis <name>`, then indented `hostname: …`,
 * `Encap <type>` with `ip: "…"` and `options: {…}`, and `Port_Binding <logical port>` lines.
 */
import { parseOvsdbMap, parseOvsdbValue } from './parse-ovsdb-value.ts';
import { isBlank, reportUnparsed } from './to-lines.ts';
import type { Line, LineProblem, Parsed, SbChassis, SbEncap } from './types.ts';

const CHASSIS = /^Chassis\s+(.+)$/;
const ENCAP = /^Encap\s+(\S+)$/;
const BINDING = /^Port_Binding\s+(.+)$/;
const COLUMN = /^([a-z_][a-z0-9_]*):\s*(.*)$/;

/** True when `line` starts an `ovn-sbctl show` chassis block. */
export function startsOvnSbctlShow(line: Line): boolean {
  return /^Chassis\s+\S/.test(line.text);
}

function unquote(raw: string): string {
  const value = parseOvsdbValue(raw);
  return typeof value === 'string' ? value : raw;
}

interface State {
  chassis: SbChassis[];
  encap?: SbEncap;
  unparsed: Line[];
  problems: LineProblem[];
}

function readColumn(state: State, line: Line, key: string, raw: string): boolean {
  const chassis = state.chassis.at(-1);
  const indent = line.text.length - line.text.trimStart().length;
  if (!chassis || indent === 0) return false;
  // Chassis-level columns (hostname, other_config…) sit one level in; Encap columns two levels.
  if (indent <= 4) {
    if (key === 'hostname') chassis.hostname = unquote(raw);
    state.encap = undefined;
    return true;
  }
  if (!state.encap) return false;
  if (key === 'ip') {
    if (state.encap.ip !== undefined)
      state.problems.push({
        line: line.no,
        code: 'duplicate_field',
        severity: 'warning',
        message: `Encap ${state.encap.type} of chassis ${chassis.name} lists ip twice; the last one is used`,
      });
    state.encap.ip = unquote(raw);
  } else if (key === 'options') {
    const map = parseOvsdbMap(raw);
    if (map) state.encap.options = map;
    else
      state.problems.push({
        line: line.no,
        code: 'malformed_value',
        severity: 'error',
        message: `options of Encap ${state.encap.type} are not a complete {key=value} map`,
      });
  }
  return true;
}

function readLine(state: State, line: Line): void {
  const text = line.text.trim();
  const chassis = CHASSIS.exec(text);
  if (chassis && line.text.startsWith('Chassis')) {
    state.chassis.push({ name: unquote(chassis[1]!), line: line.no, encaps: [], portBindings: [] });
    state.encap = undefined;
    return;
  }
  const current = state.chassis.at(-1);
  const encap = ENCAP.exec(text);
  const binding = BINDING.exec(text);
  const column = COLUMN.exec(text);
  if (current && encap) {
    state.encap = { type: encap[1]!, options: {}, line: line.no };
    current.encaps.push(state.encap);
  } else if (current && binding) current.portBindings.push(unquote(binding[1]!));
  else if (!column || !readColumn(state, line, column[1]!, column[2]!)) state.unparsed.push(line);
}

/** Parses `ovn-sbctl show`: chassis, their hostnames, encapsulations and port bindings. */
export function parseOvnSbctlShow(lines: readonly Line[]): Parsed<SbChassis[]> {
  const state: State = { chassis: [], unparsed: [], problems: [] };
  for (const line of lines) if (!isBlank(line)) readLine(state, line);
  for (const chassis of state.chassis)
    for (const encap of chassis.encaps)
      if (encap.ip === undefined)
        state.problems.push({
          line: encap.line,
          code: 'missing_field',
          severity: 'warning',
          message: `Encap ${encap.type} of chassis ${chassis.name} has no ip line`,
        });
  return {
    value: state.chassis,
    problems: [...state.problems, ...reportUnparsed(state.unparsed, '`ovn-sbctl show` output')],
  };
}
