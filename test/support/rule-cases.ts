/**
 * Table-driven rule tests (STYLE "Tests"): each case builds a scenario, runs the whole exposure
 * analysis and compares the findings of one rule. Every rule also gets the empty-scenario case.
 */
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/engine/analysis-session.ts';
import { analyzeExposure } from '../../src/engine/exposure/analyze-exposure.ts';
import type { Rule } from '../../src/engine/exposure/rules/rule.ts';
import { TraceStore } from '../../src/engine/exposure/trace-store.ts';
import type { Finding, Severity } from '../../src/engine/types.ts';
import type { Scenario } from '../../src/model/types.ts';
import { scenario } from './model-builder.ts';

/** What a test states about one finding: its subjects (sorted), and optionally severity and message. */
export interface ExpectedFinding {
  subjects: string[];
  severity?: Severity;
  /** Substrings the message must contain (ids and numbers a reader needs). */
  mentions?: string[];
}

/** A scenario on which the rule reports exactly `expected` (in output order). */
export interface FiringCase {
  title: string;
  build: () => Scenario;
  expected: ExpectedFinding[];
}

/** A scenario on which the rule stays silent. */
export interface SilentCase {
  title: string;
  build: () => Scenario;
}

/**
 * The findings of one rule after the full analysis of a scenario. A one-shot analysis (the CLI's)
 * hands its rules digests of the flows, an analysis session its traces (rules/helpers/flow-digest.ts):
 * both must find the same, to the byte. The one-shot analysis must not have traced a flow again for
 * its rules: a digest that leaves out a flow it should cover still finds the same, by tracing it
 * again, at the cost the digests are there to save.
 */
export function findingsOf(ruleId: string, model: Scenario): Finding[] {
  const run = analyzeExposure(model);
  expect(run.traces).toBeInstanceOf(TraceStore);
  expect((run.traces as TraceStore).madeCount).toBe(0);
  const found = run.result.findings.filter((f) => f.rule === ruleId);
  const session = createAnalysisSession(model).analysis.findings.filter((f) => f.rule === ruleId);
  expect(JSON.stringify(found)).toBe(JSON.stringify(session));
  return found;
}

function checkFinding(finding: Finding, wanted: ExpectedFinding, rule: Rule): void {
  expect(finding.subjects).toEqual(wanted.subjects);
  expect(finding.severity).toBe(wanted.severity ?? rule.severity);
  for (const text of wanted.mentions ?? []) expect(finding.message).toContain(text);
  expect(finding.message).toMatch(/^\S.*\.$/s);
}

/** Declares the table tests of one rule: the empty scenario, the firing and the silent cases. */
export function describeRule(rule: Rule, cases: { fires: FiringCase[]; silent: SilentCase[] }): void {
  describe(`rule ${rule.id}`, () => {
    it('[§2.1] reports nothing for an empty scenario', () => {
      expect(findingsOf(rule.id, scenario().build())).toEqual([]);
    });
    it.each(cases.fires)('$title', ({ build, expected }) => {
      const findings = findingsOf(rule.id, build());
      expect(findings.map((f) => f.subjects)).toEqual(expected.map((e) => e.subjects));
      findings.forEach((finding, i) => checkFinding(finding, expected[i]!, rule));
    });
    it.each(cases.silent)('$title', ({ build }) => {
      expect(findingsOf(rule.id, build())).toEqual([]);
    });
  });
}
