/**
 * One benchmark size in a fresh process (so peak memory is this size's): generate the scenario,
 * then, by the second argument, either analyse it a few times (`full`: the median full analysis
 * and peak memory) or follow it through the three edits of issue 8 with one analysis session
 * (`session`: change the overlay's cipher, add an attacker, move a workload, each timed as the
 * median of several rounds). The two run in separate processes, as the CLI runs one analysis and
 * the app's worker holds one session: edits timed after five full analyses paid for collecting
 * those analyses' garbage. Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { createAnalysisSession } from '../src/engine/analysis-session.ts';
import { analyzeScenario } from '../src/engine/analyze-scenario.ts';
import { generateScenario } from '../src/generate/generate-scenario.ts';
import type { Scenario } from '../src/model/types.ts';

const hosts = Number(process.argv[2] ?? 1000);
const part = process.argv[3] === 'session' ? 'session' : 'full';
const fullRuns = Number(process.env.BENCH_RUNS ?? (hosts >= 5000 ? 2 : 5));
const editRounds = hosts >= 5000 ? 3 : 5;

/** The middle value; of an even count, the mean of the two middle ones (of two runs, not the slower). */
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const timed = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
};
let peak = process.memoryUsage().rss;
const sample = (): void => void (peak = Math.max(peak, process.memoryUsage().rss));
// resourceUsage().maxRSS is in kilobytes; memoryUsage().rss in bytes.
const peakMb = (): number => Math.round(Math.max(peak / 2 ** 20, process.resourceUsage().maxRSS / 1024));

const [scenario, generateMs] = timed(() => generateScenario({ hosts }));

/** The three edits of issue 8, each a new scenario sharing every untouched entity with the last. */
const edits: Record<string, (s: Scenario, round: number) => Scenario> = {
  cipher: (s, r) => ({ ...s, overlays: s.overlays.map((o) => (o.ipsec ? { ...o, ipsec: { ...o.ipsec, cipher: r % 2 === 0 ? 'aes-gcm-128' : 'aes-gcm-256' } } : o)) }),
  attacker: (s, r) => ({ ...s, attackers: [...s.attackers, { id: `bench-attacker-${r}`, at: { links: [s.links[r * 7]!.id], devices: [], hosts: [], workloads: [], sites: [] }, can: ['read', 'inject'], knows: [] }] }),
  move: (s, r) => {
    const vm = s.workloads.filter((w) => w.kind === 'vm')[r * 13]!;
    const to = s.hosts.filter((h) => h.role === 'compute' && h.id !== vm.host)[r * 17]!.id;
    return { ...s, workloads: s.workloads.map((w) => (w === vm ? { ...w, host: to } : w)) };
  },
};

/** Full analyses back to back: their median, and how many exposures one lists. */
function fullPart(): Record<string, number> {
  const full: number[] = [];
  let exposures = 0;
  // The peak of generating the scenario and analysing it once (the 2 GB target); later runs add
  // the garbage of the runs before them.
  let onePeak = 0;
  for (let i = 0; i < fullRuns; i++) {
    const [analysis, ms] = timed(() => analyzeScenario(scenario));
    full.push(ms);
    exposures = analysis.exposures.length;
    sample();
    if (i === 0) onePeak = peakMb();
  }
  return { exposures, analyzeMs: Math.round(median(full)), runs: fullRuns, onePeakRssMb: onePeak };
}

/** One session: its first analysis, its idle-time preparation, then the median of each edit. */
function sessionPart(): Record<string, unknown> {
  const [session, sessionMs] = timed(() => createAnalysisSession(scenario));
  sample();
  // What the app's worker builds in idle time once a result has gone out (positions, maps by flow
  // id, load ledger, link views, element index), timed on its own so that the edits below are
  // timed as the app meets them.
  const [, prepareMs] = timed(() => {
    while (session.prepare());
  });
  sample();
  const incremental: Record<string, number> = {};
  let current = scenario;
  for (const [name, edit] of Object.entries(edits)) {
    const times: number[] = [];
    for (let r = 0; r < editRounds; r++) {
      current = edit(current, r);
      times.push(timed(() => session.update(current))[1]);
      sample();
      // The app's worker prepares again in idle time after every result (untimed, as there).
      while (session.prepare());
    }
    incremental[name] = Math.round(median(times));
  }
  return { sessionMs: Math.round(sessionMs), prepareMs: Math.round(prepareMs), incrementalMs: incremental, editRounds };
}

const figures = part === 'full' ? fullPart() : sessionPart();
console.log(
  JSON.stringify({
    part,
    hosts: scenario.hosts.length,
    computeHosts: hosts,
    workloads: scenario.workloads.length,
    flows: scenario.flows.length,
    attackers: scenario.attackers.length,
    generateMs: Math.round(generateMs),
    ...figures,
    peakRssMb: peakMb(),
  }),
);
