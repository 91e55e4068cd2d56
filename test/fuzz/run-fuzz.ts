/**
 * `npm run fuzz`: runs every fuzz target (or those named) at least 100,000 times, each in a worker
 * thread under a watchdog, and prints `target: N cases in T s, F failures` — plus, on a failure
 * or a hang, the seed and path that replay it.
 *
 *   npm run fuzz -- [--runs N] [--seed S] [--path P] [--hang-seconds H] [target ...]
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_SEED } from '../support/check-property.ts';
import { fuzzTargets } from './fuzz-targets.ts';
import type { FuzzJob, FuzzOutcome } from './fuzz-worker.ts';

/** Cases per target unless `--runs` says otherwise (issue 7: "at least 100,000 per target"). */
const DEFAULT_RUNS = 100_000;
/** A case that makes no progress for this long is a hang (the slowest cases, megabyte inputs, take well under a second). */
const DEFAULT_HANG_SECONDS = 30;

interface Options {
  runs: number;
  seed: number;
  path?: string;
  hangSeconds: number;
  targets: string[];
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { runs: DEFAULT_RUNS, seed: Number(process.env.PLAINSIGHT_SEED ?? DEFAULT_SEED), hangSeconds: DEFAULT_HANG_SECONDS, targets: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => argv[++i] ?? '';
    if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--path') options.path = value();
    else if (arg === '--hang-seconds') options.hangSeconds = Number(value());
    else options.targets.push(arg);
  }
  const unknown = options.targets.filter((name) => !fuzzTargets.some((t) => t.name === name));
  if (unknown.length > 0) throw new Error(`unknown fuzz target(s) ${unknown.join(', ')}; known: ${fuzzTargets.map((t) => t.name).join(', ')}`);
  if (!Number.isSafeInteger(options.runs) || options.runs < 1 || !Number.isSafeInteger(options.seed)) throw new Error('--runs and --seed take integers');
  return options;
}

interface TargetResult {
  cases: number;
  seconds: number;
  failures: number;
  report?: string;
}

function runTarget(name: string, options: Options): Promise<TargetResult> {
  const progress = new SharedArrayBuffer(4);
  const calls = new Int32Array(progress);
  const job: FuzzJob = { target: name, runs: options.runs, seed: options.seed, progress, ...(options.path ? { path: options.path } : {}) };
  const worker = new Worker(new URL('./fuzz-worker.mjs', import.meta.url), { workerData: job });
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  return new Promise((resolve, reject) => {
    let last = -1;
    let stalled = 0;
    const watchdog = setInterval(() => {
      const now = Atomics.load(calls, 0);
      stalled = now === last ? stalled + 1 : 0;
      last = now;
      if (stalled < options.hangSeconds) return;
      clearInterval(watchdog);
      void worker.terminate();
      // The predicate call that never returned is case number `now` (1-based); path `now - 1` replays it.
      const report =
        now === 0
          ? `hang: the worker started no case within ${options.hangSeconds} s`
          : `hang: case ${now} made no progress for ${options.hangSeconds} s\nreplay: npm run fuzz -- --seed ${options.seed} --path ${now - 1} --runs 1 ${name}`;
      resolve({ cases: now, seconds: seconds(), failures: 1, report });
    }, 1000);
    worker.once('message', (outcome: FuzzOutcome) => {
      clearInterval(watchdog);
      resolve({ cases: outcome.runs, seconds: seconds(), failures: outcome.failed ? 1 : 0, ...(outcome.report ? { report: outcome.report } : {}) });
    });
    worker.once('error', (error) => {
      clearInterval(watchdog);
      reject(error);
    });
  });
}

/** Runs the fuzz targets; resolves to the process exit code (0 when nothing failed). */
export async function runFuzz(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const names = options.targets.length > 0 ? options.targets : fuzzTargets.map((t) => t.name);
  console.log(`Plainsight fuzzing: seed ${options.seed}, ${options.runs.toLocaleString('en')} cases per target`);
  let failed = 0;
  for (const name of names) {
    const result = await runTarget(name, options);
    console.log(`${name}: ${result.cases} cases in ${result.seconds.toFixed(1)} s, ${result.failures} failures`);
    if (result.report) console.log(result.report);
    failed += result.failures;
  }
  return failed === 0 ? 0 : 1;
}
