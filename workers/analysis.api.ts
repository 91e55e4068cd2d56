/**
 * The analysis API the app's Web Worker and the CLI's worker thread expose through Comlink.
 * A plain object of engine calls, so it runs and is tested in Node without any worker; every
 * argument and result is structured-clone data (STYLE "Layers").
 */
import { releaseProxy } from 'comlink';
import { analyzeScenario } from '../src/engine/analyze-scenario.ts';
import { analyzeExposure } from '../src/engine/exposure/analyze-exposure.ts';
import { compareProtections, type Comparison } from '../src/engine/throughput/compare-protections.ts';
import type { Analysis, FlowTrace } from '../src/engine/types.ts';
import { parseScenario } from '../src/model/parse-scenario.ts';
import { serializeScenario } from '../src/model/serialize-scenario.ts';
import type { Diagnostic, ParseResult, Scenario } from '../src/model/types.ts';
import { validateScenarioObject } from '../src/model/validate-scenario-object.ts';

/** A scenario to work on: file text (parsed) or a model object (validated), and analysis options. */
export interface AnalysisRequest {
  text?: string;
  model?: Scenario;
  /** Name shown in diagnostics of `text`. */
  fileName?: string;
  /** Restrict exposures and requirements to these attackers. */
  attackers?: string[];
}

/** Diagnostics always; the model when valid; the analysis when it ran. */
export interface AnalysisResponse {
  diagnostics: Diagnostic[];
  model?: Scenario;
  analysis?: Analysis;
}

/** Progress of a long analysis, reported phase by phase. */
export interface AnalysisProgress {
  phase: string;
  done: number;
  total: number;
}

/** Progress callback; across a worker it is a `Comlink.proxy`, whose calls return promises. */
export type ProgressCallback = (progress: AnalysisProgress) => void | Promise<void>;

const DEFAULT_FILE_NAME = 'scenario.yaml';

function load(request: AnalysisRequest): ParseResult {
  if (request.text !== undefined)
    return parseScenario(request.text, { fileName: request.fileName ?? DEFAULT_FILE_NAME });
  if (request.model !== undefined) return validateScenarioObject(request.model);
  throw new TypeError('analysis request needs `text` or `model`');
}

function hasErrors(result: ParseResult): boolean {
  return result.model === undefined || result.diagnostics.some((d) => d.severity === 'error');
}

/** Lets a Comlink proxied callback go, so its message port does not keep the caller alive. */
function release(callback: ProgressCallback | undefined): void {
  const release = (callback as { [releaseProxy]?: unknown } | undefined)?.[releaseProxy];
  if (typeof release === 'function') (release as () => void)();
}

/** Latest traces by scenario text: the app asks for one flow's detail after another. */
let traceCache: { text: string; traces: ReadonlyMap<string, FlowTrace> } | undefined;

function tracesOf(request: AnalysisRequest, model: Scenario): ReadonlyMap<string, FlowTrace> {
  if (request.text !== undefined && traceCache?.text === request.text) return traceCache.traces;
  const { traces } = analyzeExposure(model);
  if (request.text !== undefined) traceCache = { text: request.text, traces };
  return traces;
}

/** The API object; `Comlink.expose(analysisApi)` in a worker, called directly in tests. */
export const analysisApi = {
  /** Parses or validates the scenario and, when it is valid, analyses it (SPEC §2, §4). */
  async analyze(request: AnalysisRequest, onProgress?: ProgressCallback): Promise<AnalysisResponse> {
    try {
      const loaded = load(request);
      if (hasErrors(loaded)) return { diagnostics: loaded.diagnostics };
      const model = loaded.model as Scenario;
      // The engine is synchronous; keep what the callback returns so the result is posted only
      // after every progress message was handled (Comlink orders neither port against the other).
      const pending: unknown[] = [];
      const analysis = analyzeScenario(model, {
        ...(request.attackers ? { attackers: request.attackers } : {}),
        onProgress: (progress) => void pending.push(onProgress?.(progress)),
      });
      await Promise.all(pending);
      return { diagnostics: loaded.diagnostics, model, analysis };
    } finally {
      release(onProgress);
    }
  },

  /** Diagnostics of scenario text, and the model when it is valid (SPEC §1.2). */
  async validate(text: string, fileName: string = DEFAULT_FILE_NAME): Promise<ParseResult> {
    return parseScenario(text, { fileName });
  },

  /** Path and header stacks of one flow for the hop diagram; undefined if invalid or unknown. */
  async traceFlow(request: AnalysisRequest, flowId: string): Promise<FlowTrace | undefined> {
    const loaded = load(request);
    if (hasErrors(loaded)) return undefined;
    return tracesOf(request, loaded.model as Scenario).get(flowId);
  },

  /**
   * The same scenario under each protection alternative of SPEC T8 (MTU left, slowest flow, crypto
   * cores, what stays exposed); undefined when the scenario is invalid.
   */
  async compare(request: AnalysisRequest): Promise<Comparison | undefined> {
    const loaded = load(request);
    if (hasErrors(loaded)) return undefined;
    return compareProtections(loaded.model as Scenario);
  },

  /** The model as scenario YAML, as the app saves it. */
  async serialize(model: Scenario): Promise<string> {
    return serializeScenario(model);
  },
};

/** The API's type, for `Comlink.wrap<AnalysisApi>(worker)`. */
export type AnalysisApi = typeof analysisApi;
