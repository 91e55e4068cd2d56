/**
 * Runs one rule directly over a full exposure analysis, for the throughput rules (their findings do
 * not depend on being listed in the registry).
 */
import { analyzeExposure } from '../../../../src/engine/exposure/analyze-exposure.ts';
import type { Rule } from '../../../../src/engine/exposure/rules/rule.ts';
import type { Finding, Severity } from '../../../../src/engine/types.ts';
import type { Scenario } from '../../../../src/model/types.ts';

/** The findings one rule reports on a scenario, in report order. */
export function runRule(rule: Rule, model: Scenario): Finding[] {
  const { result, traces, index, throughput } = analyzeExposure(model);
  const findings: Finding[] = [];
  rule.check({
    scenario: model,
    index,
    traces,
    flows: result.flows,
    links: result.links,
    exposures: result.exposures,
    requirements: result.requirements,
    throughput,
    report: (f: { subjects: string[]; message: string; reasons?: Finding['reasons']; severity?: Severity }) =>
      findings.push({
        rule: rule.id,
        severity: f.severity ?? rule.severity,
        subjects: f.subjects,
        message: f.message,
        reasons: f.reasons ?? [],
      }),
  });
  return findings;
}
