/**
 * The terminal report of `plainsight analyze`: header, links, exposure matrix, flows, findings,
 * requirements and the reasons behind every exposure. Deterministic: no dates, no terminal
 * queries; colour and width come from the options.
 */
import { DEFAULT_WIDTH, type FormatOptions, type Report } from './report.ts';
import { exposureAttackers } from './report-queries.ts';
import { renderFlows, renderLinks, renderMatrix } from './text-topology.ts';
import { createTextStyle } from './text-style.ts';
import { renderFindings, renderRequirements, renderWhy } from './text-verdicts.ts';
import { appendAll, joinInPieces } from '../../model/long-lists.ts';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summary(report: Report): string {
  const { requirements } = report.analysis;
  const failed = requirements.filter((r) => !r.pass).length;
  if (requirements.length === 0) return 'Result: no requirements to check';
  if (failed === 0) return `Result: all ${plural(requirements.length, 'requirement')} hold`;
  return `Result: ${failed} of ${plural(requirements.length, 'requirement')} failed`;
}

/**
 * The text report in pieces (joined, it is `formatText`): each section's lines are joined about a
 * megabyte at a time as soon as the section is made. One string of the 5,000-host region's report
 * is 275 million characters, twice that in memory (its `·` and `×` make it two bytes a character),
 * and it was made from an array of all its lines: the CLI peaked at 3.8 GB.
 */
export function formatTextPieces(report: Report, options: FormatOptions = {}): string[] {
  const style = createTextStyle(options.color ?? false);
  const width = options.width ?? DEFAULT_WIDTH;
  const { analysis } = report;
  const attackers = new Set(exposureAttackers(analysis.exposures));
  const counts = [
    plural(analysis.links.length, 'link'),
    plural(analysis.flows.length, 'flow'),
    plural(attackers.size, 'attacker'),
    plural(analysis.findings.length, 'finding'),
  ].join(' · ');
  const sections: [string, () => string[]][] = [
    ['Links', () => renderLinks(report, style, width)],
    ['Exposure (flow × attacker)', () => renderMatrix(report, style, width)],
    ['Flows', () => renderFlows(report, style, width)],
    ['Findings', () => renderFindings(report, style, options, width)],
    ['Requirements', () => renderRequirements(report, style, width)],
    ['Why', () => renderWhy(report, style, width)],
  ];
  const pieces = [`${style.bold(`Plainsight analysis: ${analysis.scenario.name}`)}\n${counts}`];
  for (const [title, render] of sections) {
    pieces.push(`\n\n${style.bold(title)}`);
    const body = joinInPieces(render(), '\n');
    // The first piece of a body has no separator in front of it; the later ones begin with one.
    if (body.length > 0) body[0] = `\n${body[0]}`;
    appendAll(pieces, body);
  }
  pieces.push(`\n\n${style.bold(summary(report))}\n`);
  return pieces;
}

/** The text report as one string (small scenarios; the CLI writes `formatTextPieces`). */
export function formatText(report: Report, options: FormatOptions = {}): string {
  return formatTextPieces(report, options).join('');
}
