import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyYamlEdits, freshId, locateEntity, readEntities } from '../../src/app/state/yaml-edit.ts';

const base = `plainsight: 1
name: Demo
hosts:
  - { id: h1, site: s1, role: compute }  # first
  - { id: h2, site: s1, role: compute }
links:
  - { id: l1, between: [h1, h2] }
flows:
  - { id: f1, from: h1, to: h2 }
`;

describe('YAML edits keep the file the user wrote', () => {
  it('removing a host also removes the links that end at it (a link to nothing is useless)', () => {
    const out = parse(applyYamlEdits(base, [{ op: 'remove-entity', id: 'h2' }]));
    expect(out.hosts.map((h: { id: string }) => h.id)).toEqual(['h1']);
    expect(out.links).toEqual([]);
  });

  it('renaming an id renames every reference but no field name', () => {
    const text = applyYamlEdits(base, [{ op: 'rename', from: 'h1', to: 'compute-1' }]);
    const out = parse(text);
    expect(out.hosts[0].id).toBe('compute-1');
    expect(out.links[0].between).toEqual(['compute-1', 'h2']);
    expect(out.flows[0].from).toBe('compute-1');
    expect(text).toContain('# first');
  });

  it('appending to a collection that does not exist yet creates it', () => {
    const out = parse(applyYamlEdits(base, [{ op: 'append', collection: 'sites', value: { id: 's1', trust: 'trusted' } }]));
    expect(out.sites).toEqual([{ id: 's1', trust: 'trusted' }]);
  });

  it('positions go into the layout block as whole numbers, never renderer JSON (STYLE)', () => {
    const out = parse(applyYamlEdits(base, [{ op: 'layout', positions: { h1: { x: 10.4, y: -3.6 } } }]));
    expect(out.layout).toEqual({ h1: { x: 10, y: -4 } });
  });

  it('setting a value to empty deletes the key, so the default applies again', () => {
    const out = parse(applyYamlEdits(base, [{ op: 'set', path: ['hosts', 0, 'role'], value: undefined }]));
    expect(out.hosts[0]).toEqual({ id: 'h1', site: 's1' });
  });

  it('finds entities by id with their collection and index', () => {
    expect(locateEntity(base, 'l1')).toEqual({ collection: 'links', index: 0 });
    expect(readEntities(base).get('h2')?.index).toBe(1);
    expect(freshId('h', new Set(['h1', 'h2']))).toBe('h3');
  });
});
