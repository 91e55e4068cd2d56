/**
 * Everything an analysis keeps per flow and per attacker, so that an edit re-computes only what it
 * can change (session/update-state.ts). Building it from scratch is the analysis itself: the
 * one-shot `analyzeExposure` and an analysis session run the very same stages.
 */
import type { Flow, Scenario } from '../../model/types.ts';
import { compareIds } from '../compare-ids.ts';
import { buildAttackerKnowledge, type AttackerKnowledge } from '../exposure/attacker-knowledge.ts';
import { dropRoutesFrom, sourceHostOf, traceAllSteps, traceFlow } from '../exposure/build-traces.ts';
import { TraceStore } from '../exposure/trace-store.ts';
import { breaksAny, evaluateRequirements } from '../exposure/evaluate-requirements.ts';
import { exposeAllSteps, ExposureAssembly } from '../exposure/expose-all.ts';
import type { ExposureTable } from '../exposure/exposure-table.ts';
import { LinkStatusAssembly, linkStatuses, plaintextLinksOf } from '../exposure/link-statuses.ts';
import { createTraceContext } from '../exposure/trace-context.ts';
import type { FlowDigests } from '../exposure/rules/helpers/flow-digest.ts';
import { ProtectionTable } from '../exposure/protections.ts';
import { rules as registry } from '../exposure/rules/index.ts';
import { compareFindings, mergeFindings, runRules, type RuleInput } from '../exposure/run-rules.ts';
import { createUnderlayRouter, type UnderlayRouter } from '../graph/underlay-router.ts';
import { indexScenario, type ScenarioIndex } from '../scenario-index.ts';
import { assembleThroughputSteps, hardwareProblems, problemsOf, ThroughputAssembly } from '../throughput/estimate-throughput.ts';
import { buildLedger, hostLoadOf, hostsOf, linkLoadOf, linkSharesOf, moveInLedger, moveOnLinks, type HostSumsById, type LoadLedger } from '../throughput/load-ledger.ts';
import { lowerBound, patchSorted } from '../sorted-lists.ts';
import { estimateFlowFigures, type CipherTapes, type FlowFigures, type SubjectNames } from '../throughput/flow-figures.ts';
import { flowMtu, type FlowMtu } from '../throughput/flow-mtu.ts';
import { flowFacts } from '../exposure/rules/helpers/trace-facts.ts';
import { traceAt } from '../trace-source.ts';
import type { ElementIndex } from './element-index.ts';
import type { LinkViews } from './link-views.ts';
import type { FlowSummary, ThroughputAnalysis, ThroughputProblem } from '../throughput/types.ts';
import type { AnalysisOptions, ExposureAnalysis, Finding, FlowResult, FlowTrace, LinkStatus, RequirementResult, RowsOf } from '../types.ts';
import type { PatchedRows } from '../patched-rows.ts';
import { FlowTable, flowResultRow } from '../flow-table.ts';
import { rowsArray } from '../row-list.ts';
import { runSteps, type Steps } from '../steps.ts';

/** Progress callback: phase name and how far it is. */
export type ProgressListener = (p: AnalysisProgressEvent) => void;

/**
 * One finished phase of an analysis. After `paths` the link statuses (SPEC X8) are final — they
 * read the traces alone — and come along, so a UI can colour its map while exposures, loads and
 * findings are still being worked out (seconds at 5,000 hosts).
 */
export interface AnalysisProgressEvent {
  phase: string;
  done: number;
  total: number;
  links?: LinkStatus[];
}

