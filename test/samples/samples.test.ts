/**
 * Golden diagnostics (SPEC §1.2): every folder holds an `input.yaml`, the diagnostics
 * parseScenario must report for it (`diagnostics.json`) and how they print (`formatted.txt`, the
 * easiest place to check lines and columns by eye). `UPDATE_SNAPSHOTS=1` rewrites both goldens.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/model/format-diagnostic.ts';
import { parseScenario } from '../../src/model/parse-scenario.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const update = process.env.UPDATE_SNAPSHOTS === '1';

/** Every sample folder, sorted. */
const SAMPLE_CASES = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function golden(file: string, actual: string): void {
  if (update || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('[§1.2] every problem of a file is reported with a stable code, path, line and column', () => {
  it.each(SAMPLE_CASES)('%s', (name) => {
    const text = readFileSync(join(root, name, 'input.yaml'), 'utf8');
    const { model, diagnostics } = parseScenario(text, { fileName: 'input.yaml' });
    golden(join(root, name, 'diagnostics.json'), `${JSON.stringify(diagnostics, null, 2)}\n`);
    const formatted = diagnostics.map((d) => formatDiagnostic(d, text, 'input.yaml')).join('\n\n');
    golden(join(root, name, 'formatted.txt'), formatted === '' ? '' : `${formatted}\n`);
    // A model comes back exactly when nothing is an error (warnings allowed).
    expect(model !== undefined).toBe(diagnostics.every((d) => d.severity === 'warning'));
  });
});
