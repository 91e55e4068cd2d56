/**
 * Report output of `plainsight analyze --format html|md|pdf` and of `plainsight report`: the
 * scenario file read once (its exact text is fingerprinted and printed as the appendix), the
 * pure report builders of src/report, and the files written — Markdown with its two SVG pictures
 * next to it, PDF through headless Chromium.
 */
import { basename, dirname, join, resolve } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import { buildReport } from '../../report/build-report.ts';
import { renderReport } from '../../report/export-report.ts';
import { htmlReportPieces } from '../../report/html/render-html-report.ts';
import type { ReportModel } from '../../report/types.ts';
import { applyCpuCalibrations } from '../calibrate-hosts.ts';
import { startComparison } from '../compare-in-worker.ts';
import { EXIT, UsageError, type CliIo } from '../cli-io.ts';
import { loadScenario } from '../load-scenario.ts';
import { chromiumMissingMessage, EX_UNAVAILABLE, findChromium, printPdf } from '../pdf.ts';
import { resolveReportDate } from '../report-date.ts';
import type { AnalyzeRequest } from './analyze-command.ts';
import { checkAttackers } from './analyze-command.ts';

/** V8's longest string, in UTF-16 code units (2^29 − 24 on 64-bit builds). */
const MAX_STRING_CHARS = 2 ** 29 - 24;

/** Picture files next to `out.md`: `out-topology.svg`, `out-comparison.svg`. */
export function pictureFiles(out: string | undefined, scenarioFile: string): { topology: string; chart: string } {
  const stem = basename(out ?? scenarioFile).replace(/\.[^.]*$/, '');
  return { topology: `${stem}-topology.svg`, chart: `${stem}-comparison.svg` };
}

/** Reads and parses the file through loadScenario, keeping the exact text it read. */
async function loadWithText(file: string, io: CliIo): Promise<{ text: string; report: (r: AnalyzeRequest) => Promise<ReportModel> } | { exit: number }> {
  let text = '';
  const loaded = await loadScenario(file, { ...io, readFile: async (path) => (text = await io.readFile(path)) });
  if ('exit' in loaded) return loaded;
  return {
    text,
    report: async (request) => {
      const attackers = [...new Set(request.attackers)];
      checkAttackers(loaded.model, attackers);
      const model = await applyCpuCalibrations(loaded.model, request.cpuCalibrations ?? [], io);
      const date = resolveReportDate(request.date, process.env, () => new Date());
      // The comparison's other half is worked out in a worker thread meanwhile (compare-in-worker.ts).
      const split = startComparison(model);
      // The base name: the reader's path to the file is not the author's (and the app has no path).
      const report = buildReport({ text, fileName: basename(file), model, date, version: packageJson.version, ...(attackers.length ? { attackers } : {}), comparisonRows: split.rows });
      return { ...report, comparison: await split.join(report.comparison) };
    },
  };
}

async function write(io: CliIo, out: string, text: string | Iterable<string>): Promise<boolean> {
  try {
    await io.writeFile(resolve(io.cwd ?? process.cwd(), out), text);
    return true;
  } catch (error) {
    io.stderr(`plainsight: cannot write '${out}': ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}

async function writePdf(report: ReportModel, out: string, io: CliIo): Promise<number> {
  const chromium = findChromium(process.env);
  if (chromium === undefined) {
    io.stderr(chromiumMissingMessage(process.env));
    return EX_UNAVAILABLE;
  }
  const pieces: string[] = [];
  let chars = 0;
  for (const piece of htmlReportPieces(report)) {
    chars += piece.length;
    // Chromium loads the page from one string; past V8's longest string the page cannot even be handed over.
    if (chars > MAX_STRING_CHARS) {
      io.stderr(`plainsight: the report is more than ${Math.floor(MAX_STRING_CHARS / 2 ** 20)} Mi characters of HTML, more than can be printed as one PDF; write it with --format html or md instead\n`);
      return EXIT.cantCreate;
    }
    pieces.push(piece);
  }
  try {
    await printPdf(pieces.join(''), resolve(io.cwd ?? process.cwd(), out), chromium);
    return EXIT.ok;
  } catch (error) {
    io.stderr(`plainsight: cannot print '${out}' with ${chromium}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.cantCreate;
  }
}

async function writeReport(report: ReportModel, request: AnalyzeRequest, io: CliIo): Promise<number> {
  const { out } = request;
  if (request.format === 'pdf') return writePdf(report, out!, io);
  const pictures = pictureFiles(out, request.file);
  const format = request.format === 'md' ? 'md' : request.format === 'json' ? 'json' : 'html';
  const rendered = renderReport(report, { format, topologyFile: pictures.topology, chartFile: pictures.chart });
  const main = rendered.format === 'html' ? rendered.html : rendered.format === 'md' ? rendered.markdown : rendered.json;
  if (out === undefined) {
    for (const piece of main) io.stdout(piece);
    if (rendered.format === 'md') io.stderr(`plainsight: the pictures ${pictures.topology} and ${pictures.chart} are written only with --out\n`);
    return EXIT.ok;
  }
  if (!(await write(io, out, main))) return EXIT.cantCreate;
  if (rendered.format !== 'md') return EXIT.ok;
  const dir = dirname(out);
  const ok = (await write(io, join(dir, pictures.topology), rendered.svg)) && (await write(io, join(dir, pictures.chart), rendered.chartSvg));
  return ok ? EXIT.ok : EXIT.cantCreate;
}

/** Writes the report in the requested format; exit 0/1 on the requirements like `analyze`. */
export async function reportCommand(request: AnalyzeRequest, io: CliIo): Promise<number> {
  if (request.format === 'text') throw new UsageError("'report' writes html, md, json or pdf; use 'analyze' for the text report");
  if (request.format === 'pdf' && request.out === undefined) throw new UsageError('--format pdf needs --out <file.pdf> (a PDF is not written to a terminal)');
  resolveReportDate(request.date, process.env, () => new Date());
  const loaded = await loadWithText(request.file, io);
  if ('exit' in loaded) return loaded.exit;
  const report = await loaded.report(request);
  const status = await writeReport(report, request, io);
  if (status !== EXIT.ok) return status;
  return report.analysis.requirements.every((r) => r.pass) ? EXIT.ok : EXIT.requirementFailed;
}
