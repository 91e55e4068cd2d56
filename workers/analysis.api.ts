/**
 * The analysis API the app's Web Worker and the CLI's worker thread expose through Comlink.
 * A plain object of engine calls, so it runs and is tested in Node without any worker; every
 * argument and result is structured-clone data (STYLE "Layers").
 */
import type { PackedExposures } from '../src/engine/exposure/exposure-table.ts';
import { exposureViews, type ExposureViews } from './exposure-changes.ts';
import { releaseProxy } from 'comlink';
import { parse as parseYaml } from 'yaml';
import { createAnalysisSession, type AnalysisSession } from '../src/engine/analysis-session.ts';
import { shareUnchanged } from '../src/engine/session/scenario-changes.ts';
import type { AnalysisProgressEvent } from '../src/engine/session/session-state.ts';
import {
  listAt,
  markKept,
  sliceItems,
  slicePatch,
  splitFlows,
  splitModel,
  splitTopology,
  splitResponse,
  type ModelMessage,
  type PartSlice,
  type PartsPlan,
  type SlicePatch,
} from './analysis-parts.ts';
import { analyzeScenario } from '../src/engine/analyze-scenario.ts';
import type { ExposureSummary } from './exposure-summary.ts';
import { traceFlow } from '../src/engine/exposure/build-traces.ts';
import { createTraceContext } from '../src/engine/exposure/trace-context.ts';
import { createUnderlayRouter } from '../src/engine/graph/underlay-router.ts';
import { indexScenario, type ScenarioIndex } from '../src/engine/scenario-index.ts';
import { compareProtections, type Comparison } from '../src/engine/throughput/compare-protections.ts';
import { estimateFlowDetail } from '../src/engine/throughput/estimate-throughput.ts';
import type { Analysis, Exposure, FlowTrace, Reason } from '../src/engine/types.ts';
import { findingHead, hostLoadHead, linkLoadHead, type FindingHead, type HostLoadHead, type LinkLoadHead } from './result-heads.ts';
import { rowsArray } from '../src/engine/row-list.ts';
import { buildAttackerKnowledge } from '../src/engine/exposure/attacker-knowledge.ts';
import { exposeFlow } from '../src/engine/exposure/expose-flow.ts';
import { parseEdited, parseScenario, type CleanReading, type ParseOptions } from '../src/model/parse-scenario.ts';
import { serializeScenario } from '../src/model/serialize-scenario.ts';
import type { Diagnostic, ParseResult, Scenario } from '../src/model/types.ts';
import { validateScenarioObject } from '../src/model/validate-scenario-object.ts';
import { importDeployment as importOutputs, type ImportOptions } from '../src/import/import-deployment.ts';
import type { ImportResult } from '../src/import/types.ts';
import { generateDatacenter, type DatacenterOptions } from '../src/generate/generate-datacenter.ts';
import { exportReport, reportFileNames, reportFiles, type ReportRequest } from '../src/report/export-report.ts';
import { buildDiffReport } from '../src/report/diff/build-diff-report.ts';
import { diffSummary, diffTables, type DiffTable } from '../src/report/diff/diff-tables.ts';
import type { DiffReport } from '../src/report/diff/diff-types.ts';
import packageJson from '../package.json' with { type: 'json' };
import { HeldTexts, type TextEdit } from '../src/model/text-edit.ts';
import { blobOf } from './blob-of.ts';
import { comparisonOf, packComparison, transferredComparison, type PackedComparison, type PackedParts } from './packed-comparison.ts';

/** A scenario to work on: file text (parsed) or a model object (validated), and analysis options. */
export interface AnalysisRequest {
  text?: string;
  model?: Scenario;
  /** Name shown in diagnostics of `text`. */
  fileName?: string;
  /** Restrict exposures and requirements to these attackers. */
  attackers?: string[];
  /**
   * Answer a large analysis as a skeleton plus `parts` to fetch with `analysisPart`, so that no
   * single message takes the receiving thread long to deserialise (the app sets it).
   */
  inParts?: boolean;
  /**
   * With `inParts`: the id of the last response in parts the caller put together whole. Slices of
   * the answer that repeat it (the same objects at the same place) are marked `kept`.
   */
  have?: number;
  /** Names this request's text, so that later requests can send an edit of it (`textEdit`). */
  textId?: number;
  /**
   * A file being opened: with a model callback and when the file lists at least this many flows,
   * its topology goes to the caller as soon as it is read, before the flows are
   * (parse-scenario.ts `onTopology`), then the flows.
   */
  topologyFirst?: number;
  /**
   * A file opened (another topology than the last) with at least this many flows is answered with
   * the one-shot analysis, and the analysis session's state is built afterwards in idle time
   * (`SessionOptions.oneShotFirst`); default `ONE_SHOT_FROM`.
   */
  oneShotFrom?: number;
  /**
   * Instead of `text`: an edit of the text of an earlier request to this worker (its `textId`,
   * `base`). A worker that does not hold that text (it restarted) throws `TEXT_BASE_MISSING`.
   */
  textEdit?: TextEdit & { base: number };
}

