/**
 * One entry point for every front end (CLI, worker, tests): exposure and throughput analysis of a
 * valid, normalised scenario, as the plain-data `Analysis` of SPEC §4.
 */
import type { Scenario } from '../model/types.ts';
import { analyzeExposure, type DetailsNow, type ExposureRun, type ProgressListener } from './exposure/analyze-exposure.ts';
import type { Analysis, AnalysisOptions } from './types.ts';

/**
 * Analyses a scenario: paths, layer stacks, exposures, findings, requirements. An exposure's
 * vantages and reasons are made when first read, unless `detailsNow` is 'all' (a caller that writes
 * them all: the CLI).
 */
export function analyzeScenario(scenario: Scenario, options: AnalysisOptions & { onProgress?: ProgressListener; detailsNow?: DetailsNow } = {}): Analysis {
  return analysisOf(scenario, analyzeExposure(scenario, options));
}

/** The plain-data `Analysis` of an exposure run (whose traces a caller may want as well). */
export function analysisOf(scenario: Scenario, { result, throughput }: Pick<ExposureRun, 'result' | 'throughput'>): Analysis {
  return {
    plainsight: 1,
    scenario: { name: scenario.name, ...(scenario.description !== undefined ? { description: scenario.description } : {}) },
    ...result,
    throughput,
  };
}
