/**
 * A flow's MTU and overhead over its whole path (SPEC T2): the smallest inner MTU of its hops, and
 * the most bytes wrapped around its full-size packet on any hop.
 */
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace } from '../types.ts';
import { foldOncePerLeg, hopInnerMtu, hopOverheadBytes } from './hop-mtu.ts';

/** MTU summary of one flow; both null when the flow never leaves its host or has no path. */
export interface FlowMtu {
  innerMtu: number | null;
  overheadBytes: number | null;
}

/** Computes `innerMtu` (min over hops) and `overheadBytes` (max over hops at the full-size packet) of a traced flow. */
export function flowMtu(trace: FlowTrace, index: ScenarioIndex): FlowMtu {
  if (trace.local || trace.unreachable !== undefined) return { innerMtu: null, overheadBytes: null };
  let innerMtu = Infinity;
  let known = 0;
  const innerOf = foldOncePerLeg(hopInnerMtu);
  for (const hop of trace.hops) {
    const link = index.links.get(hop.link);
    if (!link) continue;
    known++;
    innerMtu = Math.min(innerMtu, innerOf(hop.wraps, link.mtu));
  }
  if (known === 0) return { innerMtu: null, overheadBytes: null };
  let overheadBytes = -Infinity;
  const overheadOf = foldOncePerLeg((wraps, mtu) => hopOverheadBytes(wraps, innerMtu, mtu));
  for (const hop of trace.hops) {
    const link = index.links.get(hop.link);
    if (link) overheadBytes = Math.max(overheadBytes, overheadOf(hop.wraps, link.mtu));
  }
  return { innerMtu, overheadBytes };
}
