import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeExposure } from '../../../src/engine/exposure/analyze-exposure.ts';
import { estimateFlowDetail } from '../../../src/engine/throughput/estimate-throughput.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
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

describe('analysisApi.flowDetail', () => {
  it('gives the trace and reasons of one flow, the same as a full analysis has them', async () => {
    const text = readFileSync('scenarios/scs-openstack-region.yaml', 'utf8');
    const run = analyzeExposure(parseScenario(text).model!);
    const full = { scenario: parseScenario(text).model!, index: run.index, traces: run.traces };
    // A text this worker never analysed: flows are traced one by one.
    for (const flowId of ['t-web-db', 't-batch-db', 'ns-in', 'db-repl', 'migrate']) {
      const detail = await analysisApi.flowDetail({ text }, flowId);
      expect(detail.trace?.flow, flowId).toBe(flowId);
      expect(JSON.stringify(detail.trace), flowId).toBe(JSON.stringify(run.traces.get(flowId)));
      expect(detail.reasons, flowId).toEqual(estimateFlowDetail(full, flowId)?.reasons);
    }
    expect(await analysisApi.flowDetail({ text }, 'nope')).toEqual({});
  });
});
