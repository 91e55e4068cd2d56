import { describe, expect, it } from 'vitest';
import { planMerge } from '../../src/app/import/merge-imported.ts';
import { applyYamlEdits, scanIds } from '../../src/app/state/yaml-edit.ts';

const open = ['plainsight: 1', 'name: Mine', '# my sites', 'sites:', '  - { id: dc1, trust: trusted }', 'hosts:', '  - { id: hv1, site: dc1, role: compute } # edited by hand', ''].join('\n');

describe('merging an imported deployment into the open scenario (issue 6)', () => {
  const imported = [
    { collection: 'sites', value: { id: 'unassigned', trust: 'shared' } },
    { collection: 'hosts', value: { id: 'hv1', site: 'unassigned', role: 'gateway' } },
    { collection: 'hosts', value: { id: 'hv2', site: 'unassigned', role: 'compute' } },
    { collection: 'overlays', value: { id: 'ovn-geneve', type: 'geneve', members: ['hv1', 'hv2'] } },
    { collection: 'description', value: { id: 'not-a-collection' } },
  ];

  it('adds the entities whose ids are new and keeps the user’s own entity of the same id', () => {
    const plan = planMerge(imported, scanIds(open));
    expect(plan.added).toEqual(['unassigned', 'hv2', 'ovn-geneve']);
    expect(plan.skipped).toEqual(['hv1']);
    const merged = applyYamlEdits(open, plan.edits);
    expect(merged).toContain('# edited by hand');
    expect(merged).toContain('# my sites');
    expect(merged).toMatch(/id: hv1, site: dc1, role: compute/);
    expect(merged).toContain('overlays:');
  });

  it('an entity listed twice in the import is appended once', () => {
    const plan = planMerge([imported[2]!, imported[2]!], new Set());
    expect(plan.added).toEqual(['hv2']);
  });

  it('merging the same import twice adds nothing the second time', () => {
    const once = applyYamlEdits(open, planMerge(imported, scanIds(open)).edits);
    expect(planMerge(imported, scanIds(once)).edits).toEqual([]);
  });
});
