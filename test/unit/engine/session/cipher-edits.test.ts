/**
 * A cipher edit (issue 8 "change one overlay's cipher") swapping a cipher for one of the same ESP
 * sizes keeps the session's traces and renames their SAs in place (session/update-ciphers.ts). Its
 * result must still be the full analysis of the edited scenario byte for byte, also for every edit
 * that follows it, and any other cipher edit must take the general path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../../../src/engine/analysis-session.ts';
import { analyzeScenario } from '../../../../src/engine/analyze-scenario.ts';
import { scenarioChanges } from '../../../../src/engine/session/scenario-changes.ts';
import { buildState, ledgerOf, resultOf, traceListOf } from '../../../../src/engine/session/session-state.ts';
import { updateState } from '../../../../src/engine/session/update-state.ts';
import { cipherTapes, HOST_CORES, skipHost, UNTAPED } from '../../../../src/engine/throughput/flow-figures.ts';
import { validateScenarioObject } from '../../../../src/model/validate-scenario-object.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import { parseScenario } from '../../../../src/model/parse-scenario.ts';
import type { IpsecCipher, Scenario } from '../../../../src/model/types.ts';
import type { Analysis } from '../../../../src/engine/types.ts';
import { checkProperty, PROPERTY_TIMEOUT_MS } from '../../../support/check-property.ts';
import { moveVm, sessionRegion } from '../../../support/session-steps.ts';
import { twoHosts, withOverlayVms } from '../../../support/topologies.ts';

const CIPHERS: readonly IpsecCipher[] = ['aes-gcm-128', 'aes-gcm-256', 'chacha20-poly1305', 'aes-cbc-hmac-sha256', 'null'];
const json = (value: unknown): string => JSON.stringify(value);

/** Every overlay, explicit tunnel and `ipsec:` policy with IPsec gets `cipher` (the rest is shared). */
function withCipher(s: Scenario, cipher: IpsecCipher): Scenario {
  return {
    ...s,
    overlays: s.overlays.map((o) => (o.ipsec ? { ...o, ipsec: { ...o.ipsec, cipher } } : o)),
    tunnels: s.tunnels.map((t) => (t.ipsec ? { ...t, ipsec: { ...t.ipsec, cipher } } : t)),
    ipsec: s.ipsec.map((p) => ({ ...p, cipher })),
  };
}

function examples(): { name: string; scenario: Scenario }[] {
  return readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml'))
    .map((name) => ({ name, scenario: parseScenario(readFileSync(`scenarios/${name}`, 'utf8')).model! }));
}

const region = (seed: number): Scenario =>
  generateScenario({ hosts: 24, hostsPerRack: 8, sites: 2, overlay: 'ovn', workloadsPerHost: 3, flowsPerWorkload: 3, attackers: 7, seed });

