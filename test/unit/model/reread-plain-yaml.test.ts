/**
 * Reading a file again after an edit inside one item (reread-plain-yaml.ts) must give exactly what
 * reading the whole new text gives, or step aside (undefined) so the whole text is read. Checked
 * on hand-picked edits (inside an item, at its end, across items, outside the lists) and on random
 * edits of the examples and a generated region.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setFieldInPlace } from '../../../src/app/state/set-field-in-place.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { parseEdited, parseScenario, type CleanReading } from '../../../src/model/parse-scenario.ts';
import { readPlainYaml } from '../../../src/model/read-plain-yaml.ts';
import { rereadEdited } from '../../../src/model/reread-plain-yaml.ts';
import { serializeScenario } from '../../../src/model/serialize-scenario.ts';
import { checkProperty, PROPERTY_TIMEOUT_MS } from '../../support/check-property.ts';

const SCENARIOS = path.resolve(import.meta.dirname, '../../../scenarios');
const examples = fs
  .readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => fs.readFileSync(path.join(SCENARIOS, f), 'utf8'));
const generated = generateScenario({ hosts: 8, hostsPerRack: 4, workloadsPerHost: 2, flowsPerWorkload: 2 });
// A small tenant network can give a VM itself as its peer, which validation rejects, and a small
// region has no control-plane flow for its requirement to select (a warning): both left out.
const region = serializeScenario({ ...generated, flows: generated.flows.filter((f) => f.from !== f.to), requirements: [] });

/** The items of a memo's list, in order. */
function itemsOf<T>(list: { forEach(visit: (item: T) => void): void }): T[] {
  const items: T[] = [];
  list.forEach((item) => items.push(item));
  return items;
}

/** A reading's shape memo as data: declarations, references and every kept list's spans, in order. */
function memoOf(reading: CleanReading): unknown {
  const memo = reading.memo!;
  return {
    declarations: itemsOf(memo.declarations).map((d) => [d.kind, d.id, d.path.join('.')]),
    references: itemsOf(memo.references).map((r) => [r.id, r.path.join('.'), r.target ?? '', r.owner]),
    lists: [...memo.lists].map(([key, list]) => [key, Array.from(list.spans)]),
  };
}

/** The re-reading of `next` after `previous`, checked against reading `next` whole; true when it did not step aside. */
function reread(previous: string, next: string): boolean {
  const value = readPlainYaml(previous);
  if (!value) return false;
  const again = rereadEdited(previous, value, next);
  if (again !== undefined) expect(JSON.stringify(again)).toBe(JSON.stringify(readPlainYaml(next)));
  return again !== undefined;
}

const LISTS = `plainsight: 1
name: Lists
hosts:
  - id: h1
    site: dc1
    cpu: {cores: 32}
  # between the items
  - id: h2
    site: dc1

  - {id: h3, site: dc1}
flows:
- id: f1
  from: h1
  to: h2
  tags:
  - a
  - b
- id: f2
  from: h2
  to: h1
attackers: []
`;