/** Diagnostics always; the model when valid; the analysis when it ran. */
export interface AnalysisResponse {
  diagnostics: Diagnostic[];
  model?: Scenario;
  analysis?: Analysis;
  /** Per attacker, its tallies and where its pairs are in `analysis.exposures` (with `analysis`). */
  summary?: ExposureSummary;
  /** With `inParts`: the slices that carry the large lists left empty in this response. */
  parts?: PartsPlan;
  /** With `inParts`: the exposures, packed (`analysis.exposures` is then empty; the page reads these by position). */
  packed?: PackedExposures;
  /**
   * With `inParts`: the findings without their reasons (`analysis.findings` is then empty); the
   * reasons of one come from `findingReasons`.
   */
  findings?: FindingHead[];
  /**
   * With `inParts`: the host and link loads without their flow lists (`analysis.throughput.hosts`
   * and `links` are then empty).
   */
  loads?: { hosts: HostLoadHead[]; links: LinkLoadHead[] };
}

/** Progress of a long analysis, reported phase by phase (the engine's event: with `paths`, the link statuses). */
export type AnalysisProgress = AnalysisProgressEvent;

/** Progress callback; across a worker it is a `Comlink.proxy`, whose calls return promises. */
export type ProgressCallback = (progress: AnalysisProgress) => void | Promise<void>;

/** Receives the parsed model ahead of its analysis, message by message (see `splitModel`); a `Comlink.proxy` across a worker. */
export type ModelCallback = (message: ModelMessage) => void | Promise<void>;

const DEFAULT_FILE_NAME = 'scenario.yaml';

/**
 * Files of at least this many flows are answered one-shot first (`AnalysisRequest.oneShotFrom`).
 * In Chromium the 5,000-host region (250,000 flows) showed its analysis after 17.8–19.4 s against
 * 21.2–21.8 s; the 1,000-host one (50,000 flows) no sooner in the noise. The cost is an edit made
 * before the state is built, which waits for it: right after the analysis arrived, a port edit's
 * result came after 9.9 s against 3.0 s at 5,000 hosts, and after 2.2 s against 0.8 s at 1,000
 * hosts (docs/performance.md, "A file opened, answered one-shot first").
 */
export const ONE_SHOT_FROM = 100_000;

/** The threshold of the request being analysed (`oneShotFrom`), read when a session analyses afresh. */
let oneShotFrom = ONE_SHOT_FROM;

/**
 * The last text parsed, with its file name: the app asks for an analysis, then per-flow detail, of
 * one text; and with its clean reading, so that the next text, usually one edit away, is read only
 * where it changed.
 */
let parsed: { text: string; fileName: string; result: ParseResult; reading?: CleanReading } | undefined;

/** The text of the last request that named one (`textId`): what the next request's `textEdit` edits. */
const held = new HeldTexts(1);

/**
 * The request with its text whole, made from the held text when it came as an edit of it. Called
 * first thing in every call that takes a request, before anything is awaited: calls arrive in the
 * order they were sent, and so do the texts they name.
 */
function withText(sent: AnalysisRequest): AnalysisRequest {
  const { textEdit, textId } = sent;
  const text = textEdit ? held.edited(textEdit.base, textEdit) : sent.text;
  if (text !== undefined && textId !== undefined) held.hold(textId, text);
  if (!textEdit) return sent;
  const { textEdit: _edit, ...rest } = sent;
  return { ...rest, text };
}

