/**
 * Runs the finding rules over one exposure analysis and returns their findings sorted and
 * de-duplicated, so the same scenario always gives byte-identical output (STYLE "Rules").
 */
import type { Finding, Reason, Severity } from '../types.ts';
import { rules as registry } from './rules/index.ts';
import type { Rule, RuleContext } from './rules/rule.ts';

/** Everything a rule reads; `runRules` adds the `report` function. */
export type RuleInput = Omit<RuleContext, 'report'>;

/** Most to least severe; when two reports of one finding disagree, the more severe wins. */
const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareStrings(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Order of findings: rule id, then subjects id by id, then message (SPEC §4: deterministic and diffable). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.rule, b.rule) ||
    compareLists(a.subjects, b.subjects) ||
    compareStrings(a.message, b.message)
  );
}

function mergeReasons(into: Reason[], more: readonly Reason[]): void {
  const seen = new Set(into.map((r) => JSON.stringify(r)));
  for (const reason of more) {
    const key = JSON.stringify(reason);
    if (!seen.has(key)) into.push(reason);
    seen.add(key);
  }
}

/** Runs every rule (the registry by default); a rule that throws is a bug and aborts the run, naming the rule. */
export function runRules(input: RuleInput, rules: readonly Rule[] = registry): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const rule of rules) {
    const report: RuleContext['report'] = ({ subjects, message, reasons = [], severity = rule.severity }) => {
      const sorted = [...new Set(subjects)].sort(compareStrings);
      const key = JSON.stringify([rule.id, sorted, message]);
      const existing = byKey.get(key);
      if (!existing) {
        byKey.set(key, {
          rule: rule.id,
          severity,
          subjects: sorted,
          message,
          reasons: reasons.map((r) => ({ ...r })),
        });
        return;
      }
      if (SEVERITY_ORDER.indexOf(severity) < SEVERITY_ORDER.indexOf(existing.severity))
        existing.severity = severity;
      mergeReasons(existing.reasons, reasons);
    };
    try {
      rule.check({ ...input, report });
    } catch (error) {
      throw new Error(
        `Plainsight rule ${rule.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      );
    }
  }
  return [...byKey.values()].sort(compareFindings);
}
