/**
 * Where one full analysis spends its time, stage by stage (the stages of session/session-state.ts
 * as an analysis session's first analysis runs them, each rule on its own; a one-shot analysis
 * takes the same stages a few dozen flows at a time, `analyzeOnce`): `tsx bench/phases.ts [hosts] [runs]`, one JSON line per run. With
 * HEAP=1 and `node --expose-gc` (bundle it with esbuild first) each stage also reports the heap
 * in use after it, in MB. For attribution, not a benchmark: `npm run bench` is that.
 */
import { performance } from 'node:perf_hooks';
import { compareIds } from '../src/engine/compare-ids.ts';
import { buildAttackerKnowledge } from '../src/engine/exposure/attacker-knowledge.ts';
import { traceAll } from '../src/engine/exposure/build-traces.ts';
import { breaksAny, evaluateRequirements } from '../src/engine/exposure/evaluate-requirements.ts';
import { exposeAll } from '../src/engine/exposure/expose-all.ts';
import { linkStatuses } from '../src/engine/exposure/link-statuses.ts';
import { rules as registry } from '../src/engine/exposure/rules/index.ts';
import { runRules } from '../src/engine/exposure/run-rules.ts';
import { createTraceContext } from '../src/engine/exposure/trace-context.ts';
import { createUnderlayRouter } from '../src/engine/graph/underlay-router.ts';
import { indexScenario } from '../src/engine/scenario-index.ts';
import { estimateFlows, ruleInputOf, selectedAttackers, throughputOf, type SessionState } from '../src/engine/session/session-state.ts';
import { hardwareProblems } from '../src/engine/throughput/estimate-throughput.ts';
import { generateScenario } from '../src/generate/generate-scenario.ts';

const hosts = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);
const gc = (globalThis as { gc?: () => void }).gc;
const scenario = generateScenario({ hosts });
for (let run = 0; run < runs; run++) {
  const t: Record<string, number> = {};
  let last = performance.now();
  const lap = (name: string): void => {
    t[name] = Math.round(performance.now() - last);
    if (process.env.HEAP && gc) {
      gc();
      t[`mb:${name}`] = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    }
    last = performance.now();
  };
  const index = indexScenario(scenario);
  lap('index');
  const ctx = createTraceContext(index, createUnderlayRouter(index));
  const traced = traceAll(scenario.flows, ctx);
  const traces = new Map(scenario.flows.map((flow, i) => [flow.id, traced[i]!]));
  lap('traces');
  const sorted = [...scenario.flows].sort((a, b) => compareIds(a.id, b.id));
  // The traces lined up with the sorted flows, as an analysis keeps them (session-state.ts `buildState`).
  const traceList = sorted.map((flow) => traces.get(flow.id)!);
  const state = { scenario, options: {}, index, protections: ctx.protections, traces, sorted, traceList } as unknown as SessionState;
  const figures = estimateFlows(state, sorted);
  lap('estimate');
  state.hardware = hardwareProblems(scenario);
  state.throughput = throughputOf(state, figures);
  lap('throughput');
  state.knowledge = selectedAttackers(scenario, {}).map((a) => buildAttackerKnowledge(a, index));
  state.exposures = exposeAll(sorted, traceList, state.knowledge, index, breaksAny(scenario.requirements));
  lap('expose');
  state.facts = new Uint8Array(sorted.length);
  state.links = linkStatuses(scenario, traceList, state.facts);
  lap('links');
  state.requirements = evaluateRequirements(scenario.requirements, sorted, state.exposures);
  lap('requirements');
  // The input every rule reads (flow facts included, computed once for all rules as in an analysis).
  const input = ruleInputOf(state);
  lap('facts');
  for (const rule of registry) {
    runRules(input, [rule]);
    lap(`rule:${rule.id}`);
  }
  console.log(JSON.stringify(t));
}
