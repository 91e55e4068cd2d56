/**
 * The exposure table (SPEC §4: one exposure per flow × attacker pair) keeps only the pairs that
 * say something; read in any way a list is read, it must be the list of every pair that
 * `exposeFlow` gives, pair for pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackerKnowledge } from '../../../../src/engine/exposure/attacker-knowledge.ts';
import { buildTraces } from '../../../../src/engine/exposure/build-traces.ts';
import { exposeAll } from '../../../../src/engine/exposure/expose-all.ts';
import { exposeFlow } from '../../../../src/engine/exposure/expose-flow.ts';
import { detailedExposures, exposureHeads, ExposureTable, ExposureTableBuilder, plainExposure } from '../../../../src/engine/exposure/exposure-table.ts';
import { indexScenario } from '../../../../src/engine/scenario-index.ts';
import type { Exposure } from '../../../../src/engine/types.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import type { Scenario } from '../../../../src/model/types.ts';
import { scenarioArbitrary } from '../../../support/arbitraries.ts';
import { analyzeScenario } from '../../../../src/engine/analyze-scenario.ts';
import { diffAnalyses } from '../../../../src/report/diff/diff-analyses.ts';

/** The engine's table and, worked out pair by pair, the list it stands for. */
function tableAndList(s: Scenario): [ExposureTable, Exposure[]] {
  const index = indexScenario(s);
  const traces = buildTraces(s, index);
  const knowledge = s.attackers.map((a) => buildAttackerKnowledge(a, index));
  const list = s.flows.flatMap((f) => knowledge.map((k) => exposeFlow(f, traces.get(f.id)!, k, index)));
  return [exposeAll(s.flows, traces, knowledge, index), list];
}

const region = generateScenario({ sites: 2, racksPerSite: 1, hostsPerRack: 6, workloadsPerHost: 2, flowsPerWorkload: 3, attackers: 12 });

