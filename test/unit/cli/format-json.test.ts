import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/report/format/format-json.ts';
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
