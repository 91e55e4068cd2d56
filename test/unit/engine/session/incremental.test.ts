/**
 * The analysis session (issue 8) re-analyses after an edit by re-computing only what the edit can
 * change; its result must be the full analysis of the edited scenario, byte for byte (SPEC §4: the
 * output is deterministic), whatever was kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../../../src/engine/analysis-session.ts';
import { analyzeScenario } from '../../../../src/engine/analyze-scenario.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import type { Scenario } from '../../../../src/model/types.ts';
import { validateScenarioObject } from '../../../../src/model/validate-scenario-object.ts';
import { scenarioArbitrary } from '../../../support/arbitraries.ts';
import { checkProperty, PROPERTY_TIMEOUT_MS } from '../../../support/check-property.ts';
import { moveVm, sessionRegion } from '../../../support/session-steps.ts';

type Edit = (s: Scenario) => Scenario;

/** Edits as an editor makes them: a new scenario that shares every untouched entity with the old. */
const edits: Record<string, Edit> = {
  "change the overlay's cipher": (s) => ({ ...s, overlays: s.overlays.map((o) => (o.ipsec ? { ...o, ipsec: { ...o.ipsec, cipher: 'chacha20-poly1305' } } : o)) }),
  'add an attacker on a host link and a compute host': (s) => ({
    ...s,
    attackers: [...s.attackers, { id: 'new-attacker', at: { links: [s.links[2]!.id], devices: [], hosts: [s.hosts[1]!.id], workloads: [], sites: [] }, can: ['read', 'inject'], knows: [] }],
  }),
  'move a workload to another compute host': (s) => {
    const vm = s.workloads.find((w) => w.kind === 'vm')!;
    const to = s.hosts.find((h) => h.role === 'compute' && h.id !== vm.host)!.id;
    return { ...s, workloads: s.workloads.map((w) => (w === vm ? { ...w, host: to } : w)) };
  },
  'make an attacker active': (s) => ({ ...s, attackers: s.attackers.map((a, i) => (i === 0 ? { ...a, can: ['read', 'inject'] } : a)) }),
  'remove an attacker': (s) => ({ ...s, attackers: s.attackers.slice(1) }),
  'tighten a requirement': (s) => ({ ...s, requirements: s.requirements.map((r, i) => (i === 0 ? { ...r, maxExposure: 'none' } : r)) }),
  'remove a flow and add one': (s) => ({ ...s, flows: [...s.flows.slice(1), { ...s.flows[0]!, id: 'added-flow', tls: !s.flows[0]!.tls }] }),
  'leak the key store to every attacker': (s) => ({ ...s, attackers: s.attackers.map((a) => ({ ...a, knows: s.keystores.map((k) => k.id) })) }),
  'move the key store onto a controller': (s) => ({ ...s, keystores: s.keystores.map((k) => ({ ...k, location: s.hosts.find((h) => h.role === 'controller')!.id })) }),
  'turn the data centre into a shared site': (s) => ({ ...s, sites: s.sites.map((site, i) => (i === 0 ? { ...site, trust: 'shared' } : site)) }),
  'give a compute host an IPsec NIC': (s) => ({ ...s, hosts: s.hosts.map((h, i) => (i === 0 ? { ...h, nic: { ...h.nic, offload: ['ipsec-packet'] } } : h)) }),
  'edit two flows in place (a port, TLS)': (s) => ({ ...s, flows: s.flows.map((f, i) => (i === 3 ? { ...f, port: 8443 } : i === 7 ? { ...f, tls: !f.tls } : f)) }),
  // The app re-reads the file after every edit: every entity is a new object, equal but for the edit.
  "read the file again with one flow's rate and another's network changed": (s) => {
    const copy = structuredClone(s);
    copy.flows[5] = { ...copy.flows[5]!, rateGbps: copy.flows[5]!.rateGbps * 3 };
    const other = copy.flows.findIndex((f, i) => i > 5 && f.network !== undefined);
    if (other >= 0) copy.flows[other] = { ...copy.flows[other]!, network: undefined };
    return copy;
  },
  'read the file again unchanged': (s) => structuredClone(s),
};

const json = (value: unknown): string => JSON.stringify(value);

