/**
 * The per-entity loads of the ledger (what an analysis session re-sums after an edit) are the
 * full pass's loads to the last bit: same flows, same order of addition (SPEC T7).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildState, figuresOf } from '../../../../src/engine/session/session-state.ts';
import { addShare, busiestOf, newHostSums, rankEntries, type HostCrypto } from '../../../../src/engine/throughput/estimate-load.ts';
import { addToHostSums, buildLedger, hostLoadOf, linkLoadOf, moveInLedger, moveOnLinks, sumHosts } from '../../../../src/engine/throughput/load-ledger.ts';
import type { Protection } from '../../../../src/engine/types.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import { parseScenario } from '../../../../src/model/parse-scenario.ts';
import type { Scenario } from '../../../../src/model/types.ts';

const examples = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ name: f, scenario: parseScenario(readFileSync(`scenarios/${f}`, 'utf8')).model! }));

function checkLedger(name: string, scenario: Scenario): void {
  const state = buildState(scenario);
  const figures = state.sorted.map((f) => figuresOf(state).get(f.id)!);
  const ledger = buildLedger(figures, state.traces);
  for (const host of scenario.hosts) {
    const full = state.throughput.hosts.find((h) => h.host === host.id);
    expect(hostLoadOf(host, ledger.hosts.get(host.id) ?? [], figures), `${name} ${host.id}`).toStrictEqual(full);
  }
  for (const link of scenario.links) {
    const full = state.throughput.links.find((l) => l.link === link.id);
    const entry = ledger.links.get(link.id);
    const flows = (entry?.positions ?? []).map((i) => figures[i]!.summary.flow).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(linkLoadOf(link, entry, flows), `${name} ${link.id}`).toStrictEqual(full);
  }
}

describe('load ledger', () => {
  it('[T7] gives every host and link of every example scenario the full pass’s load', () => {
    for (const { name, scenario } of examples) checkLedger(name, scenario);
  });

  it('[T7] and of a generated region with crypto on every host and shared fabric links', () => {
    checkLedger('generated', generateScenario({ hosts: 30 }));
  });

  it('[T5] sums started from earlier ones as a template count only the SAs added to them again', () => {
    const sa = (id: string): Protection => ({ id, kind: 'ipsec', source: 'ovn', endpoints: ['c1', id], cipher: 'aes-gcm-256', confidential: true }) as Protection;
    const [a, b, c] = [sa('ipsec:a'), sa('ipsec:b'), sa('ipsec:c')];
    const share = (protection: Protection, cores: number): HostCrypto => ({ host: 'c1', coresAtRate: cores, sas: [{ protection, direction: 'outbound', cores, slot: -1 }] });
    const first = newHostSums();
    const onA = share(a, 0.5);
    const onB = share(b, 0);
    for (const s of [onA, onB, share(a, 0.25)]) addShare(first, s);
    expect(busiestOf(first.sa)).toEqual({ protection: 'ipsec:a', direction: 'outbound', coresUsed: 0.75 });
    // Later only SA b (a flow at rate 0) and a new SA c are left on the host: a's entry in the
    // template must not count, even though it sorts first and b carries no cores.
    const next = newHostSums(first);
    addShare(next, onB);
    expect(busiestOf(next.sa)).toEqual({ protection: 'ipsec:b', direction: 'outbound', coresUsed: 0 });
    addShare(next, share(c, 0.1));
    expect(busiestOf(next.sa)).toEqual({ protection: 'ipsec:c', direction: 'outbound', coresUsed: 0.1 });
    expect(next.used).toBe(0.1);
    // The shares that came with a place found theirs: the same entry as in the template.
    expect(onB.sas[0]!.slot).toBe(1);
  });

  it('[T5] the busiest SA is the one with most cores, ties to the smaller id and then inbound, with or without the tie order kept for the entries', () => {
    // Cores from a small set, so that most hosts tie; ids made in an order unlike their sort order.
    let seed = 7;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 8) % n;
    let directionTies = 0;
    for (let round = 0; round < 200; round++) {
      const sums = newHostSums();
      const entries: { id: string; direction: 'inbound' | 'outbound'; cores: number }[] = [];
      const count = 1 + next(12);
      for (let e = 0; e < count; e++) {
        const id = `ipsec:ovn:c${next(3)}|c${next(3)}`;
        const direction = next(2) === 0 ? 'inbound' : 'outbound';
        const cores = [0, 0.25, 0.5][next(3)]!;
        const p = { id, kind: 'ipsec', source: 'ovn', endpoints: ['c0', 'c1'], cipher: 'aes-gcm-256', confidential: true } as Protection;
        addShare(sums, { host: 'c0', coresAtRate: cores, sas: [{ protection: p, direction, cores, slot: -1 }] });
        entries.push({ id, direction, cores });
      }
      // Entries of one SA object and direction add up; distinct objects of one id are kept apart, as in the sums.
      const top = Math.max(...sums.sa.cores);
      const tied = sums.sa.protections.map((p, i) => ({ id: p.id, direction: sums.sa.inbound[i] ? 'inbound' : 'outbound', cores: sums.sa.cores[i]! })).filter((e) => e.cores === top);
      tied.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.direction < b.direction ? -1 : a.direction > b.direction ? 1 : 0));
      const expected = { protection: tied[0]!.id, direction: tied[0]!.direction, coresUsed: top };
      if (tied.length > 1 && tied[1]!.id === tied[0]!.id && tied[1]!.direction !== tied[0]!.direction) directionTies++;
      expect(entries.length).toBe(count);
      expect(busiestOf(sums.sa), `round ${round}`).toEqual(expected);
      sums.sa.rank = rankEntries(sums.sa);
      expect(busiestOf(sums.sa), `round ${round}, ranked`).toEqual(expected);
      // Sums from it as a template share its order, and find the same.
      const again = newHostSums(sums);
      expect(again.sa.rank).toBe(sums.sa.rank);
    }
    // The rounds met the ties that matter: two directions of one SA equally busy at the top.
    expect(directionTies).toBeGreaterThanOrEqual(5);
  });

  it('[T7] host sums kept as a template carry their entries\' tie order; an entry added since leaves it unused', () => {
    const state = buildState(generateScenario({ hosts: 30 }));
    const figures = state.sorted.map((f) => figuresOf(state).get(f.id)!);
    const fresh = sumHosts(figures);
    for (const [host, sum] of fresh) expect(sum.sa.rank, host).toEqual(rankEntries({ ...sum.sa, rank: undefined }));
    const sa = (id: string): Protection => ({ id, kind: 'ipsec', source: 'ovn', endpoints: ['c1', id], cipher: 'aes-gcm-256', confidential: true }) as Protection;
    // A template whose ranked entries tie at 0.5: the smaller id wins; a new entry 'ipsec:a' at 0.5 must win over both though the kept order knows nothing of it.
    const template = newHostSums();
    const [b, c] = [sa('ipsec:b'), sa('ipsec:c')];
    for (const p of [c, b]) addShare(template, { host: 'c1', coresAtRate: 0.5, sas: [{ protection: p, direction: 'outbound', cores: 0.5, slot: -1 }] });
    template.sa.rank = rankEntries(template.sa);
    expect(busiestOf(template.sa)?.protection).toBe('ipsec:b');
    const later = newHostSums(template);
    for (const p of [c, b, sa('ipsec:a')]) addShare(later, { host: 'c1', coresAtRate: 0.5, sas: [{ protection: p, direction: 'outbound', cores: 0.5, slot: -1 }] });
    expect(busiestOf(later.sa)).toEqual({ protection: 'ipsec:a', direction: 'outbound', coresUsed: 0.5 });
  });

  it('[T7] host sums made from a template equal sums made afresh, with the same entries found in place', () => {
    const state = buildState(generateScenario({ hosts: 30 }));
    const figures = state.sorted.map((f) => figuresOf(state).get(f.id)!);
    const fresh = sumHosts(figures);
    const again = new Map();
    for (const f of figures) addToHostSums(again, f, fresh);
    expect(again.size).toBe(fresh.size);
    for (const [host, sum] of fresh) {
      expect(again.get(host).used, host).toBe(sum.used);
      expect(busiestOf(again.get(host).sa), host).toEqual(busiestOf(sum.sa));
      expect(again.get(host).sa.protections, host).toEqual(sum.sa.protections);
    }
  });

  it('moves a flow’s position between entities, keeping each list ascending and without repeats', () => {
    const map = new Map([['a', [1, 4, 9]], ['b', [2]]]);
    moveInLedger(map, 4, ['a'], ['b', 'c']);
    moveInLedger(map, 2, ['b'], ['b']);
    expect(Object.fromEntries(map)).toEqual({ a: [1, 9], b: [2, 4], c: [4] });
  });

  it('moves a flow between links with its share, in step with the positions', () => {
    const map = new Map([
      ['l1', { positions: [1, 4, 9], gbps: [0.5, 2, 3] }],
      ['l2', { positions: [2], gbps: [1] }],
    ]);
    moveOnLinks(map, 4, ['l1'], [{ link: 'l2', gbps: 7 }, { link: 'l3', gbps: 8 }]);
    moveOnLinks(map, 2, ['l2'], [{ link: 'l2', gbps: 1.5 }]);
    expect(Object.fromEntries(map)).toEqual({
      l1: { positions: [1, 9], gbps: [0.5, 3] },
      l2: { positions: [2, 4], gbps: [1.5, 7] },
      l3: { positions: [4], gbps: [8] },
    });
  });
});
