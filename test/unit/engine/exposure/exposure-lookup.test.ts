import { describe, expect, it } from 'vitest';
import { exposureLookup, type ExposureRows } from '../../../../src/engine/exposure/exposure-lookup.ts';
import type { Exposure } from '../../../../src/engine/types.ts';

const exposure = (flow: string, attacker: string, level: Exposure['level'] = 'none'): Exposure => ({ flow, attacker, level, tamper: false, vantages: [], reasons: [] });

describe('exposureLookup', () => {
  it('finds pairs of a list in the engine order by position (SPEC §4: by flow, then attacker)', () => {
    const list = ['f1', 'f2'].flatMap((f) => ['a', 'b'].map((a) => exposure(f, a)));
    const find = exposureLookup(list, () => false);
    // Nothing is indexed, so every hit comes from the positional search.
    for (const e of list) expect(find(e.flow, e.attacker)).toBe(e);
    expect(find('f3', 'a')).toBeUndefined();
  });

  it('indexes a list in any other order once, holding only what `indexed` accepts', () => {
    const list = [exposure('f2', 'b', 'payload'), exposure('f1', 'a'), exposure('f1', 'b', 'headers')];
    const find = exposureLookup(list, (e) => e.level !== 'none');
    expect(find('f1', 'b')).toBe(list[2]);
    expect(find('f2', 'b')).toBe(list[0]);
    expect(find('f1', 'a')).toBe(list[1]);
    expect(exposureLookup([list[1]!, list[0]!], (e) => e.level !== 'none')('f2', 'b')).toBe(list[0]);
  });

  it('reads rows that are not a list through `at`, and indexes them pair by pair when they are not in engine order', () => {
    const list = [exposure('f2', 'b', 'payload'), exposure('f1', 'a'), exposure('f1', 'b', 'headers')];
    const rows: ExposureRows = { length: list.length, at: (i) => list.at(i) };
    const find = exposureLookup(rows);
    for (const e of list) expect(find(e.flow, e.attacker)).toBe(e);
    expect(find('f2', 'a')).toBeUndefined();
  });

  it('finds the flows of a walk in order, and out of order, from the row found last or by a search', () => {
    const flows = Array.from({ length: 64 }, (_, i) => `f${String(i).padStart(2, '0')}`);
    const list = flows.flatMap((f) => ['a', 'b'].map((a) => exposure(f, a)));
    let reads = 0;
    const rows: ExposureRows = { length: list.length, complete: true, at: (i) => (reads++, list.at(i)) };
    const find = exposureLookup(rows);
    reads = 0;
    for (const f of flows) for (const a of ['a', 'b']) expect(find(f, a)).toBe(list[2 * flows.indexOf(f) + (a === 'a' ? 0 : 1)]);
    // In order: each pair is found from the row before (one or two row reads and the pair itself), never by a search.
    expect(reads).toBeLessThanOrEqual(4 * flows.length * 2);
    for (const f of [...flows].reverse()) expect(find(f, 'b')).toBe(list[2 * flows.indexOf(f) + 1]);
    expect(find('f99', 'a')).toBeUndefined();
  });

  it('trusts a miss in rows known to be complete: no index of all pairs is built', () => {
    const list = ['f1', 'f2', 'f3'].flatMap((f) => ['a', 'b'].map((a) => exposure(f, a)));
    let reads = 0;
    const rows: ExposureRows = { length: list.length, complete: true, at: (i) => (reads++, list.at(i)) };
    const find = exposureLookup(rows);
    for (const e of list) expect(find(e.flow, e.attacker)).toBe(e);
    reads = 0;
    expect(find('f9', 'a')).toBeUndefined();
    expect(find('f1', 'zz')).toBeUndefined();
    expect(reads).toBeLessThan(list.length);
  });
});
