/**
 * The flow × attacker exposures after an edit: rows of the flows the edit reached and columns of
 * the attackers whose knowledge changed are computed again; every other pair is taken from the
 * previous analysis by position (flows sorted by id, attackers sorted by id, as SPEC §4 orders them).
 */
import { detailMaker, exposeRow, reachOf } from '../exposure/expose-all.ts';
import { ExposureTableBuilder } from '../exposure/exposure-table.ts';
import { pairOutcome, SEEN_BIT } from '../exposure/expose-flow.ts';
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
 * (keeping the previous table) when neither the flows, the attackers nor their order changed.
 */
export function updateExposures(state: SessionState, prev: SessionState, reach: { flows: ReadonlySet<string>; attackers: ReadonlySet<string> }): boolean {
  // The same flows at the same positions (edited ones are new objects with the same ids).
  const sameFlows = state.sorted === prev.sorted || sameIdsInOrder(state.sorted, prev.sorted);
  const sameAttackers = state.knowledge.length === prev.knowledge.length && state.knowledge.every((k, a) => k === prev.knowledge[a]);
  if (sameFlows && sameAttackers && reach.flows.size === 0) return false;
  const nA = state.knowledge.length;
  const prevA = prev.knowledge.length;
  const before = prev.exposures;
  const attackers = state.knowledge.map((k) => k.attacker.id);
  const ctx = { reach: reachOf(state.knowledge), index: state.index, seen: new Int32Array(nA).fill(-1), stamp: 0 };
  // Room for what the table before kept, the rows worked out again whole, and a quarter of each
  // added column (a guess: the builder doubles its arrays when short).
  const addedColumns = Math.max(0, nA - prevA);
  const out = new ExposureTableBuilder(before.positions.length + reach.flows.size * nA + (addedColumns * state.sorted.length) / 4);
  // A pair copied from `before` keeps the details it made there, if any; the others are made from this state.
  const make = detailMaker(state.sorted, state.traces, state.knowledge, state.index);
  if (sameFlows && sameAttackers) {
    // Only rows change (a moved workload, an overlay): the other rows' pairs are copied, the reached rows written.
    const at = positionsOf(state);
    const rows = [...new Set([...reach.flows].flatMap((id) => at.get(id) ?? []))].sort((x, y) => x - y);
    // The slots of `before` between the reached rows are copied as runs, found by binary search.
    let k = 0;
    for (const r of rows) {
      const start = r * nA;
      const rowStart = Math.max(k, before.slotOf(start));
      out.copySlots(before, k, rowStart);
      k = Math.max(rowStart, before.slotOf(start + nA));
      ctx.stamp = r;
      const flow = state.sorted[r]!;
      exposeRow(flow, state.traces.get(flow.id)!, state.knowledge, ctx, out, start);
    }
    out.copySlots(before, k, before.positions.length);
    state.exposures = out.build(state.sorted, attackers, make);
    return true;
  }
  const flowAt = sameFlows ? undefined : positions(prev.sorted, (f) => f.id);
  // Knowledge records that were kept (same object) keep their exposures.
  const attackerAt = state.knowledge.map((k) => prev.knowledge.indexOf(k));
  const changed = state.knowledge.flatMap((k, a) => (attackerAt[a]! < 0 ? [a] : []));
  const changedKnowledge = changed.map((a) => state.knowledge[a]!);
  const candidates = changed.length > 0 ? flowsReached(elementsOf(state), changedKnowledge) : undefined;
  // The previous row's pairs that say something, as slots of `before` by attacker column (-1: plain).
  const row = new Int32Array(prevA);
  state.sorted.forEach((flow, i) => {
    const old = flowAt ? flowAt.get(flow.id) : i;
    if (old === undefined || reach.flows.has(flow.id)) {
      ctx.stamp = i;
      exposeRow(flow, state.traces.get(flow.id)!, state.knowledge, ctx, out, i * nA);
      return;
    }
    row.fill(-1);
    for (let k = before.slotOf(old * prevA); k < before.positions.length && before.positions[k]! < (old + 1) * prevA; k++) row[before.positions[k]! - old * prevA] = k;
    const candidate = candidates?.has(flow.id) ?? false;
    for (let a = 0; a < nA; a++) {
      const was = attackerAt[a]!;
      if (was >= 0) {
        const k = row[was]!;
        if (k >= 0) out.copy(i * nA + a, before, k);
      } else if (candidate) {
        const outcome = pairOutcome(flow, state.traces.get(flow.id)!, state.knowledge[a]!, state.index);
        if (outcome !== 0) out.addOutcome(i * nA + a, outcome & ~SEEN_BIT);
      }
    }
  });
  state.exposures = out.build(state.sorted, attackers, make);
  return true;
}
