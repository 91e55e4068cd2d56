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
import { htmlPaths } from './html-paths.ts';
import { htmlCover, htmlSummary, htmlToc } from './html-summary.ts';
import { htmlThroughput } from './html-throughput.ts';
import { reportCss } from './report-css.ts';

/** Sections in reading order: anchor, title, renderer (HTML, or HTML in pieces), starts a printed page. */
const SECTIONS: [string, string, (r: ReportModel) => string | Iterable<string>, boolean][] = [
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
  return Array.from(htmlReportPieces(report)).join('');
}

/**
 * The HTML document in pieces, in order (joined, it is `renderHtmlReport`): the report of a
 * 5,000-host region is more HTML than one JavaScript string can hold, so files are written piece
 * by piece. Each section is rendered when its turn comes, and its long lists a thousand items at a
 * time: that region's report is 554 million characters, and made all at once before being written
 * they were all alive together, next to the analysis they report on.
 */
export function* htmlReportPieces(report: ReportModel): Generator<string> {
  const { source } = report;
  const css = reportCss({
    title: `Plainsight report · ${report.title}`,
    date: source.date,
    source: `${source.fileName} · SHA-256 ${source.sha256.slice(0, 16)}…`,
  });
  const generator = `Plainsight${source.version ? ` ${source.version}` : ''}`;
  function* body(): Generator<string> {
    yield `${htmlCover(report)}\n${htmlToc(SECTIONS.map(([id, title]) => [id, title]))}\n`;
    for (const [i, [id, title, render, page]] of SECTIONS.entries()) {
      if (i > 0) yield '\n';
      const rendered = render(report);
      yield* sectionPieces(id, title, typeof rendered === 'string' ? [rendered] : rendered, page);
    }
  }
  yield* htmlDocumentPieces({ title: `${report.title} — Plainsight report`, css, generator, body: body() });
}
