/**
 * The fast reader of plain YAML must give exactly the value the full YAML 1.2 parser gives, or
 * step aside (undefined). Expected values below are worked out from the YAML 1.2.2 spec (core
 * schema §10.3.2, block scalars §8.1, flow collections §7.4), not from either implementation;
 * the differential tests then compare the two readers on every example scenario, its JSON form,
 * generated regions and randomly mutated texts.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { parseEdited, parseScenario, parseScenarioFully } from '../../../src/model/parse-scenario.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { readPlainYaml, readPlainYamlInStages } from '../../../src/model/read-plain-yaml.ts';
import { serializeScenario } from '../../../src/model/serialize-scenario.ts';
import { checkProperty, PROPERTY_TIMEOUT_MS } from '../../support/check-property.ts';
import { mutateText, textEditsArbitrary } from '../../fuzz/mutate-text.ts';

const SCENARIOS = path.resolve(import.meta.dirname, '../../../scenarios');
const examples = fs
  .readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ name: f, text: fs.readFileSync(path.join(SCENARIOS, f), 'utf8') }));

/** The full parser's value, as the scenario loader configures it; undefined when it reports an error. */
function fullValue(text: string): unknown {
  try {
    return parseYaml(text, { merge: true, uniqueKeys: true, logLevel: 'silent' }) as unknown;
  } catch {
    return undefined;
  }
}