/** The state of one analysed scenario. */
export interface SessionState {
  scenario: Scenario;
  options: AnalysisOptions;
  index: ScenarioIndex;
  router: UnderlayRouter;
  /** The SA, peer and session objects of the traces: one object per id across edits. */
  protections: ProtectionTable;
  /** Trace per flow id, in file order. */
  traces: Map<string, FlowTrace>;
  /** Flows sorted by id: the order of every per-flow result. */
  sorted: Flow[];
  /**
   * The traces in `sorted` order, kept by a full analysis so that its passes over every flow read
   * them in a row rather than look each up by id (a look-up per flow and pass is a cache miss at
   * 250,000 flows); dropped by an edit that traces flows again.
   */
  traceList?: FlowTrace[];
  /**
   * Per flow id: its summary (with the estimate merged in) and its throughput figures (`resultsOf`,
   * `figuresOf`). A full analysis lists them in `sorted` order and leaves these maps to the first
   * edit (or a session's idle time): two maps of 250,000 entries are a second at 5,000 hosts.
   */
  results?: Map<string, FlowResult>;
  /** The summaries in `sorted` order, as the result lists them; dropped whenever an estimate changes. */
  resultList?: FlowResult[];
  /** A one-shot analysis's results instead (`analyzeOnce`): rows of a flow table, made when read. */
  resultRows?: RowsOf<FlowResult>;
  figures?: Map<string, FlowFigures>;
  /** The figures in `sorted` order, from a full analysis, until `figures` is built from them. */
  figureList?: FlowFigures[];
  hardware: ThroughputProblem[];
  throughput: ThroughputAnalysis;
  /** Each flow's position in `sorted`, built when first needed (dropped when the flow list changes). */
  positions?: Map<string, number>;
  /** The rules' trace facts of each flow of `sorted` (rules/helpers/trace-facts.ts), built when first needed. */
  facts?: Uint8Array;
  /** Which flows load each host and link, by position in `sorted`, and their figures (absent until built, or after the flow list changed). */
  ledger?: LoadLedger & { figures: FlowFigures[] };
  /**
   * Every host's crypto sums over the ledger's figures, as the last sum over every flow left them:
   * the places of their SA entries, for a cipher edit's sums to start from (`newHostSums`). Made
   * in the session's idle time; it may be stale (a template only, checked where it is used).
   */
  hostSums?: HostSumsById;
  /**
   * What a cipher edit adds up again at each flow's IPsec and crypto hosts, by position in `sorted`
   * (throughput/flow-figures.ts `cipherTapes`): made in idle time and kept across edits, each
   * flow's good while it has the figures it was read from (a cipher edit costs them in place);
   * dropped when the flow list or most flows' traces change.
   */
  tapes?: CipherTapes;
  /**
   * Whether flows costed from their tapes by a cipher edit have their new crypto loads on the tapes
   * only: the figures' loads take them (`writeCores`, session/update-ciphers.ts) before anything
   * else reads them (every other edit, the idle-time sums from figures), and first thing in idle time.
   */
  coresOnTapes?: boolean;
  /**
   * A cipher edit's new estimates as rows made when read (`PatchedRows`), until `writeRows` puts
   * them in the lists and the figures: the edit writes numbers, no summary or result per flow.
   * `throughput.flows` is the pending summaries meanwhile; `resultList`, `results` and the figures'
   * summaries are the ones before the edit, so every reader of those writes the rows first.
   */
  rowsPending?: PendingRows;
  /**
   * The kind of edit that made this state from the last: `ciphers` (figures, traces and SAs costed
   * and renamed in place), `other` (the flows it estimates again get new figures, the others keep
   * theirs as they were); none for a state analysed afresh.
   */
  lastEdit?: 'ciphers' | 'other';
  /** The selected attackers' knowledge, sorted by attacker id. */
  knowledge: AttackerKnowledge[];
  /** Every flow × attacker exposure, flows as `sorted`, attackers as `knowledge`. */
  exposures: ExposureTable;
  links: LinkStatus[];
  requirements: RequirementResult[];
  /** Findings per rule id (rules can be re-run one at a time). */
  findings: Map<string, Finding[]>;
  /** What taps on each link see, built at the first edit that re-traces flows (session/link-views.ts). */
  linkViews?: LinkViews;
  /** Which flows each element touches, built when an attacker edit first needs it. */
  elements?: ElementIndex;
  /**
   * A one-shot analysis's digests of its flows for the rules that read traces (rules/helpers/flow-digest.ts),
   * worked out while each trace was at hand: it keeps no trace for its rules.
   */
  digests?: FlowDigests;
}

/** The flow result of SPEC §4 with its single-flow estimate and bottleneck (T6), made whole (`flowResultRow`). */
function estimatedResult(flow: Flow, trace: FlowTrace, mtu: FlowMtu, figures: FlowFigures): FlowResult {
  return flowResultRow(flow.id, trace.path, plaintextLinksOf(trace), mtu.innerMtu, mtu.overheadBytes, trace.unreachable, figures.summary.maxGbps ?? null, figures.summary.bottleneck ?? null);
}

