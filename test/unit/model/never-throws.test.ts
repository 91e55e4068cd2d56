import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/model/format-diagnostic.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { validateScenarioObject } from '../../../src/model/validate-scenario-object.ts';

const valid = readFileSync(
  fileURLToPath(new URL('../../samples/valid-full/input.yaml', import.meta.url)),
  'utf8',
);

/** A valid file with a few characters replaced, inserted or deleted: typical half-typed input. */
const edited = fc
  .array(
    fc.tuple(
      fc.nat({ max: valid.length }),
      fc.nat({ max: 3 }),
      fc.constantFrom('', ' ', '\t', ':', '-', '[', '{', '}', '"', '\n', '&a', '*a', 'x', '0'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((edits) =>
    edits.reduce((text, [at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut), valid),
  );

// Fixed seeds: the same inputs on every run (no unseeded randomness in tests).
// Property runs parse hundreds of files; allow for a busy machine.
describe('[§1.2] the parser reports problems and never throws', { timeout: 60_000 }, () => {
  it('on half-edited scenario files, with every diagnostic located and printable', () => {
    fc.assert(
      fc.property(edited, (text) => {
        const { model, diagnostics } = parseScenario(text);
        expect(model !== undefined).toBe(diagnostics.every((d) => d.severity === 'warning'));
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(formatDiagnostic(d, text)).toContain(d.code);
        }
      }),
      { seed: 1122, numRuns: 200 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void parseScenario(text)),
      { seed: 2211, numRuns: 300 },
    );
  });

  it('on arbitrary objects given to validateScenarioObject', () => {
    const scenarioLike = fc.record(
      {
        plainsight: fc.anything(),
        name: fc.anything(),
        hosts: fc.anything(),
        flows: fc.anything(),
        layout: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), scenarioLike), (value) => void validateScenarioObject(value)),
      { seed: 3311, numRuns: 300 },
    );
  });
});