function load(request: AnalysisRequest, onTopology?: ParseOptions['onTopology']): ParseResult {
  const ahead = onTopology ? { onTopology, topologyFrom: request.topologyFirst ?? 0 } : {};
  if (request.text !== undefined) {
    const fileName = request.fileName ?? DEFAULT_FILE_NAME;
    // Detail requests name no file; the model does not depend on the name, only diagnostics do.
    if (parsed?.text === request.text && (parsed.fileName === fileName || request.fileName === undefined))
      return parsed.result;
    const { result, reading } = parseEdited(request.text, parsed?.reading, { fileName, ...ahead });
    parsed = { text: request.text, fileName, result, ...(reading ? { reading } : {}) };
    return result;
  }
  if (request.model !== undefined) return validateScenarioObject(request.model);
  throw new TypeError('analysis request needs `text` or `model`');
}

function hasErrors(result: ParseResult): boolean {
  return result.model === undefined || result.diagnostics.some((d) => d.severity === 'error');
}

/** Lets a Comlink proxied callback go, so its message port does not keep the caller alive. */
function release(callback: ProgressCallback | ModelCallback | undefined): void {
  const release = (callback as { [releaseProxy]?: unknown } | undefined)?.[releaseProxy];
  if (typeof release === 'function') (release as () => void)();
}

/** The analysis with its flow lists as plain lists (a table's methods do not survive the copy to the page). */
function withPlainFlows(analysis: Analysis): Analysis {
  if (Array.isArray(analysis.flows) && Array.isArray(analysis.throughput.flows)) return analysis;
  return { ...analysis, flows: rowsArray(analysis.flows), throughput: { ...analysis.throughput, flows: rowsArray(analysis.throughput.flows) } };
}

/** What per-flow detail (hop stacks, the throughput breakdown) reads: the scenario, its index and flow traces. */
interface FlowDetailRun {
  scenario: Scenario;
  index: ScenarioIndex;
  /** The trace of one flow, undefined for an unknown id. */
  trace(flowId: string): FlowTrace | undefined;
}

/**
 * The analysis session of the last analysed text (issue 8): the next text, usually one edit away,
 * is re-analysed incrementally, and per-flow detail reads the session's traces.
 */
let current: { text: string; attackers: string; session: AnalysisSession; traced?: Map<string, FlowTrace> } | undefined;

/** The findings of a text this worker did not analyse in its session, for `findingReasons` (a second worker). */
let findingsCache: { text: string; attackers: string; findings: Analysis['findings'] } | undefined;

/** Detail of a text this worker did not analyse (the app asks a second worker): flows traced one by one. */
let detailCache: { text: string; run: FlowDetailRun } | undefined;

function runOf(request: AnalysisRequest, model: Scenario): FlowDetailRun {
  if (request.text !== undefined && current?.text === request.text) {
    const { scenario, index, traces } = current.session.detail;
    if (current.session.built) return { scenario, index, trace: (id) => traces.get(id) };
    // A one-shot analysis keeps no traces and traces a flow again when asked: kept here once asked for.
    const asked = (current.traced ??= new Map());
    const trace = (id: string): FlowTrace | undefined => {
      let t = asked.get(id);
      if (!t) {
        t = traces.get(id);
        if (t) asked.set(id, t);
      }
      return t;
    };
    return { scenario, index, trace };
  }
  if (request.text !== undefined && detailCache?.text === request.text) return detailCache.run;
  // A trace depends on the scenario alone, so one flow is traced without analysing the others.
  const index = indexScenario(model);
  const ctx = createTraceContext(index, createUnderlayRouter(index));
  const traced = new Map<string, FlowTrace>();
  const trace = (id: string): FlowTrace | undefined => {
    const flow = index.flows.get(id);
    if (!flow) return undefined;
    let t = traced.get(id);
    if (!t) traced.set(id, (t = traceFlow(flow, ctx)));
    return t;
  };
  const run = { scenario: model, index, trace };
  if (request.text !== undefined) detailCache = { text: request.text, run };
  return run;
}

/** The full estimate breakdown of one flow (SPEC T6). */
function flowEstimate(run: FlowDetailRun, flowId: string): ReturnType<typeof estimateFlowDetail> {
  const trace = run.trace(flowId);
  return trace
    ? estimateFlowDetail(
        { scenario: run.scenario, index: run.index, traces: new Map([[flowId, trace]]) },
        flowId,
      )
    : undefined;
}

/**
 * What `reportFiles` asks: a report request with its text (whole, or as an edit of the text this
 * worker holds), the stem of the files' names and, with `fromSession`, only from the analysis
 * session of this very text (else it answers `held: false` and makes nothing).
 */