/** Same value, same key order, and NaN/-0 told apart (JSON would hide both). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

describe('readPlainYaml: values of the plain subset (YAML 1.2.2)', () => {
  it('block mappings, lists at the same or a deeper indentation, and `- key: value` items', () => {
    const text = ['a: 1', 'list:', '- x', '- y', 'nested:', '  items:', '    - id: h1', '      site: dc1', '    - id: h2', 'empty:', 'last: end', ''].join('\n');
    expect(readPlainYaml(text)).toEqual({ a: 1, list: ['x', 'y'], nested: { items: [{ id: 'h1', site: 'dc1' }, { id: 'h2' }] }, empty: null, last: 'end' });
  });

  it('§10.3.2 core schema: null, bool, int (decimal, 0o, 0x), float, .inf, .nan; anything else is a string', () => {
    const text = [
      'n1: ~', 'n2: null', 'n3: Null', 'n4: NULL', 'n5:', 'b1: true', 'b2: False', 'b3: TRUE',
      'i1: 42', 'i2: -7', 'i3: +3', 'i4: 007', 'i5: 0o17', 'i6: 0x1F', 'f1: 1.5', 'f2: .5', 'f3: 2.', 'f4: 1e3', 'f5: -2.5E-2',
      'inf1: .inf', 'inf2: -.Inf', 'ip: 10.0.0.16', 'v6: fd00::1', 'word: yes', 'under: 1_000', 'nullish: nul', 'neg0: -0', '',
    ].join('\n');
    const v = readPlainYaml(text)!;
    expect(v).toMatchObject({ n1: null, n2: null, n3: null, n4: null, n5: null, b1: true, b2: false, b3: true });
    expect(v).toMatchObject({ i1: 42, i2: -7, i3: 3, i4: 7, i5: 15, i6: 31, f1: 1.5, f2: 0.5, f3: 2, f4: 1000, f5: -0.025 });
    expect(v).toMatchObject({ inf1: Infinity, inf2: -Infinity, ip: '10.0.0.16', v6: 'fd00::1', word: 'yes', under: '1_000', nullish: 'nul' });
    expect(Object.is(v.neg0, -0)).toBe(true);
    expect(Number.isNaN(readPlainYaml('x: .NaN\n')!.x)).toBe(true);
  });

  it('quoted scalars with JSON escapes and doubled single quotes; comments after values', () => {
    const text = ['a: "tab\\there \\u00e9 \\"q\\""  # note', "b: 'it''s # not a comment'", 'c: plain # comment', 'd: a#b', ''].join('\n');
    expect(readPlainYaml(text)).toEqual({ a: 'tab\there é "q"', b: "it's # not a comment", c: 'plain', d: 'a#b' });
  });

  it('§7.4 flow lists and mappings, nested, over several lines, with a trailing comma', () => {
    const text = ['hosts:', '  - { id: c1, nic: { gbps: 25, mtu: 9000 }, tags: [a, b] }', '  - {', '      id: c2,', "      name: 'compute-2',", '    }', 'e: []', 'f: {}', 'g: [x, y,]', ''].join('\n');
    expect(readPlainYaml(text)).toEqual({ hosts: [{ id: 'c1', nic: { gbps: 25, mtu: 9000 }, tags: ['a', 'b'] }, { id: 'c2', name: 'compute-2' }], e: [], f: {}, g: ['x', 'y'] });
  });

  it('§8.1 literal and folded block scalars with clip, strip and keep chomping', () => {
    const text = ['lit: |', '  line one', '    indented', '', '  three', 'strip: |-', '  x', 'keep: |+', '  y', '', 'fold: >', '  a', '  b', '', '  c', 'foldstrip: >-', '  p q', 'after: 1', ''].join('\n');
    expect(readPlainYaml(text)).toEqual({ lit: 'line one\n  indented\n\nthree\n', strip: 'x', keep: 'y\n\n', fold: 'a b\nc\n', foldstrip: 'p q', after: 1 });
  });

  it('a JSON document (one flow mapping with quoted keys)', () => {
    const text = '{\n  "plainsight": 1,\n  "name": "J",\n  "hosts": [{ "id": "c1", "ip": "10.0.0.1" }],\n  "x": null\n}\n';
    expect(readPlainYaml(text)).toEqual({ plainsight: 1, name: 'J', hosts: [{ id: 'c1', ip: '10.0.0.1' }], x: null });
  });

  it('keys resolve like plain scalars and become strings: `True` is `true`, `null` the empty key', () => {
    expect(readPlainYaml('True: 1\nnull: 2\nnan: 3\nm: {FALSE: 4, Null: 5}\n')).toEqual({ true: 1, '': 2, nan: 3, m: { false: 4, '': 5 } });
  });

  it('CRLF line ends read like LF', () => {
    expect(readPlainYaml('a: 1\r\nb:\r\n  - x\r\n')).toEqual({ a: 1, b: ['x'] });
  });
});

describe('readPlainYaml: steps aside for everything outside the subset', () => {
  const outside: [string, string][] = [
    ['anchor and alias', 'a: &x 1\nb: *x\n'],
    ['tag', 'a: !!str 1\n'],
    ['merge key', 'a: {x: 1}\nb:\n  <<: {y: 2}\n'],
    ['complex key', '? a\n: 1\n'],
    ['duplicate key', 'a: 1\na: 2\n'],
    ['duplicate flow key', 'a: {x: 1, x: 2}\n'],
    ['multi-line plain scalar', 'a: one\n  two\n'],
    ['multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['indentation indicator', 'a: |2\n   x\n'],
    ['block scalar at end of file without newline', 'a: |\n  x'],
    ['more-indented folded line', 'a: >\n  x\n    y\n'],
    ['tab', 'a:\tb\n'],
    ['document marker', '---\na: 1\n'],
    ['directive', '%YAML 1.2\n---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['top-level list', '- a\n- b\n'],
    ['scalar document', 'just text\n'],
    ['empty', ''],
    ['comments only', '# nothing\n'],
    ['nested mapping on one line', 'a: b: c\n'],
    ['YAML-only escape', 'a: "\\x41"\n'],
    ['byte-order mark', '\ufeffa: 1\n'],
    ['key needing quotes', '"a b": 1\n'],
    ['flow continuation not indented', 'a: [x,\ny]\n'],
    ['item indented deeper than its siblings', 'a:\n  - x\n   - y\n'],
    ['__proto__ key', '__proto__: 1\n'],
    // YAML's white space is the space and the tab (§5.5): a no-break space is content, so `a:`
    // before one is no mapping key (the full parser reads the scalar `a:\u00a0`) and a line of
    // one is not blank (the full parser reports it).
    ['no-break space after a colon', 'a:\u00a0\n'],
    ['line of a no-break space', 'a: 1\n\u00a0\n'],
  ];
  for (const [what, text] of outside) {
    it(what, () => expect(readPlainYaml(text)).toBeUndefined());
  }
});

describe('readPlainYaml agrees with the full parser', () => {
  it('on every example scenario (all of which it reads)', () => {
    for (const { name, text } of examples) {
      const mine = readPlainYaml(text);
      expect(mine, name).toBeDefined();
      expect(same(mine, fullValue(text)), name).toBe(true);
    }
  });

  it('on their JSON form and on generated regions as the writer emits them', () => {
    for (const { name, text } of examples) {
      const json = JSON.stringify(fullValue(text), null, 2);
      expect(same(readPlainYaml(json), fullValue(json)), name).toBe(true);
    }
    for (const hosts of [3, 40]) {
      const yaml = serializeScenario(generateScenario({ hosts }));
      const mine = readPlainYaml(yaml);
      expect(mine).toBeDefined();
      expect(same(mine, fullValue(yaml))).toBe(true);
    }
  });

  it(
    'on mutated example texts: whenever it gives a value, the full parser gives the same one',
    () => {
      const example = fc.constantFrom(...examples.map((e) => e.text));
      checkProperty(
        fc.property(example, textEditsArbitrary, (text, edits) => {
          const mutated = mutateText(text, edits);
          const mine = readPlainYaml(mutated);
          if (mine === undefined) return true;
          const theirs = fullValue(mutated);
          if (!same(mine, theirs)) throw new Error(`values differ for:\n${mutated}`);
          return true;
        }),
        { numRuns: 300, show: (text, edits) => mutateText(text, edits) },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'on random documents written in every style of the subset (and a little beyond it)',
    () => {
      // Scalars a writer or a person may produce, including the core schema's special forms.
      const token = fc.constantFrom(
        'a', 'x y', 'null', 'Null', '~', 'true', 'False', 'yes', '0', '-7', '+3', '007', '0o17', '0x1F', '1.5', '.5', '2.', '1e3', '-.inf', '.NaN', 'nan',
        '10.0.0.1', 'fd00::1', 'a:b', 'a #b', 'a#b', '-a', '?a', ':a', 'é', '𝔥', 'a, b', '[x]', '{y}', "it's", 'say "hi"', '\\', '',
        // Near misses of the special forms, by first character: text.
        'tree', 'Trueish', 'F', 'fa', 'Nope', 'NaN', 'NULLs', '.x', '+', '~x', '.Inf', '-0x1',
      );
      const scalar = fc.oneof(
        token.map((t) => ({ text: t })),
        token.map((t) => ({ text: JSON.stringify(t) })),
        token.map((t) => ({ text: `'${t.replaceAll("'", "''")}'` })),
      );
      const key = fc.constantFrom('id', 'name', 'null', 'True', 'a.b', 'x-y', '_k', 'nan');
      type Node = { text: string } | { list: Node[]; flow: boolean } | { map: [string, Node][]; flow: boolean };
      const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
        node: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          scalar,
          fc.record({ list: fc.array(tie('node'), { maxLength: 3 }), flow: fc.boolean() }),
          fc.record({ map: fc.array(fc.tuple(key, tie('node')), { maxLength: 3 }), flow: fc.boolean() }),
        ),
      })).node;
      const inline = (n: Node): string =>
        'text' in n ? n.text : 'list' in n ? `[${n.list.map(inline).join(', ')}]` : `{${n.map.map(([k, v]) => `${k}: ${inline(v)}`).join(', ')}}`;
      const block = (n: Node, indent: string): string => {
        if ('text' in n || n.flow || ('list' in n ? n.list.length === 0 : n.map.length === 0)) return ` ${inline(n)}\n`;
        if ('list' in n) return `\n${n.list.map((v) => `${indent}-${block(v, `${indent}  `)}`).join('')}`;
        return `\n${n.map.map(([k, v]) => `${indent}${k}:${block(v, `${indent}  `)}`).join('')}`;
      };
      const doc = fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 4 }).map((entries) => entries.map(([k, v]) => `${k}:${block(v, '  ')}`).join(''));
      // About half of these documents are in the subset (the rest have duplicate keys, `- a: b` nesting…).
      checkProperty(
        fc.property(doc, (text) => {
          const mine = readPlainYaml(text);
          if (mine !== undefined && !same(mine, fullValue(text))) throw new Error(`values differ for:\n${text}`);
          return true;
        }),
        { numRuns: 300, show: (text) => text },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('parseScenario gives what the full parse gives, diagnostics included', () => {
    for (const { name, text } of examples) {
      expect(parseScenario(text, { fileName: name }), name).toEqual(parseScenarioFully(text, { fileName: name }));
      const broken = text.replace('plainsight: 1', 'plainsight: 2');
      expect(parseScenario(broken, { fileName: name }), name).toEqual(parseScenarioFully(broken, { fileName: name }));
    }
  });
});

/** `value` without its `key` entry, the others in their order. */
function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
}

