/**
 * Re-analysis after an edit (issue 8): only what the edit can change is computed again, keyed by
 * the changes of session/scenario-changes.ts. Traces, figures and exposures of flows the edit does
 * not reach are kept; attackers whose knowledge is unchanged keep their exposures; an edit of
 * attackers or requirements re-runs only the requirement-failed rule. The result equals a full
 * analysis of the new scenario, byte for byte.
 */
import type { Flow, Scenario } from '../../model/types.ts';
import { compareIds } from '../compare-ids.ts';
import { buildAttackerKnowledge, type AttackerKnowledge } from '../exposure/attacker-knowledge.ts';
import { traceFlow } from '../exposure/build-traces.ts';
import { traceFacts } from '../exposure/rules/helpers/trace-facts.ts';
import { evaluateRequirements } from '../exposure/evaluate-requirements.ts';
import { createTraceContext } from '../exposure/trace-context.ts';
import { rules } from '../exposure/rules/index.ts';
import { runRules } from '../exposure/run-rules.ts';
import { holds } from '../sorted-lists.ts';
import { requirementFailed } from '../exposure/rules/requirement-failed.ts';
import { reindexFlow } from './element-index.ts';
import { sameKnowledge } from './same-knowledge.ts';
import { updateCiphers, writeCores } from './update-ciphers.ts';
import { indexAfter, scenarioChanges, type EntityKind, type ScenarioChanges } from './scenario-changes.ts';
import { buildState, estimateFlows, figuresOf, resultsOf, writeRows, type ProgressListener, findingsOf, ledgerOf, mergeKept, positionsOf, ruleInputOf, loadsBefore, selectedAttackers, throughputOf, updatedThroughput, type SessionState } from './session-state.ts';
import { updateExposures } from './update-exposures.ts';
import { buildLinkViews, statusesOf, updateLinkStatuses } from './link-views.ts';
import { updateRequirementFindings, updateRequirements, type DirtyPairs } from './update-requirements.ts';
import type { Exposure, Finding, FlowTrace, LinkStatus } from '../types.ts';
import type { Rule } from '../exposure/rules/rule.ts';

/** Kinds whose edits reach only exposures and requirements (rules other than requirement-failed read neither). */
const ATTACKER_SIDE: ReadonlySet<EntityKind> = new Set(['attackers', 'requirements']);

/** The traces of the flows an edit traced again, as they were before it (undefined: a new flow). */
type TracesBefore = Map<string, FlowTrace | undefined>;

function retrace(state: SessionState, prev: SessionState, changes: ScenarioChanges): TracesBefore | undefined {
  const next = state.scenario;
  if (changes.flows.size === 0 && !changes.kinds.has('flows')) return undefined;
  // Traces are replaced below (and perhaps the flow list): the list lined up with `sorted` no longer holds.
  state.traceList = undefined;
  // `prev` is consumed: its protection table moves on to the new state and is edited in place
  // (tens of thousands of entries, of which an edit changes a few). Protections configured
  // by what changed (an overlay, a tunnel, a flow's TLS) are made anew; the rest stay the same
  // objects, so per-SA loads add up over one object per SA as in a full analysis.
  prev.protections.drop(new Set([...changes.flows, ...(changes.kinds.get('overlays')?.ids ?? []), ...(changes.kinds.get('tunnels')?.ids ?? [])]));
  state.protections = prev.protections;
  const ctx = createTraceContext(state.index, prev.router, state.protections);
  const before: TracesBefore = new Map();
  for (const id of changes.flows) before.set(id, prev.traces.get(id));
  // The same flows in the same order, perhaps some of them edited (a port, a rate: the app's
  // commonest edit, and every entity of a re-read file is a new object).
  const flowEdits = changes.kinds.get('flows');
  const sameFlows = flowEdits === undefined || flowEdits.sameIds;
  if (sameFlows) {
    if (flowEdits) {
      // Edited flows take their places in `sorted`; positions, the ledger and the views still hold.
      state.sorted = prev.sorted.slice();
      for (const id of flowEdits.ids) {
        const at = positionsOf(state).get(id);
        const flow = state.index.flows.get(id);
        if (at !== undefined && flow) state.sorted[at] = flow;
      }
    }
    // The map moves on too, and keeps its order when entries are replaced (the old traces of the
    // re-traced flows are in `before`).
    state.traces = prev.traces;
    const facts = prev.facts?.slice();
    for (const id of changes.flows) {
      const flow = state.index.flows.get(id);
      if (!flow) continue;
      const trace = traceFlow(flow, ctx);
      state.traces.set(id, trace);
      if (facts) facts[positionsOf(state).get(id)!] = traceFacts(trace);
    }
    state.facts = facts;
  } else {
    state.positions = undefined;
    state.facts = undefined;
    state.traces = new Map(next.flows.map((f) => [f.id, changes.flows.has(f.id) ? traceFlow(f, ctx) : prev.traces.get(f.id) ?? traceFlow(f, ctx)]));
  }
  for (const [id, was] of before) {
    const flow = state.index.flows.get(id);
    const trace = state.traces.get(id);
    if (!state.elements || !flow || !trace || trace === was) continue;
    if (!reindexFlow(state.elements, flow, trace)) state.elements = undefined;
  }
  if (!sameFlows) {
    state.sorted = [...next.flows].sort((a, b) => compareIds(a.id, b.id));
    // Tapes are kept by position in `sorted`.
    state.tapes = undefined;
    const present = new Set(next.flows.map((f) => f.id));
    for (const id of changes.flows) {
      if (present.has(id)) continue;
      resultsOf(state).delete(id);
      figuresOf(state).delete(id);
    }
    estimateFlows(state, state.sorted.filter((f) => changes.flows.has(f.id) || !figuresOf(state).has(f.id)));
    state.throughput = throughputOf(state);
    state.ledger = ledgerOf(state);
    return before;
  }
  // The flow list is the same: only the loads of hosts and links the re-traced flows touch change.
  const affected = flowsIn(state, changes.flows);
  const loads = loadsBefore(figuresOf(prev), before, affected);
  estimateFlows(state, affected);
  state.throughput = updatedThroughput(state, affected, loads);
  // A full pass (many flows re-traced) leaves no ledger: a session builds it now, not at the next small edit.
  state.ledger ??= ledgerOf(state);
  return before;
}

