/**
 * Runs a benchmark setup through the whole engine (traces, MTU, throughput) and returns the
 * throughput the benchmark would report: one stream's maximum, or N streams on N SAs spread over
 * the cores (SPEC T5: one SA, one core).
 */
import { analyzeExposure } from '../../exposure/analyze-exposure.ts';
import { estimateFlowDetail } from '../estimate-throughput.ts';
import type { FlowEstimate } from '../types.ts';
import { benchScenario, type BenchSetup } from './calibration-scenario.ts';

/** The estimate of the benchmark's first stream. */
export function benchFlow(setup: BenchSetup): FlowEstimate {
  const scenario = benchScenario('calibration', setup);
  const run = analyzeExposure(scenario);
  const first = [...scenario.flows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
  return estimateFlowDetail({ scenario, index: run.index, traces: run.traces }, first.id)!;
}

/** Aggregate Gbit/s of the benchmark: min(wire, min(streams, cores) × one stream's CPU limit). */
export function benchGbps(setup: BenchSetup): number {
  const estimate = benchFlow(setup);
  const streams = setup.streams ?? 1;
  if (streams === 1) return estimate.maxGbps ?? 0;
  const wire = Math.min(...estimate.limits.filter((l) => l.subject.startsWith('link:')).map((l) => l.gbps));
  const cpu = Math.min(...estimate.limits.filter((l) => l.subject.startsWith('cpu:')).map((l) => l.gbps));
  const parallel = Math.min(streams, setup.a.cores, setup.b.cores);
  return Math.min(wire, parallel * cpu);
}
