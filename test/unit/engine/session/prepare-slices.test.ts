/**
 * The session's idle-time preparation (issue 8) builds the pieces it reads over every flow — load
 * ledger, link views, element index, host crypto sums, cipher tapes — a slice of flows per
 * `prepare` call, so that an edit arriving meanwhile waits for one slice, not one piece (2.6 s at
 * 5,000 hosts for the tapes). A piece built in slices must be the one built at once, and an edit
 * between two slices must drop the piece under way and still give the full analysis.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../../../src/engine/analysis-session.ts';
import { analyzeScenario } from '../../../../src/engine/analyze-scenario.ts';
import {
  buildElementIndex,
  emptyElementIndex,
  indexFlows,
} from '../../../../src/engine/session/element-index.ts';
import {
  addLinkViews,
  buildLinkViews,
  emptyLinkViews,
  sortLinkViews,
} from '../../../../src/engine/session/link-views.ts';
import { buildState, figuresOf, traceListOf } from '../../../../src/engine/session/session-state.ts';
import {
  cipherTapes,
  finishTapes,
  startTapes,
  tapeFlows,
} from '../../../../src/engine/throughput/flow-figures.ts';
import {
  addToHostSums,
  addToLedger,
  buildLedger,
  sumHosts,
  templatesOf,
  type HostSumsById,
  type LoadLedger,
} from '../../../../src/engine/throughput/load-ledger.ts';
import type { Scenario } from '../../../../src/model/types.ts';
import { checkProperty, PROPERTY_TIMEOUT_MS } from '../../../support/check-property.ts';
import { moveVm, sessionRegion, twoSiteRegion, withOverlayCipher } from '../../../support/session-steps.ts';
import type { IpsecCipher } from '../../../../src/model/types.ts';

const CIPHERS: readonly IpsecCipher[] = [
  'aes-gcm-128',
  'aes-gcm-256',
  'chacha20-poly1305',
  'aes-cbc-hmac-sha256',
  'null',
];

const json = (value: unknown): string => JSON.stringify(value);

/** Two sites, an OVN overlay with IPsec: 24 compute hosts, 216 VM flows and the control plane's. */
const region = (): Scenario => twoSiteRegion(5, 7);

/** `from`..`to` cut into slices of `size`, in order, the last one short. */
function slices(count: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0; from < count; from += size) out.push([from, Math.min(count, from + size)]);
  return out;
}

