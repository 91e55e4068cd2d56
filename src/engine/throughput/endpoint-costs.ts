/**
 * The CPU a flow costs at every host on its path (SPEC T4, T5): what each host adds or removes on
 * the hops next to it, priced per packet, and the rate its one core per direction can carry.
 */
import type { Flow, Host } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace, Hop, Protection } from '../types.ts';
import { wrapLevels, type WrapLevel } from './hop-mtu.ts';
import { espTerm, macsecTerm, tlsTerm, wireguardTerms, type Direction } from './layer-costs.ts';
import { ENCAP_CYCLES_PER_PACKET, STACK_CYCLES_PER_BYTE } from './packet-costs.ts';
import type { CostTerm, EndpointCost, EndpointRole } from './types.ts';

/** The packet the estimate is made for. */
export interface PacketSize {
  packetBytes: number;
  payloadBytes: number;
}

function levelsOf(hop: Hop | undefined, index: ScenarioIndex, packet: PacketSize): WrapLevel[] {
  if (!hop) return [];
  return wrapLevels(hop.wraps, packet.packetBytes, index.links.get(hop.link)?.mtu ?? packet.packetBytes);
}

function protectionOf(level: WrapLevel): Protection | undefined {
  return level.wrap.kind === 'encap' ? undefined : level.wrap.protection;
}

function encapKey(level: WrapLevel): string | undefined {
  return level.wrap.kind === 'encap' ? `${level.wrap.type}:${level.wrap.source}` : undefined;
}

function layerTerms(level: WrapLevel, host: Host, direction: Direction): CostTerm[] {
  const p = protectionOf(level)!;
  const bytes = level.innerBytes;
  switch (level.wrap.kind) {
    case 'wireguard':
      return wireguardTerms(p, host, bytes, direction);
    case 'macsec':
      return [macsecTerm(p, host, bytes, direction)];
    default:
      return [espTerm(p, host, bytes, direction)];
  }
}

function encapTerm(level: WrapLevel, host: Host, added: boolean): CostTerm {
  const offloaded = host.nic.offload.includes('tunnel-tso');
  const kind = added ? 'encap' : 'decap';
  const subject = level.wrap.kind === 'encap' ? level.wrap.source : '';
  const label = offloaded
    ? `${kind} ${subject}: in the NIC (tunnel-tso)`
    : `${kind} ${subject}: ${Math.round(ENCAP_CYCLES_PER_PACKET)} per packet`;
  return {
    kind,
    subject,
    label,
    crypto: false,
    parallel: false,
    cyclesPerPacket: offloaded ? 0 : ENCAP_CYCLES_PER_PACKET,
    ...(offloaded ? { offloadedBy: 'tunnel-tso' as const } : {}),
  };
}

/** Terms of the layers a host adds on its outgoing hop and removes from its incoming hop. */
function hopTerms(hostId: string, host: Host, incoming: WrapLevel[], outgoing: WrapLevel[]): CostTerm[] {
  const terms: CostTerm[] = [];
  const inKeys = new Set(incoming.map(encapKey).filter((k) => k !== undefined));
  const outKeys = new Set(outgoing.map(encapKey).filter((k) => k !== undefined));
  for (const [levels, direction, otherKeys] of [
    [incoming, 'decrypt', outKeys],
    [outgoing, 'encrypt', inKeys],
  ] as const) {
    for (const level of levels) {
      const key = encapKey(level);
      if (key !== undefined) {
        if (!otherKeys.has(key)) terms.push(encapTerm(level, host, direction === 'encrypt'));
      } else if (protectionOf(level)!.endpoints.includes(hostId)) {
        terms.push(...layerTerms(level, host, direction));
      }
    }
  }
  return terms;
}

function roleOf(position: number, last: number): EndpointRole {
  return position === 0 ? 'source' : position === last ? 'destination' : 'forwarder';
}

