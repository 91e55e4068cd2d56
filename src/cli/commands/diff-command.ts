/**
 * `plainsight diff <before> <after>`: what a change to a scenario did — links that became
 * encrypted or plaintext, exposures that changed per attacker, findings added or removed,
 * requirement results and throughput. Exit 0 when nothing gets worse, 1 when something does.
 */
import { basename, resolve } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import { buildDiffReport, type DiffInputSide } from '../../report/diff/build-diff-report.ts';
import { renderDiffHtml, renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../report/diff/render-diff.ts';
import type { DiffReport } from '../../report/diff/diff-types.ts';
import { EXIT, type CliIo } from '../cli-io.ts';
import { loadScenario } from '../load-scenario.ts';
import type { DiffFormat } from '../parse-args.ts';
import { resolveReportDate } from '../report-date.ts';

/** Options of one `diff` run. */
export interface DiffRequest {
  before: string;
  after: string;
  format: DiffFormat;
  out?: string;
  date?: string;
}

async function load(file: string, io: CliIo): Promise<DiffInputSide | { exit: number }> {
  let text = '';
  const loaded = await loadScenario(file, { ...io, readFile: async (path) => (text = await io.readFile(path)) });
  if ('exit' in loaded) return loaded;
  return { text, fileName: basename(file), model: loaded.model };
}

const RENDER: Record<DiffFormat, (report: DiffReport) => string> = {
  text: renderDiffText,
  md: renderDiffMarkdown,
  html: renderDiffHtml,
  json: renderDiffJson,
};

/** Runs `diff` and returns its exit status. */
export async function diffCommand(request: DiffRequest, io: CliIo): Promise<number> {
  const date = resolveReportDate(request.date, process.env, () => new Date());
  const before = await load(request.before, io);
  const after = await load(request.after, io);
  if ('exit' in before) return before.exit;
  if ('exit' in after) return after.exit;
  const report = buildDiffReport({ before, after, date, version: packageJson.version });
  const output = RENDER[request.format](report);
  if (request.out === undefined) io.stdout(output);
  else {
    try {
      await io.writeFile(resolve(io.cwd ?? process.cwd(), request.out), output);
    } catch (error) {
      io.stderr(`plainsight: cannot write '${request.out}': ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.cantCreate;
    }
  }
  return report.diff.regressions > 0 ? EXIT.requirementFailed : EXIT.ok;
}
