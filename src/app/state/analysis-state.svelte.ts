/**
 * Results of the latest analysis of the scenario text: diagnostics, the normalised model and the
 * analysis. Runs are debounced and latest-wins; while the text is invalid the last good model and
 * analysis stay on screen (marked stale) so an edit in progress never blanks the canvas. A large
 * file being opened shows its model as soon as the worker has parsed it, with no analysis until
 * that arrives (a preview); edits and small files show model and analysis together.
 */
import type { Diagnostic, Scenario } from '../../model/types.ts';
import type { Exposure, FlowTrace, LinkStatus, Reason } from '../../engine/types.ts';
import { summarizeExposures, type ExposureSummary } from '../../../workers/exposure-summary.ts';
import {
  isSuperseded,
  nextTask,
  type AnalysisClient,
  type ModelUpdate,
  type PageAnalysis,
  type PageFinding,
  type Progress,
} from '../analysis-client.ts';

/** Quiet time after the last keystroke before re-analysing typed text (finished edits go at once). */
const DEBOUNCE_MS = 250;

/**
 * From this many flows an opened file is previewed. The analysis time grows with the flows: 5,000
 * take about 0.35 s on the benchmark machine (bench/results/engine-latest.json, 100 hosts), the
 * point where waiting becomes noticeable; smaller files keep arriving as one analysed picture.
 */
export const PREVIEW_FLOWS = 5_000;

/** When to analyse a scheduled text. */
export interface ScheduleOptions {
  /** At once instead of after the debounce delay. */
  now?: boolean;
  /** The text is a file just opened (not an edit): a large one may be previewed. */
  opening?: boolean;
}

export class AnalysisState {
  diagnostics = $state.raw<Diagnostic[]>([]);
  model = $state.raw<Scenario | undefined>(undefined);
  /** The shown analysis; its `exposures` are read by position, never walked (see `PageAnalysis`). */
  analysis = $state.raw<PageAnalysis | undefined>(undefined);
  /** Per attacker, the tallies and positions of the shown analysis's exposures (with `analysis`). */
  summary = $state.raw<ExposureSummary | undefined>(undefined);
  /**
   * Link statuses of the shown model while its analysis still runs (a preview): the analysis
   * reports them once the paths are traced, seconds before the rest at 5,000 hosts. They are the
   * very statuses the analysis will hold; flows, exposures and findings still wait for it.
   */
  statusesAhead = $state.raw<LinkStatus[] | undefined>(undefined);
  /**
   * Flows of the shown model still on their way from the worker: a preview shows the topology
   * first, its `flows` empty until they arrive (a region's flows are most of its model). 0 otherwise.
   */
  pendingFlows = $state(0);
  progress = $state.raw<Progress>({ fraction: 0 });
  running = $state(false);
  /** True when the shown model/analysis belong to an older text than the current one. */
  stale = $state(false);
  /** A failure of the worker itself (not of the user's file). */
  error = $state<string | undefined>(undefined);
  /** Wall time of the last completed run, in milliseconds. */
  lastRunMs = $state(0);
  /** performance.now() at the start and end of the last completed run (for the performance report). */
  lastRunWindow: { start: number; end: number } = { start: 0, end: 0 };
  /** Completed runs so far (the test hook waits on it). */
  completed = $state(0);
  /** Path and header stacks of the selected flow, fetched from the worker on demand. */
  trace = $state.raw<FlowTrace | undefined>(undefined);
  /** Reasons of the selected flow's throughput estimate (SPEC T6), most important first. */
  why = $state.raw<{ flow: string; reasons: string[] } | undefined>(undefined);
  /**
   * The selected flow × attacker pair and its exposure with vantages and reasons, fetched from the
   * worker on demand (`exposure` undefined: the worker knows no such pair).
   */
  cell = $state.raw<{ flow: string; attacker: string; exposure: Exposure | undefined } | undefined>(
    undefined,
  );

