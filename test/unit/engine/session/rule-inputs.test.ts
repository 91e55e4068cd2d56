/**
 * The analysis session re-runs only requirement-failed after an edit of attackers or requirements
 * (session/update-state.ts). That is right only while every other rule ignores exposures,
 * requirement results and attackers: checked here on scenarios of every kind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeExposure } from '../../../../src/engine/exposure/analyze-exposure.ts';
import { rules } from '../../../../src/engine/exposure/rules/index.ts';
import { requirementFailed } from '../../../../src/engine/exposure/rules/requirement-failed.ts';
import { runRules } from '../../../../src/engine/exposure/run-rules.ts';
import { scenarioArbitrary } from '../../../support/arbitraries.ts';

describe('rules the session does not re-run after an attacker edit', () => {
  it('[§2.1] find the same without exposures, requirement results or attackers', () => {
    const others = rules.filter((r) => r.id !== requirementFailed.id);
    for (const s of fc.sample(scenarioArbitrary, { seed: 13, numRuns: 150 })) {
      const run = analyzeExposure(s);
      const input = { scenario: s, index: run.index, traces: run.traces, flows: run.result.flows, links: run.result.links, exposures: run.result.exposures, requirements: run.result.requirements, throughput: run.throughput };
      const blind = { ...input, scenario: { ...s, attackers: [] }, exposures: [], requirements: [] };
      expect(runRules(blind, others)).toEqual(runRules(input, others));
    }
  });
});
