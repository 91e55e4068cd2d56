/**
 * Reads and parses a scenario file for a command, printing every diagnostic (SPEC §1.2) to stderr.
 * Returns the model, or the exit status the command must end with.
 */
import { resolve } from 'node:path';
import { formatDiagnostic } from '../model/format-diagnostic.ts';
import { parseScenario } from '../model/parse-scenario.ts';
import type { Diagnostic, Scenario } from '../model/types.ts';
import { EXIT, type CliIo } from './cli-io.ts';

/** Outcome of loading: a valid model, or the exit status (66 unreadable, 2 invalid). */
export type Loaded = { model: Scenario; diagnostics: Diagnostic[] } | { exit: number };

// Node's fs error codes (libuv errno names) in the words a user expects.
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent of it is not a directory',
};

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && READ_ERRORS[code]) return READ_ERRORS[code];
  return error instanceof Error ? error.message : String(error);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning` — the tally printed after the diagnostics. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}`;
}

/** Reads `file`, prints every diagnostic with its code frame, and returns the model when valid. */
export async function loadScenario(file: string, io: CliIo): Promise<Loaded> {
  let text: string;
  try {
    text = await io.readFile(resolve(io.cwd ?? process.cwd(), file));
  } catch (error) {
    io.stderr(`plainsight: cannot read '${file}': ${describeReadError(error)}\n`);
    return { exit: EXIT.noInput };
  }
  const { model, diagnostics } = parseScenario(text, { fileName: file });
  // Every diagnostic, not just the first (SPEC §1.2), each followed by a blank line.
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d, text, file).trimEnd()}\n\n`);
  const failed = diagnostics.some((d) => d.severity === 'error') || !model;
  if (diagnostics.length > 0) io.stderr(`${file}: ${countDiagnostics(diagnostics)}\n`);
  if (failed && diagnostics.length === 0) io.stderr(`${file}: not a valid scenario\n`);
  if (failed) return { exit: EXIT.invalidFile };
  return { model, diagnostics };
}
