/**
 * A flow's MTU and overhead over its whole path (SPEC T2): the smallest inner MTU of its hops, and
 * the most bytes wrapped around its full-size packet on any hop.
 */
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace, Hop } from '../types.ts';
import { hopInnerMtu, hopOverheadBytes } from './hop-mtu.ts';

/** MTU summary of one flow; both null when the flow never leaves its host or has no path. */
export interface FlowMtu {
  innerMtu: number | null;
  overheadBytes: number | null;
}

/** Computes `innerMtu` (min over hops) and `overheadBytes` (max over hops at the full-size packet) of a traced flow. */
export function flowMtu(trace: FlowTrace, index: ScenarioIndex): FlowMtu {
  if (trace.local || trace.unreachable !== undefined) return { innerMtu: null, overheadBytes: null };
  // Hops of one leg share their wraps array and mostly their link MTU: each leg is folded once.
  let innerMtu = Infinity;
  let known = 0;
  let lastWraps: Hop['wraps'] | undefined;
  let lastMtu = -1;
  let last = 0;
  for (const hop of trace.hops) {
    const link = index.links.get(hop.link);
    if (!link) continue;
    known++;
    if (hop.wraps !== lastWraps || link.mtu !== lastMtu) {
      lastWraps = hop.wraps;
      lastMtu = link.mtu;
      last = hopInnerMtu(hop.wraps, link.mtu);
    }
    innerMtu = Math.min(innerMtu, last);
  }
  if (known === 0) return { innerMtu: null, overheadBytes: null };
  let overheadBytes = -Infinity;
  lastWraps = undefined;
  lastMtu = -1;
  for (const hop of trace.hops) {
    const link = index.links.get(hop.link);
    if (!link) continue;
    if (hop.wraps !== lastWraps || link.mtu !== lastMtu) {
      lastWraps = hop.wraps;
      lastMtu = link.mtu;
      last = hopOverheadBytes(hop.wraps, innerMtu, link.mtu);
    }
    overheadBytes = Math.max(overheadBytes, last);
  }
  return { innerMtu, overheadBytes };
}
