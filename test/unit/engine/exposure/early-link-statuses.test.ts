/**
 * Link statuses (SPEC X8) read the traces alone, so an analysis reports them with its `paths`
 * phase, before exposures, loads and findings: the app colours its map with them while the rest
 * runs. They must be the very statuses of the finished analysis, and come before any other phase.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../../src/engine/analyze-scenario.ts';
import { createAnalysisSession } from '../../../../src/engine/analysis-session.ts';
import type { AnalysisProgressEvent } from '../../../../src/engine/session/session-state.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import { scenarioArbitrary } from '../../../support/arbitraries.ts';

describe('link statuses ahead of the analysis', () => {
  it('[X8] come with the first phase and equal the finished analysis’s statuses (small scenarios of every kind)', () => {
    for (const s of fc.sample(scenarioArbitrary, { seed: 23, numRuns: 100 })) {
      const events: AnalysisProgressEvent[] = [];
      const analysis = analyzeScenario(s, { onProgress: (p) => events.push(p) });
      expect(events.map((e) => e.phase)).toEqual(['paths', 'exposure', 'findings']);
      expect(events[0]!.links).toEqual(analysis.links);
      expect(events.slice(1).every((e) => e.links === undefined)).toBe(true);
    }
  });

  it('[X8] in a session’s first analysis of a generated region, plaintext links among them', () => {
    const s = generateScenario({ hosts: 40, seed: 3 });
    let early: AnalysisProgressEvent['links'];
    const session = createAnalysisSession(s, {}, (p) => {
      if (p.phase === 'paths') early = p.links;
    });
    expect(early).toEqual(session.analysis.links);
    expect(early!.some((l) => l.status === 'plaintext')).toBe(true);
    expect(early!.length).toBe(s.links.length);
  });
});
