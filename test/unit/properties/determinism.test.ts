/**
 * The analysis is a function of the scenario's meaning (SPEC §4: "the output is deterministic and
 * diffable"): the same scenario gives byte-identical JSON, the input is never mutated (STYLE
 * "Layers"), and neither the order entities are written in nor the names they are given matter
 * beyond the names themselves.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyzeScenario } from '../../../src/engine/analyze-scenario.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { reorderedArbitrary, scenarioArbitrary } from '../../support/arbitraries.ts';
import { checkProperty, PROPERTY_SEED, PROPERTY_TIMEOUT_MS } from '../../support/check-property.ts';
import { renameIds } from '../../support/rename-ids.ts';
import { scenarioToYaml } from '../../support/scenario-yaml.ts';

const RUNS = 150;
const json = (s: Scenario): string => JSON.stringify(analyzeScenario(s));

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `first difference at character ${i}:\n  expected …${a.slice(Math.max(0, i - 80), i + 80)}…\n  actual   …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

function assertSame(expected: string, actual: string): void {
  if (expected !== actual) throw new Error(firstDifference(expected, actual));
}

describe(`determinism (seed ${PROPERTY_SEED})`, () => {
  it('[§4] the same scenario always gives byte-identical JSON, and analysing it does not change it', () => {
    checkProperty(
      fc.property(scenarioArbitrary, (s) => {
        const before = JSON.stringify(s);
        const first = json(s);
        assertSame(before, JSON.stringify(s));
        assertSame(first, json(structuredClone(s)));
        assertSame(first, json(s));
      }),
      { numRuns: RUNS, show: scenarioToYaml },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('[§4] writing the entities in another order changes nothing (except the order of ipsec policies and WireGuard meshes, which SPEC gives meaning)', () => {
    const pairs = scenarioArbitrary.chain((s) => fc.tuple(fc.constant(s), reorderedArbitrary(s)));
    checkProperty(
      fc.property(pairs, ([s, reordered]) => assertSame(json(s), json(reordered))),
      { numRuns: RUNS, show: ([s, r]) => `${scenarioToYaml(s)}--- reordered:\n${scenarioToYaml(r)}` },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('[§1][X1] renaming every id consistently (keeping their order) changes nothing but the names', () => {
    checkProperty(
      fc.property(scenarioArbitrary, (s) => {
        const { renamed, restore } = renameIds(s);
        assertSame(json(s), restore(json(renamed)));
      }),
      { numRuns: RUNS, show: scenarioToYaml },
    );
  }, PROPERTY_TIMEOUT_MS);
});