describe('analysis session (issue 8)', () => {
  for (const overlay of ['ovn', 'ovs', 'none'] as const) {
    it(`[§4] after each edit of a generated ${overlay} region, the session equals a full analysis byte for byte`, () => {
      let scenario = generateScenario({ hosts: 24, hostsPerRack: 8, sites: 2, overlay, workloadsPerHost: 3, flowsPerWorkload: 3, attackers: 7, seed: 3 });
      const session = createAnalysisSession(scenario);
      expect(json(session.analysis)).toBe(json(analyzeScenario(scenario)));
      for (const [name, edit] of Object.entries(edits)) {
        scenario = edit(scenario);
        expect(validateScenarioObject(scenario).diagnostics.filter((d) => d.severity === 'error'), name).toEqual([]);
        expect(json(session.update(scenario)), name).toBe(json(analyzeScenario(scenario)));
      }
    });
  }

  it('[§4] prepared ahead of every edit (ledger, link views, positions, element index, host crypto sums, cipher tapes, built in idle time), the session still equals a full analysis', () => {
    let scenario = generateScenario({ hosts: 24, hostsPerRack: 8, sites: 2, overlay: 'ovn', workloadsPerHost: 3, flowsPerWorkload: 3, attackers: 7, seed: 5 });
    const session = createAnalysisSession(scenario);
    for (const [name, edit] of Object.entries(edits)) {
      let pieces = 0;
      while (session.prepare()) pieces++;
      // Positions, the two maps by flow id, ledger, link views, element index, host sums and tapes
      // (each then their hosts' tie orders): a call each, as a call reads 12,500 flows (500 hosts).
      expect(pieces).toBeLessThanOrEqual(9);
      expect(session.prepare()).toBe(false);
      scenario = edit(scenario);
      expect(json(session.update(scenario)), name).toBe(json(analyzeScenario(scenario)));
    }
  });

  it('[§4] a session restricted to some attackers stays restricted and equal to the full analysis', () => {
    let scenario = generateScenario({ hosts: 16, hostsPerRack: 8, workloadsPerHost: 2, flowsPerWorkload: 2, attackers: 6 });
    const options = { attackers: [scenario.attackers[1]!.id, 'new-attacker'] };
    const session = createAnalysisSession(scenario, options);
    for (const edit of [edits['add an attacker on a host link and a compute host']!, edits["change the overlay's cipher"]!]) {
      scenario = edit(scenario);
      expect(json(session.update(scenario))).toBe(json(analyzeScenario(scenario, options)));
    }
  });

  it('[§4] on small scenarios of every entity kind, any valid edit gives the full analysis', () => {
    const pairs = fc.sample(fc.tuple(scenarioArbitrary, scenarioArbitrary), { seed: 8, numRuns: 60 });
    for (const [before, other] of pairs) {
      const session = createAnalysisSession(before);
      // Edits that keep the ids of `before`: take attackers, flows or requirements of another scenario where valid.
      for (const kind of ['attackers', 'flows', 'requirements', 'keystores', 'overlays'] as const) {
        const next = { ...before, [kind]: other[kind] } as Scenario;
        if (validateScenarioObject(next).diagnostics.some((d) => d.severity === 'error')) continue;
        expect(json(session.update(next)), kind).toBe(json(analyzeScenario(next)));
      }
    }
  });

  it('[§4] through random sequences of moves, TLS switches and cipher changes, every step equals the full analysis', () => {
    // Each edit leaves the flow list alone, so every step after the first takes the per-link paths
    // (link views, link-scoped rules, ledger shares, patched lists); switching the cipher to null
    // flips confidentiality on the overlay's links, so whole views move.
    const edit = fc.tuple(fc.constantFrom('move', 'tls', 'cipher'), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }));
    const property = fc.property(fc.constantFrom('ovn', 'ovs', 'none'), fc.nat({ max: 50 }), fc.array(edit, { minLength: 3, maxLength: 6 }), (overlay, seed, steps) => {
      let scenario = sessionRegion(overlay, seed);
      const session = createAnalysisSession(scenario);
      for (const [kind, a, b] of steps) {
        const s = scenario;
        if (kind === 'move') {
          scenario = moveVm(s, a, b);
        } else if (kind === 'tls') {
          const flow = s.flows[a % s.flows.length]!;
          scenario = { ...s, flows: s.flows.map((f) => (f === flow ? { ...f, tls: !f.tls } : f)) };
        } else {
          const cipher = (['null', 'aes-gcm-128', 'chacha20-poly1305'] as const)[b % 3]!;
          scenario = { ...s, overlays: s.overlays.map((o) => (o.ipsec ? { ...o, ipsec: { ...o.ipsec, cipher } } : o)) };
        }
        expect(json(session.update(scenario)), `${overlay} seed ${seed} ${kind}`).toBe(json(analyzeScenario(scenario)));
      }
    });
    // PLAINSIGHT_RUNS / PLAINSIGHT_SEED raise and replay it like every other property (test/support/check-property.ts).
    checkProperty(property, { numRuns: 12 });
  }, PROPERTY_TIMEOUT_MS);
});

