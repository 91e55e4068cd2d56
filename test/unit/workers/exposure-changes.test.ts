/**
 * The exposure summary and packing worked out from the last analysis's (exposure-changes.ts) must
 * be exactly what summarising and packing the new exposures afresh gives, whichever pairs changed.
 */
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../../src/engine/analysis-session.ts';
import type { Exposure, ExposureList } from '../../../src/engine/types.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { exposureViews } from '../../../workers/exposure-changes.ts';
import { summarizeExposures } from '../../../workers/exposure-summary.ts';
import { packExposures } from '../../../workers/packed-exposures.ts';
import { rowsArray } from '../../../src/engine/row-list.ts';

/** What the views must be: made afresh. */
function fresh(exposures: ExposureList, flows: readonly { id: string }[]) {
  return { summary: summarizeExposures(exposures), packed: packExposures(exposures, flows) };
}

const pair = (flow: string, attacker: string, level: Exposure['level'], more: Partial<Exposure> = {}): Exposure => ({
  flow,
  attacker,
  level,
  tamper: false,
  vantages: [],
  reasons: [],
  ...more,
});

describe('exposureViews', () => {
  const flows = ['f1', 'f2', 'f3', 'f4'].map((id) => ({ id }));
  const attackers = ['a', 'b'];
  const base = flows.flatMap((f, i) => attackers.map((a, j) => (i === 1 && j === 0 ? pair(f.id, a, 'payload', { vantages: ['link:l1'] }) : pair(f.id, a, 'none'))));

  it('follows pairs that turn plain, stop being plain, change level or only their reasons', () => {
    const last = exposureViews(base, flows, true);
    expect(last).toMatchObject(fresh(base, flows));
    const cases: [string, (e: Exposure[]) => void][] = [
      ['a plain pair sees headers', (e) => (e[4] = pair('f3', 'a', 'headers', { vantages: ['link:l2'] }))],
      ['the detailed pair turns plain', (e) => (e[2] = pair('f2', 'a', 'none'))],
      ['both, and a tampering none', (e) => ((e[2] = pair('f2', 'a', 'none')), (e[7] = pair('f4', 'b', 'none', { tamper: true, vantages: ['host:h'] })), (e[0] = pair('f1', 'a', 'metadata', { vantages: ['link:l3'] })))],
      ['the same level with new reasons', (e) => (e[2] = pair('f2', 'a', 'payload', { vantages: ['link:l1'], reasons: [{ text: 'renamed' }] }))],
    ];
    for (const [name, edit] of cases) {
      const next = base.slice();
      edit(next);
      const views = exposureViews(next, flows, true, last);
      expect(views.summary, name).toEqual(fresh(next, flows).summary);
      expect(views.packed, name).toEqual(fresh(next, flows).packed);
      // And again from there, back to where it started.
      const back = exposureViews(base, flows, true, views);
      expect(back.summary, name).toEqual(last.summary);
      expect(back.packed, name).toEqual(last.packed);
    }
  });

  it('makes the views afresh for another layout, a changed flow list or too many changes', () => {
    const last = exposureViews(base, flows, true);
    const longer = [...base, pair('f5', 'a', 'none'), pair('f5', 'b', 'none')];
    const more = [...flows, { id: 'f5' }];
    expect(exposureViews(longer, more, true, last)).toMatchObject(fresh(longer, more));
    const allNew = base.map((e) => ({ ...e, level: 'metadata' as const, vantages: ['link:x'] }));
    expect(exposureViews(allNew, flows, true, last)).toMatchObject(fresh(allNew, flows));
    expect(exposureViews(base, flows, false, last).packed).toBeUndefined();
  });

  it('after edits of a region in an analysis session, equals its views made afresh', () => {
    let scenario: Scenario = generateScenario({ hosts: 40, seed: 3 });
    const session = createAnalysisSession(scenario);
    let last = exposureViews(session.analysis.exposures, rowsArray(session.analysis.flows), true);
    const vms = scenario.workloads.filter((w) => w.kind === 'vm');
    const computes = scenario.hosts.filter((h) => h.role === 'compute');
    const edits: ((s: Scenario) => Scenario)[] = [
      (s) => ({ ...s, flows: s.flows.map((f, i) => (i === 5 ? { ...f, port: 8443 } : f)) }),
      (s) => ({ ...s, workloads: s.workloads.map((w) => (w === vms[3] ? { ...w, host: computes[7]!.id } : w)) }),
      (s) => ({ ...s, flows: s.flows.map((f, i) => (i % 9 === 0 ? { ...f, tls: !f.tls } : f)) }),
      (s) => ({ ...s, overlays: s.overlays.map((o) => (o.ipsec ? { ...o, ipsec: { ...o.ipsec, cipher: 'aes-gcm-128' } } : o)) }),
    ];
    // Worked out from the last views (not afresh): the positions of the detailed pairs are shared when none turned plain.
    let incremental = 0;
    for (const edit of edits) {
      scenario = edit(scenario);
      const { exposures, flows: rows } = session.update(scenario);
      const results = rowsArray(rows);
      const views = exposureViews(exposures, results, true, last);
      if (views.packed!.at === last.packed!.at) incremental++;
      expect(views).toMatchObject(fresh(exposures, results));
      last = views;
    }
    expect(incremental).toBeGreaterThan(0);
  });
});