export type ReportFilesRequest = Omit<ReportRequest, 'topologyFile' | 'chartFile' | 'text' | 'comparison'> &
  Pick<AnalysisRequest, 'text' | 'textId' | 'textEdit'> & {
    stem: string;
    fromSession?: boolean;
    /** The protection comparison of this text, worked out elsewhere: the page sends the packed parts it received (`PackedParts`). */
    comparison?: Comparison | PackedParts;
  };

/** Whether the current session holds the analysis of this very request (answered at once). */
function isAnalysed(request: AnalysisRequest): boolean {
  return (
    request.text !== undefined &&
    current?.text === request.text &&
    current.attackers === JSON.stringify(request.attackers ?? null)
  );
}

/** Analyses through the current session when the options match (an update), else in a new session. */
function analyzeText(
  text: string,
  model: Scenario,
  attackers: string[] | undefined,
  onProgress: (p: AnalysisProgress) => void,
): Analysis {
  const key = JSON.stringify(attackers ?? null);
  if (current?.attackers === key) {
    const { session } = current;
    if (current.text === text) return session.analysis;
    current = undefined;
    try {
      const analysis = session.update(model, onProgress);
      current = { text, attackers: key, session };
      onProgress({ phase: 'update', done: 1, total: 1 });
      return analysis;
    } catch {
      // A failed update may have left the session half-changed: start afresh below.
    }
  }
  current = undefined;
  // A file opened: answered with a one-shot analysis, the state edits need built in idle time.
  const session: AnalysisSession = createAnalysisSession(
    model,
    { ...(attackers ? { attackers } : {}), oneShotFirst: (s) => s.flows.length >= oneShotFrom, onBuilt: (built) => rebaseOnBuilt(session, built) },
    onProgress,
  );
  current = { text, attackers: key, session };
  detailCache = undefined;
  return session.analysis;
}

/**
 * Builds what the session's first edit would otherwise build, a slice of a piece per task, once the
 * result is out (first the session's state, when a one-shot analysis answered): a message that
 * arrives meanwhile waits for one slice at most (the pieces' under about 0.35 s at 5,000 hosts, the
 * state's under about 0.9 s, a rule; a piece made at once took up to 2.6 s).
 */
function prepareWhenIdle(): void {
  // Its own session's: a file opened meanwhile starts another session, prepared after its answer.
  const session = current?.session;
  idleWork.pending = true;
  setTimeout(function step() {
    if (!session || current?.session !== session) return;
    // The user is busy with the page (`holdIdleWork`): the cores are the page's until a while after.
    const held = idleHeldUntil - performance.now();
    if (held > 0) return void setTimeout(step, held);
    idleWork.steps++;
    if (session.prepare()) setTimeout(step, 0);
    else idleWork.pending = false;
  }, 0);
}

/** Until when idle-time work waits (`holdIdleWork`), on this worker's `performance.now()` clock. */
let idleHeldUntil = 0;
/** Whether idle-time work is under way, and how many steps of it ran (`idleWork`). */
const idleWork = { pending: false, steps: 0 };

/** The exposure summary and packing of the last analysis, for the next one to start from (exposure-changes.ts). */
let lastViews: ExposureViews | undefined;

let partsCount = 0;
/** The last two responses answered in parts, with the model sent ahead of each: what a caller's `have` may name. */
let recent: {
  id: number;
  response: Record<string, unknown>;
  plan: PartsPlan;
  model?: Scenario;
  modelSlices?: PartSlice[];
  /** The response the plan's patched slices are patches of (`PartSlice.patch`). */
  basis?: Record<string, unknown>;
  /** The session whose one-shot analysis answered it, before its state was built (`rebaseOnBuilt`). */
  oneShotOf?: AnalysisSession;
}[] = [];

/**
 * Once a session started one-shot first has built its state (`onBuilt`, before any edit is
 * applied to it): the responses answered from its one-shot analysis are made again from the built state's (the same values, the session's own
 * objects) and kept in their place, with their plans. An edit's response marks its slices kept by
 * identity against the response the caller has (`markKept`), and an edit's result shares the built
 * state's objects: without this, the first edit after a file was opened would send everything.
 */
