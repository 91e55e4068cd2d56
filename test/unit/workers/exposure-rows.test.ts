/**
 * Packed exposures read by position on the page: the rows give every pair the engine made (its
 * flow, attacker, level and tamper bit), at its position, and a look-up by flow and attacker finds
 * the same pairs as over the engine's list — without anything holding all pairs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../src/engine/analyze-scenario.ts';
import { exposureLookup } from '../../../src/engine/exposure/exposure-lookup.ts';
import type { Analysis, Exposure, ExposureHead } from '../../../src/engine/types.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { createPackedRows } from '../../../workers/exposure-rows.ts';
import { packExposures } from '../../../workers/packed-exposures.ts';
import type { ExposureTable } from '../../../src/engine/exposure/exposure-table.ts';
import { scenarioArbitrary } from '../../support/arbitraries.ts';
import { checkProperty, PROPERTY_SEED, PROPERTY_TIMEOUT_MS } from '../../support/check-property.ts';
import { scenarioToYaml } from '../../support/scenario-yaml.ts';
import { headsOf } from '../../support/list-rows.ts';
import { rowsArray } from '../../../src/engine/row-list.ts';

const headOf = (e: Exposure | undefined): ExposureHead | undefined => (e ? headsOf([e])[0] : undefined);

const ROOT = new URL('../../../', import.meta.url).pathname;
const examples = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

function rowsOf(analysis: Analysis) {
  const packed = packExposures(analysis.exposures, rowsArray(analysis.flows));
  if (!packed) throw new Error('the engine’s exposures are not laid out flow by flow');
  return createPackedRows(packed, rowsArray(analysis.flows));
}

/** Throws unless the rows over the packed table read exactly as the engine's list. */
function expectSameRows(analysis: Analysis): void {
  // The engine's pairs one by one, as its table's iteration makes them.
  const list = headsOf(analysis.exposures);
  const rows = rowsOf(analysis);
  expect(rows.length).toBe(list.length);
  for (let i = 0; i < list.length; i++) expect(rows.at(i)).toEqual(list[i]);
  for (const i of [list.length, list.length + 7, -list.length - 1, Infinity, -Infinity])
    expect(rows.at(i), `at(${i})`).toBeUndefined();
  // As `Array.prototype.at`: negative positions count from the end, fractions are cut, NaN is 0.
  for (const i of [-1, -list.length, 0.7, NaN]) expect(rows.at(i), `at(${i})`).toEqual(list.at(i));
}

/** Throws unless a look-up over the rows answers as one over the engine's list, for every pair and some unknown ids. */
function expectSameLookup(analysis: Analysis): void {
  const overRows = exposureLookup(rowsOf(analysis));
  const overList = exposureLookup(headsOf(analysis.exposures));
  const flows = [...analysis.flows.map((f) => f.id), 'no-such-flow', '', '~'];
  const attackers = [...new Set(analysis.exposures.map((e) => e.attacker)), 'no-such-attacker'];
  for (const flow of flows)
    for (const attacker of attackers) expect(overRows(flow, attacker), `${flow} × ${attacker}`).toEqual(overList(flow, attacker));
}

describe('createPackedRows', () => {
  it.each(examples)('%s: every position reads the engine’s pair, and nothing past the ends', (file) => {
    const analysis = analyzeScenario(parseScenario(readFileSync(join(ROOT, 'scenarios', file), 'utf8')).model!);
    expectSameRows(analysis);
    expectSameLookup(analysis);
  });

  it(`random small analyses read the same by position and by pair (seed ${PROPERTY_SEED})`, () => {
    checkProperty(
      fc.property(scenarioArbitrary, (s) => {
        const analysis = analyzeScenario(s);
        if (analysis.flows.length === 0) return;
        expectSameRows(analysis);
        expectSameLookup(analysis);
      }),
      { numRuns: 40, show: scenarioToYaml },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('a generated region: each pair is made fresh when asked for, with the outcome the engine worked out', () => {
    const analysis = analyzeScenario(generateScenario({ hosts: 20 }));
    const packed = packExposures(analysis.exposures, rowsArray(analysis.flows))!;
    const rows = createPackedRows(packed, rowsArray(analysis.flows));
    expectSameRows(analysis);
    expectSameLookup(analysis);
    const table = analysis.exposures as ExposureTable;
    for (let k = 0; k < packed.at.length; k++) expect(rows.at(packed.at[k]!)).toEqual(headOf(table.detail(k)));
    const plain = analysis.exposures.findIndex((_, i) => !packed.at.includes(i));
    expect(rows.at(plain)).not.toBe(rows.at(plain));
    expect(rows.at(plain)).toEqual(rows.at(plain));
  });

  it('rows over the engine’s flows are complete (a look-up trusts a miss); over flows out of id order they are not, and a look-up still finds every pair', () => {
    expect(rowsOf(analyzeScenario(generateScenario({ hosts: 4 }))).complete).toBe(true);
    const e = (flow: string, attacker: string): Exposure => ({ flow, attacker, level: 'none', tamper: false, vantages: [], reasons: [] });
    const flows = [{ id: 'f2' }, { id: 'f1' }];
    const list = [e('f2', 'a'), e('f2', 'b'), e('f1', 'a'), e('f1', 'b')];
    const rows = createPackedRows(packExposures(list, flows)!, flows);
    expect(rows.complete).toBe(false);
    const find = exposureLookup(rows);
    for (const x of list) expect(find(x.flow, x.attacker)).toEqual(headOf(x));
    expect(find('f3', 'a')).toBeUndefined();
  });

  it('an analysis without attackers has no rows', () => {
    const analysis = analyzeScenario({ ...generateScenario({ hosts: 4 }), attackers: [] });
    const rows = rowsOf(analysis);
    expect(rows.length).toBe(0);
    expect(rows.at(0)).toBeUndefined();
    expect(exposureLookup(rows)(analysis.flows.at(0)!.id, 'a')).toBeUndefined();
  });
});
