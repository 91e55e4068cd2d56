/**
 * `swanctl --list-sas` (strongSwan src/swanctl/commands/list_sas.c): an IKE_SA line
 * `name: #1, ESTABLISHED, IKEv2, <spi_i>* <spi_r>`, its `local`/`remote` identity lines, then
 * CHILD_SA lines `name: #1, reqid 1, INSTALLED, TRANSPORT[-in-UDP], ESP:AES_GCM_16-256` with their
 * traffic selectors. `--raw` output is read by parse-swanctl-raw.ts.
 */
import { proposalCipher } from './sa-cipher.ts';
import { isBlank, reportUnparsed } from './to-lines.ts';
import type { IkeChild, IkeSa, IkeStatus, Line, Parsed } from './types.ts';

const IKE = /^(\S+): #(\d+), ([A-Z_]+), IKEv[12]/;
const ENDPOINT = /^(local|remote)\s+'(.*)' @ (\S+?)\[\d+\]/;
const CHILD =
  /^(\S+): #(\d+), reqid \d+, ([A-Z_]+), (TRANSPORT|TUNNEL|BEET|PASS|DROP)(-in-UDP)?(?:, ([A-Z0-9]+):(\S+))?/;
const TS = /^(local|remote)\s+(\S.*)$/;
/** Lines list_sas.c prints that carry nothing the importer uses. */
const IGNORED =
  /^(established|installed|in |out |passive|queued|active|rekeying|reauth|[A-Z0-9_]+(-\d+)?(\/[A-Z0-9_-]+)*$)/;

/** True when `line` is an IKE_SA line of `swanctl --list-sas`. */
export function startsSwanctlListSas(line: Line): boolean {
  return IKE.test(line.text);
}

function readIke(status: IkeStatus, line: Line, text: string): boolean {
  const ike = IKE.exec(text);
  if (ike && !/^\s/.test(line.text)) {
    status.sas.push({ line: line.no, name: ike[1]!, state: ike[3]! });
    return true;
  }
  const sa: IkeSa | undefined = status.sas.at(-1);
  const endpoint = ENDPOINT.exec(text);
  if (!sa || !endpoint) return false;
  if (endpoint[1] === 'local') Object.assign(sa, { localId: endpoint[2]!, localAddress: endpoint[3]! });
  else Object.assign(sa, { remoteId: endpoint[2]!, remoteAddress: endpoint[3]! });
  return true;
}

function readChild(status: IkeStatus, line: Line, text: string): boolean {
  const child = CHILD.exec(text);
  if (child) {
    const mode = child[4] === 'TRANSPORT' ? 'transport' : child[4] === 'TUNNEL' ? 'tunnel' : undefined;
    const entry: IkeChild = {
      line: line.no,
      name: child[1]!,
      state: child[3]!,
      natT: child[5] !== undefined,
      ...(mode ? { mode } : {}),
    };
    if (child[7]) entry.cipher = proposalCipher(child[7]);
    status.children.push(entry);
    return true;
  }
  const current = status.children.at(-1);
  const ts = TS.exec(text);
  // Child traffic selectors are indented deeper (4 spaces) than the IKE_SA's local/remote (2).
  if (!current || !ts || line.text.length - text.length < 4) return false;
  if (ts[1] === 'local') current.localTs = ts[2]!;
  else current.remoteTs = ts[2]!;
  return true;
}

/** Parses `swanctl --list-sas` text output. */
export function parseSwanctlListSas(lines: readonly Line[]): Parsed<IkeStatus> {
  const status: IkeStatus = { sas: [], children: [] };
  const unparsed: Line[] = [];
  for (const line of lines) {
    if (isBlank(line)) continue;
    const text = line.text.trim();
    const understood =
      readChild(status, line, text) ||
      readIke(status, line, text) ||
      (/^\s/.test(line.text) && IGNORED.test(text));
    if (!understood) unparsed.push(line);
  }
  return { value: status, problems: reportUnparsed(unparsed, '`swanctl --list-sas` output') };
}
