/**
 * The worker answers a file opened with a one-shot analysis and builds the session's state
 * afterwards (issue 8). The first edit must still find most of its response kept: the response
 * answered from the one-shot analysis is made again from the built state, whose objects an edit's
 * result shares, whether the state was built in idle time or by the edit itself.
 */
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../src/engine/analyze-scenario.ts';
import { rowsArray } from '../../../src/engine/row-list.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { serializeScenario } from '../../../src/model/serialize-scenario.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { putSlice, sliceItems, type PartsPlan } from '../../../workers/analysis-parts.ts';
import { analysisApi, type AnalysisResponse } from '../../../workers/analysis.api.ts';

/** A response put together from its skeleton and every slice, kept slices from `previous` (what the caller holds). */
async function received(skeleton: AnalysisResponse, previous?: AnalysisResponse): Promise<AnalysisResponse> {
  const { parts, ...rest } = structuredClone(skeleton);
  const whole = rest as unknown as Record<string, unknown>;
  const plan = parts as PartsPlan;
  for (let i = 0; i < plan.slices.length; i++) {
    const slice = plan.slices[i]!;
    const items = slice.kept
      ? sliceItems(previous as unknown as Record<string, unknown>, slice)
      : ((await analysisApi.analysisPart(plan.id, i, true)) as unknown[]);
    putSlice(whole, slice, structuredClone(items));
  }
  return rest;
}

/** Lets the worker's idle-time tasks run (a macrotask each). */
async function idle(tasks: number): Promise<void> {
  for (let i = 0; i < tasks; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** One more attacker, tapping the first link. */
const withTap = (s: Scenario, id: string): Scenario => ({
  ...s,
  attackers: [
    ...s.attackers,
    {
      id,
      at: { links: [s.links[0]!.id], devices: [], hosts: [], workloads: [], sites: [] },
      can: ['read'],
      knows: [],
    },
  ],
});

/** Waits `ms` of wall time (the worker's idle-time work runs meanwhile). */
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('analysisApi: a file opened is answered one-shot first (issue 8)', () => {
  // The first file opened starts the worker's session; the second, another topology, is analysed
  // afresh in that session, one-shot first too.
  for (const [when, tasks, hosts] of [
    ['once the state is built in idle time', 400, 200],
    ['when the edit comes before it is built', 0, 160],
  ] as const) {
    it(`keeps the flows' slices at the first edit, ${when}`, async () => {
      const scenario = generateScenario({ hosts });
      const text = serializeScenario(scenario);
      const first = await analysisApi.analyze({ text, inParts: true, oneShotFrom: 0 });
      const held = await received(first);
      expect(held.analysis!.flows).toEqual(rowsArray(analyzeScenario(scenario).flows));
      await idle(tasks);
      const next = withTap(scenario, `tap-${tasks}`);
      const second = await analysisApi.analyze({
        text: serializeScenario(next),
        inParts: true,
        oneShotFrom: 0,
        have: first.parts!.id,
      });
      const flowSlices = second.parts!.slices.filter((s) => s.path.join('.') === 'analysis.flows');
      // An attacker changes no flow's result: every slice of them is the caller's own copy.
      expect(flowSlices.length).toBeGreaterThan(1);
      expect(flowSlices.every((s) => s.kept)).toBe(true);
      const summaries = second.parts!.slices.filter((s) => s.path.join('.') === 'analysis.throughput.flows');
      expect(summaries.every((s) => s.kept)).toBe(true);
      // And what the caller puts together is the analysis of the edited scenario.
      const after = await received(second, held);
      const expected = analyzeScenario(next);
      expect(JSON.stringify(after.analysis!.flows)).toBe(JSON.stringify(rowsArray(expected.flows)));
      expect(JSON.stringify(after.analysis!.throughput.flows)).toBe(
        JSON.stringify(rowsArray(expected.throughput.flows)),
      );
      expect(after.summary).toEqual(second.summary);
    });
  }

  it('holds its idle-time work while the page says the user is busy, and goes on after', async () => {
    const text = serializeScenario(generateScenario({ hosts: 240 }));
    const first = await analysisApi.analyze({ text, inParts: true, oneShotFrom: 0 });
    // The last part fetched starts the idle-time work (the session's state, then its pieces).
    await received(first);
    await analysisApi.holdIdleWork(3000);
    const before = await analysisApi.idleWork();
    expect(before.pending).toBe(true);
    // At most the step under way when the hold came; none for as long as it lasts.
    await sleep(700);
    const during = await analysisApi.idleWork();
    expect(during).toEqual(before);
    // Then it goes on to the end.
    let after = during;
    for (let waited = 0; after.pending && waited < 60_000; waited += 100) {
      await sleep(100);
      after = await analysisApi.idleWork();
    }
    expect(after.pending).toBe(false);
    expect(after.steps).toBeGreaterThan(during.steps + 3);
  });
});
