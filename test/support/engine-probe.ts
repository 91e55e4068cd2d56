/**
 * Small helpers for engine tests: trace one flow, expose one flow to one attacker, render stacks
 * as layer-kind strings so expectations read like SPEC X2.
 */
import type { Scenario } from '../../src/model/types.ts';
import { buildAttackerKnowledge } from '../../src/engine/exposure/attacker-knowledge.ts';
import { buildTraces } from '../../src/engine/exposure/build-traces.ts';
import { exposeFlow } from '../../src/engine/exposure/expose-flow.ts';
import { indexScenario } from '../../src/engine/scenario-index.ts';
import type { Exposure, FlowTrace, Layer } from '../../src/engine/types.ts';

/** The trace of one flow. */
export function traceOf(s: Scenario, flowId: string): FlowTrace {
  const trace = buildTraces(s, indexScenario(s)).get(flowId);
  if (!trace) throw new Error(`no flow ${flowId}`);
  return trace;
}

/** Layer kinds joined by ' › ', e.g. `eth › ipv4 › esp › udp › geneve › eth › ipv4 › tcp › payload`. */
export function kinds(stack: readonly Layer[]): string {
  return stack.map((l) => l.kind).join(' › ');
}

/** The stack kinds on one link of a flow's path. */
export function stackOn(s: Scenario, flowId: string, link: string): string {
  const hop = traceOf(s, flowId).hops.find((h) => h.link === link);
  if (!hop) throw new Error(`flow ${flowId} does not cross ${link}`);
  return kinds(hop.stack);
}

/** The exposure of one flow to one attacker. */
export function exposureOf(s: Scenario, flowId: string, attackerId: string): Exposure {
  const index = indexScenario(s);
  const trace = buildTraces(s, index).get(flowId)!;
  const attacker = index.attackers.get(attackerId)!;
  return exposeFlow(index.flows.get(flowId)!, trace, buildAttackerKnowledge(attacker, index), index);
}

/** `level` plus `+tamper` when the attacker can tamper: compact for tables. */
export function verdict(s: Scenario, flowId: string, attackerId: string): string {
  const e = exposureOf(s, flowId, attackerId);
  return e.tamper ? `${e.level}+tamper` : e.level;
}
