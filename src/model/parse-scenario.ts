/**
 * Parsing a scenario file (SPEC §1, §1.2): YAML or JSON text → normalised model plus every
 * diagnostic, each with its model path and 1-based line/column, sorted by position.
 */
import { MAX_FILE_CHARS } from './defaults.ts';
import { createReporter, finalizeDiagnostics, hasErrorDrafts } from './draft-diagnostic.ts';
import { formatModelPath } from './format-model-path.ts';
import { loadYaml } from './load-yaml.ts';
import { createLocator } from './locate-node.ts';
import { readPlainYaml, readPlainYamlInStages } from './read-plain-yaml.ts';
import { rereadEdited } from './reread-plain-yaml.ts';
import { runStages } from './run-stages.ts';
import type { ShapeMemo } from './check-shape.ts';
import type { Diagnostic, ParseResult, Scenario } from './types.ts';

/** Options of parseScenario. */
export interface ParseOptions {
  /** Name of the file, for callers that format diagnostics; parsing itself does not use it. */
  fileName?: string;
  /**
   * Hears the scenario's topology (every entity but the flows, `flows` empty) as soon as it is
   * read and checked, before the flows are read, with how many flows the file lists. Only when
   * that part alone has no error (but requirements naming flows not read yet) and the file is in
   * the plain subset with its flows as a block list; the result still says whether the whole file
   * is valid. A 1,000-host region's topology is an eighth of its text.
   */
  onTopology?: (topology: Scenario, flowCount: number) => void;
  /**
   * The least number of flows for which `onTopology` hears the topology (0 when left out): a
   * smaller file is read and checked in one go, as the page shows its map with its analysis anyway
   * and the topology's checks would run twice.
   */
  topologyFrom?: number;
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
function parseClean(text: string, previous?: CleanReading, keep = false, ahead: Pick<ParseOptions, 'onTopology' | 'topologyFrom'> = {}): { result: ParseResult; reading: CleanReading } | undefined {
  if (text.length > MAX_FILE_CHARS) return undefined;
  let value = previous ? rereadEdited(previous.text, previous.value, text) : undefined;
  let memo: { previous?: ShapeMemo; next?: ShapeMemo } | undefined = keep ? (previous?.memo ? { previous: previous.memo } : {}) : undefined;
  if (value === undefined && ahead.onTopology) {
    const staged = readTopologyFirst(text, ahead.onTopology, ahead.topologyFrom ?? 0);
    value = staged?.value;
    // The topology's shape checks are replayed for the whole file: its entities are the same objects at the same places.
    if (staged?.memo) memo = { previous: staged.memo };
  }
  value ??= readPlainYaml(text);
  if (value === undefined) return undefined;
  const reporter = createReporter();
  const model = runStages(value, reporter, memo ? { keep: memo } : {});
  if (!model || reporter.drafts.length > 0) return undefined;
  return { result: { model, diagnostics: [] }, reading: { text, value, ...(keep && memo?.next ? { memo: memo.next } : {}) } };
}

/**
 * Reads and checks everything but the flows, tells `onTopology` when that has no error, then reads
 * the flows: the whole value, as `readPlainYaml` gives it, and what the topology's checks leave
 * for the whole file's (check-shape.ts `ShapeMemo`). Undefined when the plain reader cannot read
 * the file in two stages.
 */
function readTopologyFirst(text: string, onTopology: NonNullable<ParseOptions['onTopology']>, from: number): { value?: Record<string, unknown>; memo?: ShapeMemo } | undefined {
  const staged = readPlainYamlInStages(text, 'flows');
  if (!staged) return undefined;
  if (staged.deferredItems < from) {
    const value = staged.rest();
    return value ? { value } : undefined;
  }
  const reporter = createReporter();
  const keep: { next?: ShapeMemo } = {};
  const topology = runStages(staged.first, reporter, { keep });
  // Requirements may name flows, which are not read yet: the whole file's checks decide about those.
  if (topology && !hasErrorDrafts(reporter.drafts.filter((d) => d.code !== 'requirement_unknown_flow'))) onTopology(topology, staged.deferredItems);
  const value = staged.rest();
  return value ? { value, ...(keep.next ? { memo: keep.next } : {}) } : undefined;
}

/** Parses a scenario; the model is present only when no diagnostic is an error. */
export function parseScenario(text: string, options: ParseOptions = {}): ParseResult {
  return parseClean(text, undefined, false, options)?.result ?? parseScenarioFully(text, options);
}

/**
 * `parseScenario` of a text that may be an edit of one read before: with that text's clean reading
 * only the edited item is read again. Returns the result and, when it is clean, this text's reading.
 */
export function parseEdited(text: string, previous: CleanReading | undefined, options: ParseOptions = {}): { result: ParseResult; reading?: CleanReading } {
  return parseClean(text, previous, true, options) ?? { result: parseScenarioFully(text, options) };
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
