/**
 * Re-analysis after an edit (issue 8): only what the edit can change is computed again, keyed by
 * the changes of session/scenario-changes.ts. Traces, figures and exposures of flows the edit does
 * not reach are kept; attackers whose knowledge is unchanged keep their exposures; an edit of
 * attackers or requirements re-runs only the requirement-failed rule. The result equals a full
 * analysis of the new scenario, byte for byte.
 */
import type { Scenario } from '../../model/types.ts';
import { compareIds } from '../compare-ids.ts';
import { buildAttackerKnowledge, type AttackerKnowledge } from '../exposure/attacker-knowledge.ts';
import { traceFlow } from '../exposure/build-traces.ts';
import { evaluateRequirements } from '../exposure/evaluate-requirements.ts';
import { linkStatuses } from '../exposure/link-statuses.ts';
import { createTraceContext } from '../exposure/trace-context.ts';
import { ProtectionTable } from '../exposure/protections.ts';
import { rules } from '../exposure/rules/index.ts';
import { compareFindings, runRules } from '../exposure/run-rules.ts';
import { requirementFailed } from '../exposure/rules/requirement-failed.ts';
import { indexScenario } from '../scenario-index.ts';
import { reindexFlow } from './element-index.ts';
import { sameKnowledge } from './same-knowledge.ts';
import { scenarioChanges, type EntityKind, type ScenarioChanges } from './scenario-changes.ts';
import { buildState, estimateFlows, findingsOf, loadsBefore, selectedAttackers, throughputOf, updatedThroughput, type SessionState } from './session-state.ts';
import { updateExposures } from './update-exposures.ts';
import { updateRequirementFindings, updateRequirements, type DirtyPairs } from './update-requirements.ts';
import type { Exposure, Finding } from '../types.ts';
import type { Rule } from '../exposure/rules/rule.ts';

/** Kinds whose edits reach only exposures and requirements (rules other than requirement-failed read neither). */
const ATTACKER_SIDE: ReadonlySet<EntityKind> = new Set(['attackers', 'requirements']);

function retrace(state: SessionState, prev: SessionState, changes: ScenarioChanges): boolean {
  const next = state.scenario;
  if (changes.flows.size === 0 && !changes.kinds.has('flows')) return false;
  // Protections configured by what changed (an overlay, a tunnel, a flow's TLS) are made anew; the
  // rest stay the same objects, so per-SA loads add up over one object per SA as in a full analysis.
  const sources = new Set([...changes.flows, ...(changes.kinds.get('overlays')?.ids ?? []), ...(changes.kinds.get('tunnels')?.ids ?? [])]);
  state.protections = ProtectionTable.from(prev.protections, (p) => !sources.has(p.source));
  const ctx = createTraceContext(state.index, prev.router, state.protections);
  state.traces = new Map(next.flows.map((f) => [f.id, changes.flows.has(f.id) ? traceFlow(f, ctx) : prev.traces.get(f.id) ?? traceFlow(f, ctx)]));
  for (const flow of next.flows) {
    if (!state.elements || prev.traces.get(flow.id) === state.traces.get(flow.id)) continue;
    if (!reindexFlow(state.elements, flow, state.traces.get(flow.id)!)) state.elements = undefined;
  }
  if (changes.kinds.has('flows')) {
    state.sorted = [...next.flows].sort((a, b) => compareIds(a.id, b.id));
    const present = new Set(next.flows.map((f) => f.id));
    for (const id of changes.flows) {
      if (present.has(id)) continue;
      state.results.delete(id);
      state.figures.delete(id);
    }
  }
  const affected = state.sorted.filter((f) => changes.flows.has(f.id) || !state.figures.has(f.id));
  if (changes.kinds.has('flows')) {
    estimateFlows(state, affected);
    state.throughput = throughputOf(state);
    return true;
  }
  // The flow list is the same: only the loads of hosts and links the re-traced flows touch change.
  const before = loadsBefore(prev.figures, prev.traces, affected);
  estimateFlows(state, affected);
  state.throughput = updatedThroughput(state, affected, before);
  return true;
}

