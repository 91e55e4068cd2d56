/**
 * Builds report models of the example scenarios with a fixed date and version, so goldens and
 * structural tests do not change with the calendar or a release.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { buildReport } from '../../../src/report/build-report.ts';
import type { ReportModel } from '../../../src/report/types.ts';

export const ROOT = join(import.meta.dirname, '../../..');
export const DATE = '2026-01-15';
export const VERSION = '0.0.0-test';

/** Text and model of a file under the repository root. */
export function loadFile(path: string): { text: string; fileName: string; model: Scenario } {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const { model, diagnostics } = parseScenario(text, { fileName });
  if (!model) throw new Error(`${path} is invalid: ${diagnostics.map((d) => d.message).join('; ')}`);
  return { text, fileName, model };
}

/** The report model of `scenarios/<name>.yaml`. */
export function exampleReport(name: string, date = DATE): ReportModel {
  return buildReport({ ...loadFile(`scenarios/${name}.yaml`), date, version: VERSION });
}

/**
 * The report with a counter on its scenario text, which only the appendix (the last section)
 * reads: a renderer that has not read it has not made the appendix yet.
 */
export function watchAppendix(report: ReportModel): { watched: ReportModel; reads: () => number } {
  let reads = 0;
  const watched = {
    ...report,
    get scenarioText() {
      reads++;
      return report.scenarioText;
    },
  };
  return { watched, reads: () => reads };
}