/** The selected attackers (all, or `options.attackers`), sorted by id. */
export function selectedAttackers(scenario: Scenario, options: AnalysisOptions): Scenario['attackers'] {
  const wanted = options.attackers ? new Set(options.attackers) : undefined;
  return scenario.attackers.filter((a) => !wanted || wanted.has(a.id)).sort((a, b) => compareIds(a.id, b.id));
}

/** Runs the rules, keeping findings per rule; `only` re-runs just those rules of `previous`. */
export function findingsOf(state: SessionState, previous?: Map<string, Finding[]>, only?: ReadonlySet<string>): Map<string, Finding[]> {
  const found = new Map<string, Finding[]>();
  for (const [id, list] of previous ?? []) if (only && !only.has(id)) found.set(id, list);
  // Nothing to re-run (an attacker edit): no rule input to build, which means 50,000 look-ups.
  if (only && only.size === 0) return found;
  return runRulesInto(ruleInputOf(state), found, only);
}

/** A cipher edit's estimates, pending (`SessionState.rowsPending`): summaries, flow results, and the figures (by position) whose summaries they replace. */
export interface PendingRows {
  summaries: PatchedRows<FlowSummary>;
  results: PatchedRows<FlowResult>;
  figures: readonly FlowFigures[];
}

/**
 * Puts a cipher edit's pending rows (`SessionState.rowsPending`) in the state: the summaries and
 * results made (those an analysis's reader made already are the same objects), the figures given
 * their new summaries. In idle time, or first thing in whatever reads those lists next.
 */
export function writeRows(state: SessionState): void {
  const pending = state.rowsPending;
  if (!pending) return;
  state.rowsPending = undefined;
  const summaries = pending.summaries.array();
  const { changed } = pending.summaries;
  for (let p = 0; p < changed.length; p++) if (changed[p] === 1) pending.figures[p]!.summary = summaries[p]!;
  state.throughput = { ...state.throughput, flows: summaries };
  state.resultList = pending.results.array() as FlowResult[];
  // The map by id is built again from the list when needed.
  state.results = undefined;
}

/** The result list as kept: the session's list, or a one-shot analysis's rows made into one (kept); undefined when neither is. */
function keptResultList(state: SessionState): FlowResult[] | undefined {
  if (!state.resultList && state.resultRows) state.resultList = rowsArray(state.resultRows) as FlowResult[];
  return state.resultList;
}

/** The flow summaries in `sorted` order, as the result lists them (kept until an estimate changes). */
export function resultListOf(state: SessionState): FlowResult[] {
  writeRows(state);
  state.resultList = keptResultList(state) ?? state.sorted.map((f) => resultsOf(state).get(f.id)!);
  return state.resultList;
}

/** The flow summaries as an analysis lists them: a cipher edit's pending rows, or `resultListOf`. */
function resultRowsOf(state: SessionState): RowsOf<FlowResult> {
  return state.rowsPending?.results ?? state.resultRows ?? resultListOf(state);
}

/** Each flow's summary by id, built from a full analysis's list the first time. */
export function resultsOf(state: SessionState): Map<string, FlowResult> {
  writeRows(state);
  if (!state.results) {
    // The kept list, not `resultListOf`, which makes a list from this map when there is none.
    const list = keptResultList(state)!;
    state.results = new Map(state.sorted.map((f, i) => [f.id, list[i]!]));
  }
  return state.results;
}

/** Each flow's throughput figures by id, built from a full analysis's list the first time. */
export function figuresOf(state: SessionState): Map<string, FlowFigures> {
  if (!state.figures) {
    const list = state.figureList;
    if (!list) throw new Error('a one-shot analysis (analyzeOnce) keeps no throughput figures');
    state.figures = new Map(state.sorted.map((f, i) => [f.id, list[i]!]));
    state.figureList = undefined;
  }
  return state.figures;
}

/** What the rules read of a state: every flow, its traces and results, links, exposures, loads. */
export function ruleInputOf(state: SessionState): RuleInput {
  const flows = resultRowsOf(state);
  state.facts ??= flowFacts({ scenario: state.scenario, traces: state.traces, sortedFlows: state.sorted, traceList: state.traceList });
  return { scenario: state.scenario, index: state.index, traces: state.traces, flows, links: state.links, exposures: state.exposures, requirements: state.requirements, throughput: state.throughput, sortedFlows: state.sorted, facts: state.facts, ...(state.digests ? { digests: state.digests } : {}) };
}

