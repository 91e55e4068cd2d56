/**
 * The throughput estimator (SPEC §3): per-flow single-stream estimates (T1–T6) and the load of
 * every host and link at the demanded rates (T7). Pure: traces in, plain data out.
 */
import type { Scenario } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowResult, FlowTrace } from '../types.ts';
import { estimateFlow } from './estimate-flow.ts';
import { hostLoads, linkLoads } from './estimate-load.ts';
import type { FlowEstimate, ThroughputAnalysis, ThroughputProblem } from './types.ts';

/** What the estimator reads: the scenario, its index and the exposure engine's traces and flow results. */
export interface ThroughputInput {
  scenario: Scenario;
  index: ScenarioIndex;
  traces: ReadonlyMap<string, FlowTrace>;
  flows: readonly FlowResult[];
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function hardwareProblems(scenario: Scenario): ThroughputProblem[] {
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

/** Estimates every flow and the load of every host and link; arrays sorted by id. */
export function estimateThroughput(input: ThroughputInput): ThroughputAnalysis {
  const { scenario, index, traces } = input;
  const problems = hardwareProblems(scenario);
  const estimates: FlowEstimate[] = [];
  for (const flow of [...scenario.flows].sort((a, b) => byId(a.id, b.id))) {
    const trace = traces.get(flow.id);
    if (trace) estimates.push(estimateFlow(flow, trace, index, problems));
  }
  const unique = new Map(problems.map((p) => [`${p.subject}\u0000${p.message}`, p]));
  return {
    flows: estimates,
    hosts: hostLoads(scenario, estimates),
    links: linkLoads(scenario, index, traces, estimates),
    problems: [...unique.values()].sort((a, b) => byId(a.subject, b.subject) || byId(a.message, b.message)),
  };
}
