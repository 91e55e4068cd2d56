/**
 * The terminal report of `plainsight analyze`: header, links, exposure matrix, flows, findings,
 * requirements and the reasons behind every exposure. Deterministic: no dates, no terminal
 * queries; colour and width come from the options.
 */
import { DEFAULT_WIDTH, type FormatOptions, type Report } from './report.ts';
import { renderFlows, renderLinks, renderMatrix } from './text-topology.ts';
import { createTextStyle } from './text-style.ts';
import { renderFindings, renderRequirements, renderWhy } from './text-verdicts.ts';
import { appendAll } from '../../model/long-lists.ts';

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

/** Renders an analysis for a human at a terminal, ending with a newline. */
export function formatText(report: Report, options: FormatOptions = {}): string {
  const style = createTextStyle(options.color ?? false);
  const width = options.width ?? DEFAULT_WIDTH;
  const { analysis } = report;
  const counts = [
    plural(analysis.links.length, 'link'),
    plural(analysis.flows.length, 'flow'),
    plural(new Set(analysis.exposures.map((e) => e.attacker)).size, 'attacker'),
    plural(analysis.findings.length, 'finding'),
  ].join(' · ');
  const sections: [string, string[]][] = [
    ['Links', renderLinks(report, style, width)],
    ['Exposure (flow × attacker)', renderMatrix(report, style, width)],
    ['Flows', renderFlows(report, style, width)],
    ['Findings', renderFindings(report, style, options, width)],
    ['Requirements', renderRequirements(report, style, width)],
    ['Why', renderWhy(report, style, width)],
  ];
  const lines = [style.bold(`Plainsight analysis: ${analysis.scenario.name}`), counts];
  for (const [title, body] of sections) appendAll(lines, ['', style.bold(title)].concat(body));
  lines.push('', style.bold(summary(report)));
  return lines.join('\n') + '\n';
}
