/**
 * Reasons of a flow estimate (SPEC X9 applied to T6): which limit binds and which term dominates it,
 * what the packet size was taken to be, and what is outside the CPU model.
 */
import type { Flow } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace } from '../types.ts';
import { ETHERNET_FRAMING_BYTES } from './packet-costs.ts';
import type { EndpointCost, FlowEstimate } from './types.ts';

const gbps = (n: number): string => (n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toPrecision(2));

function cpuReason(cost: EndpointCost, ghz: number, cores: number): string {
  const serial = cost.terms.filter((t) => !t.parallel).sort((a, b) => b.cyclesPerPacket - a.cyclesPerPacket);
  const top = serial[0];
  const share =
    top && cost.serialCyclesPerPacket > 0
      ? Math.round((100 * top.cyclesPerPacket) / cost.serialCyclesPerPacket)
      : 0;
  const parallel =
    cost.parallelCyclesPerPacket > 0
      ? `, plus ${Math.round(cost.parallelCyclesPerPacket)} spread over its ${cores} cores`
      : '';
  return (
    `cpu:${cost.host} limits the flow to ${gbps(cost.limitGbps)} Gbit/s: one core per direction (SPEC T5) at ${ghz} GHz ` +
    `spends ${Math.round(cost.serialCyclesPerPacket)} cycles per packet${parallel}; ${top ? `${top.label} is ${share} % of it` : 'no work'}`
  );
}

function wireReason(estimate: FlowEstimate, linkId: string, linkGbps: number, limit: number): string {
  const overhead = estimate.overheadBytes ?? 0;
  return (
    `link:${linkId} limits the flow to ${gbps(limit)} Gbit/s: ${linkGbps} Gbit/s × ${estimate.payloadBytes} payload bytes / ` +
    `(${estimate.packetBytes} packet + up to ${overhead} overhead + ${ETHERNET_FRAMING_BYTES} framing) (SPEC T3)`
  );
}

function deviceEnds(trace: FlowTrace, index: ScenarioIndex): string[] {
  const ends = new Set<string>();
  for (const hop of trace.hops) {
    for (const wrap of hop.wraps) {
      if (wrap.kind === 'encap') continue;
      for (const end of wrap.protection.endpoints)
        if (index.devices.has(end)) ends.add(`${wrap.protection.id} ends in device ${end}`);
    }
  }
  return [...ends].sort().map((s) => `${s}: done in hardware, no CPU cost modelled`);
}

/** Human reasons for an estimate, most important first. */
export function explainEstimate(
  flow: Flow,
  estimate: FlowEstimate,
  trace: FlowTrace,
  index: ScenarioIndex,
): string[] {
  const reasons: string[] = [];
  const top = estimate.limits[0];
  if (top?.subject.startsWith('link:')) {
    const id = top.subject.slice(5);
    reasons.push(wireReason(estimate, id, index.links.get(id)?.gbps ?? 0, top.gbps));
  } else if (top) {
    const cost = estimate.cpuCostPerEndpoint.find((c) => `cpu:${c.host}` === top.subject)!;
    const cpu = index.hosts.get(cost.host)!.cpu;
    reasons.push(cpuReason(cost, cpu.ghz, cpu.cores));
  }
  if (flow.packetBytes !== undefined && estimate.innerMtu !== null && flow.packetBytes > estimate.innerMtu) {
    reasons.push(
      `packets of ${flow.packetBytes} bytes do not fit the path's ${estimate.innerMtu}: estimated at ${estimate.innerMtu} (TCP segments to the path MTU; larger datagrams fragment)`,
    );
  } else {
    reasons.push(
      `${estimate.packetBytes}-byte packets (${flow.packetBytes === undefined ? 'the path MTU' : "the flow's packetBytes"}) carry ${estimate.payloadBytes} payload bytes`,
    );
  }
  if (estimate.maxGbps !== null && flow.rateGbps > estimate.maxGbps) {
    reasons.push(
      `the demanded ${gbps(flow.rateGbps)} Gbit/s exceeds what one flow can reach (${gbps(estimate.maxGbps)} Gbit/s)`,
    );
  }
  for (const cost of estimate.cpuCostPerEndpoint) {
    for (const t of cost.terms) if (t.offloadedBy) reasons.push(`${cost.host}: ${t.label}`);
    if (index.hosts.get(cost.host)?.cpu.calibration)
      reasons.push(`${cost.host}: cipher speeds from its own openssl speed figures (cpu.calibration)`);
  }
  reasons.push(...deviceEnds(trace, index));
  return [...new Set(reasons)];
}
