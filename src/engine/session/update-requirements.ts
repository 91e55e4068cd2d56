/**
 * Requirements and requirement-failed findings after an edit: failures and findings of pairs the
 * edit did not reach are kept; the pairs it reached (rows of re-traced flows, columns of attackers
 * whose exposures changed) are checked again. Both are per flow × attacker pair (SPEC §1.1, §2.1).
 */
import { mergeFailures, requirementCheck, sortFailures, type RequirementFailure } from '../exposure/evaluate-requirements.ts';
import { requirementFailed } from '../exposure/rules/requirement-failed.ts';
import { mergeFindings, runRules } from '../exposure/run-rules.ts';
import type { Exposure, Finding, RequirementResult } from '../types.ts';
import { positionsOf, type SessionState } from './session-state.ts';

/** Flow and attacker ids whose exposures were computed again (or removed). */
export interface DirtyPairs {
  flows: ReadonlySet<string>;
  attackers: ReadonlySet<string>;
}

function isDirty(dirty: DirtyPairs, flow: string, attacker: string): boolean {
  return dirty.flows.has(flow) || dirty.attackers.has(attacker);
}

/** The exposures of the dirty pairs, rows first, then the rest of each dirty column. */
function dirtyExposures(state: SessionState, dirty: DirtyPairs): Exposure[] {
  const nA = state.knowledge.length;
  const columns: number[] = [];
  for (let a = 0; a < nA; a++) if (dirty.attackers.has(state.knowledge[a]!.attacker.id)) columns.push(a);
  const found: Exposure[] = [];
  if (columns.length === 0) {
    // Rows only (re-traced flows): in flow order, as the scan below would find them.
    const at = positionsOf(state);
    const rows = [...dirty.flows].flatMap((id) => at.get(id) ?? []).sort((x, y) => x - y);
    for (const i of rows) for (let a = 0; a < nA; a++) found.push(state.exposures.at(i * nA + a)!);
    return found;
  }
  for (let i = 0; i < state.sorted.length; i++) {
    if (dirty.flows.has(state.sorted[i]!.id)) for (let a = 0; a < nA; a++) found.push(state.exposures.at(i * nA + a)!);
    else for (const a of columns) found.push(state.exposures.at(i * nA + a)!);
  }
  return found;
}

/** Requirement results after an edit that left the requirements themselves alone. */
export function updateRequirements(state: SessionState, prev: SessionState, dirty: DirtyPairs): { results: RequirementResult[]; changed: Exposure[] } {
  const changed = dirtyExposures(state, dirty);
  const flows = state.index.flows;
  const before = new Map(prev.requirements.map((r) => [r.id, r]));
  const results = state.requirements.map((old): RequirementResult => {
    const req = state.scenario.requirements.find((r) => r.id === old.id)!;
    const check = requirementCheck(req);
    const kept = (before.get(old.id)?.failures ?? []).filter((f) => !isDirty(dirty, f.flow, f.attacker));
    const fresh: RequirementFailure[] = [];
    for (const e of changed) {
      // Seeing nothing and tampering with nothing breaks no requirement: most pairs an edit touches.
      if (e.level === 'none' && !e.tamper) continue;
      const failure = check(flows.get(e.flow)!, e.attacker, e.level, e.tamper);
      if (failure) fresh.push(failure);
    }
    // The kept failures are in order already: sort the few found again and merge.
    const failures = mergeFailures(kept, sortFailures(fresh));
    return { id: old.id, pass: failures.length === 0, failures };
  });
  return { results, changed };
}

/** requirement-failed findings after an edit: kept for clean pairs, found again for the dirty ones. */
export function updateRequirementFindings(state: SessionState, previous: readonly Finding[], dirty: DirtyPairs, changed: Exposure[]): Finding[] {
  // Subjects are [requirement, flow, attacker]: ids share one namespace (SPEC §1), so a dirty id names its pair.
  const kept = previous.filter((f) => !f.subjects.some((id) => dirty.flows.has(id) || dirty.attackers.has(id)));
  const requirements = state.requirements.map((r) => ({ ...r, failures: r.failures.filter((f) => isDirty(dirty, f.flow, f.attacker)) }));
  const input = { scenario: state.scenario, index: state.index, traces: state.traces, flows: [], links: state.links, exposures: changed, requirements, throughput: state.throughput };
  return mergeFindings(kept, runRules(input, [requirementFailed]));
}
