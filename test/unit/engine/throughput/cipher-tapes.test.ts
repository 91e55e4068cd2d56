/**
 * The cipher tapes a session keeps for cipher edits (throughput/flow-figures.ts): brought up to
 * date after edits that estimated some flows afresh (`refreshTapes`), they must hold what tapes
 * made anew hold: every flow with crypto loads taped, its cores as its figures have them, and each
 * host's SA slots in the order the busiest SA is chosen by (SPEC T5).
 */
import { describe, expect, it } from 'vitest';
import { buildState, figuresOf, traceListOf } from '../../../../src/engine/session/session-state.ts';
import {
  cipherTapes,
  HOST_CORES,
  refreshTapes,
  SA_CORES,
  SA_STRIDE,
  saCountAt,
  skipHost,
  UNTAPED,
  tapesFresh,
  type CipherTapes,
  type FlowFigures,
} from '../../../../src/engine/throughput/flow-figures.ts';
import { moveVm, twoSiteRegion } from '../../../support/session-steps.ts';

/** Every host's slots, read in tie order: (SA id, inbound first) must ascend. */
function expectRankedById(tapes: CipherTapes): void {
  for (let h = 0; h < tapes.hosts.length; h++) {
    const slots: number[] = [];
    for (let i = tapes.slotStart[h]!; i < tapes.slotStart[h]! + tapes.slotCount[h]!; i++) slots.push(i);
    const ranks = slots.map((i) => tapes.slotRank[i]!);
    expect(new Set(ranks).size, tapes.hosts[h]).toBe(slots.length);
    const inOrder = [...slots].sort((x, y) => tapes.slotRank[x]! - tapes.slotRank[y]!);
    const keys = inOrder.map(
      (i) => [tapes.sas[tapes.slotSa[i]!]!.id, tapes.slotInbound[i] === 1 ? 0 : 1] as const,
    );
    for (let k = 1; k < keys.length; k++) {
      const [a, da] = keys[k - 1]!;
      const [b, db] = keys[k]!;
      // Equal keys only where two SA objects share an id: here, the figures of two analyses.
      expect(a < b || (a === b && da <= db), `${tapes.hosts[h]}: ${a}/${da} before ${b}/${db}`).toBe(true);
    }
  }
}

/** The cores on a flow's tape, host by host with each SA's, in path order (crypto hosts only). */
function tapedCores(tapes: CipherTapes, p: number): number[] {
  const t = tapes.numbers;
  let o = tapes.start[p]!;
  const out: number[] = [];
  const hosts = t[o++]!;
  for (let h = 0; h < hosts; h++) {
    if (t[o + HOST_CORES]! >= 0) {
      out.push(t[o + HOST_CORES]!);
      let at = saCountAt(t, o);
      const k = t[at++]!;
      for (let j = 0; j < k; j++) out.push(t[at + SA_STRIDE * j + SA_CORES]!);
    }
    o = skipHost(t, o);
  }
  return out;
}

const coresOf = (f: FlowFigures): number[] =>
  f.crypto.hosts.flatMap((h) => [h.coresAtRate, ...h.sas.map((s) => s.cores)]);

describe('cipher tapes', () => {
  it('[T5] brought up to date after VMs moved, hold every flow as tapes made anew do, with each host’s slots in tie order', () => {
    const scenario = twoSiteRegion(5);
    const before = buildState(scenario);
    const figures = before.sorted.map((f) => figuresOf(before).get(f.id)!);
    const traces = traceListOf(before);
    const tapes = cipherTapes(traces, figures, before.index);
    expectRankedById(tapes);
    // Two VMs moved: their flows (and only theirs) are estimated afresh, onto other host pairs and SAs.
    const moved = moveVm(moveVm(scenario, 3, 11), 17, 2);
    const after = buildState(moved);
    const vms = new Set(
      moved.workloads.filter((w, i) => w.host !== scenario.workloads[i]!.host).map((w) => w.id),
    );
    expect(vms.size).toBe(2);
    const nowFigures = figures.slice();
    const nowTraces = traces.slice();
    let changed = 0;
    before.sorted.forEach((f, p) => {
      if (!vms.has(f.from) && !vms.has(f.to)) return;
      nowFigures[p] = figuresOf(after).get(f.id)!;
      nowTraces[p] = traceListOf(after)[p]!;
      changed++;
    });
    expect(changed).toBeGreaterThan(0);
    expect(tapesFresh(tapes, nowFigures)).toBe(false);
    // Added to, not made anew: written after the numbers in use, on slots after those in use.
    const wasUsed = { numbers: tapes.numbersUsed, slots: tapes.slotsUsed };
    const earlier = Array.from(tapes.numbers.subarray(0, wasUsed.numbers));
    const refreshed = refreshTapes(tapes, nowTraces, nowFigures, after.index)!;
    expect(tapesFresh(refreshed, nowFigures)).toBe(true);
    expect(refreshed.numbers).toBe(tapes.numbers);
    expect(refreshed.numbersUsed).toBeGreaterThan(wasUsed.numbers);
    expect(Array.from(refreshed.numbers.subarray(0, wasUsed.numbers))).toEqual(earlier);
    expect(refreshed.slotsUsed).toBeGreaterThan(wasUsed.slots);
    expectRankedById(refreshed);
    const anew = cipherTapes(nowTraces, nowFigures, after.index);
    for (let p = 0; p < nowFigures.length; p++) {
      const f = nowFigures[p]!;
      expect(refreshed.start[p]! >= 0, f.summary.flow).toBe(anew.start[p]! >= 0);
      if (refreshed.start[p]! >= 0) expect(tapedCores(refreshed, p), f.summary.flow).toEqual(coresOf(f));
    }
    expect(refreshed.start.includes(UNTAPED)).toBe(anew.start.includes(UNTAPED));
  });

  it('are left to be made anew when the flows are others or more than an eighth were estimated afresh', () => {
    // Refreshing that many costs as much as making them all, which a session does a slice at a time.
    const state = buildState(twoSiteRegion(5));
    const figures = state.sorted.map((f) => figuresOf(state).get(f.id)!);
    const traces = traceListOf(state);
    const tapes = cipherTapes(traces, figures, state.index);
    const afresh = (count: number): FlowFigures[] => figures.map((f, p) => (p < count ? { ...f } : f));
    expect(refreshTapes(tapes, traces.slice(1), figures.slice(1), state.index)).toBeUndefined();
    expect(refreshTapes(tapes, traces, afresh(figures.length), state.index)).toBeUndefined();
    expect(refreshTapes(tapes, traces, afresh((figures.length >> 3) + 1), state.index)).toBeUndefined();
    // A sixteenth: written into the room after the tapes in use.
    const some = afresh(figures.length >> 4);
    const refreshed = refreshTapes(tapes, traces, some, state.index);
    expect(refreshed?.numbers).toBe(tapes.numbers);
    expect(tapesFresh(refreshed!, some)).toBe(true);
  });
});
