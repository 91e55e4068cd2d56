/**
 * One call from two scenario texts to a rendered diff, for the app's "compare with saved version"
 * (through its worker) and any other front end: plain data in, a string out.
 */
import { parseScenario } from '../../model/parse-scenario.ts';
import type { Diagnostic } from '../../model/types.ts';
import { buildDiffReport, type DiffInputSide } from './build-diff-report.ts';
import { renderDiffHtml, renderDiffJson, renderDiffMarkdown, renderDiffText } from './render-diff.ts';
import type { DiffReport } from './diff-types.ts';

/** Two versions of a scenario file, the date line and the output format. */
export interface DiffRequest {
  before: { text: string; fileName: string };
  after: { text: string; fileName: string };
  date: string;
  version?: string;
  format: 'text' | 'md' | 'html' | 'json';
}

const RENDER: Record<DiffRequest['format'], (report: DiffReport) => string> = {
  text: renderDiffText,
  md: renderDiffMarkdown,
  html: renderDiffHtml,
  json: renderDiffJson,
};

function load(side: DiffRequest['before']): DiffInputSide | Diagnostic[] {
  const { model, diagnostics } = parseScenario(side.text, { fileName: side.fileName });
  if (!model || diagnostics.some((d) => d.severity === 'error')) return diagnostics;
  return { ...side, model };
}

/**
 * The rendered diff and the structured one (for a UI to highlight), or the diagnostics of
 * whichever side is invalid (SPEC §1.2).
 */
export function exportDiff(request: DiffRequest): { diagnostics: Diagnostic[]; output?: string; report?: DiffReport } {
  const before = load(request.before);
  const after = load(request.after);
  if (Array.isArray(before) || Array.isArray(after))
    return { diagnostics: [...(Array.isArray(before) ? before : []), ...(Array.isArray(after) ? after : [])] };
  const report = buildDiffReport({ before, after, date: request.date, ...(request.version !== undefined ? { version: request.version } : {}) });
  return { diagnostics: [], output: RENDER[request.format](report), report };
}
