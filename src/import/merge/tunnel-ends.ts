/**
 * One end of a tunnel as a host configures it: the OVS Interface (`ovs-vsctl show` / `list`) or the
 * ovs-monitor-ipsec view of it (`tunnels/show`), with the options that decide its IPsec.
 */
import type { TunnelType } from '../../model/types.ts';
import type { InputFile } from '../input-file.ts';
import type { ImportDiagnostic, MonitorTunnel } from '../types.ts';
import type { HostRecord, HostRegistry } from './host-registry.ts';
import { isAddress, localAddressTowards, normalizeAddress } from './local-addresses.ts';

/** A tunnel end on one host. */
export interface TunnelEnd {
  host: HostRecord;
  file: string;
  line: number;
  name: string;
  type: TunnelType;
  local?: string;
  remote: string;
  /** OVS `options:` — psk, remote_cert, remote_name, ipsec_* … (PSK values never leave the importer). */
  options: Record<string, string>;
  /** `SKB mark` of tunnels/show, the per-host `ipsec_skb_mark` ovs-monitor-ipsec applies. */
  skbMark?: string;
}

const TYPES = new Set<string>(['vxlan', 'geneve', 'gre']);

/** `tunnels/show` fields as the OVS options they come from (ipsec/ovs-monitor-ipsec.in). */
function monitorOptions(tunnel: MonitorTunnel): Record<string, string> {
  const options: Record<string, string> = {};
  if (tunnel.remoteIp !== undefined) options.remote_ip = tunnel.remoteIp;
  if (tunnel.localIp !== undefined) options.local_ip = tunnel.localIp;
  if (tunnel.psk !== undefined) options.psk = tunnel.psk;
  if (tunnel.remoteCert !== undefined) options.remote_cert = tunnel.remoteCert;
  if (tunnel.remoteName !== undefined) options.remote_name = tunnel.remoteName;
  for (const [key, value] of Object.entries(tunnel.customOptions)) options[`ipsec_${key}`] = value;
  return options;
}

interface Candidate {
  name: string;
  line: number;
  type: string;
  options: Record<string, string>;
  skbMark?: string;
}

function candidatesOf(input: InputFile): Candidate[] {
  const list: Candidate[] = input.interfaces.map((i) => ({
    name: i.name,
    line: i.line,
    type: i.type,
    options: i.options,
  }));
  for (const tunnel of input.monitorTunnels) {
    const known = list.find((c) => c.name === tunnel.name);
    const options = monitorOptions(tunnel);
    if (known) {
      known.options = { ...options, ...known.options };
      if (tunnel.skbMark !== undefined) known.skbMark = tunnel.skbMark;
    } else
      list.push({
        name: tunnel.name,
        line: tunnel.line,
        type: tunnel.type ?? '',
        options,
        ...(tunnel.skbMark !== undefined ? { skbMark: tunnel.skbMark } : {}),
      });
  }
  return list;
}

function endOf(
  input: InputFile,
  host: HostRecord,
  c: Candidate,
  diagnostics: ImportDiagnostic[],
): TunnelEnd | undefined {
  const note = (code: string, severity: ImportDiagnostic['severity'], message: string): undefined => {
    diagnostics.push({ file: input.file, line: c.line, code, severity, message });
    return undefined;
  };
  if (!TYPES.has(c.type))
    return ['stt', 'lisp', 'erspan', 'ip6erspan', 'gtpu', 'bareudp', 'srv6', 'ip6gre'].includes(c.type)
      ? note(
          'unsupported_tunnel_type',
          'warning',
          `interface ${c.name} is a ${c.type} tunnel; Plainsight models vxlan, geneve and gre only, so it was not imported`,
        )
      : undefined;
  const remote = c.options.remote_ip;
  if (remote === 'flow')
    return note(
      'flow_based_tunnel',
      'info',
      `interface ${c.name} is a flow-based ${c.type} tunnel (remote_ip=flow): its peers are chosen per flow and OVS IPsec cannot protect it; not imported`,
    );
  if (!isAddress(remote))
    return note(
      'tunnel_without_remote',
      'warning',
      `interface ${c.name} (${c.type}) has no usable remote_ip; not imported`,
    );
  const peer = normalizeAddress(remote);
  const local = isAddress(c.options.local_ip)
    ? normalizeAddress(c.options.local_ip)
    : localAddressTowards(input, peer);
  const type = c.type as TunnelType;
  return {
    host,
    file: input.file,
    line: c.line,
    name: c.name,
    type,
    remote: peer,
    options: c.options,
    ...(local ? { local } : {}),
    ...(c.skbMark !== undefined ? { skbMark: c.skbMark } : {}),
  };
}

/** Every tunnel end of every host-level file, with diagnostics for tunnels that cannot be imported. */
export function collectTunnelEnds(
  registry: HostRegistry,
  inputs: readonly InputFile[],
): { ends: TunnelEnd[]; diagnostics: ImportDiagnostic[] } {
  const ends: TunnelEnd[] = [];
  const diagnostics: ImportDiagnostic[] = [];
  for (const input of inputs) {
    const host = registry.byFile.get(input.file);
    if (!host) continue;
    for (const candidate of candidatesOf(input)) {
      const end = endOf(input, host, candidate, diagnostics);
      if (end) ends.push(end);
    }
  }
  return { ends, diagnostics };
}