  /**
   * The reasons of the opened finding, fetched from the worker on demand: the page holds each
   * finding without them (`FindingHead`). Undefined `reasons`: the worker had none for it.
   */
  findingReasons = $state.raw<{ finding: PageFinding; reasons: Reason[] | undefined } | undefined>(undefined);

  #client: AnalysisClient;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingText: string | undefined;
  /** Runs started; a run whose result arrives after a newer one started is dropped. */
  #runs = 0;
  /** The finding whose reasons were asked for last (`loadFindingReasons`). */
  #findingAsked: PageFinding | undefined;
  /** The pair whose exposure was asked for last (`loadCell`). */
  #cellAsked: { flow: string; attacker: string } | undefined;
  /** The text the shown analysis belongs to (the worker caches traces by it). */
  #analyzedText: string | undefined;
  /** The run whose model is previewed, and the statuses a run reported ahead of its analysis. */
  #previewRun = 0;
  #ahead: { run: number; links: LinkStatus[] } | undefined;

  constructor(client: AnalysisClient) {
    this.#client = client;
  }

  get errors(): Diagnostic[] {
    return this.diagnostics.filter((d) => d.severity === 'error');
  }

  /** Flows of the shown model, including those still on their way. */
  get flowCount(): number {
    return (this.model?.flows.length ?? 0) + this.pendingFlows;
  }

