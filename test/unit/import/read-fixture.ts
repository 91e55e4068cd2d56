/**
 * Reading the verbatim samples (test/fixtures/import/samples) and the synthetic host outputs in
 * test/fixtures/import for the importer's tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
/** The shared reference samples: verbatim real outputs (domain-facts §B.3). */
export const SAMPLES = fileURLToPath(new URL('../../fixtures/import/samples/', import.meta.url));

/** A sample's text by file name. */
export function sample(name: string): string {
  return readFileSync(SAMPLES + name, 'utf8');
}

/** Every file of a fixture directory, as importDeployment takes them, sorted by name. */
export function fixtureDir(dir: string): { name: string; text: string }[] {
  return readdirSync(FIXTURES + dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(`${FIXTURES}${dir}/${name}`, 'utf8') }));
}

/** One fixture file's text. */
export function fixture(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}
