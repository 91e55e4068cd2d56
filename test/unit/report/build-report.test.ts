/**
 * The report model: fingerprint, executive summary and path diagrams, checked against values
 * worked out by hand from SPEC and the example scenarios' expected files.
 */
import { describe, expect, it } from 'vitest';
import { compareIds } from '../../../src/engine/compare-ids.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { MAX_DIAGRAMS } from '../../../src/report/build-path-diagrams.ts';
import { buildReport } from '../../../src/report/build-report.ts';
import { renderHtmlReport } from '../../../src/report/html/render-html-report.ts';
import { DATE, exampleReport, loadFile } from './report-fixture.ts';

describe('buildReport', () => {
  it('fingerprints the exact file text with SHA-256 (FIPS 180-4 test vector "abc")', () => {
    const { model } = loadFile('scenarios/starter-two-hosts.yaml');
    const report = buildReport({ text: 'abc', fileName: 'x.yaml', model, date: DATE });
    // FIPS 180-4 / NIST CSRC example "SHA256.pdf": SHA-256("abc").
    expect(report.source.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(report.source).toEqual({ fileName: 'x.yaml', sha256: report.source.sha256, date: DATE });
  });

  it('[X8, X6] summarises the starter: both links plaintext, r1 fails, the tap reads and tampers with f1', () => {
    const { summary, rules, paths } = exampleReport('starter-two-hosts');
    // expected/starter-two-hosts.expected.yaml: l1, l2 plaintext; f1 payload + tamper for tap; r1 false.
    expect(summary.linkCounts).toEqual({ plaintext: 2, headers: 0, encrypted: 0, idle: 0 });
    expect(summary.failedRequirements).toEqual(['r1']);
    expect(summary.attackers).toEqual([{ attacker: 'tap', worst: 'payload', flows: ['f1'], tamperFlows: ['f1'] }]);
    // Geneve with its 8-byte option on a 1500-byte link: 1500 − 58 = 1442 (domain facts A.2).
    expect(summary.minInnerMtu).toBe(1442);
    expect(rules.map((r) => r.id)).toEqual(['plaintext-on-link', 'requirement-failed']);
    expect(paths).toHaveLength(1);
    expect(paths[0]!.segments.map((s) => [s.links, s.payloadPlaintext])).toEqual([[['l1', 'l2'], true]]);
  });

  it('[X1, X2] draws a new stack only where it changes: ns-out leaves the IPsec at the gateway net1', () => {
    const ns = exampleReport('scs-openstack-region').paths.find((d) => d.flow === 'ns-out')!;
    // expected/scs-openstack-region: tunnel cmp1 → net1 (ESP), then plaintext on l-net1-ex and inet.
    expect(ns.segments.map((s) => [s.links, s.payloadPlaintext])).toEqual([
      [['l-cmp1', 'l-net1'], false],
      [['l-net1-ex', 'inet'], true],
    ]);
    expect(ns.segments[0]!.stack.some((l) => l.kind === 'esp')).toBe(true);
    expect(ns.segments[1]!.stack.map((l) => l.kind)).toEqual(['eth', 'ipv4', 'tcp', 'payload']);
  });

  it('[X1, X2] draws the first hundred flows of a large region by flow id and lists the others by id', () => {
    // 12 hosts × 10 VMs × 5 flows and the control-plane and storage flows: over a hundred flows.
    const model = generateScenario({ hosts: 12 });
    const report = buildReport({ text: 'plainsight: 1\n', fileName: 'region.yaml', model, date: DATE });
    const ids = model.flows.map((f) => f.id).sort(compareIds);
    expect(ids.length).toBeGreaterThan(MAX_DIAGRAMS);
    expect(report.paths.map((d) => d.flow)).toEqual(ids.slice(0, MAX_DIAGRAMS));
    expect(report.pathsNotDrawn).toEqual(ids.slice(MAX_DIAGRAMS));
    // Each drawn diagram is its flow's: its ends, and one segment or more for a flow that leaves its host.
    for (const d of report.paths) {
      const flow = model.flows.find((f) => f.id === d.flow)!;
      expect([d.from, d.to]).toEqual([flow.from, flow.to]);
      if (!d.local && d.unreachable === undefined) expect(d.segments.length).toBeGreaterThan(0);
    }
    expect(renderHtmlReport(report)).toContain(`<p class="note">${ids.length - MAX_DIAGRAMS} more flows are not drawn: <code>${ids[MAX_DIAGRAMS]}</code>, `);
  });

  it('[X6, X7] gives each attacker of a large region its worst level, the flows at that level and the flows it can tamper with', () => {
    const model = generateScenario({ hosts: 12 });
    const { analysis, summary } = buildReport({ text: 'plainsight: 1\n', fileName: 'region.yaml', model, date: DATE });
    const order = ['none', 'metadata', 'headers', 'payload'];
    const attackers = model.attackers.map((a) => a.id).sort(compareIds);
    expect(summary.attackers.map((a) => a.attacker)).toEqual(attackers);
    // The definition, attacker by attacker over every exposure.
    for (const a of summary.attackers) {
      const mine = analysis.exposures.filter((e) => e.attacker === a.attacker);
      const worst = order[Math.max(...mine.map((e) => order.indexOf(e.level)))];
      expect(a.worst).toBe(worst);
      expect(a.flows).toEqual(worst === 'none' ? [] : mine.filter((e) => e.level === worst).map((e) => e.flow));
      expect(a.tamperFlows).toEqual(mine.filter((e) => e.tamper).map((e) => e.flow));
    }
    // The generated region's attackers do not all reach the same depth, and some can tamper.
    expect(new Set(summary.attackers.map((a) => a.worst)).size).toBeGreaterThan(1);
    expect(summary.attackers.some((a) => a.tamperFlows.length > 0)).toBe(true);
  });

  it('[X1] marks a flow that never leaves its host and has no links to draw', () => {
    const local = exampleReport('scs-openstack-region').paths.find((d) => d.flow === 'db-local')!;
    expect(local).toMatchObject({ local: true, path: ['host:ctl1'], segments: [] });
  });

  it('summarises the default scenario: 11 of 14 links plaintext, two requirements fail, the worst per attacker', () => {
    const { summary } = exampleReport('scs-openstack-region');
    // expected/scs-openstack-region: 11 plaintext, l-cmp3 headers, l-net1 and l-cmp4 encrypted.
    expect(summary.linkCounts).toEqual({ plaintext: 11, headers: 1, encrypted: 2, idle: 0 });
    expect(summary.failedRequirements).toEqual(['r-control-plane', 'r-wan-confidential']);
    const worst = Object.fromEntries(summary.attackers.map((a) => [a.attacker, [a.worst, a.flows]]));
    expect(worst).toEqual({
      'ca-leak': ['payload', ['db-repl', 't-web-db']],
      'carrier-mitm': ['payload', ['backup-sync', 'db-repl', 'ns-out']],
      'co-tenant': ['payload', ['nfv-crm']],
      'colo-tap': ['payload', ['backup-sync']],
      'root-cmp2': ['payload', ['migrate', 'nfv-crm', 't-app-web', 'vlan-legacy']],
    });
    // Smallest inner MTU: the tenant flows over the 1500-byte WAN, 1466 − 58 = 1408 (T2).
    expect(summary.minInnerMtu).toBe(1408);
  });
});