describe('ExposureTable', () => {
  it('[§4] reads as the list of every pair: by position, in order, and through each list method', () => {
    const scenarios = [...fc.sample(scenarioArbitrary, { seed: 21, numRuns: 80 }), region];
    let plain = 0;
    for (const s of scenarios) {
      const [table, list] = tableAndList(s);
      expect(table.length).toBe(list.length);
      expect([...table]).toEqual(list);
      // Without details: each pair's flow, attacker, level and tamper bit, in order, by iteration and by position.
      const heads = list.map(({ flow, attacker, level, tamper }) => ({ flow, attacker, level, tamper }));
      expect([...exposureHeads(table)]).toEqual(heads);
      expect(Array.from({ length: list.length }, (_, i) => exposureHeads(table).at(i))).toEqual(heads);
      expect(JSON.parse(JSON.stringify(table))).toEqual(JSON.parse(JSON.stringify(list)));
      for (let i = -list.length - 2; i < list.length + 2; i++) expect(table.at(i), `at(${i})`).toEqual(list.at(i));
      for (const i of [0.7, -0.5, NaN, Infinity, -Infinity]) expect(table.at(i), `at(${i})`).toEqual(list.at(i));
      const seen = (e: Exposure): boolean => e.level !== 'none' || e.tamper;
      expect(table.map((e, i) => `${i}:${e.flow}:${e.attacker}:${e.level}`)).toEqual(list.map((e, i) => `${i}:${e.flow}:${e.attacker}:${e.level}`));
      expect(table.filter(seen)).toEqual(list.filter(seen));
      expect(table.filter((_, i) => i % 3 === 1)).toEqual(list.filter((_, i) => i % 3 === 1));
      expect(table.find(seen)).toEqual(list.find(seen));
      expect(table.findIndex(seen)).toBe(list.findIndex(seen));
      expect(table.findIndex((e) => e.flow === '~none~')).toBe(-1);
      expect(table.some(seen)).toBe(list.some(seen));
      expect(table.every((e) => e.level === 'none')).toBe(list.every((e) => e.level === 'none'));
      expect(table.flatMap((e) => (seen(e) ? [e.flow, e.attacker] : []))).toEqual(list.flatMap((e) => (seen(e) ? [e.flow, e.attacker] : [])));
      const visited: string[] = [];
      table.forEach((e, i) => visited.push(`${i}:${e.attacker}`));
      expect(visited).toEqual(list.map((e, i) => `${i}:${e.attacker}`));
      for (const [start, end] of [[undefined, undefined], [1, undefined], [-3, undefined], [2, -1], [-5, -2], [4, 2], [0, 1_000]] as const) {
        expect(table.slice(start, end), `slice(${start}, ${end})`).toEqual(list.slice(start, end));
      }
      // Only the pairs that say something are kept, in order, with their positions.
      const kept = list.flatMap((e, i) => (plainExposure(e) ? [] : [i]));
      expect(Array.from(table.positions)).toEqual(kept);
      expect(detailedExposures(table)).toEqual(kept.map((i) => list[i]));
      expect(detailedExposures(list)).toEqual(kept.map((i) => list[i]));
      plain += list.length - kept.length;
    }
    // Most pairs of these scenarios are plain: the table is not a list in disguise.
    expect(plain).toBeGreaterThan(500);
  });

  it('makes each plain pair afresh, and hands out the kept pairs themselves', () => {
    const [table] = tableAndList(region);
    const plainAt = Array.from({ length: table.length }, (_, i) => i).find((i) => !table.positions.includes(i))!;
    expect(table.at(plainAt)).not.toBe(table.at(plainAt));
    expect(table.at(plainAt)).toEqual(table.at(plainAt));
    for (let k = 0; k < table.positions.length; k++) expect(table.at(table.positions[k]!)).toBe(table.detail(k));
  });

  it('makes a pair’s vantages and reasons when it is first read, once; a copy into a later table keeps them', () => {
    const index = indexScenario(region);
    const traces = buildTraces(region, index);
    const knowledge = region.attackers.map((a) => buildAttackerKnowledge(a, index));
    const width = knowledge.length;
    const table = exposeAll(region.flows, traces, knowledge, index);
    const n = table.positions.length;
    expect(n).toBeGreaterThan(10);
    // Nothing is made with the table; the outcomes alone are there, and they are the pairs' levels.
    for (let k = 0; k < n; k++) expect(table.made(k)).toBeUndefined();
    const pairAt = (k: number): Exposure => {
      const p = table.positions[k]!;
      const flow = region.flows[Math.floor(p / width)]!;
      return exposeFlow(flow, traces.get(flow.id)!, knowledge[p % width]!, index);
    };
    for (let k = 0; k < n; k++) expect([table.levelAt(k), table.tamperAt(k)]).toEqual([pairAt(k).level, pairAt(k).tamper]);
    const first = table.detail(3);
    expect(first).toEqual(pairAt(3));
    expect(table.made(3)).toBe(first);
    expect(table.detail(3)).toBe(first);
    expect(table.at(table.positions[3]!)).toBe(first);
    // Copied into the next table (as an edit that did not reach them): the made pair goes along, the others are made there.
    const builder = new ExposureTableBuilder();
    for (let k = 0; k < n; k++) {
      if (k === 5) builder.addOutcome(table.positions[k]!, table.outcomes[k]!);
      else builder.copy(table.positions[k]!, table, k);
    }
    const next = builder.build(table.flows, table.attackers, (p) => pairAt(table.slotOf(p)));
    expect(next.made(3)).toBe(first);
    expect(next.made(4)).toBeUndefined();
    expect(next.detail(4)).toEqual(pairAt(4));
    expect(next.made(5)).toBeUndefined();
    expect(Array.from(next.outcomes)).toEqual(Array.from(table.outcomes));
    // Copied as runs of slots (an edit that reached the row of slot 2, plain there now), into a
    // builder too small to hold them: slot 3 and its made pair move to slot 2.
    const runs = new ExposureTableBuilder(2);
    runs.copySlots(table, 0, 2);
    runs.copySlots(table, 3, 3);
    runs.copySlots(table, 3, n);
    const byRuns = runs.build(table.flows, table.attackers, (p) => pairAt(table.slotOf(p)));
    const without2 = <T>(xs: ArrayLike<T>): T[] => Array.from(xs).filter((_, k) => k !== 2);
    expect(Array.from(byRuns.positions)).toEqual(without2(table.positions));
    expect(Array.from(byRuns.outcomes)).toEqual(without2(table.outcomes));
    expect(byRuns.made(2)).toBe(first);
    for (let k = 0; k < n - 1; k++) if (k !== 2) expect(byRuns.made(k), `slot ${k}`).toBeUndefined();
    expect(byRuns.details()).toEqual(without2(table.details()));
    // Picked pairs are made with the table: here, those that read the payload.
    const eager = exposeAll(region.flows, traces, knowledge, index, (_f, _a, level) => level === 'payload');
    expect(Array.from({ length: n }, (_, k) => eager.levelAt(k))).toContain('payload');
    for (let k = 0; k < n; k++) expect(eager.made(k) !== undefined, `slot ${k}`).toBe(eager.levelAt(k) === 'payload');
    expect(eager.details()).toEqual(table.details());
  });

  it('the builder leaves out plain pairs and keeps the others at their positions', () => {
    const e = (flow: string, attacker: string, more: Partial<Exposure> = {}): Exposure => ({ flow, attacker, level: 'none', tamper: false, vantages: [], reasons: [], ...more });
    const builder = new ExposureTableBuilder();
    const pairs = [
      e('f1', 'a'),
      e('f1', 'b', { vantages: ['link:l1'] }),
      e('f2', 'a', { tamper: true }),
      e('f2', 'b'),
      e('f3', 'a', { level: 'payload', vantages: ['host:h1'], reasons: [{ text: 'root on h1' }] }),
      e('f3', 'b', { reasons: [{ text: 'a reason alone' }] }),
    ];
    pairs.forEach((p, i) => builder.add(i, p));
    const table = builder.build([{ id: 'f1' }, { id: 'f2' }, { id: 'f3' }], ['a', 'b']);
    expect(Array.from(table.positions)).toEqual([1, 2, 4, 5]);
    expect(table.details()).toEqual([pairs[1], pairs[2], pairs[4], pairs[5]]);
    expect(Array.from(table.outcomes)).toEqual([0, 4, 3, 0]);
    expect([...table]).toEqual(pairs);
    expect(table.complete).toBe(true);
    expect(new ExposureTable([{ id: 'f2' }, { id: 'f1' }], ['a'], new Int32Array(0), new Uint8Array(0), []).complete).toBe(false);
    expect(new ExposureTable([{ id: 'f1' }], ['a', 'a'], new Int32Array(0), new Uint8Array(0), []).complete).toBe(false);
  });
});