describe('rereadEdited', () => {
  it('reads one item again for an edit inside it, at its end, in flow style, or of its id', () => {
    const cases: [string, string][] = [
      ['    site: dc1\n    cpu', '    site: dc2\n    cpu'], // a field inside an item
      ['    cpu: {cores: 32}\n', '    cpu: {cores: 16}\n    role: compute\n'], // a field added at the end
      ['  - id: h2\n    site: dc1\n', '  - id: h2\n'], // the last field removed
      ['  - {id: h3, site: dc1}', '  - {id: h3, site: dc2}'], // an item in flow style
      ['  - id: h2\n', '  - id: h2b\n'], // an id (references are checked by validation, which sees the whole)
      ['  - b\n', '  - c\n'], // a list inside an item written at the item's indentation
      ['  to: h1\n', '  to: h1\n  port: 443\n'], // the last item of a list, before the next top-level key
    ];
    for (const [from, to] of cases) {
      expect(LISTS.includes(from), from).toBe(true);
      expect(reread(LISTS, LISTS.replace(from, to)), `${from} → ${to}`).toBe(true);
    }
  });

  it('steps aside for edits outside one item: top-level fields, across items, new items, broken items', () => {
    const cases: [string, string][] = [
      ['name: Lists', 'name: Other'],
      ['    cpu: {cores: 32}\n  # between the items\n  - id: h2\n    site: dc1', '    cpu: {cores: 16}\n  # between the items\n  - id: h2\n    site: dc2'],
      ['  - {id: h3, site: dc1}\n', '  - {id: h3, site: dc1}\n  - id: h4\n'],
      ['- id: f2\n', '-id: f2\n'],
      ['attackers: []', 'attackers: [a]'],
    ];
    for (const [from, to] of cases) {
      expect(LISTS.includes(from), from).toBe(true);
      expect(reread(LISTS, LISTS.replace(from, to)), `${from} → ${to}`).toBe(false);
    }
  });

  it('reads again every field the inspector edits in place, in every example and a generated region', () => {
    let fast = 0;
    for (const text of [...examples, region]) {
      const doc = readPlainYaml(text)!;
      for (const list of Object.values(doc)) {
        if (!Array.isArray(list)) continue;
        for (const item of list.slice(0, 5) as Record<string, unknown>[]) {
          for (const [field, old] of Object.entries(item)) {
            if (field === 'id' || !['string', 'number', 'boolean'].includes(typeof old)) continue;
            const value = typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : `${String(old)}-x`;
            const next = setFieldInPlace(text, { id: String(item.id), key: [field], value });
            if (next !== undefined && reread(text, next)) fast++;
          }
          const added = setFieldInPlace(text, { id: String(item.id), key: ['zz'], value: 1 });
          if (added !== undefined && reread(text, added)) fast++;
        }
      }
    }
    expect(fast).toBeGreaterThan(150);
  });

  it('finds the edited stretch wherever it lies against the chunks texts are compared in (4,096 and 64 characters)', () => {
    // A one-character edit at, just before and just after each chunk boundary from either end, in
    // a text long enough for several chunks: the common prefix and suffix must come out exact.
    expect(region.length).toBeGreaterThan(2 * 4096 + 200);
    let fast = 0;
    const offsets = new Set<number>();
    for (const boundary of [4096, 2 * 4096, 4096 + 64, 2 * 4096 + 128, 64 * 3])
      for (const d of [-65, -64, -63, -1, 0, 1, 63, 64, 65]) {
        offsets.add(boundary + d);
        offsets.add(region.length - boundary + d);
      }
    for (const at of offsets) {
      // Digits become other digits (a value edit); any other character gets a letter after it.
      const c = region[at]!;
      const next = /[0-9]/.test(c) ? region.slice(0, at) + String((Number(c) + 1) % 10) + region.slice(at + 1) : region.slice(0, at + 1) + 'x' + region.slice(at + 1);
      if (reread(region, next)) fast++;
    }
    expect(fast).toBeGreaterThan(20);
  });

  it('on random edits of the examples and a region, gives what reading the whole text gives or steps aside', () => {
    const texts = [...examples, region];
    let fast = 0;
    const property = fc.property(
      fc.nat({ max: texts.length - 1 }),
      fc.nat(),
      fc.nat({ max: 40 }),
      fc.string({ maxLength: 12, unit: fc.constantFrom('a', '1', ' ', ':', '-', '\n', '#', '{', '}', ',', '"', 'x', '  ', '\n    b: 2', '\n  - id: n') }),
      fc.boolean(),
      (which, at, cut, insert, inLine) => {
        const text = texts[which]!;
        const from = at % text.length;
        // Half the edits stay within one line (as typing does), the others may cross lines.
        const lineEnd = text.indexOf('\n', from);
        const to = Math.min(text.length, from + cut, inLine && lineEnd >= 0 ? lineEnd : text.length);
        if (reread(text, text.slice(0, from) + insert + text.slice(to))) fast++;
      },
    );
    checkProperty(property, { numRuns: 400 });
    // The property is worth something only if many edits take the short way.
    expect(fast).toBeGreaterThan(20);
  }, PROPERTY_TIMEOUT_MS);

  it('parseEdited gives what parseScenario gives through random field edits, also ones that break references or values', () => {
    const property = fc.property(
      fc.constantFrom(...examples.filter((t) => parseScenario(t).diagnostics.length === 0), region),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('bump', 'break', 'rename', 'drop')), { minLength: 2, maxLength: 6 }),
      (start, steps) => {
        let text = start;
        let reading = parseEdited(text, undefined).reading;
        for (const [a, b, how] of steps) {
          const doc = readPlainYaml(text);
          if (!doc) break;
          const lists = Object.values(doc).filter((v): v is Record<string, unknown>[] => Array.isArray(v) && v.length > 0 && typeof v[0] === 'object');
          if (lists.length === 0) break;
          const list = lists[a % lists.length]!;
          const item = list[b % list.length]!;
          const fields = Object.entries(item).filter(([k, v]) => k !== 'id' && ['string', 'number', 'boolean'].includes(typeof v));
          const [field, old] = fields[b % Math.max(1, fields.length)] ?? ['id', item.id];
          // A changed value, a value of the wrong type, a new id (which breaks whatever referred to
          // the old one), or a field left out (an optional reference gone: the items after it make
          // one reference fewer before them than in the last reading).
          const value = how === 'rename' ? `${String(item.id)}-renamed` : how === 'drop' ? '' : how === 'break' ? (typeof old === 'number' ? 'many' : 42) : typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : `${String(old)}-x`;
          const idLine = `- id: ${String(item.id)}\n`;
          const next =
            how === 'rename'
              ? text.includes(idLine)
                ? text.replace(idLine, `- id: ${String(value)}\n`)
                : undefined
              : setFieldInPlace(text, { id: String(item.id), key: [field], value });
          if (next === undefined) continue;
          if (reading) short++;
          text = next;
          const edited = parseEdited(text, reading);
          expect(JSON.stringify(edited.result)).toBe(JSON.stringify(parseScenario(text)));
          // What the next edit replays is what a reading from scratch leaves, range by range.
          if (edited.reading) expect(memoOf(edited.reading)).toEqual(memoOf(parseEdited(text, undefined).reading!));
          reading = edited.reading;
        }
      },
    );
    let short = 0;
    checkProperty(property, { numRuns: 40 });
    // Most edits start from a clean reading (the others follow an edit that broke the file).
    expect(short).toBeGreaterThan(20);
  }, PROPERTY_TIMEOUT_MS);

  it('parseEdited keeps the entities an edit left alone as the same objects, and normalises again what depends on the edited one', () => {
    type Model = Record<string, { id: string }[]>;
    const kinds = ['sites', 'hosts', 'devices', 'links', 'bridges', 'tunnels', 'networks', 'workloads', 'keystores', 'ipsec', 'wireguard', 'flows', 'attackers', 'requirements'];
    /** The ids whose entity is not the very object of the model before. */
    const renewed = (before: Model, after: Model): string[] =>
      kinds.flatMap((kind) => (after[kind] ?? []).filter((e, i) => before[kind]?.[i] !== e).map((e) => `${kind}:${e.id}`));
    const first = parseEdited(region, undefined);
    const model0 = first.result.model as unknown as Model;
    expect(model0.flows!.find((f) => f.id === 'f-vm-c0-0-0')).toBeDefined();

    // A flow's port: that flow alone is normalised again.
    const text1 = setFieldInPlace(region, { id: 'f-vm-c0-0-0', key: ['port'], value: 5433 })!;
    const second = parseEdited(text1, first.reading);
    expect(JSON.stringify(second.result)).toBe(JSON.stringify(parseScenario(text1)));
    const model1 = second.result.model as unknown as Model;
    expect(renewed(model0, model1)).toEqual(['flows:f-vm-c0-0-0']);

    // A host's NIC MTU: the host and the link whose MTU defaults to its ends' (SPEC §1.1 Link).
    const text2 = text1.replace('    ip: 10.0.0.16\n    cpu: {cores: 32}\n    nic: {gbps: 25, mtu: 9000}', '    ip: 10.0.0.16\n    cpu: {cores: 32}\n    nic: {gbps: 25, mtu: 1500}');
    expect(text2).not.toBe(text1);
    const third = parseEdited(text2, second.reading);
    expect(JSON.stringify(third.result)).toBe(JSON.stringify(parseScenario(text2)));
    const model2 = third.result.model as unknown as Model & { links: { id: string; mtu: number }[] };
    expect(renewed(model1, model2)).toEqual(['hosts:c0', 'links:l-c0']);
    expect(model2.links.find((l) => l.id === 'l-c0')!.mtu).toBe(1500);

    // A workload's networks: it, and the flows without a network of their own that start or end there.
    const text3 = text2.replace('  - id: vm-c5-0\n    host: c5\n    networks: [tenant-000]', '  - id: vm-c5-0\n    host: c5\n    networks: [tenant-002]');
    expect(text3).not.toBe(text2);
    const fourth = parseEdited(text3, third.reading);
    expect(JSON.stringify(fourth.result)).toBe(JSON.stringify(parseScenario(text3)));
    const model3 = fourth.result.model as unknown as Model & { flows: { id: string; from: string; to: string; network?: string }[] };
    const touching = model3.flows.filter((f) => f.from === 'vm-c5-0' || f.to === 'vm-c5-0').map((f) => `flows:${f.id}`);
    expect(touching.length).toBeGreaterThan(1);
    expect(renewed(model2, model3).sort()).toEqual(['workloads:vm-c5-0', ...touching].sort());
    // Sharing no network any more, a flow takes its source's (SPEC §1.1 Flow.network).
    expect(model2.flows!.find((f) => f.id === 'f-vm-c5-0-0')).toMatchObject({ network: 'tenant-000' });
    expect(model3.flows.find((f) => f.id === 'f-vm-c5-0-0')!.network).toBe('tenant-002');

    // Problems an edit brings are found although only the edited entity's references and flows are
    // checked again: an unknown endpoint, and a named network neither endpoint is attached to —
    // also when the flow is left alone and its endpoint leaves the network.
    const unknown = setFieldInPlace(text3, { id: 'f-vm-c0-0-0', key: ['to'], value: 'vm-nowhere' })!;
    const detached = setFieldInPlace(text3, { id: 'f-vm-c0-0-0', key: ['network'], value: 'tenant-003' })!;
    const named = setFieldInPlace(text3, { id: 'f-vm-c0-0-0', key: ['network'], value: 'tenant-000' })!;
    const namedReading = parseEdited(named, fourth.reading);
    expect(namedReading.result.diagnostics).toEqual([]);
    // The first flow makes one reference more now: every flow after it is replayed with its
    // references one further on, its declarations where they were; the memo is a fresh reading's.
    expect(memoOf(namedReading.reading!)).toEqual(memoOf(parseEdited(named, undefined).reading!));
    const port = setFieldInPlace(named, { id: 'f-vm-c5-0-0', key: ['port'], value: 5444 })!;
    const portReading = parseEdited(port, namedReading.reading);
    expect(JSON.stringify(portReading.result)).toBe(JSON.stringify(parseScenario(port)));
    expect(memoOf(portReading.reading!)).toEqual(memoOf(parseEdited(port, undefined).reading!));
    const left = named.replace('  - id: vm-c0-0\n    host: c0\n    networks: [tenant-000]', '  - id: vm-c0-0\n    host: c0\n    networks: [tenant-003]');
    expect(left).not.toBe(named);
    for (const [text, reading, code] of [
      [unknown, fourth.reading, 'flow_unknown_endpoint'],
      [detached, fourth.reading, 'flow_network_not_attached'],
      [left, namedReading.reading, 'flow_network_not_attached'],
    ] as const) {
      const edited = parseEdited(text, reading);
      expect(edited.result).toEqual(parseScenario(text));
      expect(edited.result.diagnostics.map((d) => d.code)).toContain(code);
    }
  });

  it('parseEdited gives the model parseScenario gives, edit after edit', () => {
    let text = region;
    let reading = parseEdited(text, undefined).reading;
    expect(reading).toBeDefined();
    const flows = readPlainYaml(text)!.flows as { id: string; port: number }[];
    for (const [i, flow] of flows.slice(0, 6).entries()) {
      text = setFieldInPlace(text, { id: flow.id, key: ['port'], value: 1000 + i })!;
      const edited = parseEdited(text, reading);
      expect(JSON.stringify(edited.result)).toBe(JSON.stringify(parseScenario(text)));
      reading = edited.reading;
    }
    // An edit that breaks the file: diagnostics as the full parser gives them, and no reading kept.
    const broken = text.replace('port: 1000', 'port: many');
    const result = parseEdited(broken, reading);
    expect(result.reading).toBeUndefined();
    expect(result.result).toEqual(parseScenario(broken));
    expect(result.result.diagnostics.length).toBeGreaterThan(0);
  });
});