describe('preparation in slices (issue 8)', () => {
  it('builds each piece over every flow, a slice at a time, as it is built at once', () => {
    const state = buildState(region());
    const figures = state.sorted.map((f) => figuresOf(state).get(f.id)!);
    const traces = traceListOf(state);
    const n = state.sorted.length;
    expect(n).toBeGreaterThan(200);
    // Slices of one flow, of seven (not dividing the count), and one of every flow.
    for (const size of [1, 7, n]) {
      const ledger: LoadLedger = { hosts: new Map(), links: new Map() };
      const views = emptyLinkViews(state.scenario);
      const elements = emptyElementIndex();
      const sums: HostSumsById = new Map();
      const tapes = startTapes(figures);
      for (const [from, to] of slices(n, size)) {
        addToLedger(ledger, figures, state.traces, from, to);
        for (let i = from; i < to; i++) addLinkViews(views, traces[i]!);
        indexFlows(elements, state.sorted, state.traces, from, to);
        for (let p = from; p < to; p++) addToHostSums(sums, figures[p]!);
        tapeFlows(tapes, traces, state.index, from, to);
      }
      expect(ledger, `ledger, slices of ${size}`).toEqual(buildLedger(figures, state.traces));
      expect(sortLinkViews(views), `link views, slices of ${size}`).toEqual(
        buildLinkViews(state.scenario, state.traces.values()),
      );
      expect(elements, `element index, slices of ${size}`).toEqual(
        buildElementIndex(state.sorted, state.traces),
      );
      expect(templatesOf(sums), `host sums, slices of ${size}`).toEqual(sumHosts(figures));
      expect(finishTapes(tapes), `tapes, slices of ${size}`).toEqual(
        cipherTapes(traces, figures, state.index),
      );
    }
  });

  it('[§4] reads a few flows per call, and edits arriving between slices give the full analysis', () => {
    let scenario = region();
    const flows = scenario.flows.length;
    const once = createAnalysisSession(scenario);
    let calls = 1;
    while (once.prepare()) calls++;
    const sliced = createAnalysisSession(scenario, { prepareSlice: 7 });
    let slicedCalls = 1;
    while (sliced.prepare()) slicedCalls++;
    // Five pieces over every flow, each now ceil(flows / 7) calls instead of one, and the host sums
    // and the tapes then a call per host (7 flows' worth is less than one host's tie order).
    expect(slicedCalls).toBeGreaterThan(calls + 5 * (Math.ceil(flows / 7) - 1) + 2 * 24);
    // A session prepared a slice at a time and edited after a varying number of calls: mid-piece,
    // between pieces, or prepared through; cipher edits read the host sums and tapes when whole.
    const session = createAnalysisSession(scenario, { prepareSlice: 7 });
    // With ~40 calls per piece: mid-ledger, mid-link views, mid-element index, mid-tapes (a fresh
    // session's calls), and prepared through.
    const attacker = (s: Scenario): Scenario => ({
      ...s,
      attackers: [
        ...s.attackers,
        {
          id: `added-${s.attackers.length}`,
          at: { links: [s.links[5]!.id], devices: [], hosts: [], workloads: [], sites: [] },
          can: ['read'],
          knows: [],
        },
      ],
    });
    const steps: [number, (s: Scenario) => Scenario][] = [
      [10, (s) => moveVm(s, 4, 9)],
      [50, (s) => withOverlayCipher(s, 'aes-gcm-128')],
      [120, attacker],
      [170, (s) => withOverlayCipher(s, 'chacha20-poly1305')],
      [Infinity, (s) => moveVm(s, 11, 2)],
      [30, attacker],
      // A rate on every flow: the tapes are made anew rather than refreshed, a slice at a time.
      [Infinity, (s) => ({ ...s, flows: s.flows.map((f) => ({ ...f, rateGbps: f.rateGbps + 1 })) })],
      [Infinity, (s) => withOverlayCipher(s, 'chacha20-poly1305')],
      [Infinity, (s) => withOverlayCipher(s, 'aes-gcm-128')],
    ];
    for (const [calls, edit] of steps) {
      for (let c = 0; c < calls && session.prepare(); c++);
      scenario = edit(scenario);
      expect(json(session.update(scenario)), `after ${calls} calls`).toBe(json(analyzeScenario(scenario)));
    }
  });

  it('[§4] goes on with the host sums and tapes after an ordinary edit, and makes the tapes again after a cipher edit', () => {
    const scenario = region();
    const state = buildState(scenario);
    const figures = state.sorted.map((f) => figuresOf(state).get(f.id)!);
    const sumsHosts = sumHosts(figures).size;
    const tapeHosts = cipherTapes(traceListOf(state), figures, state.index).hosts.length;
    const per = Math.ceil(figures.length / 7);
    // Positions and the two maps, then ledger, link views, element index, host sums and tapes at
    // seven flows a call, the sums' and tapes' tie orders a host a call.
    const calls = (session: ReturnType<typeof createAnalysisSession>, most = Infinity): number => {
      let n = 1;
      while (n < most && session.prepare()) n++;
      return n;
    };
    expect(calls(createAnalysisSession(scenario, { prepareSlice: 7 }))).toBe(
      3 + 5 * per + sumsHosts + tapeHosts,
    );
    const midTapes = 3 + 4 * per + sumsHosts + Math.floor(per / 2);
    const added = (s: Scenario): Scenario => ({
      ...s,
      attackers: [
        ...s.attackers,
        {
          id: 'added',
          at: { links: [s.links[3]!.id], devices: [], hosts: [], workloads: [], sites: [] },
          can: ['read'],
          knows: [],
        },
      ],
    });
    const cipher = (s: Scenario): Scenario => withOverlayCipher(s, 'chacha20-poly1305');
    // Left after the edit: the rest of the tapes (and a call for the results by flow id, which an
    // attacker edit leaves to be mapped again), or a call for the cipher edit's rows
    // (`SessionState.rowsPending`) and the tapes all over again.
    const rest = 3 + 5 * per + sumsHosts + tapeHosts - midTapes;
    for (const [name, edit, least, most] of [
      ['an added attacker', added, rest, rest + 1],
      ['a cipher', cipher, per + tapeHosts + 1, per + tapeHosts + 2],
    ] as const) {
      const session = createAnalysisSession(scenario, { prepareSlice: 7 });
      expect(calls(session, midTapes)).toBe(midTapes);
      const next = edit(scenario);
      expect(json(session.update(next)), name).toBe(json(analyzeScenario(next)));
      const left = calls(session);
      expect(left, name).toBeGreaterThanOrEqual(least);
      expect(left, name).toBeLessThanOrEqual(most);
      // A cipher edit after them reads the tapes made (each holding while its figures do).
      const after = withOverlayCipher(next, 'aes-gcm-128');
      expect(json(session.update(after)), name).toBe(json(analyzeScenario(after)));
    }
  });

  it(
    '[§4] through random edits with a random number of prepare calls before each, every step equals the full analysis',
    () => {
      // Five flows a call: every piece takes several calls, so edits land in the middle of pieces,
      // among them the host sums and tapes that go on after ordinary edits.
      const step = fc.tuple(
        fc.constantFrom('cipher', 'move', 'attacker', 'rate'),
        fc.nat({ max: 60 }),
        fc.nat({ max: 1000 }),
        fc.nat({ max: 1000 }),
      );
      const property = fc.property(
        fc.constantFrom('ovn', 'ovs'),
        fc.nat({ max: 50 }),
        fc.array(step, { minLength: 3, maxLength: 8 }),
        // Started one-shot first (as the app's worker does), the first calls build the state.
        fc.boolean(),
        (overlay, seed, steps, oneShotFirst) => {
          let scenario = sessionRegion(overlay, seed);
          const session = createAnalysisSession(scenario, { prepareSlice: 5, oneShotFirst });
          for (const [kind, calls, a, b] of steps) {
            for (let c = 0; c < calls && session.prepare(); c++);
            const s = scenario;
            if (kind === 'cipher') {
              const secured = s.overlays.filter((o) => o.ipsec);
              const target = secured[a % Math.max(1, secured.length)];
              const cipher = CIPHERS[b % CIPHERS.length]!;
              scenario = {
                ...s,
                overlays: s.overlays.map((o) =>
                  o === target ? { ...o, ipsec: { ...o.ipsec!, cipher } } : o,
                ),
              };
            } else if (kind === 'move') scenario = moveVm(s, a, b);
            else if (kind === 'attacker') {
              const at = {
                links: [s.links[a % s.links.length]!.id],
                devices: [],
                hosts: [],
                workloads: [],
                sites: [],
              };
              scenario = {
                ...s,
                attackers: [
                  ...s.attackers,
                  { id: `added-${s.attackers.length}`, at, can: ['read', 'inject'], knows: [] },
                ],
              };
            } else {
              const flow = s.flows[a % s.flows.length]!;
              scenario = {
                ...s,
                flows: s.flows.map((f) => (f === flow ? { ...f, rateGbps: 5 + (b % 40) } : f)),
              };
            }
            expect(
              json(session.update(scenario)),
              `${overlay} seed ${seed}${oneShotFirst ? ' one-shot first' : ''} ${kind} after ${calls} calls`,
            ).toBe(json(analyzeScenario(scenario)));
          }
        },
      );
      checkProperty(property, { numRuns: 15 });
    },
    PROPERTY_TIMEOUT_MS,
  );
});
