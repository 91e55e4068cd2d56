/**
 * The exposure analysis (SPEC §2): traces, per-flow results with MTU (T2), exposures for every
 * flow × attacker, link statuses, requirements and findings. Pure and deterministic: the same
 * scenario always gives the same, sorted result.
 */
import type { Scenario } from '../../model/types.ts';
import { compareIds } from '../compare-ids.ts';
import { indexScenario, type ScenarioIndex } from '../scenario-index.ts';
import { estimateThroughput } from '../throughput/estimate-throughput.ts';
import { flowMtu } from '../throughput/flow-mtu.ts';
import type { ThroughputAnalysis } from '../throughput/types.ts';
import type { AnalysisOptions, Exposure, ExposureAnalysis, FlowResult, FlowTrace } from '../types.ts';
import { buildAttackerKnowledge } from './attacker-knowledge.ts';
import { buildTraces } from './build-traces.ts';
import { evaluateRequirements } from './evaluate-requirements.ts';
import { exposeFlow } from './expose-flow.ts';
import { linkStatuses, plaintextLinksOf } from './link-statuses.ts';
import { runRules } from './run-rules.ts';

/** Progress callback: phase name and how far it is. */
export type ProgressListener = (p: { phase: string; done: number; total: number }) => void;

/** The exposure result plus the intermediate data later stages and UIs need. */
export interface ExposureRun {
  result: ExposureAnalysis;
  throughput: ThroughputAnalysis;
  traces: Map<string, FlowTrace>;
  index: ScenarioIndex;
}

function flowResults(scenario: Scenario, index: ScenarioIndex, traces: Map<string, FlowTrace>): FlowResult[] {
  return scenario.flows
    .map((flow): FlowResult => {
      const trace = traces.get(flow.id)!;
      const mtu = flowMtu(trace, index);
      return {
        id: flow.id,
        path: trace.path,
        plaintextLinks: plaintextLinksOf(trace),
        innerMtu: mtu.innerMtu,
        overheadBytes: mtu.overheadBytes,
        ...(trace.unreachable !== undefined ? { unreachable: trace.unreachable } : {}),
      };
    })
    .sort((a, b) => compareIds(a.id, b.id));
}

/** Copies each flow's single-flow estimate and bottleneck into its summary (SPEC §4, T6). */
function mergeEstimates(flows: FlowResult[], throughput: ThroughputAnalysis): void {
  const byFlow = new Map(throughput.flows.map((e) => [e.flow, e]));
  for (const flow of flows) {
    const estimate = byFlow.get(flow.id);
    flow.maxGbps = estimate?.maxGbps ?? null;
    flow.bottleneck = estimate?.bottleneck ?? null;
  }
}

function selectedAttackers(scenario: Scenario, options: AnalysisOptions): Scenario['attackers'] {
  const wanted = options.attackers ? new Set(options.attackers) : undefined;
  return scenario.attackers.filter((a) => !wanted || wanted.has(a.id)).sort((a, b) => compareIds(a.id, b.id));
}

/** Runs the exposure analysis of a valid, normalised scenario. */
export function analyzeExposure(scenario: Scenario, options: AnalysisOptions & { onProgress?: ProgressListener } = {}): ExposureRun {
  const index = indexScenario(scenario);
  const traces = buildTraces(scenario, index);
  options.onProgress?.({ phase: 'paths', done: 1, total: 3 });
  const flows = flowResults(scenario, index, traces);
  const throughput = estimateThroughput({ scenario, index, traces, flows });
  mergeEstimates(flows, throughput);
  const sortedFlows = [...scenario.flows].sort((a, b) => compareIds(a.id, b.id));
  const exposures: Exposure[] = [];
  const attackers = selectedAttackers(scenario, options);
  const knowledge = attackers.map((a) => buildAttackerKnowledge(a, index));
  for (const flow of sortedFlows) {
    const trace = traces.get(flow.id)!;
    for (const k of knowledge) exposures.push(exposeFlow(flow, trace, k, index));
  }
  options.onProgress?.({ phase: 'exposure', done: 2, total: 3 });
  const links = linkStatuses(scenario, traces.values());
  const requirements = evaluateRequirements(scenario.requirements, scenario.flows, exposures);
  const findings = runRules({ scenario, index, traces, flows, links, exposures, requirements, throughput });
  options.onProgress?.({ phase: 'findings', done: 3, total: 3 });
  return { result: { links, flows, exposures, findings, requirements }, throughput, traces, index };
}