  /** Schedules an analysis of `text` after the debounce delay (immediately with `now`). */
  schedule(text: string, fileName: string, options: ScheduleOptions = {}): void {
    clearTimeout(this.#timer);
    this.#pendingText = text;
    this.stale = true;
    const opening = options.opening === true;
    if (options.now) void this.run(text, fileName, opening);
    else this.#timer = setTimeout(() => void this.run(text, fileName, opening), DEBOUNCE_MS);
  }

  /** Analyses `text` now; older runs still in flight are cancelled. `opening`: see `ScheduleOptions`. */
  async run(text: string, fileName: string, opening = false): Promise<void> {
    const mine = ++this.#runs;
    this.running = true;
    this.progress = { fraction: 0 };
    const started = performance.now();
    try {
      const preview = (update: ModelUpdate): void => {
        if (mine === this.#runs && opening && update.flowCount >= PREVIEW_FLOWS) this.#preview(update, mine);
      };
      const progress = (p: Progress): void => {
        const { links, ...shown } = p;
        this.progress = shown;
        // Model and progress come over separate channels: whichever is first, the statuses show with their model.
        if (!links || mine !== this.#runs) return;
        this.#ahead = { run: mine, links };
        if (this.#previewRun === mine && !this.analysis) this.statusesAhead = links;
      };
      // Opening a file: the topology of one large enough to be previewed comes ahead of its flows' reading.
      const result = await this.#client.analyze({ text, fileName, ...(opening ? { topologyFirst: PREVIEW_FLOWS } : {}) }, progress, preview);
      const received = performance.now();
      // Apply in a task of its own: receiving (structured-clone) and re-rendering are then two
      // shorter main-thread tasks instead of one long one.
      await nextTask();
      if (mine !== this.#runs) return;
      this.diagnostics = result.diagnostics;
      if (result.model) {
        this.model = result.model;
        this.pendingFlows = 0;
      } else if (this.#previewRun === mine) {
        // The topology shown ahead belongs to a file whose flows turned out invalid: no model, as for any invalid file.
        this.model = undefined;
        this.pendingFlows = 0;
      }
      if (result.analysis) {
        this.analysis = result.analysis;
        this.statusesAhead = undefined;
        this.#ahead = undefined;
        // The worker summarises; a client that does not (tests' fakes) leaves it to this thread.
        this.summary = result.summary ?? summarizeExposures(result.analysis.exposures);
        this.#analyzedText = text;
      }
      this.stale = !result.analysis || text !== this.#pendingText;
      this.error = undefined;
      this.lastRunMs = received - started;
      this.lastRunWindow = { start: started, end: received };
      this.completed++;
      this.running = false;
    } catch (error) {
      if (isSuperseded(error)) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.running = false;
    }
  }

  /**
   * Shows a model whose analysis is still running. The shown analysis (of another file) goes: link
   * statuses, findings and exposures must never be claimed for a model they were not computed for.
   */
  #preview(update: ModelUpdate, run: number): void {
    this.model = update.model;
    this.pendingFlows = update.complete ? 0 : update.flowCount;
    this.analysis = undefined;
    this.summary = undefined;
    this.#analyzedText = undefined;
    this.#previewRun = run;
    this.statusesAhead = this.#ahead?.run === run ? this.#ahead.links : undefined;
  }

  /** The loaded trace of `flowId`, if it is the one loaded. */
  traceOf(flowId: string | undefined): FlowTrace | undefined {
    return flowId !== undefined && this.trace?.flow === flowId ? this.trace : undefined;
  }

  /** Fetches the trace of a flow of the current model (latest-wins). */
  async loadTrace(flowId: string | undefined): Promise<void> {
    const text = this.#analyzedText;
    if (!flowId || text === undefined) {
      this.why = undefined;
      return void (this.trace = undefined);
    }
    try {
      // One call on one worker: it parses the text once and traces only this flow.
      const { trace, reasons } = await this.#client.flowDetail({ text }, flowId);
      this.trace = trace;
      this.why = reasons ? { flow: flowId, reasons } : undefined;
    } catch (error) {
      if (!isSuperseded(error)) this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** What was loaded of a flow × attacker pair, if it is the one loaded (undefined while it loads). */
  cellOf(
    pair: { flow: string; attacker: string } | undefined,
  ): { exposure: Exposure | undefined } | undefined {
    const cell = this.cell;
    return pair && cell?.flow === pair.flow && cell.attacker === pair.attacker ? cell : undefined;
  }

  /** Fetches the vantages and reasons of a flow × attacker pair of the current model (latest-wins). */
  async loadCell(pair: { flow: string; attacker: string } | undefined): Promise<void> {
    const text = this.#analyzedText;
    this.#cellAsked = pair;
    if (!pair || text === undefined) return void (this.cell = undefined);
    try {
      const exposure = await this.#client.exposureDetail({ text }, pair.flow, pair.attacker);
      // Answers come in order on one worker, but not across two: keep only the latest question's.
      if (this.#cellAsked === pair && text === this.#analyzedText) this.cell = { ...pair, exposure };
    } catch (error) {
      if (!isSuperseded(error)) this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * The reasons of a finding of the shown analysis: its own when it came whole, those loaded for it,
   * or undefined while they load.
   */
  reasonsOf(finding: PageFinding | undefined): { reasons: Reason[] | undefined } | undefined {
    if (!finding) return undefined;
    if ('reasons' in finding) return { reasons: finding.reasons };
    const loaded = this.findingReasons;
    return loaded?.finding === finding ? loaded : undefined;
  }

  /** Fetches the reasons of finding `index` of the shown analysis, unless it came with them (latest-wins). */
  async loadFindingReasons(index: number | undefined): Promise<void> {
    const text = this.#analyzedText;
    const finding = index === undefined ? undefined : this.analysis?.findings[index];
    this.#findingAsked = finding;
    if (index === undefined || !finding || 'reasons' in finding || text === undefined) return;
    if (this.findingReasons?.finding === finding) return;
    try {
      const reasons = await this.#client.findingReasons({ text }, index);
      // Answers come in order on one worker, but not across two: keep only the latest question's.
      if (this.#findingAsked === finding && text === this.#analyzedText) this.findingReasons = { finding, reasons };
    } catch (error) {
      if (!isSuperseded(error)) this.error = error instanceof Error ? error.message : String(error);
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