describe('cipher edits (issue 8)', () => {
  it('take the in-place path only for a cipher of the same ESP sizes and confidentiality, changed alone', () => {
    const s = withCipher(region(2), 'aes-gcm-256');
    const overlay = s.overlays.findIndex((o) => o.ipsec);
    const edit = (change: (ipsec: NonNullable<Scenario['overlays'][number]['ipsec']>) => object): Scenario => ({
      ...s,
      overlays: s.overlays.map((o, i) => (i === overlay ? { ...o, ipsec: { ...o.ipsec!, ...change(o.ipsec!) } } : o)),
    });
    // AES-GCM and ChaCha20-Poly1305 ESP: 8-byte IV, 16-byte ICV, 4-byte padding (RFC 4106, RFC 7634).
    expect(scenarioChanges(s, edit(() => ({ cipher: 'aes-gcm-128' }))).ciphers).toEqual(new Map([[s.overlays[overlay]!.id, 'aes-gcm-128']]));
    expect(scenarioChanges(s, edit(() => ({ cipher: 'chacha20-poly1305' }))).ciphers?.size).toBe(1);
    // AES-CBC has a 16-byte IV and 16-byte blocks, ESP-NULL hides nothing: both re-trace.
    expect(scenarioChanges(s, edit(() => ({ cipher: 'aes-cbc-hmac-sha256' }))).ciphers).toBeUndefined();
    expect(scenarioChanges(s, edit(() => ({ cipher: 'null' }))).ciphers).toBeUndefined();
    // The cipher and anything else, or another kind of entity as well.
    expect(scenarioChanges(s, edit((ipsec) => ({ cipher: 'aes-gcm-128', dropPlaintext: !ipsec.dropPlaintext }))).ciphers).toBeUndefined();
    const withAttacker = { ...edit(() => ({ cipher: 'aes-gcm-128' })), attackers: s.attackers.slice(1) };
    expect(scenarioChanges(s, withAttacker).ciphers).toBeUndefined();
    // Read again from the file, every entity a new object: still the one cipher.
    expect(scenarioChanges(s, structuredClone(edit(() => ({ cipher: 'aes-gcm-128' })))).ciphers?.size).toBe(1);
  });

  it('[§4] on every example, each cipher after each other equals the full analysis, and so do the edits after them', () => {
    let inPlace = 0;
    for (const { name, scenario: start } of examples()) {
      if (!start.overlays.some((o) => o.ipsec) && !start.tunnels.some((t) => t.ipsec) && start.ipsec.length === 0) continue;
      let scenario = start;
      const session = createAnalysisSession(scenario);
      for (const cipher of [...CIPHERS, 'aes-gcm-128', 'chacha20-poly1305', 'aes-gcm-256'] as const) {
        const next = withCipher(scenario, cipher);
        if (scenarioChanges(scenario, next).ciphers) inPlace++;
        scenario = next;
        expect(json(session.update(scenario)), `${name} → ${cipher}`).toBe(json(analyzeScenario(scenario)));
      }
      // The SAs renamed in place must serve later edits too: a flow's TLS switched, then the file read again.
      const flow = scenario.flows[0]!;
      scenario = { ...scenario, flows: scenario.flows.map((f) => (f === flow ? { ...f, tls: !f.tls } : f)) };
      expect(json(session.update(scenario)), `${name}, TLS after the ciphers`).toBe(json(analyzeScenario(scenario)));
      scenario = structuredClone(withCipher(scenario, 'aes-gcm-128'));
      expect(json(session.update(scenario)), `${name}, read again`).toBe(json(analyzeScenario(scenario)));
    }
    // The SCS region's overlay, both gateways' policy and Cilium's policy have AEAD ciphers.
    expect(inPlace).toBeGreaterThanOrEqual(9);
  });

  it('[X9] keeps every exposure and failed requirement of a region: their reasons name an SA by its id, not its cipher', () => {
    let scenario = withCipher(region(4), 'aes-gcm-256');
    const session = createAnalysisSession(scenario);
    const before = session.analysis;
    const failedBefore = before.findings.filter((f) => f.rule === 'requirement-failed');
    scenario = withCipher(scenario, 'chacha20-poly1305');
    const after = session.update(scenario);
    expect(json(after)).toBe(json(analyzeScenario(scenario)));
    // Reasons about the overlay's SAs are there, and name no cipher (the SA's stack shows it).
    const aboutSa = after.exposures.flatMap((e) => e.reasons).filter((r) => r.protection?.startsWith('ipsec:'));
    expect(aboutSa.length).toBeGreaterThan(0);
    expect(aboutSa.every((r) => r.text.includes(`IPsec SA ${r.protection!}`) && !/aes-gcm|chacha20/.test(r.text))).toBe(true);
    // So the edit left them alone: the very same objects (the app sends no exposure after a swap).
    expect(after.exposures).toBe(before.exposures);
    const failedAfter = after.findings.filter((f) => f.rule === 'requirement-failed');
    expect(failedAfter.length).toBe(failedBefore.length);
    expect(failedAfter.every((f, i) => f === failedBefore[i])).toBe(true);
    expect(json(after)).not.toMatch(/aes-gcm-256/);
  });

  it('[X3, X8] a VM moved after a cipher edit re-reports its plaintext links with the reasons kept from before the edit', () => {
    let scenario = withCipher(region(4), 'aes-gcm-256');
    const session = createAnalysisSession(scenario);
    while (session.prepare());
    const plaintextFindings = (a: typeof session.analysis) => a.findings.filter((f) => f.rule === 'plaintext-on-link');
    const before = plaintextFindings(session.analysis);
    const reasonsBefore = new Set(before.flatMap((f) => f.reasons));
    // A swap of confidential ciphers renames ESP layers in place; a plaintext hop's stack has none (X3).
    scenario = withCipher(scenario, 'chacha20-poly1305');
    session.update(scenario);
    scenario = moveVm(scenario, 5, 17);
    const after = session.update(scenario);
    expect(json(after)).toBe(json(analyzeScenario(scenario)));
    // The links the move touched are reported again: their other flows' reasons are the objects of before.
    const reported = plaintextFindings(after).filter((f) => !before.includes(f));
    expect(reported.length).toBeGreaterThan(0);
    const reasons = reported.flatMap((f) => f.reasons);
    const kept = reasons.filter((r) => reasonsBefore.has(r));
    expect(kept.length).toBeGreaterThan(reasons.length / 2);
  });

  it('[§4] with nested encryption and saturated crypto cores, the texts and loads that name or cost the cipher follow it', () => {
    const base = withCipher(region(6), 'aes-gcm-256');
    const computes = base.hosts.filter((h) => h.role === 'compute').map((h) => h.id);
    // WireGuard between the compute hosts around the overlay's ESP (double-encryption), and heavy
    // flows whose SAs need more than a core (crypto-cpu-saturated, SPEC T5).
    let scenario: Scenario = {
      ...base,
      wireguard: [{ id: 'wg-all', members: computes }],
      flows: base.flows.map((f, i) => (i % 7 === 0 ? { ...f, rateGbps: 30 } : f)),
    };
    const session = createAnalysisSession(scenario);
    const rules = (a: ReturnType<typeof analyzeScenario>): Set<string> => new Set(a.findings.map((f) => f.rule));
    expect([...rules(session.analysis)]).toEqual(expect.arrayContaining(['double-encryption', 'crypto-cpu-saturated']));
    for (const cipher of ['chacha20-poly1305', 'aes-gcm-128'] as const) {
      const before = session.analysis;
      scenario = withCipher(scenario, cipher);
      expect(scenarioChanges(withCipher(scenario, 'aes-gcm-256'), scenario).ciphers).toBeDefined();
      const after = session.update(scenario);
      expect(json(after), cipher).toBe(json(analyzeScenario(scenario)));
      const texts = (a: typeof after, rule: string): string => json(a.findings.filter((f) => f.rule === rule));
      expect(texts(after, 'double-encryption')).toContain(cipher);
      expect(texts(after, 'crypto-cpu-saturated')).not.toBe(texts(before, 'crypto-cpu-saturated'));
      expect(json(after.throughput.hosts)).not.toBe(json(before.throughput.hosts));
    }
    // The kept traces carry the renamed SAs and ESP labels: as a fresh analysis traces them.
    const fresh = createAnalysisSession(scenario).detail.traces;
    let compared = 0;
    for (const [id, trace] of session.detail.traces) {
      if (compared++ % 5 !== 0) continue;
      expect(json(trace), id).toBe(json(fresh.get(id)));
    }
  });

  it('[T4, T5] in a prepared session, a host with two SAs of different ciphers on one flow costs each with its own', () => {
    // A transport policy between the compute hosts wraps the overlay's tunnel packets in a second
    // ESP (SPEC X2): each compute host runs two SAs per flow, the overlay's and the policy's. Only
    // one of them changes cipher per edit, so the other keeps its cycles; WireGuard around both
    // adds cycles that no cipher edit moves. The session is prepared before each edit, so the
    // edits read the flows' cycle terms it kept instead of their traces.
    const base = withCipher(region(6), 'aes-gcm-256');
    const computes = base.hosts.filter((h) => h.role === 'compute').map((h) => h.id);
    const overlayIpsec = base.overlays.find((o) => o.ipsec)!.ipsec!;
    const wg = computes.slice(0, computes.length / 2);
    let scenario: Scenario = {
      ...base,
      // Authenticated as the overlay's SAs are.
      ipsec: [{ id: 'esp-mesh', endpoints: computes, mesh: true, mode: 'transport', cipher: 'chacha20-poly1305', auth: overlayIpsec.auth, keystore: overlayIpsec.keystore, natT: false, selector: 'all' }],
      wireguard: [{ id: 'wg-all', members: wg }],
      // One core each on the WireGuard hosts: its cipher work (parallel cycles, T5) then binds too.
      hosts: base.hosts.map((h) => (wg.includes(h.id) ? { ...h, cpu: { ...h.cpu, cores: 1 } } : h)),
    };
    expect(validateScenarioObject(scenario).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const session = createAnalysisSession(scenario);
    expect(json(session.analysis)).toBe(json(analyzeScenario(scenario)));
    const nested = session.analysis.findings.filter((f) => f.rule === 'double-encryption').map((f) => f.message);
    expect(nested.join('\n')).toContain('esp-mesh');
    const edits: [string, (s: Scenario) => Scenario][] = [
      ['overlay only', (s) => ({ ...s, overlays: s.overlays.map((o) => (o.ipsec ? { ...o, ipsec: { ...o.ipsec, cipher: 'aes-gcm-128' as const } } : o)) })],
      ['policy only', (s) => ({ ...s, ipsec: s.ipsec.map((p) => ({ ...p, cipher: 'aes-gcm-256' as const })) })],
      ['overlay back', (s) => ({ ...s, overlays: s.overlays.map((o) => (o.ipsec ? { ...o, ipsec: { ...o.ipsec, cipher: 'chacha20-poly1305' as const } } : o)) })],
    ];
    for (const [name, edit] of edits) {
      while (session.prepare());
      const next = edit(scenario);
      expect(scenarioChanges(scenario, next).ciphers, name).toBeDefined();
      const before = json(session.analysis.throughput.flows);
      scenario = next;
      const after = session.update(scenario);
      expect(json(after), name).toBe(json(analyzeScenario(scenario)));
      expect(json(after.throughput.flows), name).not.toBe(before);
    }
  });

  it('[§4] cipher edits back to back on SAs of different flows, with no idle time between, leave every analysis as it was made', () => {
    // A cipher edit leaves its estimates as rows made when read until idle time writes them into
    // the session's lists and figures (`SessionState.rowsPending`). A policy's cipher costs every
    // flow again, the overlay's only the flows on its networks: so after the two, some flows have
    // the first edit's estimate and some the second's. Each result must equal the full analysis,
    // so must an ordinary edit right after them, and no earlier analysis may change.
    const base = withCipher(region(6), 'aes-gcm-256');
    const computes = base.hosts.filter((h) => h.role === 'compute').map((h) => h.id);
    const overlayIpsec = base.overlays.find((o) => o.ipsec)!.ipsec!;
    // Two host-level flows between compute hosts: the policy's SAs carry them, no overlay network does.
    const template = base.flows[0]!;
    const hostFlow = (id: string, to: string) => ({ ...template, id, from: computes[0]!, to, network: undefined, tls: false, proto: 'tcp' as const, port: 5201, packetBytes: 1200, rateGbps: 5 });
    let scenario: Scenario = {
      ...base,
      ipsec: [{ id: 'esp-mesh', endpoints: computes, mesh: true, mode: 'transport', cipher: 'chacha20-poly1305', auth: overlayIpsec.auth, keystore: overlayIpsec.keystore, natT: false, selector: 'all' }],
      flows: [...base.flows, hostFlow('zz-ab', computes[1]!), hostFlow('zz-ac', computes[9]!)],
    };
    expect(validateScenarioObject(scenario).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const session = createAnalysisSession(scenario);
    while (session.prepare());
    const gbps = (a: Analysis, id: string) => a.flows.find((f) => f.id === id)!.maxGbps;
    const made: [Analysis, string][] = [[session.analysis, json(session.analysis)]];
    const edits: [string, (s: Scenario) => Scenario][] = [
      ['policy', (s) => ({ ...s, ipsec: s.ipsec.map((p) => ({ ...p, cipher: 'aes-gcm-128' as const })) })],
      ['overlay', (s) => ({ ...s, overlays: s.overlays.map((o) => (o.ipsec ? { ...o, ipsec: { ...o.ipsec, cipher: 'chacha20-poly1305' as const } } : o)) })],
      ['overlay again', (s) => ({ ...s, overlays: s.overlays.map((o) => (o.ipsec ? { ...o, ipsec: { ...o.ipsec, cipher: 'aes-gcm-128' as const } } : o)) })],
      ['a moved VM', (s) => moveVm(s, 3, 5)],
      ['policy back', (s) => ({ ...s, ipsec: s.ipsec.map((p) => ({ ...p, cipher: 'chacha20-poly1305' as const })) })],
    ];
    let costedAgain = 0;
    for (const [name, edit] of edits) {
      const next = edit(scenario);
      const before = session.analysis;
      scenario = next;
      const after = session.update(scenario);
      expect(json(after), name).toBe(json(analyzeScenario(scenario)));
      // The flows a cipher edit costed again are new rows; the others the very same as before.
      if (name !== 'a moved VM') {
        expect(after.flows.length, name).toBe(before.flows.length);
        costedAgain += after.flows.filter((f, i) => f !== before.flows.at(i)).length;
      }
      made.push([after, json(after)]);
    }
    expect(costedAgain).toBeGreaterThan(0);
    // The host flows' estimates follow the policy's cipher alone (made[1]: after 'policy', made[2]: after 'overlay').
    expect(gbps(made[1]![0], 'zz-ab')).not.toBe(gbps(made[0]![0], 'zz-ab'));
    expect(gbps(made[2]![0], 'zz-ab')).toBe(gbps(made[1]![0], 'zz-ab'));
    for (const [analysis, text] of made) expect(json(analysis)).toBe(text);
  });

  it('[T4] one edit giving two SAs of one host different new ciphers costs each SA with its own, at the same packet size', () => {
    // Two transport policies from one compute host, each to another host, and a host-level flow
    // of the same packet size over each: at that host both ESPs encrypt packets of the same bytes.
    // One edit moves the two policies to two different ciphers, so no ESP cost worked out for the
    // one may stand for the other's.
    const base = region(4);
    const [a, b, c] = base.hosts.filter((h) => h.role === 'compute').map((h) => h.id);
    const overlayIpsec = base.overlays.find((o) => o.ipsec)!.ipsec!;
    const policy = (id: string, to: string, cipher: IpsecCipher) => ({ id, endpoints: [a!, to], mesh: true, mode: 'transport' as const, cipher, auth: overlayIpsec.auth, keystore: overlayIpsec.keystore, natT: false, selector: 'all' as const });
    const template = base.flows[0]!;
    const hostFlow = (id: string, to: string) => ({ ...template, id, from: a!, to, network: undefined, tls: false, proto: 'tcp' as const, port: 5201, packetBytes: 1200, rateGbps: 5 });
    let scenario: Scenario = { ...base, ipsec: [policy('esp-ab', b!, 'aes-gcm-128'), policy('esp-ac', c!, 'aes-gcm-256')], flows: [...base.flows, hostFlow('zz-ab', b!), hostFlow('zz-ac', c!)] };
    expect(validateScenarioObject(scenario).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const session = createAnalysisSession(scenario);
    while (session.prepare());
    const next: Scenario = { ...scenario, ipsec: [policy('esp-ab', b!, 'aes-gcm-256'), policy('esp-ac', c!, 'chacha20-poly1305')] };
    expect(scenarioChanges(scenario, next).ciphers?.size).toBe(2);
    scenario = next;
    const after = session.update(scenario);
    expect(json(after)).toBe(json(analyzeScenario(scenario)));
    // Both flows are costed at host a with their own SA's cipher: AES-GCM-256 and ChaCha20 differ (T4).
    const gbps = (id: string) => after.throughput.flows.find((f) => f.flow === id)!.maxGbps;
    expect(gbps('zz-ab')).not.toBe(gbps('zz-ac'));
  });

  it('[T2, T4] a flow edited after the session was prepared is costed from its new figures, not its kept tape', () => {
    // Smaller packets change a flow's stack cycles and the bytes its ESP is costed on, but not its
    // hosts or SAs: only the figures the tape was read from tell that it no longer holds.
    let scenario = withCipher(region(4), 'aes-gcm-256');
    const session = createAnalysisSession(scenario);
    while (session.prepare());
    const overlayNets = new Set(scenario.networks.filter((n) => n.kind === 'overlay').map((n) => n.id));
    const onOverlay = scenario.flows.filter((f) => f.network !== undefined && overlayNets.has(f.network)).slice(0, 5).map((f) => f.id);
    expect(onOverlay.length).toBe(5);
    scenario = { ...scenario, flows: scenario.flows.map((f) => (onOverlay.includes(f.id) ? { ...f, packetBytes: 600 } : f)) };
    expect(json(session.update(scenario))).toBe(json(analyzeScenario(scenario)));
    for (const cipher of ['chacha20-poly1305', 'aes-gcm-128'] as const) {
      scenario = withCipher(scenario, cipher);
      const after = session.update(scenario);
      expect(json(after), cipher).toBe(json(analyzeScenario(scenario)));
    }
  });

  it('[T4, T6] a host whose NIC does the IPsec (no crypto cycles) still limits the flow after the edit', () => {
    // c1 runs the overlay's ESP in its NIC (ipsec-packet: no crypto cycles) on a slow CPU, so its
    // stack and encapsulation bind: about 0.67 c/B × 1400 B + 206 ≈ 1,150 cycles a packet at 0.1 GHz
    // is about 1 Gbit/s, under c2's ESP (about 9,120 + 1.4 c/B × 1400 B more at 2.5 GHz: over
    // 2 Gbit/s with any of these ciphers) and the 10 Gbit/s links; the constants as derived in
    // ../throughput/estimate-throughput.test.ts. A cipher edit costs again only what a cipher can
    // move, yet c1 must stay the bottleneck.
    const scenario = withOverlayVms(twoHosts(), { cipher: 'aes-gcm-256', auth: 'cert' }).flow('f1', { from: 'vm1', to: 'vm2' }).build();
    const c1 = scenario.hosts.find((h) => h.id === 'c1')!;
    c1.nic.offload = ['ipsec-packet'];
    c1.cpu.ghz = 0.1;
    const session = createAnalysisSession(scenario);
    expect(session.analysis.throughput.flows.at(0)!.bottleneck).toBe('cpu:c1');
    for (const cipher of ['aes-gcm-128', 'chacha20-poly1305', 'aes-gcm-256'] as const) {
      const next = withCipher(session.detail.scenario, cipher);
      expect(scenarioChanges(session.detail.scenario, next).ciphers).toBeDefined();
      const after = session.update(next);
      expect(after.throughput.flows.at(0)!.bottleneck, cipher).toBe('cpu:c1');
      expect(json(after), cipher).toBe(json(analyzeScenario(next)));
    }
  });

  it('[§4] when every flow crosses the edited overlay of a prepared session, the edits after it still equal the full analysis', () => {
    // Every flow on the overlay: the edit re-costs them all, lists first, maps by flow id left to idle time.
    const full = withCipher(region(8), 'aes-gcm-256');
    const overlayNets = new Set(full.networks.filter((n) => n.kind === 'overlay').map((n) => n.id));
    const onOverlay = new Set(full.workloads.filter((w) => w.networks.some((n) => overlayNets.has(n))).map((w) => w.id));
    let scenario: Scenario = { ...full, flows: full.flows.filter((f) => onOverlay.has(f.from) && onOverlay.has(f.to)) };
    expect(scenario.flows.length).toBeGreaterThan(20);
    const session = createAnalysisSession(scenario);
    const steps: [string, (s: Scenario) => Scenario, boolean][] = [
      ['cipher', (s) => withCipher(s, 'chacha20-poly1305'), true],
      ['cipher again', (s) => withCipher(s, 'aes-gcm-128'), false],
      ['move', (s) => moveVm(s, 3, 5), false],
      ['cipher after a move', (s) => withCipher(s, 'aes-gcm-256'), true],
      ['attacker', (s) => ({ ...s, attackers: [...s.attackers, { id: 'added', at: { links: [s.links[2]!.id], devices: [], hosts: [], workloads: [], sites: [] }, can: ['read'], knows: [] }] }), false],
      ['cipher last', (s) => withCipher(s, 'chacha20-poly1305'), false],
    ];
    for (const [name, edit, prepared] of steps) {
      if (prepared) while (session.prepare());
      const next = edit(scenario);
      if (name.startsWith('cipher')) expect(scenarioChanges(scenario, next).ciphers, name).toBeDefined();
      scenario = next;
      expect(json(session.update(scenario)), name).toBe(json(analyzeScenario(scenario)));
    }
  });

  it('[T5, T7] a flow whose crypto loads an edit took away after the session was prepared adds nothing from its kept tape', () => {
    // The edit sums the hosts' crypto from the flows' tapes (throughput/tape-sums.ts). A flow
    // pointed at a VM on its own source's host becomes local: no tunnel, no SA, no crypto load,
    // while the tape read before that edit still holds the cores of both hosts it had.
    const full = withCipher(region(8), 'aes-gcm-256');
    const overlayNets = new Set(full.networks.filter((n) => n.kind === 'overlay').map((n) => n.id));
    const onOverlay = new Set(full.workloads.filter((w) => w.networks.some((n) => overlayNets.has(n))).map((w) => w.id));
    let scenario: Scenario = { ...full, flows: full.flows.filter((f) => onOverlay.has(f.from) && onOverlay.has(f.to)) };
    const session = createAnalysisSession(scenario);
    while (session.prepare());
    const hostOf = new Map(scenario.workloads.map((w) => [w.id, w.host]));
    const flow = scenario.flows.find((f) => hostOf.get(f.from) !== hostOf.get(f.to) && scenario.workloads.some((w) => w.id !== f.from && onOverlay.has(w.id) && w.host === hostOf.get(f.from)))!;
    const peer = scenario.workloads.find((w) => w.id !== flow.from && onOverlay.has(w.id) && w.host === hostOf.get(flow.from))!;
    const loaded = (): string[] => session.analysis.throughput.hosts.filter((h) => h.flows.includes(flow.id)).map((h) => h.host);
    expect(loaded().sort()).toEqual([hostOf.get(flow.from), hostOf.get(flow.to)].sort());
    scenario = { ...scenario, flows: scenario.flows.map((f) => (f === flow ? { ...f, to: peer.id } : f)) };
    expect(json(session.update(scenario))).toBe(json(analyzeScenario(scenario)));
    expect(loaded()).toEqual([]);
    for (const cipher of ['chacha20-poly1305', 'aes-gcm-128'] as const) {
      const next = withCipher(scenario, cipher);
      expect(scenarioChanges(scenario, next).ciphers, cipher).toBeDefined();
      scenario = next;
      expect(json(session.update(scenario)), cipher).toBe(json(analyzeScenario(scenario)));
    }
  });

  it('[T4, T5] a kept tape that no longer fits its flow is dropped, and the flow costed from its trace', () => {
    // A tape holds a host's cores only where the figures it was read from have crypto work there
    // (throughput/flow-figures.ts). No edit through the session makes one that does not fit, so
    // the test marks a crypto host's cores as none on one flow's tape: the edit must notice it
    // while replaying that flow, take the flow off the tapes and cost it from its trace.
    let scenario = withCipher(region(4), 'aes-gcm-256');
    let state = buildState(scenario);
    state.ledger = ledgerOf(state);
    const tapes = (state.tapes = cipherTapes(traceListOf(state), state.ledger.figures, state.index));
    const p = state.ledger.figures.findIndex((f, i) => f.crypto.hosts.length > 0 && tapes.start[i]! >= 0);
    expect(p).toBeGreaterThanOrEqual(0);
    let o = tapes.start[p]! + 1;
    while (tapes.numbers[o + HOST_CORES]! < 0) o = skipHost(tapes.numbers, o);
    tapes.numbers[o + HOST_CORES] = -1;
    const flowId = state.sorted[p]!.id;
    const before = state.throughput.flows.at(p)!;
    for (const cipher of ['chacha20-poly1305', 'aes-gcm-128'] as const) {
      const next = withCipher(scenario, cipher);
      expect(scenarioChanges(scenario, next).ciphers, cipher).toBeDefined();
      scenario = next;
      state = updateState(state, scenario);
      const fresh = analyzeScenario(scenario);
      expect(json(state.throughput), cipher).toBe(json(fresh.throughput));
      expect(json(resultOf(state).flows), cipher).toBe(json(fresh.flows));
      expect(json(resultOf(state).findings), cipher).toBe(json(fresh.findings));
      expect(state.tapes?.start[p], cipher).toBe(UNTAPED);
    }
    // The flow's figures did move with the cipher (ChaCha20 then AES-GCM-128 cost other cycles).
    expect(state.throughput.flows.at(p)!.flow).toBe(flowId);
    expect(json(state.throughput.flows.at(p))).not.toBe(json(before));
  });

  it('[§4] through random sequences of cipher swaps on one overlay, moves, attacker and rate edits, every step equals the full analysis', () => {
    const step = fc.tuple(fc.constantFrom('cipher', 'move', 'attacker', 'rate', 'prepare'), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }));
    const property = fc.property(fc.constantFrom('ovn', 'ovs'), fc.nat({ max: 50 }), fc.array(step, { minLength: 3, maxLength: 7 }), (overlay, seed, steps) => {
      let scenario = sessionRegion(overlay, seed);
      const session = createAnalysisSession(scenario);
      const computes = scenario.hosts.filter((h) => h.role === 'compute').map((h) => h.id);
      for (const [kind, a, b] of steps) {
        const s = scenario;
        if (kind === 'prepare') {
          while (session.prepare());
          continue;
        }
        if (kind === 'cipher') {
          const secured = s.overlays.filter((o) => o.ipsec);
          const target = secured[a % Math.max(1, secured.length)];
          const cipher = CIPHERS[b % CIPHERS.length]!;
          scenario = { ...s, overlays: s.overlays.map((o) => (o === target ? { ...o, ipsec: { ...o.ipsec!, cipher } } : o)) };
        } else if (kind === 'move') {
          scenario = moveVm(s, a, b);
        } else if (kind === 'attacker') {
          const at = { links: [s.links[a % s.links.length]!.id], devices: [], hosts: [computes[b % computes.length]!], workloads: [], sites: [] };
          scenario = { ...s, attackers: [...s.attackers, { id: `added-${s.attackers.length}`, at, can: ['read', 'inject'], knows: s.keystores.slice(0, b % 2).map((k) => k.id) }] };
        } else {
          // A heavy flow: crypto cores saturate, so the saturation rule and busiest SAs move with the cipher.
          const flow = s.flows[a % s.flows.length]!;
          scenario = { ...s, flows: s.flows.map((f) => (f === flow ? { ...f, rateGbps: 5 + (b % 40) } : f)) };
        }
        expect(json(session.update(scenario)), `${overlay} seed ${seed} ${kind}`).toBe(json(analyzeScenario(scenario)));
      }
      // The kept traces, renamed in place and traced again in turns, are what a fresh analysis traces.
      const fresh = createAnalysisSession(scenario).detail.traces;
      for (const [id, trace] of session.detail.traces) expect(json(trace), id).toBe(json(fresh.get(id)));
    });
    checkProperty(property, { numRuns: 15 });
  }, PROPERTY_TIMEOUT_MS);
});
