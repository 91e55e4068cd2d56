/**
 * The protection comparison (SPEC T8) on two cores: its rows come in two halves of about the same
 * work (`COMPARISON_HALVES`) that do not depend on each other, so a worker thread works out one
 * while this thread works out the other, and each half comes back as a few numbers and flow lists
 * per row. The CLI's `--compare` and its reports start the worker before they analyse the
 * scenario; the app does the same with two web workers.
 */
import { Worker } from 'node:worker_threads';
import { compareProtections } from '../engine/throughput/compare-protections.ts';
import { COMPARISON_HALVES, comparesSideBySide, mergeComparisons } from '../engine/throughput/comparison-halves.ts';
import type { Comparison } from '../engine/throughput/compare-protections.ts';
import type { Scenario } from '../model/types.ts';

/** Works out the rows `only` of the comparison of `scenario` in a worker thread; rejects should the thread fail. */
export function compareInThread(scenario: Scenario, only: readonly string[]): Promise<Comparison> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./comparison-worker.mjs', import.meta.url), { workerData: { scenario, only } });
    worker.once('message', (comparison: Comparison) => {
      resolve(comparison);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the comparison worker stopped (exit code ${code}) without a result`)));
  });
}

/**
 * Starts working out the rows `only` of the comparison of `scenario` in a worker thread. Should the
 * thread not start or fail, the rows are worked out here instead: slower, never a missing table.
 */
export async function compareInWorker(scenario: Scenario, only: readonly string[]): Promise<Comparison> {
  try {
    return await compareInThread(scenario, only);
  } catch {
    return compareProtections(scenario, undefined, only);
  }
}

/**
 * The rows `only` of the comparison of `scenario`, to be collected once the caller is done with
 * its own work: started now in a worker thread when the scenario is small enough for two halves
 * at once (`comparesSideBySide`), else worked out here when collected (a 5,000-host region's
 * half holds gigabytes; one at a time keeps the peak of the whole table at one half).
 */
function startHalf(scenario: Scenario, only: readonly string[]): () => Promise<Comparison> {
  if (!comparesSideBySide(scenario.flows.length)) return async () => compareProtections(scenario, undefined, only);
  const pending = compareInWorker(scenario, only);
  return () => pending;
}

/** A comparison split between this thread and a worker thread (`startComparison`). */
export interface SplitComparison {
  /** The rows this thread works out (with the scenario's own analysis as its first row, when at hand). */
  rows: readonly string[];
  /** The whole table: `own` (those rows) joined with the other half's. */
  join(own: Comparison): Promise<Comparison>;
}

/**
 * Starts the comparison of `scenario`: its second half now, in a worker thread when the scenario
 * is small enough (`startHalf`), while the caller analyses the scenario and works out `rows`.
 */
export function startComparison(scenario: Scenario): SplitComparison {
  const [mine, theirs] = COMPARISON_HALVES;
  const other = startHalf(scenario, theirs!);
  return { rows: mine!, join: async (own) => mergeComparisons([own, await other()]) };
}
