import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { compareInThread, compareInWorker } from '../../../src/cli/compare-in-worker.ts';
import { compareProtections } from '../../../src/engine/throughput/compare-protections.ts';
import { COMPARISON_HALVES } from '../../../src/engine/throughput/comparison-halves.ts';
import { parseValid } from '../model/parse-helpers.ts';

const scenario = parseValid(readFileSync(new URL('../../../scenarios/scs-openstack-region.yaml', import.meta.url), 'utf8'));

describe('the comparison on two cores (SPEC T8)', () => {
  it('a worker thread works out the half it is given, as this thread would', async () => {
    expect(isMainThread).toBe(true);
    const half = COMPARISON_HALVES[1]!;
    const fromThread = await compareInThread(scenario, half);
    expect(fromThread.alternatives.map((a) => a.id)).toEqual(half);
    expect(fromThread).toEqual(compareProtections(scenario, undefined, half));
  });

  it('a thread that fails to deliver is replaced by working the half out here', async () => {
    // A scenario a worker cannot be handed (a function does not survive the structured clone).
    const unclonable = { ...scenario, extra: () => 0 } as typeof scenario;
    await expect(compareInThread(unclonable, COMPARISON_HALVES[1]!)).rejects.toThrow();
    expect(await compareInWorker(unclonable, COMPARISON_HALVES[1]!)).toEqual(compareProtections(scenario, undefined, COMPARISON_HALVES[1]));
  });
});
