import { describe, expect, it } from 'vitest';
import { validateScenarioObject } from '../../../src/model/validate-scenario-object.ts';

describe('[§1.2] validating a scenario object (the app edits objects, not text)', () => {
  it('runs the same shape and semantic checks, with model paths and no line or column', () => {
    const raw = {
      plainsight: 1,
      name: 'Object',
      sites: [{ id: 'dc1', trust: 'trusted' }],
      hosts: [{ id: 'h1', site: 'dc1', role: 'compute', colour: 'red' }],
      links: [{ id: 'l1', between: ['h1', 'h9'] }],
    };
    const { model, diagnostics } = validateScenarioObject(raw);
    expect(model).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        code: 'unknown_field',
        severity: 'error',
        message: 'unknown field `colour` in host `h1`',
        path: ['hosts', 0, 'colour'],
        hint: 'known fields: id, name, site, role, ip, cpu, nic',
      },
      {
        code: 'link_unknown_endpoint',
        severity: 'error',
        message: '`between[1]` of link `l1` names `h9`, but there is no host or device with that id',
        path: ['links', 0, 'between', 1],
      },
    ]);
  });

  it('names the first use of a duplicated id by its model path', () => {
    const raw = {
      plainsight: 1,
      name: 'Dup',
      sites: [{ id: 'x', trust: 'trusted' }],
      devices: [{ id: 'x', site: 'x', kind: 'switch' }],
    };
    expect(validateScenarioObject(raw).diagnostics[0]).toMatchObject({
      code: 'duplicate_id',
      message: 'id `x` of this device is already used by a site (sites[0].id)',
      path: ['devices', 0, 'id'],
    });
  });

  it('returns the normalised model alongside warnings', () => {
    const raw = { plainsight: 1, name: 'Warn', attackers: [{ id: 'a', at: {}, can: ['read'] }] };
    const { model, diagnostics } = validateScenarioObject(raw);
    expect(diagnostics.map((d) => d.code)).toEqual(['attacker_nowhere']);
    expect(model?.attackers[0]?.knows).toEqual([]);
  });

  it('reports a value that is not a mapping at all', () => {
    expect(validateScenarioObject([1, 2]).diagnostics.map((d) => d.code)).toEqual(['not_a_mapping']);
    expect(validateScenarioObject(null).diagnostics.map((d) => d.code)).toEqual(['not_a_mapping']);
  });

  it('never changes the object it is given', () => {
    const raw = {
      plainsight: 1,
      name: 'Frozen',
      sites: [{ id: 'dc1', trust: 'trusted' }],
      hosts: [{ id: 'h1', site: 'dc1', role: 'compute' }],
    };
    const copy = structuredClone(raw);
    validateScenarioObject(Object.freeze(raw));
    expect(raw).toEqual(copy);
  });
});
