/**
 * Reading one input file: split it into command outputs, run each through its parser, and gather
 * the results and every problem — with the file's line numbers — into an `InputFile`.
 */
import { applyOvsdbRecords, applyOvsMap } from './apply-ovsdb-records.ts';
import { emptyInputFile, type InputFile } from './input-file.ts';
import { parseIpsecStatus } from './parse-ipsec-status.ts';
import { parseOvnSbctlShow } from './parse-ovn-sbctl-show.ts';
import { parseOvsVsctlShow } from './parse-ovs-vsctl-show.ts';
import { parseOvsdbCsv } from './parse-ovsdb-csv.ts';
import { parseOvsdbJson } from './parse-ovsdb-json.ts';
import { parseOvsdbList } from './parse-ovsdb-list.ts';
import { parseOvsdbMap } from './parse-ovsdb-value.ts';
import { parseSwanctlListSas } from './parse-swanctl-list-sas.ts';
import { parseSwanctlRaw } from './parse-swanctl-raw.ts';
import { parseTunnelsShow } from './parse-tunnels-show.ts';
import { parseXfrm } from './parse-xfrm.ts';
import { splitSections, type Section } from './split-sections.ts';
import { reportSecrets } from './report-secrets.ts';
import { reportUnparsed, toLines } from './to-lines.ts';
import type { IkeStatus, LineProblem, Parsed } from './types.ts';
import { appendAll } from '../model/long-lists.ts';

type Reader = (input: InputFile, section: Section) => LineProblem[];

const body = (section: Section) => section.lines.filter((l) => l.text.trim() !== '');

function addIke(input: InputFile, section: Section, parsed: Parsed<IkeStatus>): LineProblem[] {
  appendAll(input.ike.sas, parsed.value.sas);
  appendAll(input.ike.children, parsed.value.children);
  // An empty section is more likely a daemon that is not installed than one with no SAs.
  input.sawIke ||= body(section).length > 0;
  return parsed.problems;
}

const READERS: Record<NonNullable<Section['format']>, Reader> = {
  'ovs-vsctl-show': (input, s) => {
    const { value, problems } = parseOvsVsctlShow(s.lines);
    appendAll(input.bridges, value.bridges);
    input.interfaces.push(
      ...value.interfaces.filter((i) => !input.interfaces.some((k) => k.name === i.name)),
    );
    return problems;
  },
  'ovsdb-list': (input, s) => applyRecords(input, parseOvsdbList(s.lines)),
  'ovsdb-json': (input, s) => applyRecords(input, parseOvsdbJson(s.lines)),
  'ovsdb-csv': (input, s) => applyRecords(input, parseOvsdbCsv(s.lines)),
  'ovs-map': (input, s) => {
    const [first, ...rest] = body(s);
    const map = first ? parseOvsdbMap(first.text) : undefined;
    if (map) applyOvsMap(input, map, s.command);
    const bad = map ? rest : body(s);
    return reportUnparsed(bad, 'an `ovs-vsctl get … other_config` map');
  },
  'ovn-sbctl-show': (input, s) => {
    const { value, problems } = parseOvnSbctlShow(s.lines);
    appendAll(input.chassis, value);
    return problems;
  },
  'nb-ipsec-flag': (input, s) => {
    const [first, ...rest] = body(s);
    if (first && /^(true|false)$/.test(first.text.trim())) input.nbIpsec = first.text.trim() === 'true';
    return reportUnparsed(
      first && /^(true|false)$/.test(first.text.trim()) ? rest : body(s),
      '`ovn-nbctl get NB_Global . ipsec` output',
    );
  },
  xfrm: (input, s) => {
    const { value, problems } = parseXfrm(s.lines);
    appendAll(input.states, value.states);
    appendAll(input.policies, value.policies);
    input.sawStates ||= value.states.length > 0 || /\bstate\b|xfrm s\b/.test(s.command ?? '');
    input.sawPolicies ||= value.policies.length > 0 || /\bpolicy\b|xfrm p\b/.test(s.command ?? '');
    return problems;
  },
  'swanctl-list-sas': (input, s) => addIke(input, s, parseSwanctlListSas(s.lines)),
  'swanctl-raw': (input, s) => addIke(input, s, parseSwanctlRaw(s.lines)),
  'ipsec-status': (input, s) => addIke(input, s, parseIpsecStatus(s.lines)),
  'tunnels-show': (input, s) => {
    const { value, problems } = parseTunnelsShow(s.lines);
    appendAll(input.monitorTunnels, value);
    return problems;
  },
  hostname: (input, s) => {
    const [first, ...rest] = body(s);
    if (first && /^[\w.-]+$/.test(first.text.trim())) input.hostname ??= first.text.trim();
    return reportUnparsed(first && /^[\w.-]+$/.test(first.text.trim()) ? rest : body(s), '`hostname` output');
  },
  'unused-command': (_input, s) =>
    body(s).length === 0
      ? []
      : [
          {
            line: body(s)[0]!.no,
            ...(body(s).length > 1 ? { endLine: body(s).at(-1)!.no } : {}),
            code: 'unused_output',
            severity: 'info',
            message: `output of \`${s.command ?? ''}\` is not used by the importer`,
          },
        ],
};

function applyRecords(
  input: InputFile,
  parsed: Parsed<Parameters<typeof applyOvsdbRecords>[1]>,
): LineProblem[] {
  applyOvsdbRecords(input, parsed.value);
  return parsed.problems;
}

/** Reads one file; the format of each part is recognised by its content, never by the file name. */
export function readInputFile(file: { name: string; text: string }): InputFile {
  const input = emptyInputFile(file.name);
  const split = splitSections(toLines(file.text));
  if (split.host !== undefined) input.hostname = split.host;
  for (const section of split.sections) {
    const problems = section.format
      ? READERS[section.format](input, section)
      : reportUnparsed(body(section), 'the output of any command Plainsight reads');
    if (section.format && !input.formats.includes(section.format) && body(section).length > 0)
      input.formats.push(section.format);
    appendAll(input.diagnostics, problems.map((p) => ({ file: file.name, ...p })));
  }
  appendAll(input.diagnostics, reportSecrets(input, split.sections));
  if (input.formats.length === 0)
    input.diagnostics.push({
      file: file.name,
      code: 'unrecognised_file',
      severity: 'error',
      message: 'no output of a supported command was recognised in this file',
    });
  // Whole-file problems first, then by line; the sort is stable, so one line keeps its order.
  input.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return input;
}
