/**
 * The throughput estimator (SPEC §3): per-flow single-stream figures (T1–T6) and the load of every
 * host and link at the demanded rates (T7). Pure: traces in, plain data out. The breakdown of one
 * flow's estimate (limits, cost terms, reasons) is computed on demand by `estimateFlowDetail`.
 */
import type { Scenario } from '../../model/types.ts';
import type { FlowTable } from '../flow-table.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowResult, FlowTrace, RowsOf } from '../types.ts';
import { estimateFlow } from './estimate-flow.ts';
import { addHostShares, addLinkShares, flowIdsOf, hostLoadsOfSums, linkLoadsOfSums, newLoadSums } from './estimate-load.ts';
import { traceAt } from '../trace-source.ts';
import { runSteps, type Steps } from '../steps.ts';
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

/**
 * The throughput of an analysis put together flow by flow, in flow-id order (flow `i` added `i`-th):
 * summaries, host and link sums, problems. A full analysis adds each flow as it estimates it and
 * keeps none of its figures (their crypto shares and per-hop rates are most of an estimate's
 * memory: 250,000 flows' worth at 5,000 hosts, otherwise kept to the end of the stage).
 */
export class ThroughputAssembly {
  readonly #summaries: FlowFigures['summary'][] | undefined;
  readonly #table: FlowTable | undefined;
  readonly #ids: string[];
  readonly #sums = newLoadSums();
  readonly #problems: ProblemSet;

  /** With `table`, the summaries go into its columns (a one-shot analysis), else into a list of objects. */
  constructor(flowCount: number, hardware: readonly ThroughputProblem[], table?: FlowTable) {
    this.#table = table;
    this.#summaries = table ? undefined : new Array<FlowFigures['summary']>(flowCount);
    this.#ids = new Array<string>(flowCount);
    this.#problems = problemSet(hardware);
  }

  /** Adds flow `i`'s figures; `trace` is its trace (needed when it puts load on links). */
  add(i: number, figures: FlowFigures, trace: FlowTrace | undefined): void {
    if (this.#table) this.#table.setSummary(i, figures.summary);
    else this.#summaries![i] = figures.summary;
    this.#ids[i] = figures.summary.flow;
    addHostShares(this.#sums, figures.crypto, i);
    if (figures.wire.length > 0 && trace) addLinkShares(this.#sums, figures.wire, trace, i);
    addProblems(this.#problems, figures.problems);
  }

  /** The throughput of every flow added (positions 0 … `flowCount` − 1), arrays sorted by id. */
  done(scenario: Scenario): ThroughputAnalysis {
    const flowIds = flowIdsOf(this.#ids);
    return {
      flows: this.#table ? this.#table.summaries : this.#summaries!,
      hosts: hostLoadsOfSums(scenario, this.#sums, flowIds),
      links: linkLoadsOfSums(scenario, this.#sums, flowIds),
      problems: sortedProblems(this.#problems),
    };
  }
}

/** Puts per-flow figures (in flow-id order) together with the hardware problems into the analysis. */
export function assembleThroughput(
  input: Omit<ThroughputInput, 'flows'> & { traceList?: readonly FlowTrace[] | undefined },
  figures: readonly FlowFigures[],
  hardware: readonly ThroughputProblem[],
): ThroughputAnalysis {
  return runSteps(assembleThroughputSteps(input, figures, hardware));
}

/** `assembleThroughput` in steps of `slice` flows' figures. */
export function* assembleThroughputSteps(
  input: Omit<ThroughputInput, 'flows'> & { traceList?: readonly FlowTrace[] | undefined },
  figures: readonly FlowFigures[],
  hardware: readonly ThroughputProblem[],
  slice = Number.POSITIVE_INFINITY,
): Steps<ThroughputAnalysis> {
  const traces = input.traceList ?? input.traces;
  const assembly = new ThroughputAssembly(figures.length, hardware);
  for (let from = 0; from < figures.length; from += slice) {
    const to = Math.min(figures.length, from + slice);
    for (let i = from; i < to; i++) {
      const f = figures[i]!;
      assembly.add(i, f, f.wire.length > 0 ? traceAt(traces, i, f.summary.flow) : undefined);
    }
    if (to < figures.length) yield;
  }
  return assembly.done(input.scenario);
}

/** Problems by subject and message, each once. */
type ProblemSet = Map<string, ThroughputProblem>;

function problemSet(hardware: readonly ThroughputProblem[]): ProblemSet {
  return new Map(hardware.map((p) => [`${p.subject}\u0000${p.message}`, p]));
}

function addProblems(set: ProblemSet, problems: readonly ThroughputProblem[]): void {
  for (const p of problems) set.set(`${p.subject}\u0000${p.message}`, p);
}

function sortedProblems(set: ProblemSet): ThroughputProblem[] {
  return [...set.values()].sort((a, b) => byId(a.subject, b.subject) || byId(a.message, b.message));
}

/** The hardware problems and every flow's, each once, sorted by subject and message. */
export function problemsOf(figures: readonly FlowFigures[], hardware: readonly ThroughputProblem[]): ThroughputProblem[] {
  const set = problemSet(hardware);
  for (const f of figures) addProblems(set, f.problems);
  return sortedProblems(set);
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
