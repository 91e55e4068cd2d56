/**
 * The throughput estimator (SPEC §3): per-flow single-stream figures (T1–T6) and the load of every
 * host and link at the demanded rates (T7). Pure: traces in, plain data out. The breakdown of one
 * flow's estimate (limits, cost terms, reasons) is computed on demand by `estimateFlowDetail`.
 */
import type { Scenario } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowResult, FlowTrace, RowsOf } from '../types.ts';
import { estimateFlow } from './estimate-flow.ts';
import { flowIdsOf, hostLoads, linkLoads } from './estimate-load.ts';
import { estimateFlowFigures, type FlowFigures, type SubjectNames } from './flow-figures.ts';
import type { FlowEstimate, ThroughputAnalysis, ThroughputProblem } from './types.ts';

/** What the estimator reads: the scenario, its index and the exposure engine's traces and flow results. */
export interface ThroughputInput {
  scenario: Scenario;
  index: ScenarioIndex;
  traces: ReadonlyMap<string, FlowTrace>;
  flows: RowsOf<FlowResult>;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Problems of the hardware itself (no CPU, unusable calibration), independent of any flow. */
export function hardwareProblems(scenario: Scenario): ThroughputProblem[] {
  const problems: ThroughputProblem[] = [];
  for (const host of scenario.hosts) {
    if (!(host.cpu.cores >= 1) || !(host.cpu.ghz > 0)) {
      problems.push({
        subject: host.id,
        message: `host ${host.id} has ${host.cpu.cores} cores at ${host.cpu.ghz} GHz: no CPU to process packets, its flows get 0 Gbit/s`,
      });
    }
    for (const [primitive, figure] of Object.entries(host.cpu.calibration ?? {})) {
      if (!(figure.gbps > 0) || !(figure.bytes > 0))
        problems.push({
          subject: host.id,
          message: `host ${host.id}: calibration ${primitive} (${figure.gbps} Gbit/s at ${figure.bytes} bytes) is unusable, the table value is used`,
        });
    }
  }
  return problems;
}

/** Puts per-flow figures (in flow-id order) together with the hardware problems into the analysis. */
export function assembleThroughput(
  input: Omit<ThroughputInput, 'flows'> & { traceList?: readonly FlowTrace[] | undefined },
  figures: readonly FlowFigures[],
  hardware: readonly ThroughputProblem[],
): ThroughputAnalysis {
  const { scenario, traces, traceList } = input;
  const flows = new Array<FlowFigures['summary']>(figures.length);
  const crypto = new Array<FlowFigures['crypto']>(figures.length);
  const ids = new Array<string>(figures.length);
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    flows[i] = f.summary;
    crypto[i] = f.crypto;
    ids[i] = f.summary.flow;
  }
  const flowIds = flowIdsOf(ids);
  return {
    flows,
    hosts: hostLoads(scenario, crypto, flowIds),
    links: linkLoads(scenario, traceList ?? traces, figures, flowIds),
    problems: problemsOf(figures, hardware),
  };
}

/** The hardware problems and every flow's, each once, sorted by subject and message. */
export function problemsOf(figures: readonly FlowFigures[], hardware: readonly ThroughputProblem[]): ThroughputProblem[] {
  const unique = new Map(hardware.map((p) => [`${p.subject}\u0000${p.message}`, p]));
  for (const f of figures) for (const p of f.problems) unique.set(`${p.subject}\u0000${p.message}`, p);
  return [...unique.values()].sort((a, b) => byId(a.subject, b.subject) || byId(a.message, b.message));
}

/** Estimates every flow and the load of every host and link; arrays sorted by id. */
export function estimateThroughput(input: ThroughputInput): ThroughputAnalysis {
  const { scenario, index, traces } = input;
  const figures: FlowFigures[] = [];
  const names: SubjectNames = new Map();
  // Flow results come sorted by id like the loop below; their innerMtu is the flow's (SPEC T2).
  const results = input.flows;
  [...scenario.flows].sort((a, b) => byId(a.id, b.id)).forEach((flow, i) => {
    const trace = traces.get(flow.id);
    const at = results.at(i);
    const result = at?.id === flow.id ? at : undefined;
    if (trace) figures.push(estimateFlowFigures(flow, trace, index, names, result?.innerMtu));
  });
  return assembleThroughput(input, figures, hardwareProblems(scenario));
}

/** The full estimate of one flow, with limits, CPU cost terms and reasons (SPEC T6, X9); undefined if unknown. */
export function estimateFlowDetail(input: Omit<ThroughputInput, 'flows'>, flowId: string): FlowEstimate | undefined {
  const flow = input.index.flows.get(flowId);
  const trace = input.traces.get(flowId);
  return flow && trace ? estimateFlow(flow, trace, input.index, []) : undefined;
}
