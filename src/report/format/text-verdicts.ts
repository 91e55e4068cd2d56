/**
 * Text report sections about judgements: findings grouped by severity (SPEC §2.1), requirements
 * with their failing pairs, and the reasons behind every exposure above `none` (X9).
 */
import type { Finding, Reason } from '../../engine/types.ts';
import { describeExposure, describeRequirement, SEVERITY_ORDER } from './labels.ts';
import type { FormatOptions, Report } from './report.ts';
import { seenExposures } from './report-queries.ts';
import { wrapIndented, wrapWords } from './text-layout.ts';
import { paintExposure, paintSeverity, visibleLength, type TextStyle } from './text-style.ts';
import { appendAll, maxOf } from '../../model/long-lists.ts';

const INDENT = '  ';

/** Reasons as a bullet list under `indent`; continuation lines align with the bullet's text. */
function renderReasons(reasons: readonly Reason[], indent: string, width: number): string[] {
  return reasons.flatMap((r) =>
    wrapIndented(r.text, `${indent}  `, width).map((line, i) =>
      i === 0 ? `${indent}· ${line.slice(indent.length + 2)}` : line,
    ),
  );
}

/** `rule — title  [subjects]` on one line; when too long, the subjects go on lines of their own. */
function findingHeading(finding: Finding, options: FormatOptions, width: number): string[] {
  const title = options.ruleInfo?.(finding.rule)?.title;
  const heading = `${INDENT.repeat(2)}${finding.rule}${title ? ` — ${title}` : ''}`;
  if (finding.subjects.length === 0) return [heading];
  const subjects = `[${finding.subjects.join(', ')}]`;
  if (heading.length + 2 + subjects.length <= width) return [`${heading}  ${subjects}`];
  const indent = INDENT.repeat(3);
  return [
    heading,
    ...wrapWords(subjects.split(', '), width - indent.length, ', ').map((line) => indent + line),
  ];
}

/** Findings under a heading per severity present: rule, subjects, message, reasons indented. */
export function renderFindings(
  report: Report,
  style: TextStyle,
  options: FormatOptions,
  width: number,
): string[] {
  const { findings } = report.analysis;
  if (findings.length === 0) return [`${INDENT}(no findings)`];
  const lines: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(INDENT + paintSeverity(style, severity)(style.bold(severity.toUpperCase())));
    for (const finding of group) {
      appendAll(lines, findingHeading(finding, options, width));
      appendAll(lines, wrapIndented(finding.message, INDENT.repeat(3), width));
      appendAll(lines, renderReasons(finding.reasons, INDENT.repeat(3), width));
    }
  }
  return lines;
}

/** Each requirement with ✓/✗, what it demands and, when it fails, every failing pair. */
export function renderRequirements(report: Report, style: TextStyle, width: number): string[] {
  const results = report.analysis.requirements;
  if (results.length === 0) return [`${INDENT}(no requirements)`];
  const idWidth = maxOf(results.map((r) => r.id.length));
  const lines: string[] = [];
  for (const result of results) {
    const requirement = report.scenario.requirements.find((r) => r.id === result.id);
    const mark = result.pass ? style.green('✓') : style.red('✗');
    const verdict = result.pass ? style.green('pass') : style.red('FAIL');
    const head = `${INDENT}${mark} ${result.id.padEnd(idWidth)}  ${verdict}  `;
    const demand = requirement ? describeRequirement(requirement) : '';
    const hanging = ' '.repeat(visibleLength(head));
    lines.push(
      ...wrapIndented(demand, hanging, width).map((line, i) =>
        (i === 0 ? head + line.trimStart() : line).trimEnd(),
      ),
    );
    for (const f of result.failures) {
      lines.push(
        ...wrapIndented(`${f.flow} × ${f.attacker}: ${describeExposure(f)}`, INDENT.repeat(3), width),
      );
    }
  }
  return lines;
}

/** For every exposure above `none`: the flow × attacker pair, what it sees, and why. */
export function renderWhy(report: Report, style: TextStyle, width: number): string[] {
  const exposed = seenExposures(report.analysis.exposures);
  if (exposed.length === 0) return [`${INDENT}(no attacker sees any flow)`];
  return exposed.flatMap((e) => [
    `${INDENT}${style.bold(`${e.flow} × ${e.attacker}`)}: ${paintExposure(style, e.level)(describeExposure(e))}`,
    ...renderReasons(e.reasons, INDENT.repeat(2), width),
  ]);
}
