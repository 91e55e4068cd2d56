/**
 * The legacy strongSwan stroke interface, `ipsec status` and `ipsec statusall`, which
 * ovs-monitor-ipsec itself reads (src/stroke/stroke_list.c): sections `Connections:`,
 * `Routed Connections:`, `Security Associations (n up, m connecting):`; IKE_SAs as `name[n]: …`,
 * CHILD_SAs and routed policies as `name{n}: …`.
 */
import { proposalCipher } from './sa-cipher.ts';
import { isBlank, reportUnparsed } from './to-lines.ts';
import type { IkeChild, IkeSa, IkeStatus, Line, Parsed } from './types.ts';

const SECTION =
  /^(Status of IKE charon daemon|Listening IP addresses:|Connections:|Routed Connections:|Shunted Connections:|Security Associations \()/;
const CHILD = /^(\S+?)\{(\d+)\}:\s+(.*)$/;
const IKE = /^(\S+?)\[(\d+)\]:\s+(.*)$/;
const CONN = /^(\S+?):\s+(.*)$/;
/** Header lines of `statusall` that say nothing about tunnels. */
const IGNORED =
  /^(uptime|malloc|worker threads|loaded plugins|Virtual IP pools|\d+\.\d+\.\d+\.\d+$|[0-9a-f:]+$|none$)/;

/** True when `line` opens one of the stroke status sections. */
export function startsIpsecStatus(line: Line): boolean {
  return SECTION.test(line.text);
}

/** The status so far, with CHILD_SAs by `name{n}` (one SA is printed on several lines). */
interface State {
  status: IkeStatus;
  children: Map<string, IkeChild>;
  sas: Map<string, IkeSa>;
}

function childOf(state: State, name: string, id: string, line: number): IkeChild {
  const key = `${name}{${id}}`;
  let child = state.children.get(key);
  if (!child) {
    child = { line, name, state: '', natT: false };
    state.children.set(key, child);
    state.status.children.push(child);
  }
  return child;
}

function readChild(state: State, line: Line, match: RegExpExecArray): void {
  const child = childOf(state, match[1]!, match[2]!, line.no);
  const rest = match[3]!;
  const ts = /^(\S+) === (\S+)/.exec(rest);
  const up = /^([A-Z]+), (TRANSPORT|TUNNEL|PASS|DROP)/.exec(rest);
  if (ts) [child.localTs, child.remoteTs] = [ts[1]!, ts[2]!];
  else if (up) {
    child.state = up[1]!;
    if (up[2] === 'TRANSPORT' || up[2] === 'TUNNEL')
      child.mode = up[2] === 'TRANSPORT' ? 'transport' : 'tunnel';
    child.natT ||= / in UDP SPIs/.test(rest);
  } else if (/^[A-Z0-9_]+(\/[A-Z0-9_]+)*, /.test(rest)) child.cipher = proposalCipher(rest.split(',')[0]!);
}

function readIke(state: State, line: Line, match: RegExpExecArray): void {
  const key = `${match[1]!}[${match[2]!}]`;
  let sa = state.sas.get(key);
  if (!sa) {
    sa = { line: line.no, name: match[1]!, state: '' };
    state.sas.set(key, sa);
    state.status.sas.push(sa);
  }
  const rest = match[3]!;
  const up = /^([A-Z]+) .*?, ([^[\s]+)\[([^\]]*)\]\.\.\.([^[\s]+)\[([^\]]*)\]/.exec(rest);
  if (up)
    Object.assign(sa, {
      state: up[1]!,
      localAddress: up[2]!,
      localId: up[3]!,
      remoteAddress: up[4]!,
      remoteId: up[5]!,
    });
  else if (/^[A-Z]+\b/.test(rest) && sa.state === '') sa.state = /^[A-Z]+/.exec(rest)![0];
  if (/pre-shared key/.test(rest)) sa.auth = 'psk';
  else if (/public key/.test(rest)) sa.auth = 'pubkey';
}

/** `Connections:` entries: `name:  local...remote  IKEv2` and `name:   local:  [id] uses … authentication`. */
function readConn(status: IkeStatus, line: Line, match: RegExpExecArray): boolean {
  const [, name, rest] = match as unknown as [string, string, string];
  let conn = status.sas.find((s) => s.name === name && s.state === 'LOADED');
  const ends = /^(\S+)\.\.\.(\S+)\s/.exec(rest + ' ');
  if (!conn && !ends) return false;
  if (!conn) status.sas.push((conn = { line: line.no, name, state: 'LOADED' }));
  if (ends) Object.assign(conn, { localAddress: ends[1]!, remoteAddress: ends[2]! });
  if (/uses pre-shared key/.test(rest)) conn.auth = 'psk';
  else if (/uses public key/.test(rest)) conn.auth = 'pubkey';
  return true;
}

/** Parses `ipsec status` / `ipsec statusall` output (strongSwan stroke format). */
export function parseIpsecStatus(lines: readonly Line[]): Parsed<IkeStatus> {
  const state: State = { status: { sas: [], children: [] }, children: new Map(), sas: new Map() };
  const status = state.status;
  const unparsed: Line[] = [];
  for (const line of lines) {
    if (isBlank(line)) continue;
    const text = line.text.trim();
    const child = CHILD.exec(text);
    const ike = IKE.exec(text);
    const conn = CONN.exec(text);
    if (SECTION.test(text) || IGNORED.test(text)) continue;
    if (child) readChild(state, line, child);
    else if (ike) readIke(state, line, ike);
    else if (!conn || !readConn(status, line, conn)) unparsed.push(line);
  }
  return { value: status, problems: reportUnparsed(unparsed, '`ipsec status` output') };
}
