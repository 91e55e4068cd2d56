import { describe, expect, it } from 'vitest';
import type { Analysis, Exposure } from '../../src/engine/types.ts';
import { indexExposures } from '../../src/app/lens/exposure-format.ts';
import { readableExposures, summarizeExposures } from '../../workers/exposure-summary.ts';

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