function rebaseOnBuilt(session: AnalysisSession, analysis: Analysis): void {
  for (const entry of recent) {
    if (entry.oneShotOf !== session) continue;
    entry.oneShotOf = undefined;
    const was = entry.response as unknown as AnalysisResponse;
    const views = { summary: was.summary!, ...(was.packed ? { packed: was.packed } : {}) };
    const head = { diagnostics: was.diagnostics, ...(was.model ? { model: was.model } : {}) };
    const response = responseOf(head, withPlainFlows(analysis), views, true) as unknown as Record<string, unknown>;
    // Lists of the same lengths where the plan cuts them, as equal analyses have (else left as it was).
    if (entry.plan.slices.every((slice) => listAt(response, slice.path).length === listAt(entry.response, slice.path).length)) entry.response = response;
  }
}

/**
 * The response to an analysis request: `head` (diagnostics, and the model when it was not sent
 * ahead), the analysis and its exposure views; for a caller that takes it in parts (`inParts`),
 * the findings and loads as heads and the exposures packed.
 */
function responseOf(head: Pick<AnalysisResponse, 'diagnostics' | 'model'>, analysis: Analysis, views: Pick<ExposureViews, 'summary' | 'packed'>, inParts: boolean): AnalysisResponse {
  const response: AnalysisResponse = { ...head, analysis, summary: views.summary };
  const packed = views.packed;
  if (inParts) {
    const { throughput } = analysis;
    response.analysis = { ...response.analysis!, findings: [], throughput: { ...throughput, hosts: [], links: [] } };
    response.findings = analysis.findings.map(findingHead);
    response.loads = { hosts: throughput.hosts.map(hostLoadHead), links: throughput.links.map(linkLoadHead) };
  }
  if (packed) {
    response.analysis = { ...response.analysis!, exposures: [] };
    response.packed = packed;
  } else if (!Array.isArray(analysis.exposures)) {
    // Not packed: the pairs travel as a list (a table's methods do not survive the copy).
    response.analysis = { ...response.analysis!, exposures: [...analysis.exposures] };
  }
  return response;
}
/** The id of the last response when it was answered in parts (the last of `recent`), until the next analysis. */
let partsOf: number | undefined;

