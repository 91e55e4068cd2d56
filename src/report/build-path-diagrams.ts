/**
 * Per-flow path diagrams: the path (SPEC X1) and the header stack (X2) on the hops that matter —
 * consecutive links carrying the same stack are one segment, so a diagram shows a new stack only
 * where something is added or removed (a tunnel ends at a gateway, MACsec on one link).
 */
import type { FlowTrace, Hop } from '../engine/types.ts';
import type { Scenario } from '../model/types.ts';
import { byId } from './format/report-queries.ts';
import type { PathDiagram, StackSegment } from './types.ts';

/** Flows whose diagrams a report draws, the first by flow id; the others are only listed (a 400-flow data centre would fill a book). */
export const MAX_DIAGRAMS = 100;

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

/**
 * The diagrams of the first `limit` flows and the ids of the others, in `order` (the analysis's
 * flows: sorted by flow id like every result array, SPEC §4). Only the diagrams drawn are made: a
 * 5,000-host region has 250,000 flows, and making every diagram took about 1.9 s of its report.
 */
export function buildPathDiagrams(
  scenario: Scenario,
  traces: ReadonlyMap<string, FlowTrace>,
  order: readonly { id: string }[],
  limit = MAX_DIAGRAMS,
): { paths: PathDiagram[]; pathsNotDrawn: string[] } {
  const paths = order.slice(0, limit).flatMap(({ id }): PathDiagram[] => {
    const flow = byId(scenario.flows, id);
    if (!flow) return [];
    const trace = traces.get(id);
    return [
      {
        flow: id,
        from: flow.from,
        to: flow.to,
        path: trace?.path ?? [],
        local: trace?.local ?? false,
        ...(trace?.unreachable !== undefined ? { unreachable: trace.unreachable } : {}),
        segments: trace ? stackSegments(trace.hops) : [],
      },
    ];
  });
  return { paths, pathsNotDrawn: order.slice(limit).map((f) => f.id) };
}
