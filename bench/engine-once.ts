/** One benchmark size in a fresh process: generate, then analyse a few times; prints one JSON line. */
import { performance } from 'node:perf_hooks';
import { analyzeScenario } from '../src/engine/analyze-scenario.ts';
import { generateDatacenter } from '../src/generate/generate-datacenter.ts';

const hosts = Number(process.argv[2] ?? 1000);
let t = performance.now();
const scenario = generateDatacenter({ hosts });
const generateMs = Math.round(performance.now() - t);
const runs = hosts >= 5000 ? 3 : 5;
const times: number[] = [];
let peak = process.memoryUsage().rss;
let exposures = 0;
for (let i = 0; i < runs; i++) {
  t = performance.now();
  const analysis = analyzeScenario(scenario);
  times.push(performance.now() - t);
  exposures = analysis.exposures.length;
  peak = Math.max(peak, process.memoryUsage().rss);
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    hosts,
    flows: scenario.flows.length,
    attackers: scenario.attackers.length,
    exposures,
    generateMs,
    analyzeMs: Math.round(times[Math.floor(times.length / 2)]!),
    runs,
    peakRssMb: Math.round(peak / 1048576),
  }),
);
