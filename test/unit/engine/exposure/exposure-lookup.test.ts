import { describe, expect, it } from 'vitest';
import { exposureLookup } from '../../../../src/engine/exposure/exposure-lookup.ts';
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
});
