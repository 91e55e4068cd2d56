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

/**
 * The exposures of the dirty pairs (rows of the dirty flows, columns of the dirty attackers) that
 * can fail a requirement, in position order. A plain pair (level none, no tampering, nothing
 * noted) fails none, so of a table only its kept pairs are read: an added attacker's column is
 * 50,000 pairs at 1,000 hosts, most of them plain.
 */
function dirtyExposures(state: SessionState, dirty: DirtyPairs): Exposure[] {
  const nA = state.knowledge.length;
  const column = new Uint8Array(nA);
  for (let a = 0; a < nA; a++) if (dirty.attackers.has(state.knowledge[a]!.attacker.id)) column[a] = 1;
  const rows = new Uint8Array(state.sorted.length);
  if (dirty.flows.size > 0) {
    const at = positionsOf(state);
    for (const id of dirty.flows) {
      const i = at.get(id);
      if (i !== undefined) rows[i] = 1;
    }
  }
  const found: Exposure[] = [];
  const { exposures } = state;
  const { positions } = exposures;
  for (let k = 0; k < positions.length; k++) {
    const p = positions[k]!;
    if (column[p % nA] === 1 || rows[Math.floor(p / nA)] === 1) found.push(exposures.detail(k));
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

/** Whether a finding's subjects name a dirty flow or attacker (a loop: thousands of findings, no closure each). */
function namesDirty(subjects: readonly string[], dirty: DirtyPairs): boolean {
  for (let i = 0; i < subjects.length; i++) if (dirty.flows.has(subjects[i]!) || dirty.attackers.has(subjects[i]!)) return true;
  return false;
}

/** requirement-failed findings after an edit: kept for clean pairs, found again for the dirty ones. */
export function updateRequirementFindings(state: SessionState, previous: readonly Finding[], dirty: DirtyPairs, changed: Exposure[]): Finding[] {
  // Subjects are [requirement, flow, attacker]: ids share one namespace (SPEC §1), so a dirty id names its pair.
  const kept = previous.filter((f) => !namesDirty(f.subjects, dirty));
  const requirements = state.requirements.map((r) => ({ ...r, failures: r.failures.filter((f) => isDirty(dirty, f.flow, f.attacker)) }));
  const input = { scenario: state.scenario, index: state.index, traces: state.traces, flows: [], links: state.links, exposures: changed, requirements, throughput: state.throughput };
  return mergeFindings(kept, runRules(input, [requirementFailed]));
}
