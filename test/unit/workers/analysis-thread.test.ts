import { proxy } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { startAnalysisThread, type AnalysisThread } from '../../../src/cli/start-analysis-thread.ts';
import type { AnalysisProgress } from '../../../workers/analysis.api.ts';
import { AGAINST_ALL } from '../cli/fixtures/scenarios.ts';

let thread: AnalysisThread | undefined;
afterEach(async () => {
  await thread?.dispose();
  thread = undefined;
});

describe('analysis API in a worker thread', () => {
  it('runs an analysis through worker_threads and Comlink, with progress through a proxied callback', async () => {
    thread = startAnalysisThread();
    const seen: AnalysisProgress[] = [];
    const response = await thread.api.analyze(
      { text: AGAINST_ALL, fileName: 's.yaml' },
      proxy((p: AnalysisProgress) => void seen.push(p)),
    );
    // Same content as in-process: 2 flows × 2 attackers, r-any fails (fixtures/scenarios.ts).
    expect(response.analysis?.exposures).toHaveLength(4);
    expect(response.analysis?.requirements).toEqual([expect.objectContaining({ id: 'r-any', pass: false })]);
    // Every progress report arrived before the result, in order, ending complete.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.at(-1)?.done).toBe(seen.at(-1)?.total);
  }, 30_000);
});
