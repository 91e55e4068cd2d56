/**
 * The exposure analysis (SPEC §2): traces, per-flow results with MTU (T2), exposures for every
 * flow × attacker, link statuses, requirements and findings. Pure and deterministic: the same
 * scenario always gives the same, sorted result. The stages live in session/session-state.ts,
 * shared with the incremental analysis session.
 */
import type { Scenario } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import { analyzeOnce, resultOf, type DetailsNow, type ProgressListener } from '../session/session-state.ts';
import type { ThroughputAnalysis } from '../throughput/types.ts';
import type { AnalysisOptions, ExposureAnalysis, FlowTrace } from '../types.ts';

export type { DetailsNow, ProgressListener } from '../session/session-state.ts';

/** The exposure result plus the intermediate data later stages and UIs need. */
export interface ExposureRun {
  result: ExposureAnalysis;
  throughput: ThroughputAnalysis;
  /** Every flow's trace by id, traced again when read (`TraceStore`): the analysis keeps none. */
  traces: ReadonlyMap<string, FlowTrace>;
  index: ScenarioIndex;
}

/**
 * Runs the exposure analysis of a valid, normalised scenario. With `detailsNow: 'all'` every
 * exposure is made with its vantages and reasons at once (see `DetailsNow`).
 */
export function analyzeExposure(scenario: Scenario, options: AnalysisOptions & { onProgress?: ProgressListener; detailsNow?: DetailsNow } = {}): ExposureRun {
  const { onProgress, detailsNow, ...analysisOptions } = options;
  // Read for its result only: no figures or traces kept for edits; its rules read digests of the traces.
  const state = analyzeOnce(scenario, analysisOptions, onProgress, detailsNow);
  return { result: resultOf(state), throughput: state.throughput, traces: state.traces, index: state.index };
}
