/**
 * A flow's MTU and overhead over its whole path (SPEC T2): the smallest inner MTU of its hops, and
 * the most bytes wrapped around its full-size packet on any hop.
 */
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace } from '../types.ts';
import { hopInnerMtu, hopOverheadBytes } from './hop-mtu.ts';

/** MTU summary of one flow; both null when the flow never leaves its host or has no path. */
export interface FlowMtu {
  innerMtu: number | null;
  overheadBytes: number | null;
}

/** Computes `innerMtu` (min over hops) and `overheadBytes` (max over hops at the full-size packet) of a traced flow. */
export function flowMtu(trace: FlowTrace, index: ScenarioIndex): FlowMtu {
  const hops = trace.hops.flatMap((hop) => {
    const link = index.links.get(hop.link);
    return link ? [{ hop, mtu: link.mtu }] : [];
  });
  if (trace.local || trace.unreachable !== undefined || hops.length === 0)
    return { innerMtu: null, overheadBytes: null };
  const innerMtu = Math.min(...hops.map(({ hop, mtu }) => hopInnerMtu(hop.wraps, mtu)));
  const overheadBytes = Math.max(...hops.map(({ hop, mtu }) => hopOverheadBytes(hop.wraps, innerMtu, mtu)));
  return { innerMtu, overheadBytes };
}
