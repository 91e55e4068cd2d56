/**
 * Requirements and requirement-failed findings after an edit: failures and findings of pairs the
 * edit did not reach are kept; the pairs it reached (rows of re-traced flows, columns of attackers
 * whose exposures changed) are checked again. Both are per flow × attacker pair (SPEC §1.1, §2.1).
 */
import { mergeFailures, requirementCheck, sortFailures, type RequirementFailure } from '../exposure/evaluate-requirements.ts';
import { requirementFailed } from '../exposure/rules/requirement-failed.ts';
import { compareFindings, runRules, sortedSubjects } from '../exposure/run-rules.ts';
import { compareIds } from '../compare-ids.ts';
import { lowerBound } from '../sorted-lists.ts';
import type { Exposure, Finding, RequirementResult } from '../types.ts';
import { mergeKept, positionsOf, type SessionState } from './session-state.ts';

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

/**
 * Where the failures of `flows` (ids in code-unit order) lie in `failures` (SPEC §4 order: by flow,
 * then attacker), as start and end pairs, ascending: found by binary search, since an edit that
 * moves a workload re-checks its few flows among 15,000 failures.
 */
function runsOfFlows(failures: readonly RequirementFailure[], flows: readonly string[]): number[] {
  const runs: number[] = [];
  for (const flow of flows) {
    const start = lowerBound(failures, (f) => f.flow < flow);
    const end = lowerBound(failures, (f) => f.flow <= flow);
    if (end > start) runs.push(start, end);
  }
  return runs;
}

/** The items of `list` outside the `runs` (ascending start and end pairs), copied run by run. */
function withoutRuns<T>(list: readonly T[], runs: readonly number[]): T[] {
  if (runs.length === 0) return list.slice();
  const parts: T[][] = [];
  let from = 0;
  for (let r = 0; r < runs.length; r += 2) {
    parts.push(list.slice(from, runs[r]));
    from = runs[r + 1]!;
  }
  parts.push(list.slice(from));
  return new Array<T>().concat(...parts);
}

/** The items of `list` inside the `runs`. */
function inRuns<T>(list: readonly T[], runs: readonly number[]): T[] {
  const out: T[] = [];
  for (let r = 0; r < runs.length; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) out.push(list[i]!);
  return out;
}

/** The ids of an edit's dirty flows in code-unit order, when it made no attacker dirty (a moved workload); else undefined. */
function flowsOnly(dirty: DirtyPairs): string[] | undefined {
  return dirty.attackers.size === 0 ? [...dirty.flows].sort(compareIds) : undefined;
}

/** Requirement results after an edit that left the requirements themselves alone. */
export function updateRequirements(state: SessionState, prev: SessionState, dirty: DirtyPairs): { results: RequirementResult[]; changed: Exposure[] } {
  const changed = dirtyExposures(state, dirty);
  const flows = state.index.flows;
  const before = new Map(prev.requirements.map((r) => [r.id, r]));
  const byFlow = flowsOnly(dirty);
  const results = state.requirements.map((old): RequirementResult => {
    const req = state.scenario.requirements.find((r) => r.id === old.id)!;
    const check = requirementCheck(req);
    const was = before.get(old.id)?.failures ?? [];
    const kept = byFlow ? withoutRuns(was, runsOfFlows(was, byFlow)) : was.filter((f) => !isDirty(dirty, f.flow, f.attacker));
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

/**
 * The requirement-failed findings of `previous` but those of the failures of `flows` in
 * `requirements` (the results they were found from): each is found by binary search, as the rule
 * reports it (its subjects sorted, one finding per failure). Undefined when one is not where it
 * should be, or when the findings are not one per failure; the caller then filters every finding.
 */
function keptFindings(previous: readonly Finding[], requirements: readonly RequirementResult[], flows: readonly string[]): Finding[] | undefined {
  let failures = 0;
  for (const result of requirements) failures += result.failures.length;
  if (failures !== previous.length) return undefined;
  const at: number[] = [];
  for (const result of requirements) {
    const runs = runsOfFlows(result.failures, flows);
    for (let r = 0; r < runs.length; r += 2) {
      for (let i = runs[r]!; i < runs[r + 1]!; i++) {
        const failure = result.failures[i]!;
        const probe: Finding = { rule: requirementFailed.id, severity: requirementFailed.severity, subjects: sortedSubjects([result.id, failure.flow, failure.attacker]), message: '', reasons: [] };
        const k = lowerBound(previous, (f) => compareFindings(f, probe) < 0);
        const found = previous[k];
        if (!found || found.rule !== probe.rule || found.subjects.length !== 3 || found.subjects.some((id, j) => id !== probe.subjects[j])) return undefined;
        at.push(k);
      }
    }
  }
  // One finding per failure: each position comes once; neighbours join one run.
  at.sort((x, y) => x - y);
  const runs: number[] = [];
  for (const k of at) {
    if (runs.length > 0 && runs[runs.length - 1] === k) runs[runs.length - 1] = k + 1;
    else runs.push(k, k + 1);
  }
  return withoutRuns(previous, runs);
}

/**
 * requirement-failed findings after an edit: kept for clean pairs, found again for the dirty ones.
 * `before` is the requirement results `previous` was found from.
 */
export function updateRequirementFindings(state: SessionState, before: readonly RequirementResult[], previous: readonly Finding[], dirty: DirtyPairs, changed: Exposure[]): Finding[] {
  // Subjects are [requirement, flow, attacker]: ids share one namespace (SPEC §1), so a dirty id names its pair.
  const byFlow = flowsOnly(dirty);
  const kept = (byFlow && keptFindings(previous, before, byFlow)) ?? previous.filter((f) => !namesDirty(f.subjects, dirty));
  const requirements = state.requirements.map((r) => ({ ...r, failures: byFlow ? inRuns(r.failures, runsOfFlows(r.failures, byFlow)) : r.failures.filter((f) => isDirty(dirty, f.flow, f.attacker)) }));
  const input = { scenario: state.scenario, index: state.index, traces: state.traces, flows: [], links: state.links, exposures: changed, requirements, throughput: state.throughput };
  return mergeKept(previous, kept, runRules(input, [requirementFailed]));
}
