/**
 * One call from scenario text to a finished report, for the app's worker and the CLI alike:
 * plain data in (text, file name, date), strings out. Both front ends go through this module,
 * so a report exported from the app and one written by the CLI are the same bytes.
 */
import { parseScenario } from '../model/parse-scenario.ts';
import type { Diagnostic, Scenario } from '../model/types.ts';
import type { Analysis, FlowTrace } from '../engine/types.ts';
import type { Comparison } from '../engine/throughput/compare-protections.ts';
import { buildReport } from './build-report.ts';
import { htmlReportPieces } from './html/render-html-report.ts';
import { markdownReportPieces } from './markdown/render-markdown-report.ts';
import { jsonReportPieces } from './render-json-report.ts';
import type { ReportModel } from './types.ts';

/** Report formats a pure renderer produces (PDF is HTML printed by Chromium, in the CLI). */
export type ReportFormat = 'html' | 'md' | 'json';

/** What to report on and how. */
export interface ReportRequest {
  text: string;
  /** The file's name as shown in the report (a base name: the reader's path is not the author's). */
  fileName: string;
  /** `YYYY-MM-DD`, printed on the report. */
  date: string;
  version?: string;
  attackers?: string[];
  format: ReportFormat;
  /** Markdown only: file names the Markdown gives its two pictures. */
  topologyFile?: string;
  chartFile?: string;
  /** The protection comparison of this very text, worked out elsewhere (the app: by two workers). */
  comparison?: Comparison;
}

/**
 * A finished report: one or more files' contents. The main file comes in pieces, in order (joined,
 * they are the file), each made when it is asked for: a large region's report is more text than
 * one JavaScript string can hold, and more than should be held at once, so it is written, or made
 * into a download, piece by piece. The pieces can be read once.
 */
export type RenderedReport =
  | { format: 'html'; html: Iterable<string> }
  | { format: 'md'; markdown: Iterable<string>; svg: string; chartSvg: string }
  | { format: 'json'; json: Iterable<string> };

/** Renders a built report model in one format. */
export function renderReport(report: ReportModel, request: Pick<ReportRequest, 'format' | 'topologyFile' | 'chartFile'>): RenderedReport {
  if (request.format === 'html') return { format: 'html', html: htmlReportPieces(report) };
  if (request.format === 'json') return { format: 'json', json: jsonReportPieces(report) };
  const files = {
    ...(request.topologyFile !== undefined ? { topologyFile: request.topologyFile } : {}),
    ...(request.chartFile !== undefined ? { chartFile: request.chartFile } : {}),
  };
  return { format: 'md', ...markdownReportPieces(report, files) };
}

/** One file of a rendered report: its name, media type and contents in pieces (joined, the file; read once). */
export interface ReportFile {
  name: string;
  type: string;
  parts: Iterable<string>;
}

/** The names of a report's files after `stem` (the scenario file's name without its extension), as the app downloads them. */
export function reportFileNames(stem: string): { report: string; topologyFile: string; chartFile: string } {
  return { report: `${stem}-report`, topologyFile: `${stem}-topology.svg`, chartFile: `${stem}-comparison.svg` };
}

/**
 * The files of a rendered report: the report itself as `<stem>-report.<format>`, and a Markdown
 * report's two SVGs under the names it was rendered to link (`names`, from `reportFileNames`).
 */
export function reportFiles(report: RenderedReport, names: ReturnType<typeof reportFileNames>): ReportFile[] {
  if (report.format === 'html') return [{ name: `${names.report}.html`, type: 'text/html', parts: report.html }];
  if (report.format === 'json') return [{ name: `${names.report}.json`, type: 'application/json', parts: report.json }];
  return [
    { name: `${names.report}.md`, type: 'text/markdown', parts: report.markdown },
    { name: names.topologyFile, type: 'image/svg+xml', parts: [report.svg] },
    { name: names.chartFile, type: 'image/svg+xml', parts: [report.chartSvg] },
  ];
}

/**
 * Parses the text and renders its report; diagnostics only when the file is invalid (SPEC §1.2).
 * With `analysed`, the text's model and its analysis over the request's attackers, made elsewhere
 * (the app's analysis session), the text is neither parsed nor analysed again.
 */
export function exportReport(
  request: ReportRequest,
  analysed?: { model: Scenario; analysis: Analysis; traces: ReadonlyMap<string, FlowTrace> },
): { diagnostics: Diagnostic[]; report?: RenderedReport } {
  const { model, diagnostics } = analysed ? { model: analysed.model, diagnostics: [] } : parseScenario(request.text, { fileName: request.fileName });
  if (!model || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const report = buildReport({
    ...(analysed ? { analysed } : {}),
    text: request.text,
    fileName: request.fileName,
    model,
    date: request.date,
    ...(request.version !== undefined ? { version: request.version } : {}),
    ...(request.attackers !== undefined ? { attackers: request.attackers } : {}),
    ...(request.comparison !== undefined ? { comparison: request.comparison } : {}),
  });
  return { diagnostics, report: renderReport(report, request) };
}
