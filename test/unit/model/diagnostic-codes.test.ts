import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../../src/model/diagnostic-codes.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const registered = Object.entries(DIAGNOSTIC_CODES).map(([code, { severity }]) => [code, severity]);

/** `| \`code\` | severity |` rows of docs/diagnostics.md. */
function documentedCodes(): [string, string][] {
  const docs = readFileSync(`${root}docs/diagnostics.md`, 'utf8');
  return [...docs.matchAll(/^\|\s*`([a-z_]+)`\s*\|\s*(error|warning)\s*\|/gm)].map((match) => [
    match[1]!,
    match[2]!,
  ]);
}

/** Codes some golden sample reports. */
function codesInSamples(): Set<string> {
  const samples = `${root}test/samples`;
  const codes = new Set<string>();
  for (const entry of readdirSync(samples, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const diagnostics = JSON.parse(readFileSync(`${samples}/${entry.name}/diagnostics.json`, 'utf8')) as {
      code: string;
    }[];
    for (const { code } of diagnostics) codes.add(code);
  }
  return codes;
}

describe('[§1.2] diagnostic codes are stable, documented and tested', () => {
  it('docs/diagnostics.md documents exactly the registered codes, with their severities, in order', () => {
    expect(documentedCodes()).toEqual(registered);
  });

  it('every code is reported by at least one golden sample', () => {
    const covered = codesInSamples();
    // A file over 40 MiB cannot be committed as a sample; parse-file-guards.test.ts generates one.
    const notInSamples = registered.map(([code]) => code!).filter((code) => !covered.has(code));
    expect(notInSamples).toEqual(['file_too_large']);
  });

  it('codes are snake_case, so file problems never look like network findings (kebab-case)', () => {
    for (const [code] of registered) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});
