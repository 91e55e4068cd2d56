/**
 * The Markdown report of `plainsight analyze --format md` (GitHub-flavoured): the sections of the
 * text report as tables and lists, for pull-request comments and CI summaries. Deterministic.
 */
import { escapeMarkdown } from './markdown.ts';
import {
  mdFindings,
  mdFlows,
  mdLinks,
  mdMatrix,
  mdRemediation,
  mdRequirements,
  mdWhy,
} from './md-sections.ts';
import type { FormatOptions, Report } from './report.ts';

function verdict(report: Report): string {
  const results = report.analysis.requirements;
  const failed = results.filter((r) => !r.pass).length;
  if (results.length === 0) return '**Result:** no requirements to check.';
  if (failed === 0)
    return `**Result:** all ${results.length} requirement${results.length === 1 ? '' : 's'} hold.`;
  return `**Result:** ${failed} of ${results.length} requirement${results.length === 1 ? '' : 's'} failed.`;
}

/** Renders an analysis as GitHub-flavoured Markdown, ending with a newline. */
export function formatMarkdown(report: Report, options: FormatOptions = {}): string {
  const { scenario } = report.analysis;
  const lines = [`# Plainsight analysis: ${escapeMarkdown(scenario.name)}`, ''];
  // The description is the author's own Markdown (SPEC §1), so it goes in unescaped.
  if (scenario.description !== undefined && scenario.description.trim() !== '')
    lines.push(scenario.description.trim(), '');
  lines.push(verdict(report));
  const remediation = mdRemediation(report, options);
  const sections: [string, string[]][] = [
    ['Links', mdLinks(report)],
    ['Exposure (flow × attacker)', mdMatrix(report)],
    ['Flows', mdFlows(report)],
    ['Findings', mdFindings(report, options)],
    ['Requirements', mdRequirements(report)],
    ['Why', mdWhy(report)],
    ...(remediation.length > 0 ? [['Remediation', remediation] as [string, string[]]] : []),
  ];
  for (const [title, body] of sections) lines.push('', `## ${title}`, '', ...body);
  return lines.join('\n') + '\n';
}
