/**
 * `ovs-appctl -t ovs-monitor-ipsec tunnels/show` (ipsec/ovs-monitor-ipsec.in `show`): per tunnel
 * `Interface name: tun v7 (CONFIGURED)` then `Key: value` lines (`Tunnel Type`, `Local IP`,
 * `Remote IP`, `SKB mark`, certificates, `PSK` — printed in clear — and `Custom Options`), then
 * listings of the kernel policies, SAs and active connections.
 */
import { isBlank, reportUnparsed } from './to-lines.ts';
import type { Line, MonitorTunnel, Parsed } from './types.ts';

const HEAD = /^Interface name:\s+(\S+)(?:\s+v\d+)?(?:\s+\((\w+)\))?/;
const FIELD = /^([A-Z][A-Za-z ]+):\s*(.*)$/;
const LISTINGS = new Set([
  'Kernel policies installed',
  'Kernel security associations installed',
  'IPsec connections that are active',
]);
const FIELDS: Record<string, keyof MonitorTunnel> = {
  'Tunnel Type': 'type',
  'Local IP': 'localIp',
  'Remote IP': 'remoteIp',
  'SKB mark': 'skbMark',
  'Local name': 'localName',
  'Remote name': 'remoteName',
  'Remote cert': 'remoteCert',
  'CA cert': 'caCert',
  PSK: 'psk',
};
/** Fields printed but not used: the local key material paths, address family, OpenFlow state. */
const UNUSED = new Set(['Local cert', 'Local key', 'Address Family', 'Ofport', 'CFM state']);

/** True when `line` starts a tunnel of `tunnels/show`. */
export function startsTunnelsShow(line: Line): boolean {
  return HEAD.test(line.text.trim());
}

/** `{'encapsulation': 'yes'}` — a Python dict of the `ipsec_*` options without their prefix. */
function readCustom(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/'([^']*)':\s*'([^']*)'/g)) out[m[1]!] = m[2]!;
  return out;
}

function readField(tunnel: MonitorTunnel, key: string, raw: string): boolean {
  const value = raw.split(/\s+/)[0] ?? '';
  if (key === 'Custom Options') tunnel.customOptions = readCustom(raw);
  else if (FIELDS[key] && value !== 'None' && value !== '') Object.assign(tunnel, { [FIELDS[key]]: value });
  return key in FIELDS || UNUSED.has(key) || key === 'Custom Options';
}

/** Parses `tunnels/show`; listing lines under the three "installed/active" headings are kept as understood. */
export function parseTunnelsShow(lines: readonly Line[]): Parsed<MonitorTunnel[]> {
  const tunnels: MonitorTunnel[] = [];
  const unparsed: Line[] = [];
  let listing = false;
  for (const line of lines) {
    if (isBlank(line)) continue;
    const text = line.text.trim();
    const head = HEAD.exec(text);
    const field = FIELD.exec(text);
    const tunnel = tunnels.at(-1);
    if (head) {
      tunnels.push({
        line: line.no,
        name: head[1]!,
        ...(head[2] ? { state: head[2] } : {}),
        customOptions: {},
      });
      listing = false;
    } else if (tunnel && field && LISTINGS.has(field[1]!)) listing = true;
    else if (tunnel && field && readField(tunnel, field[1]!, field[2]!)) listing = false;
    else if (!(tunnel && listing)) unparsed.push(line);
  }
  return {
    value: tunnels,
    problems: reportUnparsed(unparsed, '`ovs-appctl -t ovs-monitor-ipsec tunnels/show` output'),
  };
}