/** Every host's cost terms for a flow that leaves its host, in path order. */
export function hostTerms(
  flow: Flow,
  trace: FlowTrace,
  index: ScenarioIndex,
  packet: PacketSize,
): { host: string; role: EndpointRole; terms: CostTerm[] }[] {
  const nodes = trace.hops.length === 0 ? [] : [trace.hops[0]!.from, ...trace.hops.map((h) => h.to)];
  const result: { host: string; role: EndpointRole; terms: CostTerm[] }[] = [];
  nodes.forEach((node, i) => {
    const host = index.hosts.get(node);
    if (!host) return;
    const role = roleOf(i, nodes.length - 1);
    const stackKind = role === 'forwarder' ? 'forward' : 'stack';
    const stack: CostTerm = {
      kind: stackKind,
      subject: node,
      crypto: false,
      parallel: false,
      cyclesPerPacket: STACK_CYCLES_PER_BYTE * packet.payloadBytes,
      label: `${role === 'forwarder' ? 'forwarding' : 'TCP/IP stack'}: ${STACK_CYCLES_PER_BYTE.toFixed(2)} c/B × ${packet.payloadBytes} B`,
    };
    const terms = [
      stack,
      ...hopTerms(
        node,
        host,
        levelsOf(trace.hops[i - 1], index, packet),
        levelsOf(trace.hops[i], index, packet),
      ),
    ];
    const tls = trace.innerStack.find((l) => l.kind === 'tls')?.protection;
    if (tls && role !== 'forwarder')
      terms.push(tlsTerm(tls, host, packet.payloadBytes, role === 'source' ? 'encrypt' : 'decrypt'));
    result.push({ host: node, role, terms });
  });
  return result;
}

/** Cycle sums of one host for one flow: on the flow's core, spread over the cores, and crypto only. */
export interface CycleSums {
  serial: number;
  parallel: number;
  crypto: number;
}

/** What `cycleFigures` works out for one host. */
export type CycleFigures = Pick<EndpointCost, 'cyclesPerByte' | 'coresAtRate' | 'limitGbps'>;

/**
 * Turns a host's cycle sums into cycles per byte, cores at `rateGbps` and the single-flow limit
 * (SPEC T5, T7); written into `into` when given (bulk estimates reuse one object), else a new one.
 */
export function cycleFigures(host: Host, sums: CycleSums, packet: PacketSize, rateGbps: number, into?: CycleFigures): CycleFigures {
  const { serial, parallel, crypto } = sums;
  const hz = Math.max(0, host.cpu.ghz) * 1e9;
  const cores = Math.max(0, host.cpu.cores);
  const bitsPerPacket = packet.payloadBytes * 8;
  const serialPps = serial > 0 ? hz / serial : Number.POSITIVE_INFINITY;
  const totalPps = serial + parallel > 0 ? (cores * hz) / (serial + parallel) : Number.POSITIVE_INFINITY;
  const limitPps = cores >= 1 && hz > 0 ? Math.min(serialPps, totalPps) : 0;
  const ratePps = bitsPerPacket > 0 ? (Math.max(0, rateGbps) * 1e9) / bitsPerPacket : 0;
  const out = into ?? { cyclesPerByte: 0, coresAtRate: 0, limitGbps: 0 };
  out.cyclesPerByte = packet.payloadBytes > 0 ? crypto / packet.payloadBytes : 0;
  out.coresAtRate = hz > 0 ? (crypto * ratePps) / hz : 0;
  out.limitGbps = Number.isFinite(limitPps) ? (limitPps * bitsPerPacket) / 1e9 : 0;
  return out;
}

/** Adds up terms into cycles, the single-flow limit and the cores taken at `rateGbps` (SPEC T5, T7). */
export function summarizeCost(
  host: Host,
  entry: { host: string; role: EndpointRole; terms: CostTerm[] },
  packet: PacketSize,
  rateGbps: number,
): EndpointCost {
  const sum = (pick: (t: CostTerm) => boolean): number =>
    entry.terms.filter(pick).reduce((acc, t) => acc + t.cyclesPerPacket, 0);
  const sums = { serial: sum((t) => !t.parallel), parallel: sum((t) => t.parallel), crypto: sum((t) => t.crypto) };
  const figures = cycleFigures(host, sums, packet, rateGbps);
  return {
    host: entry.host,
    role: entry.role,
    terms: entry.terms,
    serialCyclesPerPacket: sums.serial,
    parallelCyclesPerPacket: sums.parallel,
    cryptoCyclesPerPacket: sums.crypto,
    cyclesPerByte: figures.cyclesPerByte,
    coresAtRate: figures.coresAtRate,
    limitGbps: figures.limitGbps,
  };
}
