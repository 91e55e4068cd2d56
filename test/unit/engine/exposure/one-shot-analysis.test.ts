/**
 * A one-shot analysis (the CLI's, `analyzeScenario`) takes its stages a few dozen flows at a time
 * and keeps no trace: its rules read digests worked out while each trace was at hand, and a trace is
 * traced again when asked for (session/session-state.ts `analyzeOnce`, exposure/trace-store.ts,
 * rules/helpers/flow-digest.ts). Its result must be an
 * analysis session's first analysis byte for byte, whatever order the file lists its flows in, and
 * every trace it hands out must be the one tracing the whole file gives.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../../../src/engine/analysis-session.ts';
import { analyzeScenario } from '../../../../src/engine/analyze-scenario.ts';
import { analyzeExposure } from '../../../../src/engine/exposure/analyze-exposure.ts';
import { buildTraces } from '../../../../src/engine/exposure/build-traces.ts';
import { TraceStore } from '../../../../src/engine/exposure/trace-store.ts';
import { indexScenario } from '../../../../src/engine/scenario-index.ts';
import { createRandom } from '../../../../src/generate/seeded-random.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import { parseScenario } from '../../../../src/model/parse-scenario.ts';
import type { Scenario } from '../../../../src/model/types.ts';

const json = (value: unknown): string => JSON.stringify(value);

/** The scenario with its flows listed in a seeded random order (sources interleaved, ids out of order). */
function shuffled(s: Scenario, seed: number): Scenario {
  const random = createRandom(seed);
  const flows = [...s.flows];
  for (let i = flows.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [flows[i], flows[j]] = [flows[j]!, flows[i]!];
  }
  return { ...s, flows };
}

/** A region of several hundred flows: more than one batch of flows, plaintext and bare flows among them. */
function region(overlay: 'ovn' | 'ovs' | 'none', seed: number): Scenario {
  return generateScenario({
    hosts: 30,
    hostsPerRack: 6,
    sites: 2,
    overlay,
    workloadsPerHost: 3,
    flowsPerWorkload: 3,
    attackers: 6,
    seed,
  });
}

describe('one-shot analysis', () => {
  for (const overlay of ['ovn', 'ovs', 'none'] as const) {
    it(`[§4] of a generated ${overlay} region equals a session's first analysis byte for byte, its flows listed in file order or shuffled`, () => {
      for (const s of [region(overlay, 5), shuffled(region(overlay, 6), 11)]) {
        // The JSON reads every pair's vantages and reasons: those of flows whose traces were let go are made from traces made again.
        expect(json(analyzeScenario(s))).toBe(json(createAnalysisSession(s).analysis));
        expect(json(analyzeScenario(s, { detailsNow: 'all' }))).toBe(json(createAnalysisSession(s).analysis));
      }
    });
  }

  it('[§4] of every sample scenario equals a session’s first analysis byte for byte (ESP-NULL, MACsec, nested encryption, carriers)', () => {
    const dir = new URL('../../../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const { model } = parseScenario(readFileSync(new URL(file, dir), 'utf8'));
      expect(model, file).toBeDefined();
      expect(json(analyzeScenario(model!)), file).toBe(json(createAnalysisSession(model!).analysis));
    }
  });

  it('keeps no trace: its rules read their digests, and every trace it hands out is the one tracing the whole file gives', () => {
    const s = shuffled(region('ovn', 7), 3);
    const run = analyzeExposure(s);
    const whole = buildTraces(s, indexScenario(s));
    const store = run.traces as TraceStore;
    expect(store).toBeInstanceOf(TraceStore);
    // Some flows of this region cross links in plaintext and their findings name them, yet no rule
    // asked for a trace: each read what the analysis worked out while the trace was at hand.
    expect(run.result.findings.some((f) => f.rule === 'plaintext-on-link')).toBe(true);
    expect(store.madeCount).toBe(0);
    expect(store.size).toBe(s.flows.length);
    expect([...store.keys()]).toEqual(s.flows.map((f) => f.id));
    for (const flow of s.flows) {
      expect(store.has(flow.id)).toBe(true);
      expect(store.get(flow.id), flow.id).toEqual(whole.get(flow.id));
    }
    expect([...store.values()].map((t) => t.flow)).toEqual(s.flows.map((f) => f.id));
    expect(store.get('no-such-flow')).toBeUndefined();
    expect(store.has('no-such-flow')).toBe(false);
  });
});
