/**
 * Exposures packed for the trip from the worker to the page: only the pairs that say something
 * travel, as positions and outcomes, and reading the packed table by position gives back the
 * engine's list as the page holds it (each pair's flow, attacker, level and tamper bit).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../src/engine/analyze-scenario.ts';
import type { Exposure, ExposureHead } from '../../../src/engine/types.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { createPackedRows } from '../../../workers/exposure-rows.ts';
import type { PackedExposures } from '../../../src/engine/exposure/exposure-table.ts';
import { packExposures } from '../../../workers/packed-exposures.ts';
import { headsOf, listRows } from '../../support/list-rows.ts';
import { rowsArray } from '../../../src/engine/row-list.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const examples = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

/** Every pair, read from the packed table by position. */
function unpackAll(packed: PackedExposures, flows: readonly { id: string }[]): ExposureHead[] {
  return listRows(createPackedRows(packed, flows));
}

function analysed(text: string) {
  return analyzeScenario(parseScenario(text).model!);
}

describe('packed exposures', () => {
  it.each(examples)('%s: the packed table read by position gives back every pair, in order, equal to the engine’s', (file) => {
    const analysis = analysed(readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
    const packed = packExposures(analysis.exposures, rowsArray(analysis.flows))!;
    expect(packed).toBeDefined();
    expect(unpackAll(packed, rowsArray(analysis.flows))).toEqual(headsOf(analysis.exposures));
    // Every pair with a vantage, a reason, a level or tamper travels (level rank, plus 4 for tamper); only plain `none` pairs are left out.
    const saying = [...analysis.exposures].flatMap((e, i) => (e.level !== 'none' || e.tamper || e.vantages.length > 0 || e.reasons.length > 0 ? [i] : []));
    expect([...packed.at]).toEqual(saying);
    const rank = { none: 0, metadata: 1, headers: 2, payload: 3 };
    expect([...packed.outcomes]).toEqual(saying.map((i) => rank[analysis.exposures.at(i)!.level] + (analysis.exposures.at(i)!.tamper ? 4 : 0)));
  });

  it('a generated region: most pairs stay behind, and reading the table gives the same list', () => {
    const analysis = analyzeScenario(generateScenario({ hosts: 20 }));
    const packed = packExposures(analysis.exposures, rowsArray(analysis.flows))!;
    expect(packed.attackers).toHaveLength(10);
    expect(packed.outcomes.length).toBe(packed.at.length);
    expect(packed.at.length).toBeLessThan(analysis.exposures.length / 2);
    expect([...packed.at]).toEqual([...packed.at].sort((a, b) => a - b));
    expect(unpackAll(packed, rowsArray(analysis.flows))).toEqual(headsOf(analysis.exposures));
  });

  it('leaves exposures that are not laid out flow by flow, every attacker in the same order, as they are', () => {
    const e = (flow: string, attacker: string): Exposure => ({ flow, attacker, level: 'none', tamper: false, vantages: [], reasons: [] });
    const flows = [{ id: 'f1' }, { id: 'f2' }];
    expect(packExposures([e('f1', 'a'), e('f1', 'b'), e('f2', 'b'), e('f2', 'a')], flows)).toBeUndefined();
    expect(packExposures([e('f1', 'a'), e('f2', 'a'), e('f1', 'b')], flows)).toBeUndefined();
    expect(packExposures([e('f2', 'a'), e('f1', 'a')], flows)).toBeUndefined();
    expect(packExposures([], [])).toBeUndefined();
    expect(unpackAll(packExposures([e('f1', 'a'), e('f2', 'a')], flows)!, flows)).toEqual(headsOf([e('f1', 'a'), e('f2', 'a')]));
  });
});
