import { describe, expect, it } from 'vitest';
import { compareProtections } from '../../../src/engine/throughput/compare-protections.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { COMPARISON_HALVES } from '../../../src/engine/throughput/comparison-halves.ts';
import { comparisonOf, packComparison, unpackComparison } from '../../../workers/packed-comparison.ts';

describe('the protection comparison packed for the page (SPEC T8)', () => {
  it('comes back as the same table, each flow id sent once', () => {
    const scenario = generateScenario({ hosts: 12, hostsPerRack: 4, sites: 2, overlay: 'ovn', workloadsPerHost: 2, flowsPerWorkload: 3, attackers: 4, seed: 3 });
    const comparison = compareProtections(scenario);
    const listed = comparison.alternatives.flatMap((a) => a.exposure.flatMap((e) => [...e.payload, ...e.headers, ...e.tamper]));
    // Enough repetition for packing to matter: ids are in many lists.
    expect(listed.length).toBeGreaterThan(2 * new Set(listed).size);
    const packed = structuredClone(packComparison(comparison));
    expect(packed.flowIds.length).toBe(new Set(listed).size);
    expect(new Set(packed.flowIds).size).toBe(packed.flowIds.length);
    expect(unpackComparison(packed)).toEqual(comparison);
  });

  it('keeps empty lists and a table without flows', () => {
    const empty = { alternatives: [{ id: 'as-is', label: 'As is', minInnerMtu: null, minSingleFlowGbps: null, slowestFlow: null, cryptoCores: 0, peakHostUtilisation: 0, saturatedHosts: [], exposure: [{ attacker: 'a', payload: [], headers: [], tamper: [], worst: 'none' as const }] }] };
    expect(unpackComparison(packComparison(empty))).toEqual(empty);
  });

  it('a table sent back as the packed parts it came in is the whole table, whatever order the parts are in', () => {
    const scenario = generateScenario({ hosts: 12, hostsPerRack: 4, sites: 2, overlay: 'ovn', workloadsPerHost: 2, flowsPerWorkload: 3, attackers: 4, seed: 5 });
    const whole = compareProtections(scenario);
    // Each half as a worker packs it, through a structured clone each way (worker → page → worker).
    const parts = COMPARISON_HALVES.map((only) => structuredClone(packComparison(compareProtections(scenario, undefined, only))));
    expect(comparisonOf(structuredClone({ packedParts: parts }))).toEqual(whole);
    expect(comparisonOf(structuredClone({ packedParts: [...parts].reverse() }))).toEqual(whole);
    // Each part's lists cross as positions into its list of ids, not as ids.
    for (const part of parts) for (const a of part.alternatives) for (const e of a.exposure) expect(e.payload).toBeInstanceOf(Uint32Array);
    // A table sent as it is stays that table.
    expect(comparisonOf(whole)).toBe(whole);
  });
});
