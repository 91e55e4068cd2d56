/**
 * Field-by-field comparison of an `Analysis` with a hand-worked expected file. Every function
 * returns readable mismatch lines (naming the flow, attacker, link or rule) instead of throwing,
 * so one test run lists every disagreement at once.
 */
import type { Analysis, Finding } from '../../src/engine/types.ts';
import type { ExpectedFinding, ExpectedScenario } from './expected-file.ts';

const show = (ids: readonly string[]): string => `[${ids.join(', ')}]`;
const sorted = (ids: readonly string[]): string[] => [...ids].sort();

/** Lists ids present on one side only, as "missing"/"unexpected" lines. */
function compareIdSets(kind: string, expected: readonly string[], actual: readonly string[]): string[] {
  const want = new Set(expected);
  const got = new Set(actual);
  return [
    ...expected
      .filter((id) => !got.has(id))
      .map((id) => `${kind} ${id}: expected but absent from the analysis`),
    ...actual
      .filter((id) => !want.has(id))
      .map((id) => `${kind} ${id}: in the analysis but not in the expected file`),
  ];
}

/** SPEC X1: each flow's path, hop by hop. */
export function comparePaths(expected: ExpectedScenario, analysis: Analysis): string[] {
  const lines = compareIdSets(
    'flow',
    Object.keys(expected.flows),
    analysis.flows.map((f) => f.id),
  );
  for (const flow of analysis.flows) {
    const want = expected.flows[flow.id];
    if (want && show(want.path) !== show(flow.path)) {
      lines.push(`flow ${flow.id}: path expected ${show(want.path)}, got ${show(flow.path)}`);
    }
  }
  return lines;
}

/** SPEC X8: the links where each flow's payload has no confidentiality layer (order-free). */
export function comparePlaintextLinks(expected: ExpectedScenario, analysis: Analysis): string[] {
  const lines: string[] = [];
  for (const flow of analysis.flows) {
    const want = expected.flows[flow.id];
    if (want && show(sorted(want.plaintextLinks)) !== show(sorted(flow.plaintextLinks))) {
      lines.push(
        `flow ${flow.id}: plaintextLinks expected ${show(sorted(want.plaintextLinks))}, got ${show(sorted(flow.plaintextLinks))}`,
      );
    }
  }
  return lines;
}

/** SPEC T2: each flow's innerMtu (null for host-local and unreachable flows). */
export function compareInnerMtu(expected: ExpectedScenario, analysis: Analysis): string[] {
  const lines: string[] = [];
  for (const flow of analysis.flows) {
    const want = expected.flows[flow.id];
    if (want && want.innerMtu !== flow.innerMtu) {
      lines.push(`flow ${flow.id}: innerMtu expected ${String(want.innerMtu)}, got ${String(flow.innerMtu)}`);
    }
  }
  return lines;
}

/** SPEC X8: every link's status. */
export function compareLinkStatuses(expected: ExpectedScenario, analysis: Analysis): string[] {
  const lines = compareIdSets(
    'link',
    Object.keys(expected.links),
    analysis.links.map((l) => l.id),
  );
  for (const link of analysis.links) {
    const want = expected.links[link.id];
    if (want && want !== link.status)
      lines.push(`link ${link.id}: status expected ${want}, got ${link.status} (flows ${show(link.flows)})`);
  }
  return lines;
}

/** SPEC X4–X7: level and tamper of every flow × attacker pair, both ways complete. */
export function compareExposures(expected: ExpectedScenario, analysis: Analysis): string[] {
  const lines: string[] = [];
  const actual = new Map(analysis.exposures.map((e) => [`${e.flow} × ${e.attacker}`, e]));
  const listed = new Set<string>();
  for (const [flow, want] of Object.entries(expected.flows)) {
    for (const [attacker, exp] of Object.entries(want.exposures)) {
      const key = `${flow} × ${attacker}`;
      listed.add(key);
      const got = actual.get(key);
      if (!got) {
        lines.push(
          `flow ${flow} × attacker ${attacker}: expected ${exp.level}/tamper ${String(exp.tamper)}, absent from the analysis`,
        );
        continue;
      }
      const why = got.reasons.map((r) => r.text).join('; ');
      if (got.level !== exp.level)
        lines.push(
          `flow ${flow} × attacker ${attacker}: level expected ${exp.level}, got ${got.level} (${why})`,
        );
      if (got.tamper !== exp.tamper)
        lines.push(
          `flow ${flow} × attacker ${attacker}: tamper expected ${String(exp.tamper)}, got ${String(got.tamper)} (${why})`,
        );
    }
  }
  for (const key of actual.keys()) {
    if (!listed.has(key)) lines.push(`flow × attacker ${key}: in the analysis but not in the expected file`);
  }
  return lines;
}

const covers = (finding: Finding, want: ExpectedFinding): boolean =>
  finding.rule === want.rule && want.subjects.every((s) => finding.subjects.includes(s));

/**
 * SPEC §2.1: every expected finding is present (same rule, its subjects among the actual ones);
 * with `complete`, every actual finding also corresponds to an expected entry.
 */
export function compareFindings(expected: ExpectedScenario, analysis: Analysis): string[] {
  const lines: string[] = [];
  for (const want of expected.findings.present) {
    if (!analysis.findings.some((f) => covers(f, want))) {
      const sameRule = analysis.findings.filter((f) => f.rule === want.rule).map((f) => show(f.subjects));
      lines.push(
        `finding ${want.rule} about ${show(want.subjects)}: missing (actual ${want.rule} findings: ${sameRule.join(' ') || 'none'})`,
      );
    }
  }
  if (!expected.findings.complete) return lines;
  for (const finding of analysis.findings) {
    if (!expected.findings.present.some((want) => covers(finding, want))) {
      lines.push(
        `finding ${finding.rule} about ${show(finding.subjects)}: not expected (${finding.message})`,
      );
    }
  }
  return lines;
}

/** SPEC §1.1 Requirement: pass or fail of each requirement. */
export function compareRequirements(expected: ExpectedScenario, analysis: Analysis): string[] {
  const lines = compareIdSets(
    'requirement',
    Object.keys(expected.requirements),
    analysis.requirements.map((r) => r.id),
  );
  for (const result of analysis.requirements) {
    const want = expected.requirements[result.id];
    if (want !== undefined && want !== result.pass) {
      const failures = result.failures.map(
        (f) => `${f.flow} × ${f.attacker}: ${f.level}${f.tamper ? '+tamper' : ''}`,
      );
      lines.push(
        `requirement ${result.id}: expected ${want ? 'pass' : 'fail'}, got ${result.pass ? 'pass' : 'fail'} ${show(failures)}`,
      );
    }
  }
  return lines;
}
