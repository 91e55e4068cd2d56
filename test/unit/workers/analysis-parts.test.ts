/**
 * A large analysis travels as a skeleton plus slices; put back together it must be the very
 * analysis, and no slice may carry much more than its budget.
 */
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { serializeScenario } from '../../../src/model/serialize-scenario.ts';
import { putSlice, SLICE_BUDGET, sliceItems, splitResponse } from '../../../workers/analysis-parts.ts';
import { analysisApi } from '../../../workers/analysis.api.ts';

describe('splitResponse / putSlice', () => {
  it('round-trips a response, leaves the original alone and keeps every slice within its budget', () => {
    const big = Array.from({ length: 45_000 }, (_, i) => ({ id: `x${i}`, tags: i % 1000 === 0 ? ['a', 'b'] : [] }));
    const heavy = [{ id: 'one', flows: Array.from({ length: 30_000 }, (_, i) => `f${i}`) }, { id: 'two', flows: [] }];
    const response = { diagnostics: [], model: { small: [1, 2, 3] }, analysis: { exposures: big, throughput: { links: heavy, hosts: [] } } };
    const before = JSON.stringify(response);
    const split = splitResponse(response, 7)!;
    expect(split.plan.id).toBe(7);
    expect(split.skeleton.analysis.exposures).toEqual([]);
    expect(split.skeleton.model).toBe(response.model);
    expect(JSON.stringify(response)).toBe(before);
    for (const slice of split.plan.slices) {
      const items = sliceItems(response, slice);
      const cost = items.reduce<number>((sum, item) => sum + 1 + ((item as { flows?: unknown[]; tags?: unknown[] }).flows?.length ?? (item as { tags?: unknown[] }).tags?.length ?? 0), 0);
      // One item may exceed the budget alone (a link with 30,000 flows); otherwise a slice stays within it.
      expect(items.length === 1 || cost <= SLICE_BUDGET).toBe(true);
    }
    const received = structuredClone(split.skeleton);
    for (const slice of split.plan.slices) putSlice(received, slice, structuredClone(sliceItems(response, slice)));
    expect(JSON.stringify(received)).toBe(before);
  });

  it('leaves a small response whole', () => {
    expect(splitResponse({ analysis: { exposures: [1, 2, 3] } }, 1)).toBeUndefined();
  });
});

describe('analysisApi.analyze with inParts', () => {
  it('a 200-host region comes as a skeleton and slices that add up to the analysis', async () => {
    const text = serializeScenario(generateScenario({ hosts: 200 }));
    const whole = await analysisApi.analyze({ text });
    const skeleton = await analysisApi.analyze({ text, inParts: true });
    expect(skeleton.parts?.slices.length).toBeGreaterThan(1);
    expect(skeleton.analysis?.exposures).toEqual([]);
    const { parts, ...received } = structuredClone(skeleton);
    for (let i = 0; i < parts!.slices.length; i++) putSlice(received as never, parts!.slices[i]!, await analysisApi.analysisPart(parts!.id, i));
    expect(JSON.stringify(received)).toBe(JSON.stringify(whole));
    await expect(analysisApi.analysisPart(parts!.id + 1, 0)).rejects.toThrow(/no longer available/);
  });
});