/**
 * Link statuses after re-tracing: only the links the re-traced flows crossed before or cross now
 * are looked at again (`touched`; absent when every link was looked at).
 */
function relinked(state: SessionState, before: TracesBefore): { links: LinkStatus[]; touched?: Set<string> } {
  // Moving flows one by one costs a sorted insert each: past an eighth of the flows (an overlay
  // switched off) reading every trace again is cheaper.
  if (!state.linkViews || before.size > state.sorted.length / 8) {
    // Built from the new traces, the views already hold every flow where it is now.
    state.linkViews = buildLinkViews(state.scenario, state.traces.values());
    return { links: statusesOf(state.linkViews) };
  }
  const moved: { before?: FlowTrace; after?: FlowTrace }[] = [];
  for (const [id, was] of before) {
    const now = state.traces.get(id);
    if (was !== now) moved.push({ before: was, after: now });
  }
  return updateLinkStatuses(state.linkViews, state.links, moved);
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

/** The flows of `ids` in `sorted` order: picked and sorted when few, filtered from `sorted` when many. */
export function flowsIn(state: SessionState, ids: ReadonlySet<string>): Flow[] {
  if (ids.size > state.sorted.length / 8) return state.sorted.filter((f) => ids.has(f.id));
  return [...ids].flatMap((id) => state.index.flows.get(id) ?? []).sort((a, b) => compareIds(a.id, b.id));
}

/**
 * A flow-scoped rule's findings after the flows `dirty` were traced again: the others' findings
 * are kept, and the rule runs on the dirty flows alone (`sortedFlows` and `flows` restricted to them).
 */
function updateFlowFindings(state: SessionState, previous: readonly Finding[], rule: Rule, dirty: ReadonlySet<string>): Finding[] {
  const mentions = (f: Finding): boolean => f.subjects.some((id) => dirty.has(id));
  const kept = previous.filter((f) => !mentions(f));
  const flows = flowsIn(state, dirty);
  const input = { scenario: state.scenario, index: state.index, traces: state.traces, flows: flows.map((f) => resultsOf(state).get(f.id)!), links: state.links, exposures: state.exposures, requirements: state.requirements, throughput: state.throughput, sortedFlows: flows };
  // A rule that walks every flow of the scenario still reports only the dirty ones' findings here.
  const fresh = runRules(input, [rule]).filter(mentions);
  return mergeKept(previous, kept, fresh);
}

/**
 * A link-scoped rule's findings after the links `dirty` changed (their status, load or flows):
 * the findings about other links are kept, and the rule reports for the dirty links alone.
 */
function updateLinkFindings(state: SessionState, previous: readonly Finding[], rule: Rule, dirty: ReadonlySet<string>, retraced: ReadonlySet<string>): readonly Finding[] {
  if (dirty.size === 0) return previous;
  const links = [...dirty];
  // Subjects are sorted (run-rules.ts), and a link's flows can be thousands: look the links up.
  const kept = previous.filter((f) => !holdsAny(f.subjects, links));
  const fresh = runRules({ ...ruleInputOf(state), onlyLinks: dirty, retraced: [...retraced].sort(compareIds) }, [rule]);
  return mergeKept(previous, kept, fresh);
}

/** Whether the sorted `subjects` hold any of `ids` (no closure per finding: a link rule keeps thousands). */
function holdsAny(subjects: readonly string[], ids: readonly string[]): boolean {
  for (let i = 0; i < ids.length; i++) if (holds(subjects, ids[i]!)) return true;
  return false;
}

/** Re-evaluates requirements and re-runs the rules an edit can reach. */
function refind(state: SessionState, prev: SessionState, changes: ScenarioChanges, dirty: DirtyPairs, traced: boolean, dirtyLinks: ReadonlySet<string> | undefined): void {
  const requirementsEdited = changes.kinds.has('requirements');
  const anyDirty = dirty.flows.size > 0 || dirty.attackers.size > 0;
  let changed: Exposure[] = [];
  if (requirementsEdited) state.requirements = evaluateRequirements(state.scenario.requirements, state.sorted, state.exposures);
  else if (anyDirty) ({ results: state.requirements, changed } = updateRequirements(state, prev, dirty));
  const attackerSideOnly = !traced && !changes.knowledge && [...changes.kinds.keys()].every((k) => ATTACKER_SIDE.has(k));
  const others = changes.kinds.size > 0 && !attackerSideOnly;
  if (!others && !requirementsEdited && !anyDirty) return;
  const flowLocal = [...changes.kinds.keys()].every((k) => FLOW_LOCAL.has(k));
  const incremental = others && flowLocal ? rules.filter((r) => r.scope === 'flow' || (r.scope === 'link' && dirtyLinks)) : [];
  const rerun = new Set(others ? rules.filter((r) => r !== requirementFailed && !incremental.includes(r)).map((r) => r.id) : []);
  if (requirementsEdited) rerun.add(requirementFailed.id);
  state.findings = findingsOf(state, prev.findings, rerun);
  for (const rule of incremental) {
    const previous = prev.findings.get(rule.id) ?? [];
    state.findings.set(rule.id, rule.scope === 'link' ? (updateLinkFindings(state, previous, rule, dirtyLinks!, dirty.flows) as Finding[]) : updateFlowFindings(state, previous, rule, dirty.flows));
  }
  if (!requirementsEdited && anyDirty) {
    state.findings.set(requirementFailed.id, updateRequirementFindings(state, prev.requirements, prev.findings.get(requirementFailed.id) ?? [], dirty, changed));
  }
}

/**
 * The session state after `next` replaced the scenario of `prev` (which is consumed). Another
 * topology is analysed afresh by `afresh` (by default `buildState`, with its phases reported).
 */
export function updateState(prev: SessionState, next: Scenario, onProgress?: ProgressListener, afresh = (s: Scenario): SessionState => buildState(s, prev.options, onProgress)): SessionState {
  const changes = scenarioChanges(prev.scenario, next);
  // Another topology (another file opened, most often) keeps nothing of the last.
  if (changes.global) return afresh(next);
  // A cipher swapped for one of the same ESP sizes: traces, loads on the wire and exposure levels stay.
  // A policy applies by position along any path: then every flow is costed again. It writes the
  // session's lists by position and needs no map by flow id built first.
  if (changes.ciphers) return updateCiphers(prev, next, changes, changes.kinds.has('ipsec') ? prev.sorted : prev.sorted.filter(changes.touches));
  // Every other edit reads the flows' crypto loads as their figures have them, and their estimates
  // in the lists and figures.
  writeCores(prev);
  writeRows(prev);
  // The maps by flow id move on to the new state and are edited in place: built now, before they are shared.
  resultsOf(prev);
  figuresOf(prev);
  const state: SessionState = { ...prev, scenario: next, index: indexAfter(prev, next, changes), lastEdit: 'other' };
  const retraced = retrace(state, prev, changes);
  // A flow's tape holds while its figures do (checked where used, `CipherTapes.of`): once most
  // flows were traced again, they are made afresh in idle time.
  if (retraced && retraced.size * 8 > state.sorted.length) state.tapes = undefined;
  const attackers = reknow(state, prev, changes);
  const kept = new Set(state.knowledge.map((k) => k.attacker.id));
  for (const k of prev.knowledge) if (!kept.has(k.attacker.id)) attackers.add(k.attacker.id);
  updateExposures(state, prev, { flows: changes.flows, attackers });
  // Without re-traced flows no link's status, load or flows changed.
  let dirtyLinks: Set<string> | undefined = new Set();
  if (retraced) ({ links: state.links, touched: dirtyLinks } = relinked(state, retraced));
  refind(state, prev, changes, { flows: changes.flows, attackers }, retraced !== undefined, dirtyLinks);
  return state;
}