describe('which exposures an analysis makes with their details', () => {
  const made = (table: ExposureTable): number => Array.from(table.positions, (_, k) => table.made(k)).filter((e) => e !== undefined).length;

  it('by default those that break a requirement; with detailsNow all, every kept pair; the JSON is the same', () => {
    const s = { ...region, requirements: [{ id: 'r-none', flows: 'all' as const, against: [region.attackers[0]!.id], maxExposure: 'none' as const, noTamper: true }] };
    const lazy = analyzeScenario(s).exposures as ExposureTable;
    const eager = analyzeScenario(s, { detailsNow: 'all' }).exposures as ExposureTable;
    const failing = Array.from(lazy.positions, (p, k) => [p, k] as const).filter(([p, k]) => p % lazy.attackers.length === 0 && (lazy.levelAt(k) !== 'none' || lazy.tamperAt(k)));
    expect(failing.length).toBeGreaterThan(0);
    expect(made(lazy)).toBe(failing.length);
    for (const [, k] of failing) expect(lazy.made(k)).toBeDefined();
    expect(made(eager)).toBe(eager.positions.length);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
  });

  it('a diff of two analyses reads levels alone: it makes no pair’s details', () => {
    const before = analyzeScenario(region);
    const after = analyzeScenario({ ...region, attackers: region.attackers.map((a, i) => (i === 0 ? { ...a, can: ['read' as const, 'inject' as const] } : a)) });
    // The analyses made the pairs that break the region's requirements; the diff adds none.
    const already = made(before.exposures as ExposureTable) + made(after.exposures as ExposureTable);
    const diff = diffAnalyses(before, after);
    expect(made(before.exposures as ExposureTable) + made(after.exposures as ExposureTable)).toBe(already);
    expect(diff.exposures.length).toBeGreaterThan(0);
    // The same changes as over the full lists.
    expect(diff.exposures).toEqual(diffAnalyses({ ...before, exposures: [...before.exposures] }, { ...after, exposures: [...after.exposures] }).exposures);
  });
});
