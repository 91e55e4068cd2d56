/**
 * Recognising which command printed a piece of text: by a command line written above it
 * (`# ovs-vsctl show`, `root@hv1:~# ip xfrm state`), else by the shape of its first line.
 */
import { startsIpsecStatus } from './parse-ipsec-status.ts';
import { startsOvnSbctlShow } from './parse-ovn-sbctl-show.ts';
import { startsOvsVsctlShow } from './parse-ovs-vsctl-show.ts';
import { startsOvsdbCsv } from './parse-ovsdb-csv.ts';
import { startsOvsdbJson } from './parse-ovsdb-json.ts';
import { startsOvsdbList } from './parse-ovsdb-list.ts';
import { startsSwanctlListSas } from './parse-swanctl-list-sas.ts';
import { startsSwanctlRaw } from './parse-swanctl-raw.ts';
import { startsTunnelsShow } from './parse-tunnels-show.ts';
import type { Line } from './types.ts';
import { startsXfrm } from './xfrm-blocks.ts';

/** Every output format the importer reads, plus `hostname` and commands it knows but does not use. */
export type SourceFormat =
  | 'ovs-vsctl-show'
  | 'ovsdb-list'
  | 'ovsdb-json'
  | 'ovsdb-csv'
  | 'ovs-map'
  | 'ovn-sbctl-show'
  | 'nb-ipsec-flag'
  | 'xfrm'
  | 'swanctl-list-sas'
  | 'swanctl-raw'
  | 'ipsec-status'
  | 'tunnels-show'
  | 'hostname'
  | 'unused-command';

/** Formats in the order their first-line tests are tried (most specific first). */
const BY_CONTENT: [SourceFormat, (line: Line) => boolean][] = [
  ['ovs-vsctl-show', startsOvsVsctlShow],
  ['ovn-sbctl-show', startsOvnSbctlShow],
  ['xfrm', startsXfrm],
  ['swanctl-raw', startsSwanctlRaw],
  ['swanctl-list-sas', startsSwanctlListSas],
  ['ipsec-status', startsIpsecStatus],
  ['tunnels-show', startsTunnelsShow],
  ['ovsdb-json', startsOvsdbJson],
  ['ovsdb-list', startsOvsdbList],
  ['ovsdb-csv', startsOvsdbCsv],
  ['ovs-map', (line) => /^\{([^"].*=.*)?\}$/.test(line.text)],
  ['nb-ipsec-flag', (line) => /^(true|false)$/.test(line.text)],
];

/** The format whose output starts with `line`, if any. */
export function detectFormat(line: Line): SourceFormat | undefined {
  return BY_CONTENT.find(([, starts]) => starts(line))?.[0];
}

/**
 * Commands recognised at the start of a marker line, and the format of what they print
 * (`undefined`: decide by content). Anchored, so prose comments that merely mention a command
 * stay comments.
 */
const COMMANDS: [RegExp, SourceFormat | undefined][] = [
  [/^ovs-vsctl\b.*\bshow\b/, 'ovs-vsctl-show'],
  [/^ovn-sbctl\b.*\bshow\b/, 'ovn-sbctl-show'],
  [/^ovn-nbctl\b.*\bget\b.*\bipsec\b/, 'nb-ipsec-flag'],
  [/^ovs-vsctl\b.*\bget\b.*\b(other_config|external_ids)$/, 'ovs-map'],
  [/^ov[sn]-[a-z]+ctl\b.*\blist\b/, undefined],
  [/^ip\b.*\bxfrm\s+(state|policy|s|p)\b/, 'xfrm'],
  [/^swanctl\b(?=.*(--list-sas|\s-l\b))(?=.*--raw)/, 'swanctl-raw'],
  [/^swanctl\b.*(--list-sas|\s-l\b)/, 'swanctl-list-sas'],
  [/^ipsec\s+status(all)?\b/, 'ipsec-status'],
  [/^ovs-appctl\b.*\btunnels\/show\b/, 'tunnels-show'],
  [/^(hostname|uname -n|cat \/etc\/hostname)\b/, 'hostname'],
  [/^(ovs-vsctl|ovs-appctl|ovn-[a-z]+ctl|ip|swanctl|ipsec)\b/, 'unused-command'],
];

/** A marker line: a shell comment or a prompt with the command typed after it. */
export interface Marker {
  command: string;
  /** The host named in a `user@host:~#` prompt or a `# plainsight-host: NAME` directive. */
  host?: string;
  /** The format the command prints; `null` for a plain comment; undefined for "decide by content". */
  format: SourceFormat | null | undefined;
}

/** `# cmd`, `$ cmd`, `root@hv1:~# cmd`, `[root@hv1 ~]# cmd` (Debian and RHEL shell prompts). */
const PROMPT = /^(?:\[?[\w.-]+@([\w.-]+)[^\s#$\]]*(?:\s+[^\]#$]*)?\]?\s*)?[#$]\s*(.*)$/;

function commandFormat(command: string): SourceFormat | null | undefined {
  const known = COMMANDS.find(([pattern]) => pattern.test(command));
  return known ? known[1] : null;
}

/**
 * Reads a marker line; undefined when the line is neither a comment, a prompt, nor a bare
 * command line such as `ip xfrm policy` pasted above its output.
 */
export function readMarker(line: Line): Marker | undefined {
  const match = PROMPT.exec(line.text.trim());
  if (!match) {
    const bare = line.text.trim().replace(/^sudo\s+/, '');
    const format = commandFormat(bare);
    // A bare line counts only for commands whose output Plainsight reads, never for prose.
    return format !== null && format !== 'unused-command' && format !== 'hostname' && !/^\s/.test(line.text)
      ? { command: bare, format }
      : undefined;
  }
  const command = match[2]!.replace(/^sudo\s+/, '').trim();
  const directive = /^plainsight-host:\s*(\S+)/.exec(command);
  const host = directive?.[1] ?? match[1];
  return { command, ...(host ? { host } : {}), format: directive ? null : commandFormat(command) };
}
