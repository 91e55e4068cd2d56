/**
 * One fuzz target in a worker thread, so the runner can stop a case that hangs: the worker counts
 * every predicate call in shared memory (the runner's watchdog reads it) and posts the outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { formatFailure } from '../support/check-property.ts';
import { fuzzTargets } from './fuzz-targets.ts';

/** What the runner sends to a fuzz worker. */
export interface FuzzJob {
  target: string;
  runs: number;
  seed: number;
  path?: string;
  /** Int32Array over a SharedArrayBuffer: [0] = predicate calls so far. */
  progress: SharedArrayBuffer;
}

/** What a fuzz worker sends back. */
export interface FuzzOutcome {
  runs: number;
  failed: boolean;
  report?: string;
}

const job = workerData as FuzzJob;
const target = fuzzTargets.find((t) => t.name === job.target);
if (!parentPort || !target) throw new Error(`fuzz-worker: no parent port or unknown target ${job.target}`);
const calls = new Int32Array(job.progress);
const details = fc.check(target.property(), {
  seed: job.seed,
  numRuns: job.runs,
  ...(job.path ? { path: job.path } : {}),
  plugins: [fc.beforeEach(() => void Atomics.add(calls, 0, 1))],
});
const outcome: FuzzOutcome = { runs: details.numRuns, failed: details.failed, ...(details.failed ? { report: formatFailure(details as fc.RunDetails<unknown[]>, target.show) } : {}) };
parentPort.postMessage(outcome);
