/**
 * Where a pass over flows finds their traces: by flow id, or in a list lined up with the flows it
 * walks (a full analysis keeps one, session-state.ts `traceList`: at 250,000 flows a look-up per
 * flow and pass is a cache miss, reading a list in a row is not).
 */
import type { FlowTrace } from './types.ts';

/** Traces by flow id, or lined up with the flows being walked. */
export type TraceSource = ReadonlyMap<string, FlowTrace> | readonly FlowTrace[];

/** The trace of the flow at position `i` of the walk, whose id is `id`. */
export function traceAt(traces: TraceSource, i: number, id: string): FlowTrace | undefined {
  return Array.isArray(traces) ? (traces as readonly FlowTrace[])[i] : (traces as ReadonlyMap<string, FlowTrace>).get(id);
}