/** Each flow's position in `sorted`. */
export function positionsOf(state: SessionState): Map<string, number> {
  state.positions ??= new Map(state.sorted.map((f, i) => [f.id, i]));
  return state.positions;
}

/** Picks every pair (`DetailsNow` 'all'). */
const everyPair = (): boolean => true;

function runRulesInto(input: RuleInput, found: Map<string, Finding[]>, only?: ReadonlySet<string>): Map<string, Finding[]> {
  for (const rule of rulesToRun(only)) found.set(rule.id, runRules(input, [rule]));
  return found;
}


function rulesToRun(only?: ReadonlySet<string>): typeof registry {
  return only ? registry.filter((r) => only.has(r.id)) : registry;
}

/**
 * Which exposures an analysis makes with their vantages and reasons (the others are made when
 * read): `failing`, the pairs that break a requirement (the requirement-failed rule reports them);
 * `all`, for a caller that writes every pair's reasons (the CLI's formats and reports), since a
 * pair's details cost 1.7 µs with the analysis and 4 µs afterwards, when its trace is out of the cache.
 */
export type DetailsNow = 'failing' | 'all';

/** Analyses a scenario from scratch into a session state (a one-shot analysis, never edited, is `analyzeOnce`). */
export function buildState(scenario: Scenario, options: AnalysisOptions = {}, onProgress?: ProgressListener, detailsNow: DetailsNow = 'failing'): SessionState {
  return runSteps(buildStateSteps(scenario, options, onProgress, detailsNow));
}

/**
 * `buildState` in steps: the stages over every flow (tracing, estimates, exposures) a slice of
 * about `slice` flows per step, the rules one per step, the other stages a step each. For a session
 * that answers its first analysis with a one-shot one and builds the state edits need in idle time
 * (analysis-session.ts `oneShotFirst`).
 */
export function* buildStateSteps(scenario: Scenario, options: AnalysisOptions = {}, onProgress?: ProgressListener, detailsNow: DetailsNow = 'failing', slice = Number.POSITIVE_INFINITY): Steps<SessionState> {
  const index = indexScenario(scenario);
  const router = createUnderlayRouter(index);
  const ctx = createTraceContext(index, router);
  yield;
  const traced = yield* traceAllSteps(scenario.flows, ctx, slice);
  const traces = new Map(scenario.flows.map((flow, i) => [flow.id, traced[i]!]));
  const sorted = [...scenario.flows].sort((a, b) => compareIds(a.id, b.id));
  // Files list their flows in id order as often as not (generated regions always): then no look-up at all.
  const inFileOrder = sorted.every((flow, i) => flow === scenario.flows[i]);
  const traceList = inFileOrder ? traced : sorted.map((flow) => traces.get(flow.id)!);
  const state = { scenario, options, index, router, protections: ctx.protections, traces, sorted, traceList } as unknown as SessionState;
  yield;
  // Statuses read the traces alone: worked out first, they can be shown while the rest runs.
  // The rules' flags of every flow come with the statuses, from the same walk over the stacks.
  state.facts = new Uint8Array(sorted.length);
  state.links = linkStatuses(scenario, traceList, state.facts);
  onProgress?.({ phase: 'paths', done: 1, total: 3, links: state.links });
  yield;
  state.hardware = hardwareProblems(scenario);
  const figures = yield* estimateFlowsSteps(state, sorted, slice);
  yield;
  state.throughput = yield* throughputSteps(state, figures!, slice);
  yield;
  state.knowledge = selectedAttackers(scenario, options).map((a) => buildAttackerKnowledge(a, index));
  state.exposures = yield* exposeAllSteps(sorted, traceList, state.knowledge, index, detailsNow === 'all' ? everyPair : breaksAny(scenario.requirements), slice);
  onProgress?.({ phase: 'exposure', done: 2, total: 3 });
  yield;
  state.requirements = evaluateRequirements(scenario.requirements, sorted, state.exposures);
  yield;
  const input = ruleInputOf(state);
  const found = new Map<string, Finding[]>();
  for (const rule of registry) {
    yield;
    found.set(rule.id, runRules(input, [rule]));
  }
  state.findings = found;
  onProgress?.({ phase: 'findings', done: 3, total: 3 });
  return state;
}

