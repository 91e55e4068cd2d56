import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { serializeScenario } from '../../../src/model/serialize-scenario.ts';
import { validateScenarioObject } from '../../../src/model/validate-scenario-object.ts';
import { HEADER, parseValid } from './parse-helpers.ts';
import { scenarioFile } from './scenario-arbitrary.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const examples = [
  ...readdirSync(`${root}scenarios`)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `scenarios/${f}`),
  'test/samples/valid-full/input.yaml',
];

const codes = (diagnostics: { code: string }[]) => diagnostics.map((d) => d.code).sort();

function roundTrip(text: string): void {
  const model = parseValid(text);
  const written = serializeScenario(model);
  const again = parseScenario(written);
  expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(again.model).toStrictEqual(model);
  // The app may hand a normalised model back for validation: it must come back unchanged.
  const validated = validateScenarioObject(structuredClone(model));
  expect(codes(validated.diagnostics)).toEqual(codes(parseScenario(text).diagnostics));
  expect(validated.model).toStrictEqual(model);
}

describe('the writer: parse → serialize → parse is the identity', { timeout: 60_000 }, () => {
  it.each(examples)('holds for %s', (file) => roundTrip(readFileSync(`${root}${file}`, 'utf8')));

  it('holds for generated scenarios that use every entity', () => {
    // A fixed seed: the same cases on every run (no unseeded randomness in tests).
    fc.assert(
      fc.property(scenarioFile, (file) => roundTrip(stringify(file))),
      { seed: 20_261_122, numRuns: 150 },
    );
  });
});

describe('the writer keeps files tidy', () => {
  it('leaves out every default', () => {
    expect(serializeScenario(parseValid(HEADER))).toBe('plainsight: 1\nname: Test\n');
    const text = `${HEADER}sites:\n  - { id: dc1, trust: trusted }\nhosts:\n  - { id: h1, site: dc1, role: compute, cpu: { ghz: 2.5, cores: 32 }, nic: { gbps: 10, offload: [] } }\n`;
    expect(serializeScenario(parseValid(text))).toBe(
      'plainsight: 1\nname: Test\nsites:\n  - id: dc1\n    trust: trusted\nhosts:\n  - id: h1\n    site: dc1\n    role: compute\n    cpu: {cores: 32}\n',
    );
  });

  it("leaves out what the parser derives (link rate, MTU and site; a flow's only network) and keeps what it cannot", () => {
    const text = `${HEADER}sites:
  - { id: dc1, trust: trusted }
hosts:
  - { id: a, site: dc1, role: compute }
  - { id: b, site: dc1, role: compute }
links:
  - { id: l1, between: [a, b], gbps: 10, mtu: 1500, site: dc1 }
  - { id: l2, between: [a, b], gbps: 5 }
overlays:
  - { id: o1, type: vxlan, members: [a, b] }
networks:
  - { id: n1, kind: overlay, overlay: o1 }
  - { id: n2, kind: overlay, overlay: o1 }
workloads:
  - { id: x, host: a, networks: [n1, n2] }
  - { id: y, host: b, networks: [n1] }
flows:
  - { id: f1, from: x, to: y, network: n1 }
  - { id: f2, from: x, to: y, network: n2 }
`;
    const written = serializeScenario(parseValid(text));
    expect(written).toContain(
      '  - id: l1\n    between: [a, b]\n  - id: l2\n    between: [a, b]\n    gbps: 5\n',
    );
    // f1's n1 is the one network x and y share: derived, so left out. f2's n2 is not derivable.
    expect(written).toContain(
      '  - id: f1\n    from: x\n    to: y\n  - id: f2\n    from: x\n    to: y\n    network: n2\n',
    );
  });

  it('keeps entity order, writes policy endpoints back as between/members, and puts layout last', () => {
    const text = `layout:\n  b: { x: 1, y: 2 }\n${HEADER}sites:\n  - { id: dc1, trust: trusted }\nhosts:\n  - { id: b, site: dc1, role: compute }\n  - { id: a, site: dc1, role: compute }\nipsec:\n  - { id: p1, members: [b, a], auth: cert }\n`;
    const written = serializeScenario(parseValid(text));
    expect(written.indexOf('id: b')).toBeLessThan(written.indexOf('id: a'));
    expect(written).toContain('    members: [b, a]\n');
    expect(written.endsWith('layout:\n  b: {x: 1, y: 2}\n')).toBe(true);
  });
});