/**
 * The staged reading must agree with the whole one: whenever `readPlainYaml` reads a text, the
 * first stage is its value without `flows` (the other keys in their order) and the rest is its value.
 */
function agreesInStages(text: string): void {
  const whole = readPlainYaml(text);
  const staged = readPlainYamlInStages(text, 'flows');
  if (whole === undefined) {
    // Outside the subset somewhere: the first stage may still read (the flows are where it is not), the whole never.
    if (staged) expect(staged.rest()).toBeUndefined();
    return;
  }
  if (staged === undefined) throw new Error(`the whole text reads but not in stages:\n${text}`);
  if (!same(staged.first, without(whole, 'flows'))) throw new Error(`first stage differs for:\n${text}`);
  const rest = staged.rest();
  if (!same(rest, whole)) throw new Error(`the whole value in stages differs for:\n${text}`);
  if (Array.isArray(whole.flows) && Object.hasOwn(staged.first, 'flows') === false && text.includes('\nflows:\n')) expect(staged.deferredItems).toBe(whole.flows.length);
}

describe('readPlainYamlInStages: everything but the flows first, then the whole value', () => {
  it('defers a nested flows block, at column 0 or deeper, keeps the key order, and counts its items', () => {
    const text = ['name: r', 'flows:', '- id: f1', '  from: a', '  tags:', '  - x', '  - y', '# a comment at column 0', '- id: f2', '', 'attackers:', '  - id: x', ''].join('\n');
    const staged = readPlainYamlInStages(text, 'flows')!;
    expect(staged.first).toEqual({ name: 'r', attackers: [{ id: 'x' }] });
    // The items of the flows' own list, not those of lists inside them.
    expect(staged.deferredItems).toBe(2);
    const rest = staged.rest()!;
    expect(Object.keys(rest)).toEqual(['name', 'flows', 'attackers']);
    expect(rest).toEqual({ name: 'r', flows: [{ id: 'f1', from: 'a', tags: ['x', 'y'] }, { id: 'f2' }], attackers: [{ id: 'x' }] });
    const deeper = readPlainYamlInStages(['flows:', '  - id: f1', '  - {id: f2, to: b}', '  - id: f3', 'name: r', ''].join('\n'), 'flows')!;
    expect([deeper.first, deeper.deferredItems]).toEqual([{ name: 'r' }, 3]);
    expect(deeper.rest()).toEqual({ flows: [{ id: 'f1' }, { id: 'f2', to: 'b' }, { id: 'f3' }], name: 'r' });
  });

  it('reads flows written on their key\'s line, or absent, in the first stage', () => {
    expect(readPlainYamlInStages('name: r\nflows: []\n', 'flows')).toMatchObject({ first: { name: 'r', flows: [] }, deferredItems: 0 });
    expect(readPlainYamlInStages('name: r\n', 'flows')?.rest()).toEqual({ name: 'r' });
    // A nested mapping is deferred too (the shape check reports it later); it has no items.
    const mapping = readPlainYamlInStages('flows:\n  a: 1\nname: r\n', 'flows')!;
    expect([mapping.first, mapping.deferredItems, mapping.rest()]).toEqual([{ name: 'r' }, 0, { flows: { a: 1 }, name: 'r' }]);
  });

  it('steps aside where the whole reader does: JSON, a second flows key, and flows outside the subset', () => {
    expect(readPlainYamlInStages('{"name": "r", "flows": []}\n', 'flows')).toBeUndefined();
    expect(readPlainYamlInStages('flows:\n- id: a\nflows:\n- id: b\n', 'flows')).toBeUndefined();
    expect(readPlainYamlInStages('name: [\n', 'flows')).toBeUndefined();
    // An anchor among the flows: the topology reads, the flows do not.
    const anchored = readPlainYamlInStages('name: r\nflows:\n- &f {id: a}\n- *f\n', 'flows')!;
    expect(anchored.first).toEqual({ name: 'r' });
    expect(anchored.rest()).toBeUndefined();
  });

  it('agrees with the whole reading on every example, their JSON form and generated regions', () => {
    for (const { text } of examples) agreesInStages(text);
    for (const hosts of [3, 40]) agreesInStages(serializeScenario(generateScenario({ hosts })));
  });

  it(
    'agrees with the whole reading on mutated example and region texts',
    () => {
      const region = serializeScenario(generateScenario({ hosts: 2 }));
      const text = fc.constantFrom(...examples.map((e) => e.text), region);
      checkProperty(
        fc.property(text, textEditsArbitrary, (original, edits) => {
          agreesInStages(mutateText(original, edits));
          return true;
        }),
        { numRuns: 300, show: (original, edits) => mutateText(original, edits) },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('parseScenario with onTopology: the topology ahead of the flows', () => {
  /** Parses with `onTopology`, recording what it hears. */
  function parseHearing(text: string): { result: ReturnType<typeof parseScenario>; heard: { topology: Scenario; flowCount: number }[] } {
    const heard: { topology: Scenario; flowCount: number }[] = [];
    const result = parseScenario(text, { onTopology: (topology, flowCount) => void heard.push({ topology, flowCount }) });
    return { result, heard };
  }

  it('hears the topology once, equal to the model without its flows, and parses to the same result', () => {
    const texts = [...examples.map((e) => e.text), serializeScenario(generateScenario({ hosts: 40 }))];
    let heardCount = 0;
    for (const text of texts) {
      const { result, heard } = parseHearing(text);
      expect(result).toEqual(parseScenario(text));
      if (!result.model || !/^flows:$/m.test(text)) continue;
      expect(heard).toHaveLength(1);
      heardCount++;
      expect(JSON.stringify(heard[0]!.topology)).toBe(JSON.stringify({ ...result.model, flows: [] }));
      expect(heard[0]!.flowCount).toBe(result.model.flows.length);
    }
    expect(heardCount).toBeGreaterThan(3);
  });

  it('hears nothing of a file with fewer flows than `topologyFrom`, and parses it to the same result', () => {
    const text = serializeScenario(generateScenario({ hosts: 3 }));
    const flowCount = parseScenario(text).model!.flows.length;
    const heard: number[] = [];
    const onTopology = (_t: Scenario, n: number) => void heard.push(n);
    expect(parseScenario(text, { onTopology, topologyFrom: flowCount + 1 })).toEqual(parseScenario(text));
    expect(heard).toEqual([]);
    parseScenario(text, { onTopology, topologyFrom: flowCount });
    expect(heard).toEqual([flowCount]);
  });

  it('keeps the same clean reading for the next edit as a parse in one go', () => {
    const text = serializeScenario(generateScenario({ hosts: 3 }));
    const staged = parseEdited(text, undefined, { onTopology: () => {} });
    const whole = parseEdited(text, undefined);
    expect(same(staged.reading?.value, whole.reading?.value)).toBe(true);
    expect(staged.reading?.memo).toBeDefined();
    // One flow's port changed: the next reading reads that item again and replays the others' checks.
    const edited = text.replace(/(\n {2}- id: (\S+)\n(?: {4}.*\n)*? {4}port: )(\d+)/, (_m, head: string) => `${head}1234`);
    expect(edited).not.toBe(text);
    const next = parseEdited(edited, staged.reading);
    expect(next).toEqual(parseEdited(edited, whole.reading));
    expect(next.result).toEqual(parseScenario(edited));
    expect(next.result.model?.flows.filter((f) => f.port === 1234)).toHaveLength(1);
  });

  it('an invalid flow: the topology was heard, the result has the full parse\'s problems and no model', () => {
    const text = serializeScenario(generateScenario({ hosts: 3 })).replace(/^(flows:\n(?:.*\n)*?\s+to: )\S+/m, '$1nowhere');
    const { result, heard } = parseHearing(text);
    expect(heard).toHaveLength(1);
    expect(result.model).toBeUndefined();
    expect(result).toEqual(parseScenarioFully(text));
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('a topology with an error, or a JSON file: nothing is heard', () => {
    const region = serializeScenario(generateScenario({ hosts: 3 }));
    expect(parseHearing(region.replace('plainsight: 1', 'plainsight: 2')).heard).toEqual([]);
    const json = JSON.stringify(readPlainYaml(region));
    const { result, heard } = parseHearing(json);
    expect(heard).toEqual([]);
    expect(result.model?.flows.length).toBeGreaterThan(0);
  });
});