/**
 * Recomputes the summary and throughput figures of the given flows (in id order). For every flow
 * (`flows` is `sorted`) it also lists the summaries and returns the figures, both in that order.
 */
export function estimateFlows(state: SessionState, flows: readonly Flow[]): FlowFigures[] | undefined {
  return runSteps(estimateFlowsSteps(state, flows));
}

/** Where `estimateRange` writes a pass's estimates. */
interface EstimatePass {
  state: SessionState;
  flows: readonly Flow[];
  all: boolean;
  aligned: FlowTrace[] | undefined;
  figureMap: Map<string, FlowFigures> | undefined;
  resultMap: Map<string, FlowResult> | undefined;
  list: FlowResult[] | undefined;
  figureList: FlowFigures[] | undefined;
  names: SubjectNames;
}

/** `estimateFlows` in steps of `slice` flows. */
export function* estimateFlowsSteps(state: SessionState, flows: readonly Flow[], slice = Number.POSITIVE_INFINITY): Steps<FlowFigures[] | undefined> {
  const all = flows === state.sorted;
  // A first, full estimate only lists: the maps by id are built from the lists when first needed.
  const fresh = all && !state.figures;
  const pass: EstimatePass = {
    state,
    flows,
    all,
    aligned: all ? state.traceList : undefined,
    figureMap: fresh ? undefined : figuresOf(state),
    resultMap: fresh ? undefined : resultsOf(state),
    // With positions (the flow list as before) the list of summaries is patched; else built again when needed.
    list: state.positions && state.resultList?.length === state.sorted.length ? state.resultList.slice() : all ? new Array<FlowResult>(flows.length) : undefined,
    figureList: all ? new Array<FlowFigures>(flows.length) : undefined,
    names: new Map<string, string>(),
  };
  for (let from = 0; from < flows.length; from += slice) {
    const to = Math.min(flows.length, from + slice);
    estimateRange(pass, from, to);
    if (to < flows.length) yield;
  }
  state.resultList = pass.list;
  if (fresh) state.figureList = pass.figureList;
  return pass.figureList;
}

/** Estimates the flows of a pass from position `from` to `to` (exclusive). */
function estimateRange(pass: EstimatePass, from: number, to: number): void {
  const { state, flows, all, aligned, figureMap, resultMap, list, figureList, names } = pass;
  for (let i = from; i < to; i++) {
    const flow = flows[i]!;
    const trace = traceAt(aligned ?? state.traces, i, flow.id)!;
    const mtu = flowMtu(trace, state.index);
    const figures = estimateFlowFigures(flow, trace, state.index, names, mtu.innerMtu);
    figureMap?.set(flow.id, figures);
    const summary = estimatedResult(flow, trace, mtu, figures);
    resultMap?.set(flow.id, summary);
    if (figureList) figureList[i] = figures;
    const at = all ? i : list ? state.positions!.get(flow.id) : undefined;
    if (at !== undefined) list![at] = summary;
  }
}

/**
 * How many flows a one-shot analysis takes through its stages at a time (`analyzeOnce`): few
 * enough that their traces die before a scavenge. Tracing, estimates and exposure rows over
 * batches of 50 to 200 flows took 0.88–1.08 s at 1,000 hosts, against 1.14–1.35 s with every
 * trace kept; batches of 2,000 gained nothing (docs/performance.md, "What a one-shot analysis keeps").
 */
const CHUNK_FLOWS = 64;

/**
 * A one-shot analysis, read for its result only and never edited: the stages of `buildState` (traces, link statuses and the rules' flags,
 * estimates and loads, exposures) taken a few dozen flows at a time in flow-id order, each stage
 * over those flows in a row, then the next flows. A trace lives while its flow's stages run: the
 * rules that read traces get digests worked out meanwhile (`Rule.digest`), and a trace is traced
 * again if something asks for it afterwards (`TraceStore`). Kept to the end, the traces were most
 * of what the garbage collector copied and most of the fresh pages an analysis wrote; kept for the
 * rules (a third of them at 1,000 hosts), still most of what its result held. Each flow's
 * throughput figures go to the loads as they are made (`ThroughputAssembly`); the routes planned
 * from a host are dropped after its last flow; its protection table keeps nothing for edits. The
 * result is `buildState`'s to the byte.
 */
