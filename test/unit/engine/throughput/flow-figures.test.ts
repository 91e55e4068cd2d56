/**
 * Bulk throughput figures (SPEC T3–T7): the numbers an analysis carries for every flow are those of
 * the full per-flow estimate (`estimateFlowDetail`, with cost terms and reasons), to the last bit,
 * and host loads sum the SAs' cores per direction (SPEC T5).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeExposure } from '../../../../src/engine/exposure/analyze-exposure.ts';
import { estimateFlowDetail } from '../../../../src/engine/throughput/estimate-throughput.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import type { Scenario } from '../../../../src/model/types.ts';
import { scenarioArbitrary } from '../../../support/arbitraries.ts';

const FIELDS = ['flow', 'rateGbps', 'packetBytes', 'payloadBytes', 'innerMtu', 'overheadBytes', 'wireEfficiency', 'maxGbps', 'bottleneck'] as const;

function expectSameFigures(s: Scenario): void {
  const run = analyzeExposure(s);
  for (const summary of run.throughput.flows) {
    const detail = estimateFlowDetail({ scenario: s, index: run.index, traces: run.traces }, summary.flow)!;
    for (const field of FIELDS) expect(summary[field], `${summary.flow}.${field}`).toBe(detail[field]);
    // The bottleneck is the least limit of the detailed list.
    expect(summary.bottleneck).toBe(detail.limits[0]?.subject ?? null);
  }
}

describe('bulk flow figures', () => {
  it('[T6] equal the detailed estimate of every flow (small scenarios of every kind)', () => {
    for (const s of fc.sample(scenarioArbitrary, { seed: 12, numRuns: 200 })) expectSameFigures(s);
  });

  it('[T6] equal the detailed estimate on generated OVN, OVS and VLAN regions', () => {
    for (const overlay of ['ovn', 'ovs', 'none'] as const) expectSameFigures(generateScenario({ hosts: 12, hostsPerRack: 6, overlay, workloadsPerHost: 2, flowsPerWorkload: 3 }));
  });

  it('[T5] a host load adds each SA direction separately: the busiest SA is the largest per-direction sum', () => {
    const s = generateScenario({ hosts: 12, hostsPerRack: 6, workloadsPerHost: 3, flowsPerWorkload: 4 });
    const run = analyzeExposure(s);
    for (const load of run.throughput.hosts.filter((h) => h.busiestSa)) {
      // Recompute from the detailed estimates: per (SA, direction), cores × the SA's share of crypto cycles.
      const perSa = new Map<string, number>();
      for (const flow of load.flows) {
        const cost = estimateFlowDetail({ scenario: s, index: run.index, traces: run.traces }, flow)!.cpuCostPerEndpoint.find((c) => c.host === load.host)!;
        for (const t of cost.terms.filter((t) => t.kind === 'ipsec')) {
          const key = `${t.subject} ${t.direction === 'decrypt' ? 'inbound' : 'outbound'}`;
          perSa.set(key, (perSa.get(key) ?? 0) + (cost.coresAtRate * t.cyclesPerPacket) / cost.cryptoCyclesPerPacket);
        }
      }
      const most = Math.max(...perSa.values());
      expect(load.busiestSa!.coresUsed).toBe(most);
      expect(perSa.get(`${load.busiestSa!.protection} ${load.busiestSa!.direction}`)).toBe(most);
    }
  });
});
