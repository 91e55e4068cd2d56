/**
 * A session started one-shot first (issue 8: a file opened in the app shows its analysis sooner)
 * answers with a one-shot analysis and builds the state its edits start from afterwards, a slice
 * of flows per `prepare` call or at once when an edit comes first. Every answer must be the full
 * analysis of its scenario, whichever way the state was made and wherever an edit lands.
 */
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../../../src/engine/analysis-session.ts';
import { analyzeScenario } from '../../../../src/engine/analyze-scenario.ts';
import { rules } from '../../../../src/engine/exposure/rules/index.ts';
import { buildState, buildStateSteps, resultOf } from '../../../../src/engine/session/session-state.ts';
import type { Scenario } from '../../../../src/model/types.ts';
import { moveVm, sessionRegion, twoSiteRegion, withOverlayCipher } from '../../../support/session-steps.ts';

const json = (value: unknown): string => JSON.stringify(value);

/** Two sites, an OVN overlay with IPsec: 24 compute hosts, 216 VM flows and the control plane's. */
const region = (): Scenario => twoSiteRegion(5, 7);

/** Calls `prepare` until it says nothing is left, or `most` times; how many calls that took. */
function prepareCalls(session: ReturnType<typeof createAnalysisSession>, most = Infinity): number {
  let n = 0;
  while (n < most) {
    n++;
    if (!session.prepare()) break;
  }
  return n;
}

describe('a session that answers one-shot first (issue 8)', () => {
  it('builds the state in steps of a slice of flows, the rules a step each, to the state built at once', () => {
    const scenario = region();
    const flows = scenario.flows.length;
    expect(flows).toBeGreaterThan(200);
    const whole = json(resultOf(buildState(scenario)));
    const hostOf = new Map(scenario.workloads.map((w) => [w.id, w.host]));
    const sourceHosts = new Set(scenario.flows.map((f) => hostOf.get(f.from) ?? f.from)).size;
    expect(sourceHosts).toBeGreaterThanOrEqual(24);
    for (const slice of [1, 9, flows]) {
      const steps = buildStateSteps(scenario, {}, undefined, 'failing', slice);
      let yields = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) yields++;
      expect(json(resultOf(step.value)), `slice ${slice}`).toBe(whole);
      // Estimates, host and link loads, exposures: ceil(flows / slice) steps each, a yield between
      // two; a step per rule; seven between stages; tracing takes a source host's flows at a time,
      // so at one flow a step, a step per source host.
      const perPass = Math.ceil(flows / slice);
      const tracing = slice === 1 ? sourceHosts : 0;
      expect(yields, `slice ${slice}`).toBeGreaterThanOrEqual(3 * (perPass - 1) + rules.length + 7 + tracing);
    }
  });

  it('answers first with the one-shot analysis, then the built state takes over in prepare calls', () => {
    const scenario = region();
    const expected = json(analyzeScenario(scenario));
    const heard: unknown[] = [];
    const session = createAnalysisSession(scenario, {
      prepareSlice: 9,
      oneShotFirst: true,
      onBuilt: (a) => void heard.push(a),
    });
    expect(session.built).toBe(false);
    expect(json(session.analysis)).toBe(expected);
    // Per-flow detail reads traces made when asked, as the one-shot analysis keeps none.
    const plain = createAnalysisSession(scenario);
    const flowId = scenario.flows[17]!.id;
    expect(json(session.detail.traces.get(flowId))).toBe(json(plain.detail.traces.get(flowId)));
    const first = session.analysis;
    let calls = 0;
    while (!session.built) {
      expect(session.prepare()).toBe(true);
      calls++;
    }
    // At nine flows a step, the four passes over every flow alone take more than 90 calls.
    expect(calls).toBeGreaterThan(4 * Math.floor(scenario.flows.length / 9));
    // The built state's analysis: new objects, the same analysis.
    expect(session.analysis).not.toBe(first);
    expect(json(session.analysis)).toBe(expected);
    expect(heard).toEqual([session.analysis]);
    expect(heard[0]).toBe(session.analysis);
    // Then the pieces a session always prepares, as many calls as a session built at once makes.
    const rest = prepareCalls(session);
    expect(rest).toBe(prepareCalls(createAnalysisSession(scenario, { prepareSlice: 9 })));
  });

  it('answers another topology one-shot first again, whether or not the last state was built', () => {
    // Other hosts and links: another topology, not an edit.
    const other = sessionRegion('ovs', 3);
    for (const calls of [0, 40, Infinity]) {
      const session = createAnalysisSession(region(), { prepareSlice: 9, oneShotFirst: true });
      for (let c = 0; c < calls && session.prepare(); c++);
      expect(json(session.update(other)), `after ${calls} calls`).toBe(json(analyzeScenario(other)));
      expect(session.built, `after ${calls} calls`).toBe(false);
      // Its state built, the next edit starts from it.
      while (!session.built) session.prepare();
      const moved = moveVm(other, 3, 5);
      expect(json(session.update(moved)), `after ${calls} calls`).toBe(json(analyzeScenario(moved)));
    }
    // A session not started one-shot first builds another topology's state at once, as ever.
    const plain = createAnalysisSession(region());
    expect(json(plain.update(other))).toBe(json(analyzeScenario(other)));
    expect(plain.built).toBe(true);
  });

  it('builds the state at once for an edit that comes before it is built, wherever the build stands', () => {
    const scenario = region();
    const edits: [string, (s: Scenario) => Scenario][] = [
      ['a moved VM', (s) => moveVm(s, 4, 9)],
      ['a cipher', (s) => withOverlayCipher(s, 'chacha20-poly1305')],
      ['an attacker', (s) => ({ ...s, attackers: s.attackers.slice(1) })],
    ];
    // No call, mid-tracing, mid-estimates, among the rules, just built.
    const before = json(analyzeScenario(scenario));
    for (const calls of [0, 3, 40, 95, 200]) {
      for (const [name, edit] of edits) {
        const heard: string[] = [];
        const session = createAnalysisSession(scenario, {
          prepareSlice: 9,
          oneShotFirst: true,
          onBuilt: (a) => void heard.push(json(a)),
        });
        for (let c = 0; c < calls && !session.built; c++) session.prepare();
        const next = edit(scenario);
        expect(json(session.update(next)), `${name} after ${calls} calls`).toBe(json(analyzeScenario(next)));
        expect(session.built).toBe(true);
        // The built state was announced once, with the analysis before the edit.
        expect(heard, `${name} after ${calls} calls`).toEqual([before]);
        // And the edits after it, from the state it built.
        const after = withOverlayCipher(next, 'aes-gcm-128');
        expect(json(session.update(after)), `${name} after ${calls} calls, then a cipher`).toBe(
          json(analyzeScenario(after)),
        );
      }
    }
  });
});