export function analyzeOnce(scenario: Scenario, options: AnalysisOptions = {}, onProgress?: ProgressListener, detailsNow: DetailsNow = 'failing'): SessionState {
  const index = indexScenario(scenario);
  const router = createUnderlayRouter(index);
  const ctx = createTraceContext(index, router, new ProtectionTable({ forEdits: false }));
  const sorted = [...scenario.flows].sort((a, b) => compareIds(a.id, b.id));
  const traces = new TraceStore(scenario.flows, ctx);
  // Read-only, like every one-shot state: nothing edits it.
  const state = { scenario, options, index, router, protections: ctx.protections, traces: traces as unknown as Map<string, FlowTrace>, sorted } as unknown as SessionState;
  state.hardware = hardwareProblems(scenario);
  state.knowledge = selectedAttackers(scenario, options).map((a) => buildAttackerKnowledge(a, index));
  const n = sorted.length;
  // Each flow's source host, and whether it is that host's last flow (its routes are dropped after it).
  const sources = new Array<string>(n);
  const lastOfSource = new Uint8Array(n);
  const seen = new Set<string>();
  for (let i = n - 1; i >= 0; i--) {
    const source = (sources[i] = sourceHostOf(sorted[i]!, index));
    if (seen.has(source)) continue;
    seen.add(source);
    lastOfSource[i] = 1;
  }
  const facts = new Uint8Array(n);
  const statuses = new LinkStatusAssembly(scenario);
  // Results and summaries as columns: nothing edits them (flow-table.ts).
  const table = new FlowTable(sorted);
  const loads = new ThroughputAssembly(n, state.hardware, table);
  const rows = new ExposureAssembly(n, state.knowledge, index, detailsNow === 'all' ? everyPair : breaksAny(scenario.requirements));
  const names: SubjectNames = new Map();
  // What the rules that read traces read of each, worked out while the trace is at hand.
  const digests = new Map(registry.flatMap((rule) => (rule.digest ? [[rule.digest, new Map<string, unknown>()] as const] : [])));
  // As a list of pairs: looked at for every flow, and a map's iteration makes an entry per step.
  const digestList = [...digests];
  const chunk = new Array<FlowTrace | undefined>(CHUNK_FLOWS);
  for (let from = 0; from < n; from += CHUNK_FLOWS) {
    const to = Math.min(n, from + CHUNK_FLOWS);
    for (let i = from; i < to; i++) {
      chunk[i - from] = traceFlow(sorted[i]!, ctx);
      if (lastOfSource[i] === 1) dropRoutesFrom(sources[i]!, ctx);
    }
    for (let i = from; i < to; i++) facts[i] = statuses.add(chunk[i - from]!);
    for (let i = from; i < to; i++) {
      const flow = sorted[i]!;
      const trace = chunk[i - from]!;
      const mtu = flowMtu(trace, index);
      const figures = estimateFlowFigures(flow, trace, index, names, mtu.innerMtu);
      table.setResult(i, estimatedResult(flow, trace, mtu, figures));
      loads.add(i, figures, trace);
    }
    for (let i = from; i < to; i++) rows.add(sorted[i]!, chunk[i - from]!, i);
    for (let i = from; i < to; i++) {
      const flow = sorted[i]!;
      const trace = chunk[i - from]!;
      for (let d = 0; d < digestList.length; d++) {
        const [digest, byFlow] = digestList[d]!;
        if (digest.wants(flow, facts[i]!, index)) byFlow.set(flow.id, digest.make(flow, trace, index));
      }
      chunk[i - from] = undefined;
    }
  }
  state.facts = facts;
  state.digests = digests;
  state.links = statuses.done();
  onProgress?.({ phase: 'paths', done: 1, total: 3, links: state.links });
  state.resultRows = table.results;
  state.throughput = loads.done(scenario);
  state.exposures = rows.done(sorted, traces);
  onProgress?.({ phase: 'exposure', done: 2, total: 3 });
  state.requirements = evaluateRequirements(scenario.requirements, sorted, state.exposures);
  state.findings = findingsOf(state);
  onProgress?.({ phase: 'findings', done: 3, total: 3 });
  return state;
}

/** Host and link loads and problems over every flow's figures (`figures`: those of `sorted`, when at hand), in flow-id order. */
export function throughputOf(state: SessionState, figures = state.sorted.flatMap((f) => figuresOf(state).get(f.id) ?? [])): ThroughputAnalysis {
  return runSteps(throughputSteps(state, figures));
}

