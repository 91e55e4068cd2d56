/**
 * `swanctl --list-sas --raw`: the VICI message printed as `list-sa event {<ike> {key=value …
 * child-sas {<child> {… local-ts=[…] remote-ts=[…]}}}}` (strongSwan src/libcharon/plugins/vici/README.md).
 */
import { proposalCipher } from './sa-cipher.ts';
import type { IkeChild, IkeStatus, Line, LineProblem, Parsed } from './types.ts';

type Section = { [key: string]: string | string[] | Section };

/** True when `line` is a raw VICI event or reply line. */
export function startsSwanctlRaw(line: Line): boolean {
  return /^list-sas? (event|reply) \{/.test(line.text);
}

/** Reads `{ … }` from tokens; `undefined` when braces do not balance (a truncated line). */
function readSection(tokens: string[], at: { i: number }): Section | undefined {
  const section: Section = {};
  while (at.i < tokens.length) {
    const token = tokens[at.i++]!;
    if (token === '}') return section;
    const pair = /^([^=]+)=(.*)$/.exec(token);
    if (pair && pair[2]!.startsWith('['))
      section[pair[1]!] = pair[2]!
        .replace(/^\[|\]$/g, '')
        .split(/\s+/)
        .filter(Boolean);
    else if (pair) section[pair[1]!] = pair[2]!;
    else if (tokens[at.i] === '{') {
      at.i++;
      const inner = readSection(tokens, at);
      if (!inner) return undefined;
      section[token] = inner;
    } else return undefined;
  }
  return undefined;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function readChildren(sa: Section, line: number): IkeChild[] {
  const children = sa['child-sas'];
  if (typeof children !== 'object' || Array.isArray(children)) return [];
  return Object.values(children).flatMap((c) => {
    if (typeof c !== 'object' || Array.isArray(c)) return [];
    const mode = str(c.mode)?.toLowerCase();
    const keySize = str(c['encr-keysize']);
    const alg = str(c['encr-alg']);
    const child: IkeChild = {
      line,
      name: str(c.name) ?? '',
      state: str(c.state) ?? '',
      natT: c.encap === 'yes',
      ...(mode === 'transport' || mode === 'tunnel' ? { mode } : {}),
    };
    if (alg)
      child.cipher = proposalCipher(
        [alg + (keySize ? `-${keySize}` : ''), str(c['integ-alg'])].filter(Boolean).join('/'),
      );
    if (Array.isArray(c['local-ts'])) child.localTs = c['local-ts'].join(' ');
    if (Array.isArray(c['remote-ts'])) child.remoteTs = c['remote-ts'].join(' ');
    return [child];
  });
}

/** Parses raw `list-sa event` lines into IKE and CHILD SAs. */
export function parseSwanctlRaw(lines: readonly Line[]): Parsed<IkeStatus> {
  const status: IkeStatus = { sas: [], children: [] };
  const problems: LineProblem[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '' || /^list-sas reply \{\s*\}$/.test(text)) continue;
    const tokens = text
      .replace(/^list-sas? (event|reply) /, '')
      .replace(/([{}])/g, ' $1 ')
      .replace(/\[\s+/g, '[')
      .replace(/\s+\]/g, ']')
      .trim()
      .split(/\s+(?![^[]*\])/);
    const root = tokens[0] === '{' ? readSection(tokens, { i: 1 }) : undefined;
    if (!root) {
      problems.push({
        line: line.no,
        code: 'malformed_raw',
        severity: 'error',
        message: 'raw swanctl event is not a complete {…} message (truncated output?)',
      });
      continue;
    }
    for (const [name, sa] of Object.entries(root)) {
      if (typeof sa !== 'object' || Array.isArray(sa)) continue;
      status.sas.push({ line: line.no, name, state: str(sa.state) ?? '', ...pick(sa) });
      status.children.push(...readChildren(sa, line.no));
    }
  }
  return { value: status, problems };
}

function pick(sa: Section): Partial<IkeChild> & Record<string, string> {
  const out: Record<string, string> = {};
  for (const [from, to] of [
    ['local-host', 'localAddress'],
    ['remote-host', 'remoteAddress'],
    ['local-id', 'localId'],
    ['remote-id', 'remoteId'],
  ] as const) {
    const value = str(sa[from]);
    if (value !== undefined) out[to] = value;
  }
  return out;
}
