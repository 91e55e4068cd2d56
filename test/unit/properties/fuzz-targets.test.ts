/**
 * A bounded run of every fuzz target (test/fuzz/fuzz-targets.ts) in `npm test`: mutated scenario
 * objects, documents and files and mutated importer inputs never throw, never hang, and always
 * yield diagnostics or a result (SPEC §1.2). `npm run fuzz` runs the same targets 100,000 times.
 */
import { describe, it } from 'vitest';
import { fuzzTargets } from '../../fuzz/fuzz-targets.ts';
import { checkProperty, PROPERTY_SEED, PROPERTY_TIMEOUT_MS } from '../../support/check-property.ts';

const RUNS = 100;

describe(`fuzz targets, bounded (seed ${PROPERTY_SEED})`, () => {
  for (const target of fuzzTargets) {
    it(`[§1.2] ${target.name}: ${target.description} never throws and always yields diagnostics or a result`, () => {
      checkProperty(target.property(), { numRuns: RUNS, show: target.show });
    }, PROPERTY_TIMEOUT_MS);
  }
});
