/**
 * Runs the finding rules over one exposure analysis and returns their findings sorted and
 * de-duplicated, so the same scenario always gives byte-identical output (STYLE "Rules").
 */
import { insertSorted, mergeSorted } from '../sorted-lists.ts';
import type { Finding, Reason, Severity } from '../types.ts';
import { rules as registry } from './rules/index.ts';
import type { Rule, RuleContext } from './rules/rule.ts';

/** Everything a rule reads; `runRules` adds the `report` function. */
export type RuleInput = Omit<RuleContext, 'report'>;

/** Subject lists longer than this are not serialised into a map key. */
const LONG_SUBJECTS = 32;

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

/** Two lists of findings, each sorted (`compareFindings`), as one sorted list. */
export function mergeFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  return mergeSorted(a, b, compareFindings);
}

function mergeReasons(into: Reason[], more: readonly Reason[]): void {
  const seen = new Set(into.map((r) => JSON.stringify(r)));
  for (const reason of more) {
    const key = JSON.stringify(reason);
    if (!seen.has(key)) into.push(reason);
    seen.add(key);
  }
}

/** True when each id is greater than the one before it, from position `from` on. */
function ascending(ids: readonly string[], from: number): boolean {
  for (let i = from + 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
}

/** Up to this many subjects are put in order one by one (`insertSorted`). */
const SHORT_SUBJECTS = 6;

/**
 * Subjects sorted and without repeats. Rules mostly pass a sorted list (a link's flows), often
 * behind the one id it is about; those are checked and spliced in one pass, since a busy link
 * lists thousands of flows and some rules report every link.
 */
export function sortedSubjects(subjects: readonly string[]): string[] {
  if (subjects.length <= 1) return subjects.slice();
  if (ascending(subjects, 0)) return subjects.slice();
  if (ascending(subjects, 1)) {
    const rest = subjects.slice(1);
    insertSorted(rest, subjects[0]!);
    return rest;
  }
  if (subjects.length <= SHORT_SUBJECTS) {
    // A failed requirement names three subjects, and there are thousands: no set, no sort.
    const out: string[] = [];
    for (const id of subjects) insertSorted(out, id);
    return out;
  }
  return [...new Set(subjects)].sort(compareStrings);
}

/** Runs every rule (the registry by default); a rule that throws is a bug and aborts the run, naming the rule. */
export function runRules(input: RuleInput, rules: readonly Rule[] = registry): Finding[] {
  const found: Finding[] = [];
  for (const rule of rules) {
    // Findings of one rule merge when subjects and message agree; rules never share findings. Short
    // subject lists key a map directly (a JSON array is self-delimiting, so the key is unambiguous);
    // long ones (a busy link's flows) are bucketed by message and compared, not serialised.
    const byKey = new Map<string, Finding>();
    const byMessage = new Map<string, Finding[]>();
    const report: RuleContext['report'] = ({ subjects, message, reasons = [], severity = rule.severity, distinct = false }) => {
      const sorted = sortedSubjects(subjects);
      if (distinct) {
        found.push({ rule: rule.id, severity, subjects: sorted, message, reasons: reasons.slice() });
        return;
      }
      const short = sorted.length <= LONG_SUBJECTS;
      const key = short ? JSON.stringify(sorted) + message : '';
      const bucket = short ? undefined : byMessage.get(message);
      const existing = short ? byKey.get(key) : bucket?.find((f) => compareLists(f.subjects, sorted) === 0);
      if (!existing) {
        const finding = { rule: rule.id, severity, subjects: sorted, message, reasons: reasons.slice() };
        if (short) byKey.set(key, finding);
        else if (bucket) bucket.push(finding);
        else byMessage.set(message, [finding]);
        found.push(finding);
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
  return found.sort(compareFindings);
}