/** `throughputOf` in steps of `slice` flows. */
function throughputSteps(state: SessionState, figures: readonly FlowFigures[], slice = Number.POSITIVE_INFINITY): Steps<ThroughputAnalysis> {
  // The ledger is built at the first edit that can use it (a one-shot analysis never needs it).
  state.ledger = undefined;
  // Figures of every flow line up with the trace list.
  const traceList = figures.length === state.sorted.length ? state.traceList : undefined;
  return assembleThroughputSteps({ ...state, traceList }, figures, state.hardware, slice);
}

/** Where a flow's load went before an edit: the hosts and links it loaded. */
export interface LoadBefore {
  hosts: string[];
  links: string[];
  /** Whether its figures had problems (throughput problems are gathered from every flow). */
  problems: boolean;
}

/** The hosts and links each of these flows loads, by its figures and trace (call before re-estimating them). */
export function loadsBefore(figures: ReadonlyMap<string, FlowFigures>, traces: ReadonlyMap<string, FlowTrace | undefined>, flows: readonly Flow[]): Map<string, LoadBefore> {
  const before = new Map<string, LoadBefore>();
  for (const flow of flows) {
    const f = figures.get(flow.id);
    before.set(flow.id, f ? { hosts: hostsOf(f), links: linkSharesOf(f, traces.get(flow.id)).map((s) => s.link), problems: f.problems.length > 0 } : { hosts: [], links: [], problems: false });
  }
  return before;
}

/** Where the entry with `id` is in a list sorted by id (code units), or -1. */
function indexById<T>(list: readonly T[], id: string, idOf: (x: T) => string): number {
  const at = lowerBound(list, (x) => idOf(x) < id);
  return at < list.length && idOf(list[at]!) === id ? at : -1;
}

/**
 * The throughput after re-estimating `flows` (the flow list itself unchanged): their positions
 * move in the ledger, and only the hosts and links they loaded before or load now are summed
 * again, in flow order as a full analysis does; every other load is kept.
 */
export function updatedThroughput(state: SessionState, flows: readonly Flow[], before: ReadonlyMap<string, LoadBefore>): ThroughputAnalysis {
  // Removed flows lose their figures (retrace), so equal sizes mean every flow has its figures.
  if (flows.length > state.sorted.length / 8 || state.throughput.flows.length !== state.sorted.length || figuresOf(state).size !== state.sorted.length) return throughputOf(state);
  // Built now, the ledger already holds the flows' new places; kept, it moves them there.
  const fresh = !state.ledger;
  const ledger = (state.ledger ??= ledgerOf(state));
  const { figures } = ledger;
  // Per host touched: the flows that left it and the flows on it now (its sorted flow list is patched).
  const hosts = new Map<string, { left: string[]; on: string[] }>();
  const touchHost = (host: string): { left: string[]; on: string[] } => {
    let t = hosts.get(host);
    if (!t) hosts.set(host, (t = { left: [], on: [] }));
    return t;
  };
  // Per link touched: the flows that left it and the flows on it now (its sorted flow list is patched).
  const links = new Map<string, { left: string[]; on: string[] }>();
  const touch = (link: string): { left: string[]; on: string[] } => {
    let t = links.get(link);
    if (!t) links.set(link, (t = { left: [], on: [] }));
    return t;
  };
  for (const flow of flows) {
    const position = positionsOf(state).get(flow.id)!;
    const f = figuresOf(state).get(flow.id)!;
    figures[position] = f;
    const was = before.get(flow.id) ?? { hosts: [], links: [], problems: false };
    const now = { hosts: hostsOf(f), links: linkSharesOf(f, state.traces.get(flow.id)) };
    if (!fresh) {
      moveInLedger(ledger.hosts, position, was.hosts, now.hosts);
      moveOnLinks(ledger.links, position, was.links, now.links);
    }
    for (const id of was.hosts) touchHost(id).left.push(flow.id);
    for (const id of now.hosts) touchHost(id).on.push(flow.id);
    for (const id of was.links) touch(id).left.push(flow.id);
    for (const share of now.links) touch(share.link).on.push(flow.id);
  }
  const prev = state.throughput;
  const hostLoads = prev.hosts.slice();
  for (const [id, { left, on }] of hosts) {
    const host = state.index.hosts.get(id);
    const at = indexById(hostLoads, id, (h) => h.host);
    if (!host || at < 0) continue;
    hostLoads[at] = hostLoadOf(host, ledger.hosts.get(id) ?? [], figures, patchSorted(hostLoads[at]!.flows, left, on));
  }
  const linkLoads = prev.links.slice();
  for (const [id, { left, on }] of links) {
    const link = state.index.links.get(id);
    const at = indexById(linkLoads, id, (l) => l.link);
    if (!link || at < 0) continue;
    linkLoads[at] = linkLoadOf(link, ledger.links.get(id), patchSorted(linkLoads[at]!.flows, left, on));
  }
  const summaries = prev.flows.slice();
  for (const flow of flows) summaries[positionsOf(state).get(flow.id)!] = figuresOf(state).get(flow.id)!.summary;
  // Problems are gathered from every flow's figures; when the flows estimated again had none, before or now, they are as they were.
  const problemsMoved = flows.some((f) => (figuresOf(state).get(f.id)?.problems.length ?? 0) > 0) || [...before.values()].some((b) => b.problems);
  return { flows: summaries, hosts: hostLoads, links: linkLoads, problems: problemsMoved ? problemsOf(figures, state.hardware) : prev.problems };
}

