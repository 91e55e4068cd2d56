/**
 * Single-flow estimate (SPEC T3, T6): the least of the wire limit on each link and the CPU limit at
 * each host on the path, with the packet size, overhead, efficiency and CPU cost behind it.
 */
import type { Flow } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace } from '../types.ts';
import { hostTerms, summarizeCost, type PacketSize } from './endpoint-costs.ts';
import { flowMtu } from './flow-mtu.ts';
import { hopOverheadBytes } from './hop-mtu.ts';
import { ETHERNET_FRAMING_BYTES, STACK_CYCLES_PER_BYTE } from './packet-costs.ts';
import { explainEstimate } from './explain-estimate.ts';
import type { EndpointCost, FlowEstimate, FlowLimit, ThroughputProblem } from './types.ts';

/** The flow's own IP and L4 header bytes (its stack before the payload; TLS records excluded, SPEC T2). */
export function ownHeaderBytes(trace: FlowTrace): number {
  let bytes = 0;
  for (const l of trace.innerStack) {
    if (l.kind === 'ipv4' || l.kind === 'ipv6' || l.kind === 'tcp' || l.kind === 'udp') bytes += l.headerBytes;
  }
  return bytes;
}

/** The problem of a path whose MTU leaves no room for the flow's own headers. */
export function mtuBelowOverhead(flow: Flow, innerMtu: number, own: number): ThroughputProblem {
  const message = `flow ${flow.id}: ${innerMtu} bytes fit through its path, not even its own ${own} header bytes: the MTU is below the encapsulation overhead`;
  return { subject: flow.id, message };
}

/** The problem of a link that carries nothing. */
export function deadLink(link: { id: string; gbps: number }): ThroughputProblem {
  return { subject: link.id, message: `link ${link.id} has ${link.gbps} Gbit/s: it carries nothing` };
}

function emptyEstimate(flow: Flow, reasons: string[], extra: Partial<FlowEstimate> = {}): FlowEstimate {
  return {
    flow: flow.id,
    rateGbps: flow.rateGbps,
    packetBytes: null,
    payloadBytes: null,
    innerMtu: null,
    overheadBytes: null,
    wireEfficiency: null,
    maxGbps: null,
    bottleneck: null,
    limits: [],
    cpuCostPerEndpoint: [],
    reasons,
    ...extra,
  };
}

function byLimit(a: FlowLimit, b: FlowLimit): number {
  return a.gbps - b.gbps || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0);
}

/** A flow between two workloads of one host: no wire and no encryption, only that host's stack (SPEC X1). */
function estimateLocal(flow: Flow, trace: FlowTrace, index: ScenarioIndex): FlowEstimate {
  const hostId = trace.hosts[0]!;
  const host = index.hosts.get(hostId)!;
  const packetBytes = flow.packetBytes ?? host.nic.mtu;
  const payloadBytes = packetBytes - ownHeaderBytes(trace);
  if (payloadBytes <= 0)
    return emptyEstimate(
      flow,
      [`packets of ${packetBytes} bytes carry no payload after the flow's own headers`],
      { maxGbps: 0 },
    );
  const terms = [
    {
      kind: 'stack' as const,
      subject: hostId,
      crypto: false,
      parallel: false,
      cyclesPerPacket: STACK_CYCLES_PER_BYTE * payloadBytes,
      label: `TCP/IP stack: ${STACK_CYCLES_PER_BYTE.toFixed(2)} c/B × ${payloadBytes} B`,
    },
  ];
  const cost = summarizeCost(
    host,
    { host: hostId, role: 'source', terms },
    { packetBytes, payloadBytes },
    flow.rateGbps,
  );
  const limit = { subject: `cpu:${hostId}`, gbps: cost.limitGbps };
  return emptyEstimate(
    flow,
    [`never leaves host ${hostId}: no link, no encryption (SPEC X1), only its stack limits it`],
    {
      packetBytes,
      payloadBytes,
      maxGbps: limit.gbps,
      bottleneck: limit.subject,
      limits: [limit],
      cpuCostPerEndpoint: [cost],
    },
  );
}

/** Wire limits and efficiency per hop (SPEC T3): link rate × payload / (packet + overhead + 38). */
function wireLimits(
  trace: FlowTrace,
  index: ScenarioIndex,
  packet: PacketSize,
  problems: ThroughputProblem[],
): { limits: FlowLimit[]; efficiency: number; overhead: number } {
  let efficiency = 1;
  let overhead = 0;
  const limits: FlowLimit[] = [];
  for (const hop of trace.hops) {
    const link = index.links.get(hop.link);
    if (!link) continue;
    const added = hopOverheadBytes(hop.wraps, packet.packetBytes, link.mtu);
    const share = packet.payloadBytes / (packet.packetBytes + added + ETHERNET_FRAMING_BYTES);
    if (!(link.gbps > 0)) problems.push(deadLink(link));
    limits.push({ subject: `link:${link.id}`, gbps: Math.max(0, link.gbps) * share });
    efficiency = Math.min(efficiency, share);
    overhead = Math.max(overhead, added);
  }
  return { limits, efficiency, overhead };
}

/** Estimates one flow; `problems` collects impossible input met on the way. */
export function estimateFlow(
  flow: Flow,
  trace: FlowTrace,
  index: ScenarioIndex,
  problems: ThroughputProblem[],
): FlowEstimate {
  if (trace.unreachable !== undefined || (!trace.local && trace.hops.length === 0)) {
    return emptyEstimate(flow, [`no estimate: the flow has no path (${trace.unreachable ?? 'no links'})`]);
  }
  if (trace.local) return estimateLocal(flow, trace, index);
  const innerMtu = flowMtu(trace, index).innerMtu ?? 0;
  const own = ownHeaderBytes(trace);
  const packetBytes = Math.min(flow.packetBytes ?? innerMtu, innerMtu);
  const payloadBytes = packetBytes - own;
  if (payloadBytes <= 0) {
    const problem = mtuBelowOverhead(flow, innerMtu, own);
    problems.push(problem);
    return emptyEstimate(flow, [problem.message], { innerMtu, maxGbps: 0, packetBytes });
  }
  const packet = { packetBytes, payloadBytes };
  const wire = wireLimits(trace, index, packet, problems);
  const costs: EndpointCost[] = hostTerms(flow, trace, index, packet).map((entry) =>
    summarizeCost(index.hosts.get(entry.host)!, entry, packet, flow.rateGbps),
  );
  const limits = [
    ...wire.limits,
    ...costs.map((c) => ({ subject: `cpu:${c.host}`, gbps: c.limitGbps })),
  ].sort(byLimit);
  const top = limits[0]!;
  const estimate: FlowEstimate = {
    flow: flow.id,
    rateGbps: flow.rateGbps,
    packetBytes,
    payloadBytes,
    innerMtu,
    overheadBytes: wire.overhead,
    wireEfficiency: wire.efficiency,
    maxGbps: top.gbps,
    bottleneck: top.subject,
    limits,
    cpuCostPerEndpoint: [...costs].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0)),
    reasons: [],
  };
  estimate.reasons = explainEstimate(flow, estimate, trace, index);
  return estimate;
}
