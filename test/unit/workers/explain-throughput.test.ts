import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisApi } from '../../../workers/analysis.api.ts';

const STARTER = readFileSync('scenarios/starter-two-hosts.yaml', 'utf8');

describe('analysisApi.explainThroughput (SPEC T6, X9)', () => {
  it('[T3] names the binding link: 10 Gbit/s × 1402 / (1442 + 58 + 38) = 9.12 Gbit/s, and answers alike from its cache', async () => {
    const first = await analysisApi.explainThroughput({ text: STARTER }, 'f1');
    expect(first?.[0]).toMatch(/^link:l1 limits the flow to 9\.12 Gbit\/s/);
    const traced = await analysisApi.traceFlow({ text: STARTER }, 'f1');
    expect(traced?.path).toEqual(['host:h1', 'link:l1', 'device:sw1', 'link:l2', 'host:h2']);
    expect(await analysisApi.explainThroughput({ text: STARTER }, 'f1')).toEqual(first);
  });

  it('is undefined for an unknown flow or an invalid file', async () => {
    expect(await analysisApi.explainThroughput({ text: STARTER }, 'nope')).toBeUndefined();
    expect(await analysisApi.explainThroughput({ text: 'plainsight: 1\n' }, 'f1')).toBeUndefined();
  });
});
