/**
 * Why each flow's estimate is what it is (SPEC T6, X9): the reasons of the detailed estimate —
 * which limit binds and which cost term dominates it — computed for the flows asked for.
 */
import type { Scenario } from '../../model/types.ts';
import { analyzeExposure } from '../exposure/analyze-exposure.ts';
import { estimateFlowDetail } from './estimate-throughput.ts';

/** Reasons of the throughput estimate per flow id (all flows when `flowIds` is omitted). */
export function explainFlowEstimates(scenario: Scenario, flowIds?: readonly string[]): Record<string, string[]> {
  const { index, traces } = analyzeExposure(scenario);
  const input = { scenario, index, traces };
  const result: Record<string, string[]> = {};
  for (const id of flowIds ?? scenario.flows.map((f) => f.id)) {
    const detail = estimateFlowDetail(input, id);
    if (detail) result[id] = detail.reasons;
  }
  return result;
}
