/**
 * The Markdown report, for wikis and pull requests (GitHub-flavoured): the sections of the
 * analysis Markdown plus summary, findings with their documentation, header stacks, throughput,
 * assumptions and the scenario. Pictures cannot be inlined on Git hosts, so the topology and the
 * comparison chart come back as separate SVG files that the Markdown links to.
 */
import { formatComparisonMarkdown } from '../format/format-comparison.ts';
import { code, escapeMarkdown } from '../format/markdown.ts';
import { mdLinks, mdMatrix, mdRequirements, mdWhy } from '../format/md-sections.ts';
import { renderComparisonChartSvg } from '../svg/render-comparison-chart-svg.ts';
import { renderTopologySvg } from '../svg/render-topology-svg.ts';
import type { ReportModel } from '../types.ts';
import { mdAppendix, mdAssumptions } from './md-closing-sections.ts';
import { mdPaths, mdRuleFindings, mdSummary, mdThroughput } from './md-report-sections.ts';
import { gathered, separated } from '../../model/long-lists.ts';

/** File names the Markdown uses for its pictures (relative to the Markdown file). */
export interface MarkdownReportOptions {
  topologyFile?: string;
  chartFile?: string;
}

/** The Markdown text and the two pictures it links to. */
export interface MarkdownReport {
  markdown: string;
  /** The topology picture (SPEC X8 statuses). */
  svg: string;
  /** The protection comparison chart (SPEC T8). */
  chartSvg: string;
}

function trimEnd(lines: readonly string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  return lines.slice(0, end);
}

function header(report: ReportModel): string[] {
  const { source } = report;
  const generated = `${source.date}${source.version ? ` · Plainsight ${source.version}` : ''}`;
  // The description is the author's own Markdown (SPEC §1), so it goes in unescaped.
  const description = report.scenario.description?.trim();
  return [
    `# Plainsight report: ${escapeMarkdown(report.title)}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Scenario file | ${code(source.fileName)} |`,
    `| SHA-256 | \`${source.sha256}\` |`,
    `| Generated | ${generated} |`,
    ...(description ? ['', description] : []),
  ];
}

/** Renders the report as GitHub-flavoured Markdown plus its two SVG pictures. */
export function renderMarkdownReport(report: ReportModel, options: MarkdownReportOptions = {}): MarkdownReport {
  const rendered = markdownReportPieces(report, options);
  return { ...rendered, markdown: Array.from(rendered.markdown).join('') };
}

/**
 * `renderMarkdownReport` with the Markdown in pieces (joined, the same text), as files are written:
 * each section is made when its turn comes, so a large region's report is never held whole.
 */
export function markdownReportPieces(report: ReportModel, options: MarkdownReportOptions = {}): Omit<MarkdownReport, 'markdown'> & { markdown: Iterable<string> } {
  const topologyFile = options.topologyFile ?? 'topology.svg';
  const chartFile = options.chartFile ?? 'comparison.svg';
  const comparison = (): string[] => formatComparisonMarkdown(report.comparison).trimEnd().replace(/^## /, '### ').split('\n');
  const sections: [string, () => string[]][] = [
    ['Executive summary', () => mdSummary(report)],
    ['Topology', () => [`![Topology of the scenario: links coloured and patterned by status](${topologyFile})`, '', '_✗ plaintext payload (dashed) · ◐ headers readable (dotted) · ✓ encrypted (solid) · · idle (thin grey)_']],
    ['Links', () => mdLinks(report)],
    ['Exposure (flow × attacker)', () => [...mdMatrix(report), '', '### Why', '', ...mdWhy(report)]],
    ['Requirements', () => mdRequirements(report)],
    ['Findings', () => mdRuleFindings(report)],
    ['Flow paths and header stacks', () => mdPaths(report)],
    ['Throughput', () => [...mdThroughput(report), '', ...comparison(), '', `![Protection options: cost against exposure](${chartFile})`]],
    ['Assumptions', () => mdAssumptions(report)],
    ['Appendix: the scenario file', () => mdAppendix(report)],
  ];
  function* lines(): Generator<string> {
    yield* header(report);
    for (const [title, body] of sections) {
      yield* ['', `## ${title}`, ''];
      yield* trimEnd(body());
    }
  }
  function* text(): Generator<string> {
    yield* separated(lines(), '\n');
    yield '\n';
  }
  return {
    markdown: gathered(text()),
    svg: renderTopologySvg(report.scenario, report.analysis.links),
    chartSvg: renderComparisonChartSvg(report.comparison),
  };
}
