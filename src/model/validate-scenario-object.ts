/**
 * Validation of a scenario that is already a plain object (the app edits objects, not text):
 * the same shape and semantic stages as parseScenario, with model paths but no line/column.
 */
import { createReporter, finalizeDiagnostics, hasErrorDrafts } from './draft-diagnostic.ts';
import { formatModelPath } from './format-model-path.ts';
import { runStages } from './run-stages.ts';
import { acceptModelFields } from './to-file-object.ts';
import type { ParseResult } from './types.ts';

/**
 * Validates a plain scenario object — file-shaped, or an already normalised `Scenario` (its
 * derived fields `memberIds`, `endpoints` and `mesh` are recomputed) — and normalises it.
 */
export function validateScenarioObject(raw: unknown): ParseResult {
  const reporter = createReporter();
  const model = runStages(acceptModelFields(raw), reporter);
  const diagnostics = finalizeDiagnostics(reporter.drafts, () => undefined, formatModelPath);
  return model && !hasErrorDrafts(reporter.drafts) ? { model, diagnostics } : { diagnostics };
}
