/**
 * The flow × attacker exposures after an edit: rows of the flows the edit reached and columns of
 * the attackers whose knowledge changed are computed again; every other pair is taken from the
 * previous analysis by position (flows sorted by id, attackers sorted by id, as SPEC §4 orders them).
 */
import type { Exposure } from '../types.ts';
import { exposeRow, noExposure, reachOf } from '../exposure/expose-all.ts';
import { exposeFlow } from '../exposure/expose-flow.ts';
import { buildElementIndex, flowsReached, type ElementIndex } from './element-index.ts';
import { sameIdsInOrder } from './scenario-changes.ts';
import { positionsOf, type SessionState } from './session-state.ts';

function positions<T>(items: readonly T[], id: (item: T) => string): Map<string, number> {
  return new Map(items.map((item, i) => [id(item), i]));
}

/** The element index of the state, built on first need. */
function elementsOf(state: SessionState): ElementIndex {
  state.elements ??= buildElementIndex(state.sorted, state.traces);
  return state.elements;
}

/**
 * Rebuilds `state.exposures` from `prev` for the reached flows and changed attackers; returns false
 * (keeping the previous array) when neither the flows, the attackers nor their order changed.
 */
export function updateExposures(state: SessionState, prev: SessionState, reach: { flows: ReadonlySet<string>; attackers: ReadonlySet<string> }): boolean {
  // The same flows at the same positions (edited ones are new objects with the same ids).
  const sameFlows = state.sorted === prev.sorted || sameIdsInOrder(state.sorted, prev.sorted);
  const sameAttackers = state.knowledge.length === prev.knowledge.length && state.knowledge.every((k, a) => k === prev.knowledge[a]);
  if (sameFlows && sameAttackers && reach.flows.size === 0) return false;
  const nA = state.knowledge.length;
  const prevA = prev.knowledge.length;
  const flowAt = sameFlows ? undefined : positions(prev.sorted, (f) => f.id);
  // Knowledge records that were kept (same object) keep their exposures.
  const attackerAt = state.knowledge.map((k) => prev.knowledge.indexOf(k));
  const changed = state.knowledge.flatMap((k, a) => (attackerAt[a]! < 0 ? [a] : []));
  const changedKnowledge = changed.map((a) => state.knowledge[a]!);
  const candidates = changed.length > 0 ? flowsReached(elementsOf(state), changedKnowledge) : undefined;
  const ctx = { reach: reachOf(state.knowledge), index: state.index, seen: new Int32Array(nA).fill(-1), stamp: 0 };
  if (sameFlows && sameAttackers) {
    // Only rows change (a moved workload, an overlay): copy the table, write the reached rows.
    const out = prev.exposures.slice();
    const at = positionsOf(state);
    for (const id of reach.flows) {
      const i = at.get(id);
      if (i === undefined) continue;
      ctx.stamp = i;
      const flow = state.sorted[i]!;
      exposeRow(flow, state.traces.get(flow.id)!, state.knowledge, ctx, out, i * nA);
    }
    state.exposures = out;
    return true;
  }
  const out = new Array<Exposure>(state.sorted.length * nA);
  state.sorted.forEach((flow, i) => {
    const old = flowAt ? flowAt.get(flow.id) : i;
    if (old === undefined || reach.flows.has(flow.id)) {
      ctx.stamp = i;
      exposeRow(flow, state.traces.get(flow.id)!, state.knowledge, ctx, out, i * nA);
      return;
    }
    const candidate = candidates?.has(flow.id) ?? false;
    for (let a = 0; a < nA; a++) {
      const before = attackerAt[a]!;
      if (before >= 0) out[i * nA + a] = prev.exposures[old * prevA + before]!;
      else {
        const k = state.knowledge[a]!;
        out[i * nA + a] = candidate ? exposeFlow(flow, state.traces.get(flow.id)!, k, state.index) : noExposure(flow, k);
      }
    }
  });
  state.exposures = out;
  return true;
}
