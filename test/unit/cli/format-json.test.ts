import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../src/engine/analyze-scenario.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { formatJson, formatJsonPieces } from '../../../src/report/format/format-json.ts';
import type { Analysis } from '../../../src/engine/types.ts';
import { twoSitesAnalysis } from './fixtures/two-sites.ts';

describe('formatJson', () => {
  it('[§4] prints one object with the analysis, two-space indented, ending with a newline', () => {
    const json = formatJson(twoSitesAnalysis);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "plainsight": 1,');
    expect(JSON.parse(json)).toEqual(twoSitesAnalysis);
  });

  it('[§4] puts the top-level keys in the documented order whatever order the object was built in', () => {
    const { requirements, findings, exposures, flows, links, scenario, plainsight, throughput } =
      twoSitesAnalysis;
    const shuffled: Analysis = {
      throughput,
      requirements,
      findings,
      exposures,
      flows,
      links,
      scenario,
      plainsight,
    };
    expect(Object.keys(JSON.parse(formatJson(shuffled)))).toEqual([
      'plainsight',
      'scenario',
      'links',
      'flows',
      'exposures',
      'findings',
      'requirements',
      'throughput',
    ]);
    expect(formatJson(shuffled)).toBe(formatJson(twoSitesAnalysis));
  });

  it('keeps keys beyond the documented ones, after them, in the order they were built', () => {
    const extended = { comparison: [], ...twoSitesAnalysis } as Analysis;
    expect(Object.keys(JSON.parse(formatJson(extended))).slice(-2)).toEqual(['comparison', 'throughput']);
  });
});

describe('formatJsonPieces', () => {
  it('joined, is exactly formatJson for every example scenario', () => {
    const dir = new URL('../../../scenarios/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const analysis = analyzeScenario(parseScenario(readFileSync(new URL(file, dir), 'utf8')).model!);
      expect([...formatJsonPieces(analysis)].join(''), file).toBe(formatJson(analysis));
    }
  });

  it('joined, is exactly formatJson for a region whose exposure table is written in several runs', () => {
    const analysis = analyzeScenario(generateScenario({ hosts: 60 }));
    expect([...formatJsonPieces(analysis)].join('')).toBe(formatJson(analysis));
    // The exposures alone: several runs of about RUN_CHARS (2^19) characters before indenting, not one string.
    const only = { exposures: analysis.exposures } as never;
    const pieces = [...formatJsonPieces(only)];
    expect(pieces.join('')).toBe(formatJson(only));
    expect(formatJson(only).length).toBeGreaterThan(3 * 2 ** 19);
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(2 * 2 ** 19);
  });

  it('writes what JSON.stringify writes for odd values: undefined fields and items, NaN, Infinity, toJSON, empty collections', () => {
    const odd = {
      plainsight: 1,
      scenario: { name: 'x', description: undefined },
      links: [{ id: 'l', flows: [] }, undefined, { nested: { a: [1, NaN, Infinity, undefined], b: {} } }],
      flows: [],
      exposures: [new Date(0)],
      findings: [{ f: () => 1, s: 'line\nbreak "q"' }],
      requirements: {},
      throughput: { flows: [{ deep: { deeper: { deepest: [1, 2] } } }] },
    } as never;
    expect([...formatJsonPieces(odd)].join('')).toBe(formatJson(odd));
  });
});
