import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setFieldInPlace, type FieldEdit } from '../../src/app/state/set-field-in-place.ts';
import { applyYamlEdits, collections } from '../../src/app/state/yaml-edit.ts';
import { generateScenario } from '../../src/generate/generate-scenario.ts';
import { serializeScenario } from '../../src/model/serialize-scenario.ts';

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
    const [key, sub] = edit.key as [string, string | undefined];
    const target = sub === undefined ? item : ((item[key] ??= {}) as Record<string, unknown>);
    const field = sub ?? key;
    if (edit.value === undefined || edit.value === '') delete target[field];
    else target[field] = edit.value;
  }
  return doc;
}

/** How many lines of `before` are no longer in `after` (as a multiset). */
function linesGone(before: string, after: string): number {
  const left = new Map<string, number>();
  for (const l of after.split('\n')) left.set(l, (left.get(l) ?? 0) + 1);
  let gone = 0;
  for (const l of before.split('\n')) {
    const n = left.get(l) ?? 0;
    if (n === 0) gone++;
    else left.set(l, n - 1);
  }
  return gone;
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
      { id: 'c0000', key: ['cpu', 'cores', 'x'], value: 16 }, // a key two levels down
      { id: 'f-2', key: ['tags', 'a'], value: 'b' }, // a list is no map
      { id: 'c0000', key: ['cpu'], value: { cores: 'a, b' } }, // a comma would split a flow map
      { id: 'c0000', key: ['cpu', 'cores'], value: { n: 1 } }, // not a scalar
      { id: 'f-2', key: ['tags'], value: 'b' }, // a block value
      { id: 'f-2', key: ['port'], value: { a: 1 } }, // not a scalar
      { id: 'nope', key: ['port'], value: 1 }, // no such entity
    ];
    for (const edit of cases) expect(setFieldInPlace(REGION, edit), JSON.stringify(edit)).toBeUndefined();
  });

  it('finds its item by the id line alone: ids inside other ids, items first and last in the file, comments after an item', () => {
    const text = [
      '# region',
      'hosts:',
      '  - id: h1',
      '    site: s1',
      '  # the next rack',
      '',
      '  - id: h10',
      '    site: s1',
      'links:',
      '  - id: l1',
      '    between: [h1, h10]',
      'notes:',
      '  - id: n1',
      '    text: not an entity',
      'flows:',
      '  - id: f1',
      '    from: h1',
      '    to: h10',
      '    port: 80',
    ].join('\n');
    // h1 occurs in h10 and in other items' references: only its own item changes, the new field
    // goes after its last line (before the comment about the next rack).
    expect(setFieldInPlace(text, { id: 'h1', key: ['role'], value: 'compute' })).toBe(text.replace('    site: s1\n  # the next', '    site: s1\n    role: compute\n  # the next'));
    expect(setFieldInPlace(text, { id: 'h10', key: ['site'], value: 's2' })).toBe(text.replace('  - id: h10\n    site: s1', '  - id: h10\n    site: s2'));
    // The last item of a file without a final newline.
    expect(setFieldInPlace(text, { id: 'f1', key: ['port'], value: 443 })).toBe(text.replace('port: 80', 'port: 443'));
    expect(setFieldInPlace(`${text}\n`, { id: 'f1', key: ['rateGbps'], value: 2 })).toBe(`${text}\n    rateGbps: 2\n`);
    // Not in an entity collection, an id declared twice, an id only mentioned, and CR line ends.
    expect(setFieldInPlace(text, { id: 'n1', key: ['text'], value: 'x' })).toBeUndefined();
    expect(setFieldInPlace(`${text}\n  - {id: h1, from: a, to: b}\n`, { id: 'h1', key: ['site'], value: 's2' })).toBeUndefined();
    expect(setFieldInPlace(text, { id: 's1', key: ['name'], value: 'x' })).toBeUndefined();
    expect(setFieldInPlace(text.replaceAll('\n', '\r\n'), { id: 'h1', key: ['site'], value: 's2' })).toBeUndefined();
  });

  it('sets a map of scalars, or one scalar in it, on its own lines (map fields of the first items of every example and a generated region)', () => {
    let edited = 0;
    for (const text of [...examples, serializeScenario(generateScenario({ hosts: 8, hostsPerRack: 4 }))]) {
      const doc = parse(text) as Doc;
      for (const c of collections) {
        // A few items per collection: each check reads the whole file again.
        for (const item of (doc[c] ?? []).slice(0, 3)) {
          for (const [key, old] of Object.entries(item)) {
            if (!old || typeof old !== 'object' || Array.isArray(old)) continue;
            const entries = Object.entries(old as Record<string, unknown>);
            if (!entries.every(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))) continue;
            const [sub, v] = entries[0]!;
            const changed = typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : `${String(v)}-x`;
            for (const edit of [
              { id: String(item.id), key: [key, sub], value: changed },
              { id: String(item.id), key: [key], value: { ...(old as object), [sub]: changed, added: 'yes' } },
              { id: String(item.id), key: [key, sub], value: undefined },
            ]) {
              const out = setFieldInPlace(text, edit);
              if (out === undefined) continue;
              edited++;
              expect(parse(out), JSON.stringify(edit)).toEqual(expected(text, edit));
              // Only the field's lines change: every other line is kept.
              expect(linesGone(text, out), JSON.stringify(edit)).toBeLessThanOrEqual(2);
            }
          }
        }
      }
    }
    expect(edited).toBeGreaterThan(20);
  }, 20_000);

  it("swaps an overlay's cipher in a block with comments, keeping the lines and comments it does not change", () => {
    const scs = readFileSync(join(ROOT, 'scenarios', 'scs-openstack-region.yaml'), 'utf8');
    const edit = { id: 'ovn-geneve', key: ['ipsec'], value: { cipher: 'chacha20-poly1305', auth: 'ca', keystore: 'ca-ovn', natT: false, dropPlaintext: true } };
    const out = setFieldInPlace(scs, edit);
    expect(parse(out ?? '')).toEqual(expected(scs, edit));
    expect(out).toContain('      cipher: chacha20-poly1305\n      auth: ca # OVN IPsec is certificate-only');
    expect(out).toContain('dropPlaintext: true # ipsec_skb_mark set: no plaintext window while IKE converges\n      natT: false\n');
    // The same swap as the inspector's cipher select makes it on a generated region: one line.
    const region = serializeScenario(generateScenario({ hosts: 8, hostsPerRack: 4 }));
    const overlay = (parse(region) as Doc).overlays![0]!;
    const swap = { id: String(overlay.id), key: ['ipsec'], value: { ...(overlay.ipsec as object), cipher: 'aes-gcm-128' } };
    const swapped = applyYamlEdits(region, [{ op: 'set-field', ...swap }]);
    expect(parse(swapped)).toEqual(expected(region, swap));
    const before = region.split('\n');
    expect(swapped.split('\n').filter((l, i) => l !== before[i])).toHaveLength(1);
  });

  it('the editor keeps the rest of a large file as written (no flow map rewritten)', () => {
    const out = applyYamlEdits(REGION, [{ op: 'set-field', id: 'f-2', key: ['port'], value: 8443 }]);
    expect(out).toBe(REGION.replace('    port: 443\n', '    port: 8443\n'));
    // Edits it cannot make in place go the full way, as before.
    const full = applyYamlEdits(REGION, [{ op: 'set-field', id: 'f-1', key: ['port'], value: 5433 }]);
    expect(parse(full)).toEqual(expected(REGION, { id: 'f-1', key: ['port'], value: 5433 }));
  });
});
