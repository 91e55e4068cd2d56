/**
 * Per-flow path diagrams: the path (SPEC X1) and the header stack (X2) on the hops that matter —
 * consecutive links carrying the same stack are one segment, so a diagram shows a new stack only
 * where something is added or removed (a tunnel ends at a gateway, MACsec on one link).
 */
import { compareIds } from '../engine/compare-ids.ts';
import type { FlowTrace, Hop } from '../engine/types.ts';
import type { Scenario } from '../model/types.ts';
import type { PathDiagram, StackSegment } from './types.ts';

/** A stack's identity: its labels and which layers protect (labels name SA ends and ciphers). */
function stackKey(hop: Hop): string {
  return hop.stack.map((l) => `${l.label}|${l.protection?.id ?? ''}`).join('›');
}

/** Groups consecutive hops with the same stack (SPEC X2) into segments. */
export function stackSegments(hops: readonly Hop[]): StackSegment[] {
  const segments: StackSegment[] = [];
  let lastKey: string | undefined;
  for (const hop of hops) {
    const key = stackKey(hop);
    const last = segments[segments.length - 1];
    if (last !== undefined && key === lastKey) {
      last.links.push(hop.link);
      continue;
    }
    lastKey = key;
    // Everything after a confidentiality layer is inside it, the payload (last) included (X3).
    const payloadPlaintext = !hop.stack.some((l) => l.protection?.confidential === true);
    segments.push({ links: [hop.link], stack: hop.stack, payloadPlaintext });
  }
  return segments;
}

/** One diagram per flow, sorted by flow id like every result array (SPEC §4). */
export function buildPathDiagrams(scenario: Scenario, traces: ReadonlyMap<string, FlowTrace>): PathDiagram[] {
  return [...scenario.flows]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((flow) => {
      const trace = traces.get(flow.id);
      return {
        flow: flow.id,
        from: flow.from,
        to: flow.to,
        path: trace?.path ?? [],
        local: trace?.local ?? false,
        ...(trace?.unreachable !== undefined ? { unreachable: trace.unreachable } : {}),
        segments: trace ? stackSegments(trace.hops) : [],
      };
    });
}