/** Knowledge of the selected attackers; unchanged records keep their identity. Returns the ids whose exposures may differ. */
function reknow(state: SessionState, prev: SessionState, changes: ScenarioChanges): Set<string> {
  const before = new Map(prev.knowledge.map((k) => [k.attacker.id, k]));
  const changed = new Set<string>();
  const workloads = changes.kinds.get('workloads')?.ids;
  state.knowledge = selectedAttackers(state.scenario, state.options).map((attacker): AttackerKnowledge => {
    const old = before.get(attacker.id);
    if (old && !changes.knowledge && !changes.attackers.has(attacker.id)) return old;
    const k = buildAttackerKnowledge(attacker, state.index);
    // A co-tenant's own workloads decide which spoofed networks it sits on (SPEC X4).
    const ownMoved = workloads !== undefined && [...k.workloads].some((w) => workloads.has(w));
    if (old && !changes.attackers.has(attacker.id) && !ownMoved && sameKnowledge(old, k)) return old;
    changed.add(attacker.id);
    return k;
  });
  return changed;
}

/** Edits after which flow-scoped rules need to look only at the flows traced again (see `Rule.scope`). */
const FLOW_LOCAL: ReadonlySet<EntityKind> = new Set(['overlays', 'tunnels', 'workloads', 'flows', 'attackers', 'requirements']);

/**
 * A flow-scoped rule's findings after the flows `dirty` were traced again: the others' findings
 * are kept, and the rule runs on the dirty flows alone (their own traces map, so the rule helpers'
 * per-run caches never mix the two runs).
 */
function updateFlowFindings(state: SessionState, previous: readonly Finding[], rule: Rule, dirty: ReadonlySet<string>): Finding[] {
  const mentions = (f: Finding): boolean => f.subjects.some((id) => dirty.has(id));
  const kept = previous.filter((f) => !mentions(f));
  const flows = state.sorted.filter((f) => dirty.has(f.id));
  const traces = new Map(flows.map((f) => [f.id, state.traces.get(f.id)!]));
  const input = { scenario: state.scenario, index: state.index, traces, flows: flows.map((f) => state.results.get(f.id)!), links: state.links, exposures: state.exposures, requirements: state.requirements, throughput: state.throughput, sortedFlows: flows };
  // A rule that walks every flow of the scenario still reports only the dirty ones' findings here.
  const fresh = runRules(input, [rule]).filter(mentions);
  return kept.concat(fresh).sort(compareFindings);
}

/** Re-evaluates requirements and re-runs the rules an edit can reach. */
function refind(state: SessionState, prev: SessionState, changes: ScenarioChanges, dirty: DirtyPairs, traced: boolean): void {
  const requirementsEdited = changes.kinds.has('requirements');
  const anyDirty = dirty.flows.size > 0 || dirty.attackers.size > 0;
  let changed: Exposure[] = [];
  if (requirementsEdited) state.requirements = evaluateRequirements(state.scenario.requirements, state.scenario.flows, state.exposures);
  else if (anyDirty) ({ results: state.requirements, changed } = updateRequirements(state, prev, dirty));
  const attackerSideOnly = !traced && !changes.knowledge && [...changes.kinds.keys()].every((k) => ATTACKER_SIDE.has(k));
  const others = changes.kinds.size > 0 && !attackerSideOnly;
  if (!others && !requirementsEdited && !anyDirty) return;
  const flowLocal = [...changes.kinds.keys()].every((k) => FLOW_LOCAL.has(k));
  const incremental = others && flowLocal ? rules.filter((r) => r.scope === 'flow') : [];
  const rerun = new Set(others ? rules.filter((r) => r !== requirementFailed && !incremental.includes(r)).map((r) => r.id) : []);
  if (requirementsEdited) rerun.add(requirementFailed.id);
  state.findings = findingsOf(state, prev.findings, rerun);
  for (const rule of incremental) state.findings.set(rule.id, updateFlowFindings(state, prev.findings.get(rule.id) ?? [], rule, dirty.flows));
  if (!requirementsEdited && anyDirty) {
    state.findings.set(requirementFailed.id, updateRequirementFindings(state, prev.findings.get(requirementFailed.id) ?? [], dirty, changed));
  }
}

/** The session state after `next` replaced the scenario of `prev` (which is consumed). */
export function updateState(prev: SessionState, next: Scenario): SessionState {
  const changes = scenarioChanges(prev.scenario, next);
  if (changes.global) return buildState(next, prev.options);
  const state: SessionState = { ...prev, scenario: next, index: indexScenario(next, { scenario: prev.scenario, index: prev.index }) };
  const traced = retrace(state, prev, changes);
  const attackers = reknow(state, prev, changes);
  const kept = new Set(state.knowledge.map((k) => k.attacker.id));
  for (const k of prev.knowledge) if (!kept.has(k.attacker.id)) attackers.add(k.attacker.id);
  updateExposures(state, prev, { flows: changes.flows, attackers });
  if (traced) state.links = linkStatuses(next, state.traces.values());
  refind(state, prev, changes, { flows: changes.flows, attackers }, traced);
  return state;
}

