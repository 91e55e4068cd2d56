/**
 * Exposures packed for the trip from the worker to the page: only the pairs that say something
 * travel as objects, and reading the packed table by position gives back the very list the engine
 * made.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../src/engine/analyze-scenario.ts';
import type { Exposure } from '../../../src/engine/types.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { createPackedRows } from '../../../workers/exposure-rows.ts';
import type { PackedExposures } from '../../../src/engine/exposure/exposure-table.ts';
import { packExposures } from '../../../workers/packed-exposures.ts';
import { listRows } from '../../support/list-rows.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const examples = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

/** Every pair, read from the packed table by position. */
function unpackAll(packed: PackedExposures, flows: readonly { id: string }[]): Exposure[] {
  return listRows(createPackedRows(packed, flows));
}

function analysed(text: string) {
  return analyzeScenario(parseScenario(text).model!);
}

describe('packed exposures', () => {
  it.each(examples)('%s: the packed table read by position gives back every pair, in order, equal to the engine’s', (file) => {
    const analysis = analysed(readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
    const packed = packExposures(analysis.exposures, analysis.flows)!;
    expect(packed).toBeDefined();
    expect(unpackAll(packed, analysis.flows)).toEqual([...analysis.exposures]);
    // Every pair with a vantage, a reason, a level or tamper travels whole; only plain `none` pairs are left out.
    const saying = analysis.exposures.filter((e) => e.level !== 'none' || e.tamper || e.vantages.length > 0 || e.reasons.length > 0);
    expect(packed.detailed).toEqual(saying);
  });

  it('a generated region: most pairs stay behind, and reading the table gives the same list', () => {
    const analysis = analyzeScenario(generateScenario({ hosts: 20 }));
    const packed = packExposures(analysis.exposures, analysis.flows)!;
    expect(packed.attackers).toHaveLength(10);
    expect(packed.detailed.length).toBeLessThan(analysis.exposures.length / 2);
    expect([...packed.at]).toEqual([...packed.at].sort((a, b) => a - b));
    expect(unpackAll(packed, analysis.flows)).toEqual([...analysis.exposures]);
  });

  it('leaves exposures that are not laid out flow by flow, every attacker in the same order, as they are', () => {
    const e = (flow: string, attacker: string): Exposure => ({ flow, attacker, level: 'none', tamper: false, vantages: [], reasons: [] });
    const flows = [{ id: 'f1' }, { id: 'f2' }];
    expect(packExposures([e('f1', 'a'), e('f1', 'b'), e('f2', 'b'), e('f2', 'a')], flows)).toBeUndefined();
    expect(packExposures([e('f1', 'a'), e('f2', 'a'), e('f1', 'b')], flows)).toBeUndefined();
    expect(packExposures([e('f2', 'a'), e('f1', 'a')], flows)).toBeUndefined();
    expect(packExposures([], [])).toBeUndefined();
    expect(unpackAll(packExposures([e('f1', 'a'), e('f2', 'a')], flows)!, flows)).toEqual([e('f1', 'a'), e('f2', 'a')]);
  });
});
