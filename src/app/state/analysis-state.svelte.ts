/**
 * Results of the latest analysis of the scenario text: diagnostics, the normalised model and the
 * analysis. Runs are debounced and latest-wins; while the text is invalid the last good model and
 * analysis stay on screen (marked stale) so an edit in progress never blanks the canvas.
 */
import type { Diagnostic, Scenario } from '../../model/types.ts';
import type { Analysis, FlowTrace } from '../../engine/types.ts';
import { isSuperseded, type AnalysisClient, type Progress } from '../analysis-client.ts';

/** Quiet time after the last edit before re-analysing. */
const DEBOUNCE_MS = 250;

export class AnalysisState {
  diagnostics = $state.raw<Diagnostic[]>([]);
  model = $state.raw<Scenario | undefined>(undefined);
  analysis = $state.raw<Analysis | undefined>(undefined);
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

  #client: AnalysisClient;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingText: string | undefined;
  /** Runs started; a run whose result arrives after a newer one started is dropped. */
  #runs = 0;
  /** The text the shown analysis belongs to (the worker caches traces by it). */
  #analyzedText: string | undefined;

  constructor(client: AnalysisClient) {
    this.#client = client;
  }

  get errors(): Diagnostic[] {
    return this.diagnostics.filter((d) => d.severity === 'error');
  }

  /** Schedules an analysis of `text` after the debounce delay (immediately with `now`). */
  schedule(text: string, fileName: string, now = false): void {
    clearTimeout(this.#timer);
    this.#pendingText = text;
    this.stale = true;
    if (now) void this.run(text, fileName);
    else this.#timer = setTimeout(() => void this.run(text, fileName), DEBOUNCE_MS);
  }

  /** Analyses `text` now; older runs still in flight are cancelled. */
  async run(text: string, fileName: string): Promise<void> {
    const mine = ++this.#runs;
    this.running = true;
    this.progress = { fraction: 0 };
    const started = performance.now();
    try {
      const result = await this.#client.analyze({ text, fileName }, (p) => (this.progress = p));
      const received = performance.now();
      // Apply in a task of its own: receiving (structured-clone) and re-rendering are then two
      // shorter main-thread tasks instead of one long one.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (mine !== this.#runs) return;
      this.diagnostics = result.diagnostics;
      if (result.model) this.model = result.model;
      if (result.analysis) {
        this.analysis = result.analysis;
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

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
