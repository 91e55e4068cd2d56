/**
 * Builds a diff report from two scenario files: both analysed (SPEC §4), fingerprinted, and
 * compared by `diffAnalyses`. Pure: the date is an input.
 */
import { analyzeScenario } from '../../engine/analyze-scenario.ts';
import { sha256Hex } from '../../import/sha256.ts';
import type { Scenario } from '../../model/types.ts';
import { diffAnalyses } from './diff-analyses.ts';
import type { DiffReport } from './diff-types.ts';

/** One scenario file and its parsed model. */
export interface DiffInputSide {
  text: string;
  fileName: string;
  model: Scenario;
}

/** Two versions of a scenario and the date line. */
export interface DiffInput {
  before: DiffInputSide;
  after: DiffInputSide;
  date: string;
  version?: string;
}

function side(s: DiffInputSide, date: string): DiffReport['before'] {
  return { name: s.model.name, source: { fileName: s.fileName, sha256: sha256Hex(s.text), date } };
}

/** Analyses both scenarios and lists what changed from `before` to `after`. */
export function buildDiffReport(input: DiffInput): DiffReport {
  return {
    before: side(input.before, input.date),
    after: side(input.after, input.date),
    date: input.date,
    ...(input.version !== undefined ? { version: input.version } : {}),
    diff: diffAnalyses(analyzeScenario(input.before.model), analyzeScenario(input.after.model)),
  };
}