/** A fresh ledger of the state's flows (their current figures and traces). */
export function ledgerOf(state: SessionState): NonNullable<SessionState['ledger']> {
  const figures = sortedFiguresOf(state);
  return { ...buildLedger(figures, state.traces), figures };
}

/** Every flow's figures in `sorted` order, as a ledger lists them. */
export function sortedFiguresOf(state: SessionState): FlowFigures[] {
  const byId = figuresOf(state);
  return state.sorted.map((f) => byId.get(f.id)!);
}

/** The traces lined up with `sorted`: the kept list when there is one, else looked up by flow id. */
export function traceListOf(state: SessionState): FlowTrace[] {
  if (state.traceList?.length === state.sorted.length) return state.traceList;
  return state.sorted.map((f) => state.traces.get(f.id)!);
}

/** The exposure result of a state (SPEC §4 arrays, sorted). */
export function resultOf(state: SessionState): ExposureAnalysis {
  // Findings sort by rule first, and each rule's list comes sorted: joining the lists in rule-id
  // order is the sorted whole, without sorting tens of thousands of findings after every edit.
  // Each list is checked once (an edit re-runs a few rules and keeps the other lists), and where
  // two lists meet.
  const lists: Finding[][] = [];
  let sorted = true;
  let last: Finding | undefined;
  for (const id of [...state.findings.keys()].sort(compareIds)) {
    const list = state.findings.get(id)!;
    if (list.length === 0) continue;
    if (sorted) sorted = listSorted(list) && (last === undefined || compareFindings(last, list[0]!) <= 0);
    last = list[list.length - 1];
    lists.push(list);
  }
  // Joined natively (18,000 findings at 1,000 hosts, after every edit).
  const findings = new Array<Finding>().concat(...lists);
  if (!sorted) findings.sort(compareFindings);
  return { links: state.links, flows: resultRowsOf(state), exposures: state.exposures, findings, requirements: state.requirements };
}

/** The rules' lists of findings found in order, each checked once (`resultOf`): an edit keeps most lists as they were. */
const sortedLists = new WeakSet<readonly Finding[]>();

/**
 * A rule's findings after an edit: `kept`, what it kept of `previous` (in that order), merged with
 * `fresh` (sorted, as `runRules` returns them). In order whenever `previous` was, so when that is
 * known the list is noted as in order and `resultOf` does not check it again: a list of 15,000
 * failed requirements, or the busy links' findings, whose subject lists share thousands of flows.
 */
export function mergeKept(previous: readonly Finding[], kept: readonly Finding[], fresh: readonly Finding[]): Finding[] {
  const merged = mergeFindings(kept, fresh);
  if (sortedLists.has(previous)) sortedLists.add(merged);
  return merged;
}

function listSorted(findings: readonly Finding[]): boolean {
  if (sortedLists.has(findings)) return true;
  for (let i = 1; i < findings.length; i++) if (compareFindings(findings[i - 1]!, findings[i]!) > 0) return false;
  sortedLists.add(findings);
  return true;
}