/** The API object; `Comlink.expose(analysisApi)` in a worker, called directly in tests. */
export const analysisApi = {
  /**
   * Parses or validates the scenario and, when it is valid, analyses it (SPEC §2, §4). With
   * `onModel`, the model goes there as soon as it is parsed — before the analysis, which takes
   * seconds for a large region — and is left out of the response; unless the analysis of this very
   * text is at hand already, which then comes with its model as usual.
   */
  async analyze(
    received: AnalysisRequest,
    onProgress?: ProgressCallback,
    onModel?: ModelCallback,
  ): Promise<AnalysisResponse> {
    try {
      const request = withText(received);
      oneShotFrom = request.oneShotFrom ?? ONE_SHOT_FROM;
      // The engine is synchronous; keep what the callbacks return so the result is posted only
      // after every progress and model message was handled (Comlink orders no port against another).
      const pending: unknown[] = [];
      const early = onModel !== undefined && !isAnalysed(request);
      // A file being opened: its topology is sent while its flows are still being read.
      let topologySlices: PartSlice[] | undefined;
      const onTopology =
        early && request.topologyFirst !== undefined
          ? (topology: Scenario, flowCount: number): void => {
              const messages = splitTopology(topology, flowCount);
              topologySlices = messages[0].slices;
              for (const message of messages) pending.push(onModel(message));
            }
          : undefined;
      const loaded = load(request, onTopology);
      if (hasErrors(loaded)) {
        await Promise.all(pending);
        return { diagnostics: loaded.diagnostics };
      }
      let model = loaded.model as Scenario;
      const id = ++partsCount;
      // What the caller put together whole last time (see `have`): its model's and result's
      // slices that come again unchanged are marked kept rather than sent.
      const basis = recent.find((r) => r.id === request.have);
      // An edit of the session's scenario: the entities it left alone become the session's own
      // objects, compared by identity from here on and kept by the caller.
      if (request.text !== undefined && current?.text !== request.text && current?.attackers === JSON.stringify(request.attackers ?? null))
        model = shareUnchanged(current.session.detail.scenario, model);
      const progress = (p: AnalysisProgress): void => void pending.push(onProgress?.(p));
      // Each message is serialised as it is posted, all before the analysis starts: the receiver
      // unpacks them while the engine runs. The same bytes used to follow the analysis instead.
      let modelSlices: PartSlice[] | undefined;
      if (early && topologySlices) {
        const flows = splitFlows(model, topologySlices);
        modelSlices = flows.slices;
        for (const message of flows.messages) pending.push(onModel(message));
      } else if (early) {
        const messages = splitModel(model, basis?.model && basis.modelSlices ? { model: basis.model, slices: basis.modelSlices } : undefined);
        modelSlices = messages[0].slices;
        for (const message of messages) pending.push(onModel(message));
      }
      const analysed =
        request.text !== undefined
          ? analyzeText(request.text, model, request.attackers, progress)
          : analyzeScenario(model, {
              ...(request.attackers ? { attackers: request.attackers } : {}),
              onProgress: progress,
            });
      await Promise.all(pending);
      // A cipher edit's flows come as rows made when read (`PatchedRows`): made here, as they travel.
      const analysis = withPlainFlows(analysed);
      // Most pairs are plain `none` (88 % at 1,000 hosts): the page makes one when asked for it
      // instead of deserialising them. After an edit, summary and packing follow the pairs it changed.
      const views = exposureViews(analysis.exposures, rowsArray(analysis.flows), request.inParts === true, lastViews);
      lastViews = views;
      const response = responseOf({ diagnostics: loaded.diagnostics, ...(early ? {} : { model }) }, analysis, views, request.inParts === true);
      const split = request.inParts ? splitResponse(response as unknown as Record<string, unknown>, id, undefined, basis) : undefined;
      partsOf = split ? id : undefined;
      if (split) {
        if (basis) markKept(split.plan, response as unknown as Record<string, unknown>, basis, { patches: true });
        const patched = basis !== undefined && split.plan.slices.some((s) => s.patch);
        // Answered from a one-shot analysis: made again from the session's built state once there is one.
        const oneShot = current !== undefined && !current.session.built && current.session.analysis === analysed ? { oneShotOf: current.session } : {};
        const sent = { id, response: response as unknown as Record<string, unknown>, plan: split.plan, ...(patched ? { basis: basis.response } : {}), ...oneShot };
        recent = [...recent.slice(-1), modelSlices ? { ...sent, model, modelSlices } : sent];
      }
      // A response in parts is out once its last part is fetched.
      if (!split) prepareWhenIdle();
      return split ? { ...(split.skeleton as unknown as AnalysisResponse), parts: split.plan } : response;
    } finally {
      release(onProgress);
      release(onModel);
    }
  },

  /**
   * The user is busy with the page (a gesture on the map, in the app): idle-time work (the
   * session's state after a one-shot answer, the pieces the first edit reads) waits until `ms`
   * after this call. Both cores are the page's meanwhile: on a 2-core machine a worker building
   * a session's state took frames of a pan from 16.7 to 33 ms (95th percentile), garbage
   * collection helpers included.
   */
  async holdIdleWork(ms: number): Promise<void> {
    idleHeldUntil = Math.max(idleHeldUntil, performance.now() + ms);
  },

  /** Whether idle-time work is under way, and how many of its steps ran so far (for tests and benchmarks). */
  async idleWork(): Promise<{ pending: boolean; steps: number }> {
    return { ...idleWork };
  },

  /**
   * Slice `index` of the last response answered in parts (`inParts`): its items, or for a patched
   * slice (`PartSlice.patch`) the patch to the caller's copy of the basis, unless `whole` asks
   * for the items anyway (a caller without that copy).
   */
  async analysisPart(id: number, index: number, whole = false): Promise<unknown[] | SlicePatch> {
    const parts = partsOf === id ? recent.at(-1) : undefined;
    const slice = parts?.plan.slices[index];
    if (!parts || !slice) throw new Error(`analysis part ${id}/${index} is no longer available`);
    if (index === parts.plan.slices.length - 1) prepareWhenIdle();
    if (slice.patch && parts.basis && !whole) return slicePatch(parts.response, parts.basis, slice);
    return sliceItems(parts.response, slice);
  },

  /** Diagnostics of scenario text, and the model when it is valid (SPEC §1.2). */
  async validate(text: string, fileName: string = DEFAULT_FILE_NAME): Promise<ParseResult> {
    return parseScenario(text, { fileName });
  },

  /** Path and header stacks of one flow for the hop diagram; undefined if invalid or unknown. */
  async traceFlow(sent: AnalysisRequest, flowId: string): Promise<FlowTrace | undefined> {
    const request = withText(sent);
    const loaded = load(request);
    if (hasErrors(loaded)) return undefined;
    return runOf(request, loaded.model as Scenario).trace(flowId);
  },

  /**
   * The same scenario under each protection alternative of SPEC T8 (MTU left, slowest flow, crypto
   * cores, what stays exposed); with `only`, just those rows (the page asks two workers for a half
   * each, `COMPARISON_HALVES`); undefined when the scenario is invalid.
   */
  async compare(sent: AnalysisRequest, only?: readonly string[], packed?: boolean): Promise<Comparison | PackedComparison | undefined> {
    const request = withText(sent);
    const loaded = load(request);
    if (hasErrors(loaded)) return undefined;
    const comparison = compareProtections(loaded.model as Scenario, undefined, only);
    // Packed, each flow id crosses once (the app unpacks it: `unpackComparison`).
    return packed ? transferredComparison(packComparison(comparison)) : comparison;
  },

  /** Why one flow's throughput estimate is what it is: binding limit, dominant cost term (SPEC T6). */
  async explainThroughput(sent: AnalysisRequest, flowId: string): Promise<string[] | undefined> {
    const request = withText(sent);
    const loaded = load(request);
    if (hasErrors(loaded)) return undefined;
    return flowEstimate(runOf(request, loaded.model as Scenario), flowId)?.reasons;
  },

  /** A flow's hop stacks and the reasons behind its estimate, in one call (the app's flow view). */
  async flowDetail(
    sent: AnalysisRequest,
    flowId: string,
  ): Promise<{ trace?: FlowTrace; reasons?: string[] }> {
    const request = withText(sent);
    const loaded = load(request);
    if (hasErrors(loaded)) return {};
    const run = runOf(request, loaded.model as Scenario);
    const trace = run.trace(flowId);
    const reasons = flowEstimate(run, flowId)?.reasons;
    return { ...(trace ? { trace } : {}), ...(reasons ? { reasons } : {}) };
  },

  /**
   * One flow × attacker pair's exposure with its vantages and reasons (SPEC X4–X9): the page holds
   * only each pair's level and tamper bit (packed-exposures.ts). Read where the analysis left it
   * (exposeFlow on the session's trace of the flow, as the analysis's table makes it when read), or,
   * for a text this worker has not analysed, from that flow alone; undefined for an unknown flow or
   * attacker, or an invalid text.
   */
  async exposureDetail(sent: AnalysisRequest, flowId: string, attackerId: string): Promise<Exposure | undefined> {
    const request = withText(sent);
    const loaded = load(request);
    if (hasErrors(loaded)) return undefined;
    const run = runOf(request, loaded.model as Scenario);
    const flow = run.index.flows.get(flowId);
    const attacker = run.scenario.attackers.find((a) => a.id === attackerId);
    const trace = run.trace(flowId);
    return flow && attacker && trace ? exposeFlow(flow, trace, buildAttackerKnowledge(attacker, run.index), run.index) : undefined;
  },

  /**
   * The reasons of finding `index` (its place in the analysis's findings, SPEC §4) of the text with
   * these attackers: the page holds each finding without them (`FindingHead`). Read from the
   * session when it holds this very analysis; else the text is analysed once here and its findings
   * kept for the next question. Undefined for an index past the end or an invalid text.
   */
  async findingReasons(sent: AnalysisRequest, index: number): Promise<Reason[] | undefined> {
    const request = withText(sent);
    if (isAnalysed(request)) return current!.session.analysis.findings[index]?.reasons;
    const key = JSON.stringify(request.attackers ?? null);
    const cached = request.text !== undefined && findingsCache?.text === request.text && findingsCache.attackers === key ? findingsCache : undefined;
    let findings = cached?.findings;
    if (!findings) {
      const loaded = load(request);
      if (hasErrors(loaded)) return undefined;
      findings = analyzeScenario(loaded.model as Scenario, request.attackers ? { attackers: request.attackers } : {}).findings;
      findingsCache = request.text === undefined ? undefined : { text: request.text, attackers: key, findings };
    }
    return findings[index]?.reasons;
  },

  /** The model as scenario YAML, as the app saves it. */
  async serialize(model: Scenario): Promise<string> {
    return serializeScenario(model);
  },

  /** Imports status-command outputs (issue 6) for the app's preview; the YAML is what gets opened. */
  async importDeployment(
    files: { name: string; text: string }[],
    options: ImportOptions = {},
  ): Promise<ImportPreview> {
    const result = importOutputs(files, options);
    const yaml = serializeScenario(result.scenario);
    return { ...result, yaml, entities: entitiesOf(yaml) };
  },

  /**
   * The scenario report (issue 5) through the same `exportReport` the CLI uses, with the same
   * version line, so the app's HTML equals `plainsight report` for the same text and date; as
   * files to download, each made into a Blob here: a 1,000-host region's HTML report is about
   * 100 MB of text, and copying it to the page and encoding it into a Blob there held the page for
   * 1.7–1.9 s, where a Blob reaches the page as a handle.
   * `stem` names the files (the scenario file's name without its extension, `reportFileNames`),
   * and a Markdown report links its SVGs by those names.
   */
  async reportFiles(request: ReportFilesRequest): Promise<{ diagnostics: Diagnostic[]; files?: { name: string; blob: Blob }[]; held?: false }> {
    const { stem, fromSession, textId: _id, textEdit: _edit, comparison: carried, ...rest } = withText(request as AnalysisRequest) as ReportFilesRequest;
    if (rest.text === undefined) throw new TypeError('a report needs the scenario text');
    const ask = { ...rest, text: rest.text, ...(carried !== undefined ? { comparison: comparisonOf(carried) } : {}) };
    // The analysis session's own model, analysis and traces when it holds this very text.
    const held = isAnalysed(ask) && current ? { model: current.session.detail.scenario, analysis: current.session.analysis, traces: current.session.detail.traces } : undefined;
    if (fromSession && !held) return { diagnostics: [], held: false };
    const names = reportFileNames(stem);
    const { diagnostics, report } = exportReport({ version: packageJson.version, ...ask, topologyFile: names.topologyFile, chartFile: names.chartFile }, held);
    if (!report) return { diagnostics };
    return { diagnostics, files: reportFiles(report, names).map((f) => ({ name: f.name, blob: blobOf(f.parts, f.type) })) };
  },

  /** What changed between two versions of a scenario (issue 5 "compare with saved version"). */
  async diffVersions(request: { before: DiffSide; after: DiffSide; date: string }): Promise<DiffResult> {
    const before = parseScenario(request.before.text, { fileName: request.before.fileName });
    const after = parseScenario(request.after.text, { fileName: request.after.fileName });
    if (hasErrors(before) || hasErrors(after))
      return {
        invalid: [
          ...(hasErrors(before) ? [request.before.fileName] : []),
          ...(hasErrors(after) ? [request.after.fileName] : []),
        ],
      };
    const report = buildDiffReport({
      before: { ...request.before, model: before.model as Scenario },
      after: { ...request.after, model: after.model as Scenario },
      date: request.date,
      version: packageJson.version,
    });
    return { report, tables: diffTables(report.diff), summary: diffSummary(report.diff) };
  },

  /** A generated leaf–spine data centre (issue 8) as scenario YAML. */
  async generateSample(options: SampleOptions): Promise<string> {
    const model = generateDatacenter(options);
    // TODO(generator): it can pick a VM as its own peer in a small tenant network, which the
    // validator rejects (a flow needs two endpoints); drop those until the generator avoids them.
    return serializeScenario({ ...model, flows: model.flows.filter((f) => f.from !== f.to) });
  },
};

