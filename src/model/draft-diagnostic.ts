/**
 * Diagnostics while they are being collected: a code, a path and a message. Severity comes from
 * the code registry and the line/column are added at the end, only for the nodes that have a
 * problem (a 250,000-flow file never gets a position table).
 */
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostic-codes.ts';
import type { Diagnostic, ModelPath } from './types.ts';

/** Optional details of a diagnostic being reported. */
export interface DraftDetails {
  hint?: string;
  /** Point at the key of the last path segment instead of its value (unknown fields). */
  target?: 'key';
  /** A second place the message refers to (the first use of a duplicated id). */
  related?: ModelPath;
  /** Character offsets in the text when the problem has no model path (YAML syntax). */
  offset?: [number, number];
}

/** A diagnostic without severity and position yet. */
export interface DraftDiagnostic extends DraftDetails {
  code: DiagnosticCode;
  message: string;
  path: ModelPath;
}

/** Collects draft diagnostics of all stages. */
export interface Reporter {
  readonly drafts: DraftDiagnostic[];
  report(code: DiagnosticCode, path: ModelPath, message: string, details?: DraftDetails): void;
}

/** Creates an empty reporter. */
export function createReporter(): Reporter {
  const drafts: DraftDiagnostic[] = [];
  return {
    drafts,
    report(code, path, message, details) {
      drafts.push({ code, path, message, ...details });
    },
  };
}

/** True when some draft's code is an error. */
export function hasErrorDrafts(drafts: readonly DraftDiagnostic[]): boolean {
  return drafts.some((d) => DIAGNOSTIC_CODES[d.code].severity === 'error');
}

/** Line/column span of a node, 1-based, end exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Finds where a model path (or a raw offset range) sits in the file; undefined without a file. */
export type Locate = (draft: {
  path: ModelPath;
  target?: 'key';
  offset?: [number, number];
}) => Span | undefined;

/** Turns drafts into diagnostics: severity from the registry, position from `locate`. */
export function finalizeDiagnostics(
  drafts: readonly DraftDiagnostic[],
  locate: Locate,
  describePath: (path: ModelPath) => string,
): Diagnostic[] {
  return drafts.map((draft) => {
    let message = draft.message;
    if (draft.related) {
      const at = locate({ path: draft.related });
      message += at ? ` (line ${at.line}, column ${at.column})` : ` (${describePath(draft.related)})`;
    }
    const diagnostic: Diagnostic = {
      code: draft.code,
      severity: DIAGNOSTIC_CODES[draft.code].severity,
      message,
      path: draft.path,
    };
    const span = locate(draft);
    if (span) Object.assign(diagnostic, span);
    if (draft.hint !== undefined) diagnostic.hint = draft.hint;
    return diagnostic;
  });
}
