import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setFieldInPlace, type FieldEdit } from '../../src/app/state/set-field-in-place.ts';
import { applyYamlEdits, collections } from '../../src/app/state/yaml-edit.ts';

const ROOT = process.cwd();
const examples = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(ROOT, 'scenarios', f), 'utf8'));

type Doc = Record<string, Record<string, unknown>[] | undefined>;

/** What the edit means: the same data with that one field set (or removed). */
function expected(text: string, edit: FieldEdit): unknown {
  const doc = parse(text) as Doc;
  for (const c of collections) {
    const item = doc[c]?.find((e) => e.id === edit.id);
    if (!item) continue;
    const key = edit.key[0] as string;
    if (edit.value === undefined || edit.value === '') delete item[key];
    else item[key] = edit.value;
  }
  return doc;
}

const REGION = `plainsight: 1
name: Region
sites:
  - id: dc1
    trust: trusted
hosts:
  - id: c0000
    site: dc1
    cpu: {cores: 32}
  - id: c0001
    site: dc1
flows:
  - id: f-1
    from: c0000
    to: c0001
    port: 5432 # postgres
  - id: f-2
    from: c0000
    to: c0001
    port: 443
    class: tenant
    tags:
      - a
  - {id: f-3, from: c0000, to: c0001, port: 80}
`;

describe('setFieldInPlace', () => {
  it('changes one line, and the data as the full YAML path would (every field of every example entity)', () => {
    let edited = 0;
    for (const text of examples) {
      const doc = parse(text) as Doc;
      for (const c of collections) {
        for (const item of doc[c] ?? []) {
          for (const [key, old] of Object.entries(item)) {
            if (key === 'id' || !['string', 'number', 'boolean'].includes(typeof old)) continue;
            const value =
              typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : `${String(old)}-x`;
            const edit = { id: String(item.id), key: [key], value };
            const out = setFieldInPlace(text, edit);
            if (out === undefined) continue;
            edited++;
            expect(parse(out)).toEqual(expected(text, edit));
            const before = text.split('\n');
            expect(out.split('\n').filter((l, i) => l !== before[i])).toHaveLength(1);
          }
        }
      }
    }
    // Many fields of the examples are plain `key: value` lines (others carry comments).
    expect(edited).toBeGreaterThan(40);
  });

  it('adds a missing field at the end of its item and removes one set to empty', () => {
    const added = setFieldInPlace(REGION, { id: 'c0001', key: ['role'], value: 'network' });
    expect(added).toContain('  - id: c0001\n    site: dc1\n    role: network\nflows:');
    expect(parse(added ?? '')).toEqual(expected(REGION, { id: 'c0001', key: ['role'], value: 'network' }));
    const removed = setFieldInPlace(REGION, { id: 'f-2', key: ['class'], value: '' });
    expect(removed).not.toContain('class: tenant');
    expect(parse(removed ?? '')).toEqual(expected(REGION, { id: 'f-2', key: ['class'], value: '' }));
  });

  it('quotes a string that YAML would otherwise read as another type', () => {
    const out = setFieldInPlace(REGION, { id: 'f-2', key: ['class'], value: '123' });
    expect(parse(out ?? '')).toEqual(expected(REGION, { id: 'f-2', key: ['class'], value: '123' }));
  });

  it('leaves to the full YAML path what is not one plain line', () => {
    const cases: FieldEdit[] = [
      { id: 'f-1', key: ['port'], value: 5433 }, // a comment on the line
      { id: 'f-3', key: ['port'], value: 81 }, // an item in flow style
      { id: 'c0000', key: ['cpu', 'cores'], value: 16 }, // a nested key
      { id: 'f-2', key: ['tags'], value: 'b' }, // a block value
      { id: 'f-2', key: ['port'], value: { a: 1 } }, // not a scalar
      { id: 'nope', key: ['port'], value: 1 }, // no such entity
    ];
    for (const edit of cases) expect(setFieldInPlace(REGION, edit), JSON.stringify(edit)).toBeUndefined();
  });

  it('the editor keeps the rest of a large file as written (no flow map rewritten)', () => {
    const out = applyYamlEdits(REGION, [{ op: 'set-field', id: 'f-2', key: ['port'], value: 8443 }]);
    expect(out).toBe(REGION.replace('    port: 443\n', '    port: 8443\n'));
    // Edits it cannot make in place go the full way, as before.
    const full = applyYamlEdits(REGION, [{ op: 'set-field', id: 'f-1', key: ['port'], value: 5433 }]);
    expect(parse(full)).toEqual(expected(REGION, { id: 'f-1', key: ['port'], value: 5433 }));
  });
});
