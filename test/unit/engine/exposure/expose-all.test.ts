/**
 * Exposures in bulk (SPEC X4–X7): skipping the pairs no attacker position reaches must not change a
 * single exposure — `exposeAll` equals `exposeFlow` for every flow × attacker pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackerKnowledge } from '../../../../src/engine/exposure/attacker-knowledge.ts';
import { buildTraces } from '../../../../src/engine/exposure/build-traces.ts';
import { breaksAny, evaluateRequirements, requirementCheck, sortFailures } from '../../../../src/engine/exposure/evaluate-requirements.ts';
import { exposeAll } from '../../../../src/engine/exposure/expose-all.ts';
import { exposeFlow } from '../../../../src/engine/exposure/expose-flow.ts';
import { indexScenario } from '../../../../src/engine/scenario-index.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import type { Scenario } from '../../../../src/model/types.ts';
import { scenarioArbitrary } from '../../../support/arbitraries.ts';

function bothWays(s: Scenario): [unknown[], unknown[]] {
  const index = indexScenario(s);
  const traces = buildTraces(s, index);
  const knowledge = s.attackers.map((a) => buildAttackerKnowledge(a, index));
  // Read pair by pair (the table's iteration makes the plain pairs it keeps no object for).
  const bulk = [...exposeAll(s.flows, traces, knowledge, index)];
  const pairwise = s.flows.flatMap((f) => knowledge.map((k) => exposeFlow(f, traces.get(f.id)!, k, index)));
  return [bulk, pairwise];
}

describe('exposeAll', () => {
  it('[X4] gives every flow × attacker pair exactly the exposure exposeFlow gives it (small scenarios of every kind)', () => {
    for (const s of fc.sample(scenarioArbitrary, { seed: 11, numRuns: 200 })) {
      const [bulk, pairwise] = bothWays(s);
      expect(bulk).toEqual(pairwise);
    }
  });

  it('[X4] gives the same exposures as exposeFlow on a generated two-site region with site, device, root and co-tenant attackers', () => {
    const [bulk, pairwise] = bothWays(generateScenario({ sites: 2, racksPerSite: 1, hostsPerRack: 6, workloadsPerHost: 2, flowsPerWorkload: 3, attackers: 12 }));
    expect(bulk).toEqual(pairwise);
  });

  it('[X6] keeps apart exactly the pairs that see something, can tamper or have a vantage, and requirements read from them alone fail as from every pair', () => {
    const scenarios = [...fc.sample(scenarioArbitrary, { seed: 12, numRuns: 150 }), generateScenario({ sites: 2, racksPerSite: 1, hostsPerRack: 6, workloadsPerHost: 2, flowsPerWorkload: 3, attackers: 12 })];
    let checked = 0;
    for (const s of scenarios) {
      const index = indexScenario(s);
      const traces = buildTraces(s, index);
      const knowledge = s.attackers.map((a) => buildAttackerKnowledge(a, index));
      const exposures = exposeAll(s.flows, traces, knowledge, index);
      const list = s.flows.flatMap((f) => knowledge.map((k) => exposeFlow(f, traces.get(f.id)!, k, index)));
      const expected = list.flatMap((e, i) => (e.level !== 'none' || e.tamper || e.vantages.length > 0 || e.reasons.length > 0 ? [i] : []));
      expect(Array.from(exposures.positions)).toEqual(expected);
      // Outcomes first, then the details made when read: the same pairs as read one by one.
      expect(Array.from(exposures.positions, (_, k) => [exposures.levelAt(k), exposures.tamperAt(k)])).toEqual(expected.map((i) => [list[i]!.level, list[i]!.tamper]));
      expect(exposures.details()).toEqual(expected.map((i) => list[i]));
      expect(exposures.length).toBe(list.length);
      const requirements = [...s.requirements, { id: 'zz-any', flows: 'all' as const, against: 'all' as const, maxExposure: 'none' as const, noTamper: true }];
      const fromTable = evaluateRequirements(requirements, s.flows, exposures);
      // Every pair checked, plain ones too: the requirement's own check over the whole list.
      const fromEvery = requirements
        .map((req) => {
          const check = requirementCheck(req);
          const failures = list.flatMap((e, i) => check(s.flows[Math.floor(i / knowledge.length)]!, e.attacker, e.level, e.tamper) ?? []);
          return { id: req.id, pass: failures.length === 0, failures: sortFailures(failures) };
        })
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      expect(fromTable).toEqual(fromEvery);
      // What an analysis asks of each pair to make its details at once: whether some requirement fails for it.
      const breaks = breaksAny(requirements);
      const failing = new Set(fromEvery.flatMap((r) => r.failures.map((f) => `${f.flow} ${f.attacker}`)));
      list.forEach((e, i) => expect(breaks(s.flows[Math.floor(i / knowledge.length)]!, e.attacker, e.level, e.tamper)).toBe(failing.has(`${e.flow} ${e.attacker}`)));
      checked += fromTable.reduce((n, r) => n + r.failures.length, 0);
    }
    // The strictest requirement fails wherever anything is seen: the comparison is not of empty lists.
    expect(checked).toBeGreaterThan(100);
  });
});
