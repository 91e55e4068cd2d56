/**
 * The app's report export from the analysis session (`reportFiles` with `fromSession`) builds the
 * report on the session's analysis: the engine is not run a second time for it.
 */
import { describe, expect, it, vi } from 'vitest';
import { FAILING } from '../cli/fixtures/scenarios.ts';

const runs = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/engine/exposure/analyze-exposure.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/engine/exposure/analyze-exposure.ts')>();
  return {
    ...original,
    analyzeExposure: (...args: Parameters<typeof original.analyzeExposure>) => {
      runs.count++;
      return original.analyzeExposure(...args);
    },
  };
});

const { analysisApi } = await import('../../../workers/analysis.api.ts');

describe('a report from the analysis session', () => {
  it('[issue 5] runs no analysis of its own, where the export worker’s report runs one, and both are the same bytes', async () => {
    const request = { text: FAILING, fileName: 'scenario.yaml', stem: 'scenario', date: '2026-01-02', format: 'html' as const };
    const fresh = await analysisApi.reportFiles(request);
    expect(runs.count).toBe(1);
    await analysisApi.analyze({ text: FAILING, fileName: 'scenario.yaml' });
    runs.count = 0;
    const held = await analysisApi.reportFiles({ ...request, fromSession: true });
    expect(runs.count).toBe(0);
    expect(await held.files![0]!.blob.text()).toBe(await fresh.files![0]!.blob.text());
  });
});
