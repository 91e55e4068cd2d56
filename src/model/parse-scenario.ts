/**
 * Parsing a scenario file (SPEC §1, §1.2): YAML or JSON text → normalised model plus every
 * diagnostic, each with its model path and 1-based line/column, sorted by position.
 */
import { MAX_FILE_CHARS } from './defaults.ts';
import { createReporter, finalizeDiagnostics, hasErrorDrafts } from './draft-diagnostic.ts';
import { formatModelPath } from './format-model-path.ts';
import { loadYaml } from './load-yaml.ts';
import { createLocator } from './locate-node.ts';
import { readPlainYaml } from './read-plain-yaml.ts';
import { rereadEdited } from './reread-plain-yaml.ts';
import { runStages } from './run-stages.ts';
import type { ShapeMemo } from './check-shape.ts';
import type { Diagnostic, ParseResult } from './types.ts';

/** Options of parseScenario. */
export interface ParseOptions {
  /** Name of the file, for callers that format diagnostics; parsing itself does not use it. */
  fileName?: string;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** A file read cleanly by the plain reader: its text and plain value, kept to read the next edit of it. */
export interface CleanReading {
  text: string;
  value: Record<string, unknown>;
  /** What its entities' shape checks left (check-shape.ts), replayed for the items an edit left alone. */
  memo?: ShapeMemo;
}

/**
 * The common case fast: a file in the plain YAML subset (read-plain-yaml.ts) without a single
 * diagnostic needs no positions, so the full parser is skipped; any diagnostic, or a file outside
 * the subset, goes the full way, which reports exactly as before. After an edit inside one item of
 * a list, only that item is read again (reread-plain-yaml.ts) and shape-checked again (the others'
 * checks are kept, check-shape.ts); references and semantics are always checked on the whole.
 */
function parseClean(text: string, previous?: CleanReading, keep = false): { result: ParseResult; reading: CleanReading } | undefined {
  if (text.length > MAX_FILE_CHARS) return undefined;
  const value = (previous && rereadEdited(previous.text, previous.value, text)) ?? readPlainYaml(text);
  if (value === undefined) return undefined;
  const reporter = createReporter();
  const memo: { previous?: ShapeMemo; next?: ShapeMemo } | undefined = keep ? (previous?.memo ? { previous: previous.memo } : {}) : undefined;
  const model = runStages(value, reporter, memo ? { keep: memo } : {});
  if (!model || reporter.drafts.length > 0) return undefined;
  return { result: { model, diagnostics: [] }, reading: { text, value, ...(memo?.next ? { memo: memo.next } : {}) } };
}

/** Parses a scenario; the model is present only when no diagnostic is an error. */
export function parseScenario(text: string, options: ParseOptions = {}): ParseResult {
  return parseClean(text)?.result ?? parseScenarioFully(text, options);
}

/**
 * `parseScenario` of a text that may be an edit of one read before: with that text's clean reading
 * only the edited item is read again. Returns the result and, when it is clean, this text's reading.
 */
export function parseEdited(text: string, previous: CleanReading | undefined, options: ParseOptions = {}): { result: ParseResult; reading?: CleanReading } {
  return parseClean(text, previous, true) ?? { result: parseScenarioFully(text, options) };
}

/** Parses with the full YAML parser, positions and all: what `parseScenario` does whenever a file has diagnostics. */
export function parseScenarioFully(text: string, _options: ParseOptions = {}): ParseResult {
  const reporter = createReporter();
  const loaded = loadYaml(text, reporter);
  const model = loaded.value === undefined ? undefined : runStages(loaded.value, reporter);
  const locate = createLocator(loaded.doc, loaded.lineCounter);
  // Stable sort: problems at one spot keep stage order (syntax, shape, meaning).
  const diagnostics = finalizeDiagnostics(reporter.drafts, locate, formatModelPath).sort(byPosition);
  return model && !hasErrorDrafts(reporter.drafts) ? { model, diagnostics } : { diagnostics };
}
