/**
 * `plainsight validate <file>`: diagnostics only (SPEC §4). Exit 0 when valid, warnings allowed.
 */
import { EXIT, type CliIo } from '../cli-io.ts';
import { loadScenario, countDiagnostics } from '../load-scenario.ts';

/** Validates one scenario file; prints a one-line confirmation to stdout when it is valid. */
export async function validateCommand(file: string, io: CliIo): Promise<number> {
  const loaded = await loadScenario(file, io);
  if ('exit' in loaded) return loaded.exit;
  const warnings = loaded.diagnostics.length > 0 ? ` (${countDiagnostics(loaded.diagnostics)})` : '';
  io.stdout(`${file}: valid scenario "${loaded.model.name}"${warnings}\n`);
  return EXIT.ok;
}
