/**
 * The hand-worked expected files are checked against their scenario's raw YAML (no parser, no
 * engine): same flows, links, attackers and requirements, and paths made of the scenario's own
 * ids. A typo in an expected file then fails here, not as a confusing engine mismatch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readExpectedFile } from './expected-file.ts';

const scenarioDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const scenarioFiles = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

type Raw = Record<string, { id: string; between?: string[] }[] | undefined>;

function idsOf(raw: Raw, section: string): string[] {
  return (raw[section] ?? []).map((e) => e.id);
}

describe.each(scenarioFiles)('scenarios/expected for %s', (file) => {
  const raw = parse(readFileSync(join(scenarioDir, file), 'utf8')) as Raw;
  const expected = readExpectedFile(
    readFileSync(join(scenarioDir, 'expected', file.replace(/\.yaml$/, '.expected.yaml')), 'utf8'),
    file,
  );
  const flows = idsOf(raw, 'flows');
  const attackers = idsOf(raw, 'attackers');

  it('lists every flow, link and requirement of the scenario and nothing else', () => {
    expect(Object.keys(expected.flows).sort()).toEqual([...flows].sort());
    expect(Object.keys(expected.links).sort()).toEqual(idsOf(raw, 'links').sort());
    expect(Object.keys(expected.requirements).sort()).toEqual(idsOf(raw, 'requirements').sort());
  });

  it('[SPEC §4] lists one exposure for every flow × attacker pair', () => {
    for (const flow of flows)
      expect(Object.keys(expected.flows[flow]?.exposures ?? {}).sort(), flow).toEqual([...attackers].sort());
  });

  it('[X1] writes paths as host:/link:/device: ids of the scenario, alternating nodes and links', () => {
    const known = {
      host: new Set(idsOf(raw, 'hosts')),
      link: new Set(idsOf(raw, 'links')),
      device: new Set(idsOf(raw, 'devices')),
    };
    for (const [id, flow] of Object.entries(expected.flows)) {
      flow.path.forEach((step, i) => {
        const [kind, ref] = step.split(':') as ['host' | 'link' | 'device', string];
        expect(known[kind]?.has(ref), `${id}: ${step}`).toBe(true);
        expect(kind === 'link', `${id}: ${step} at position ${i}`).toBe(i % 2 === 1);
      });
      const pathLinks = flow.path.filter((s) => s.startsWith('link:')).map((s) => s.slice(5));
      for (const link of flow.plaintextLinks)
        expect(pathLinks, `${id}: plaintext link ${link}`).toContain(link);
    }
  });

  it('names only ids of the scenario as finding subjects', () => {
    const all = new Set(
      Object.values(raw).flatMap((section) => (Array.isArray(section) ? section.map((e) => e.id) : [])),
    );
    for (const finding of expected.findings.present) {
      for (const subject of finding.subjects)
        expect(all.has(subject), `${finding.rule}: ${subject}`).toBe(true);
    }
  });
});
