import { describe, expect, it } from 'vitest';
import type { Analysis, Exposure } from '../../src/engine/types.ts';
import { headsOf } from '../support/list-rows.ts';
import { analyzeScenario } from '../../src/engine/analyze-scenario.ts';
import { generateScenario } from '../../src/generate/generate-scenario.ts';
import type { PageAnalysis } from '../../src/app/analysis-client.ts';
import { lensHighlight } from '../../src/app/canvas/lens-highlight.ts';
import { indexExposures } from '../../src/app/lens/exposure-format.ts';
import { createPackedRows } from '../../workers/exposure-rows.ts';
import { readableExposures, summarizeExposures } from '../../workers/exposure-summary.ts';
import { packExposures } from '../../workers/packed-exposures.ts';
import { rowsArray } from '../../src/engine/row-list.ts';

const exposure = (flow: string, attacker: string, level: Exposure['level'] = 'none'): Exposure => ({ flow, attacker, level, tamper: false, vantages: [], reasons: [] });
const analysisOf = (exposures: Exposure[]) => ({ exposures }) as unknown as Analysis;

describe('indexExposures', () => {
  it('finds every pair of an engine-ordered list (flow by flow, attackers in one order)', () => {
    const list = ['f1', 'f2', 'f3'].flatMap((f) => ['a', 'b'].map((a) => exposure(f, a, f === 'f2' && a === 'b' ? 'payload' : 'none')));
    const index = indexExposures(analysisOf(list));
    for (const e of list) expect(index.get(e.flow, e.attacker)).toBe(e);
    expect(index.get('f2', 'b')?.level).toBe('payload');
    expect(index.get('f9', 'a')).toBeUndefined();
    expect(index.get('f1', 'zz')).toBeUndefined();
  });

  it('finds every pair of a list in any other order, or with pairs missing', () => {
    const list = [exposure('f2', 'b'), exposure('f1', 'a'), exposure('f1', 'b')];
    const index = indexExposures(analysisOf(list));
    for (const e of list) expect(index.get(e.flow, e.attacker)).toBe(e);
    expect(index.get('f2', 'a')).toBeUndefined();
    expect(indexExposures(undefined).get('f1', 'a')).toBeUndefined();
  });

  it('finds every pair among many rows (binary search over flows in id order)', () => {
    const flows = Array.from({ length: 1000 }, (_, i) => `f${String(i).padStart(4, '0')}`);
    const list = flows.flatMap((f, i) => ['a', 'b', 'c'].map((a) => exposure(f, a, i % 97 === 0 && a === 'c' ? 'headers' : 'none')));
    const index = indexExposures(analysisOf(list));
    for (const e of list) expect(index.get(e.flow, e.attacker)).toBe(e);
    expect(index.get('f0097', 'c')?.level).toBe('headers');
    expect(index.get('f0097x', 'c')).toBeUndefined();
    // The matrix's "only readable" filter: the flows of the readable pairs, through the worker's summary.
    const summary = summarizeExposures(list);
    expect(new Set(readableExposures(list, summary, ['c']).map((e) => e.flow)).size).toBe(11);
    expect(new Set(readableExposures(list, summary, ['a']).map((e) => e.flow)).size).toBe(0);
  });
});

describe('the views over a packed analysis (exposures read by position)', () => {
  const scenario = generateScenario({ hosts: 20 });
  const whole = analyzeScenario(scenario);
  const packed: PageAnalysis = { ...whole, exposures: createPackedRows(packExposures(whole.exposures, rowsArray(whole.flows))!, rowsArray(whole.flows)) };
  const summary = summarizeExposures(whole.exposures);
  const attackers = scenario.attackers.map((a) => a.id);
  const choices = [...attackers.map((a) => [a]), attackers.slice(0, 3), attackers];

  it('the packed rows summarise as the full list: every attacker has its entry, also one that sees nothing', () => {
    expect(summarizeExposures(packed.exposures)).toEqual(summary);
    expect(Object.values(summary).some((c) => c!.payload + c!.headers + c!.tamper + c!.at.metadata.length === 0)).toBe(true);
  });

  it('the index finds every pair as over the full list, and nothing for unknown ids', () => {
    const overRows = indexExposures(packed);
    const overList = indexExposures(whole);
    for (const e of whole.exposures) expect(overRows.get(e.flow, e.attacker)).toEqual(headsOf([e])[0]);
    for (const [flow, attacker] of [['no-such-flow', attackers[0]!], [whole.flows.at(0)!.id, 'no-such-attacker']] as const)
      expect([overRows.get(flow, attacker), overList.get(flow, attacker)]).toEqual([undefined, undefined]);
  });

  it('the lens list and the canvas highlight of any picked attackers are those of the full list', () => {
    const drawnFlows = new Set(whole.flows.filter((_, i) => i % 3 === 0).map((f) => f.id));
    for (const chosen of choices) {
      expect(readableExposures(packed.exposures, summary, chosen)).toEqual(headsOf(readableExposures(whole.exposures, summary, chosen)));
      expect(lensHighlight(scenario, packed, { attackers: chosen }, { summary })).toEqual(lensHighlight(scenario, whole, { attackers: chosen }));
      expect(lensHighlight(scenario, packed, { attackers: chosen }, { summary, drawnFlows })).toEqual(
        lensHighlight(scenario, whole, { attackers: chosen }, { summary, drawnFlows }),
      );
    }
    // Some attacker reads something, so the comparison above is not one of empty highlights.
    expect(choices.some((c) => Object.keys(lensHighlight(scenario, packed, { attackers: c }, { summary }).flows ?? {}).length > 0)).toBe(true);
  });
});

