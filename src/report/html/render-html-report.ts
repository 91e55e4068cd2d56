/**
 * The HTML report: one self-contained file — inline CSS and SVG, no script, no external request
 * (a Content-Security-Policy forbids any) — that opens offline and prints to PDF with page breaks
 * and running headers. Deterministic: the same report model gives the same bytes.
 */
import type { ReportModel } from '../types.ts';
import { htmlAppendix, htmlAssumptions } from './html-appendix.ts';
import { htmlExposure, htmlRequirements } from './html-exposure.ts';
import { htmlFindings } from './html-findings.ts';
import { htmlLinks, htmlTopology } from './html-network.ts';
import { htmlDocumentPieces, sectionPieces } from './html-parts.ts';
import { appendAll } from '../../model/long-lists.ts';
import { htmlPaths } from './html-paths.ts';
import { htmlCover, htmlSummary, htmlToc } from './html-summary.ts';
import { htmlThroughput } from './html-throughput.ts';
import { reportCss } from './report-css.ts';

/** Sections in reading order: anchor, title, renderer (HTML, or HTML in pieces), starts a printed page. */
const SECTIONS: [string, string, (r: ReportModel) => string | string[], boolean][] = [
  ['summary', 'Executive summary', htmlSummary, false],
  ['topology', 'Topology', htmlTopology, true],
  ['links', 'Link status', htmlLinks, false],
  ['exposure', 'Exposure: flow × attacker', htmlExposure, true],
  ['requirements', 'Requirements', htmlRequirements, false],
  ['findings', 'Findings', htmlFindings, true],
  ['paths', 'Flow paths and header stacks', htmlPaths, true],
  ['throughput', 'Throughput and the cost of encryption', htmlThroughput, true],
  ['assumptions', 'Assumptions', htmlAssumptions, true],
  ['appendix', 'Appendix: the scenario file', htmlAppendix, true],
];

/** Renders a report model as a complete, self-contained HTML document. */
export function renderHtmlReport(report: ReportModel): string {
  return htmlReportPieces(report).join('');
}

/**
 * The HTML document in pieces, in order (joined, it is `renderHtmlReport`): the report of a
 * 5,000-host region is more HTML than one JavaScript string can hold, so files are written piece
 * by piece.
 */
export function htmlReportPieces(report: ReportModel): string[] {
  const { source } = report;
  const css = reportCss({
    title: `Plainsight report · ${report.title}`,
    date: source.date,
    source: `${source.fileName} · SHA-256 ${source.sha256.slice(0, 16)}…`,
  });
  const generator = `Plainsight${source.version ? ` ${source.version}` : ''}`;
  const body: string[] = [`${htmlCover(report)}\n${htmlToc(SECTIONS.map(([id, title]) => [id, title]))}\n`];
  SECTIONS.forEach(([id, title, render, page], i) => {
    const rendered = render(report);
    if (i > 0) body.push('\n');
    appendAll(body, sectionPieces(id, title, typeof rendered === 'string' ? [rendered] : rendered, page));
  });
  return htmlDocumentPieces({ title: `${report.title} — Plainsight report`, css, generator, body });
}