/** An import preview: the importer's result plus the scenario as YAML (what "open" or "merge" uses). */
export interface ImportPreview extends ImportResult {
  yaml: string;
  /** The top-level entities as written in `yaml`, in file order (what a merge appends). */
  entities: { collection: string; value: Record<string, unknown> }[];
}

/** Every `{ id, … }` item of the top-level lists of a scenario file, as written. */
function entitiesOf(yaml: string): ImportPreview['entities'] {
  const root = parseYaml(yaml) as Record<string, unknown> | null;
  return Object.entries(root ?? {}).flatMap(([collection, list]) =>
    Array.isArray(list)
      ? list
          .filter((v): v is Record<string, unknown> => typeof (v as { id?: unknown } | null)?.id === 'string')
          .map((value) => ({ collection, value }))
      : [],
  );
}

/** One version of a scenario to compare. */
export interface DiffSide {
  text: string;
  fileName: string;
}

/** A diff as report data and display tables, or the names of the versions that do not parse. */
export type DiffResult = { report: DiffReport; tables: DiffTable[]; summary: string } | { invalid: string[] };

/** Sizes the app offers for "Generate a sample data centre" (a few flows per VM keep it quick). */
export type SampleOptions = DatacenterOptions;

/** The API's type, for `Comlink.wrap<AnalysisApi>(worker)`. */
export type AnalysisApi = typeof analysisApi;
