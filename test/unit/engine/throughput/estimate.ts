/** Runs the exposure engine and the throughput estimator on a test scenario. */
import { analyzeExposure } from '../../../../src/engine/exposure/analyze-exposure.ts';
import { estimateFlowDetail, estimateThroughput } from '../../../../src/engine/throughput/estimate-throughput.ts';
import type { FlowEstimate, ThroughputAnalysis } from '../../../../src/engine/throughput/types.ts';
import type { Scenario } from '../../../../src/model/types.ts';

/** The whole throughput analysis of a scenario. */
export function estimate(model: Scenario): ThroughputAnalysis {
  const run = analyzeExposure(model);
  return estimateThroughput({
    scenario: model,
    index: run.index,
    traces: run.traces,
    flows: run.result.flows,
  });
}

/** The full estimate of one flow, with limits, cost terms and reasons. */
export function flowEstimate(model: Scenario, id = 'f1'): FlowEstimate {
  const run = analyzeExposure(model);
  return estimateFlowDetail({ scenario: model, index: run.index, traces: run.traces }, id)!;
}
