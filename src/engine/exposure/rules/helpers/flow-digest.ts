/**
 * What a rule works out from one flow's trace, when that is all it reads of the trace. A one-shot
 * analysis keeps no trace for its rules: it works each rule's digest out while the flow's trace is
 * at hand and keeps the digests by flow id (`RuleContext.digests`). Kept for the rules, the traces of
 * a third of the flows were most of what a 1,000-host analysis promoted to the old generation and
 * wrote to fresh pages while it ran (docs/performance.md). An analysis session keeps every trace and
 * its rules work the digests out from them.
 */
import type { Flow } from '../../../../model/types.ts';
import type { ScenarioIndex } from '../../../scenario-index.ts';
import type { FlowTrace } from '../../../types.ts';

export interface FlowDigest<T> {
  /** The flows a one-shot analysis works it out for: every flow the rule asks about (`facts`: the flow's trace facts, trace-facts.ts). */
  wants(flow: Flow, facts: number, index: ScenarioIndex): boolean;
  /** The digest; pure: the same flow and trace give the same value. */
  make(flow: Flow, trace: FlowTrace, index: ScenarioIndex): T;
}

/** Digests by rule digest, then by flow id. */
export type FlowDigests = ReadonlyMap<FlowDigest<unknown>, ReadonlyMap<string, unknown>>;

/**
 * The digest of flow `id`: the one a one-shot analysis kept, or made from the flow's trace; undefined
 * when the flow has no trace.
 */
export function digestOf<T>(
  digest: FlowDigest<T>,
  ctx: { digests?: FlowDigests | undefined; traces: ReadonlyMap<string, FlowTrace>; index: ScenarioIndex },
  id: string,
): T | undefined {
  const kept = ctx.digests?.get(digest);
  if (kept?.has(id)) return kept.get(id) as T;
  const flow = ctx.index.flows.get(id);
  const trace = ctx.traces.get(id);
  return flow && trace ? digest.make(flow, trace, ctx.index) : undefined;
}
