/**
 * The diff on pairs of example scenarios, against changes worked out by hand from SPEC and the
 * scenarios' expected files.
 */
import { describe, expect, it } from 'vitest';
import { buildDiffReport } from '../../../src/report/diff/build-diff-report.ts';
import { renderDiffMarkdown, renderDiffText } from '../../../src/report/diff/render-diff.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { DATE, loadFile } from './report-fixture.ts';

function diffOf(before: string, after: string) {
  return buildDiffReport({ before: loadFile(before), after: loadFile(after), date: DATE }).diff;
}

describe('diff of the default scenario against the variant without the overlay IPsec', () => {
  const diff = diffOf('scenarios/scs-openstack-region.yaml', 'test/samples-report/diff/scs-no-ipsec.yaml');

  it('[X8] lists exactly the three links whose status changed', () => {
    // Only the Geneve tunnels lose their ESP. l-cmp3 carried mq-nova (TLS) and the ESP of t-web-db /
    // t-batch-db: t-web-db (no TLS) is now readable → plaintext. l-cmp4 carried only t-batch-db in
    // ESP: now its TLS is all → headers. l-net1 carried ns-in / ns-out in ESP: ns-out (HTTP) → plaintext.
    // Every other link was plaintext already (expected file) and stays so.
    expect(diff.links.map((c) => [c.link, c.before, c.after, c.direction])).toEqual([
      ['l-cmp3', 'headers', 'plaintext', 'worse'],
      ['l-cmp4', 'encrypted', 'headers', 'worse'],
      ['l-net1', 'encrypted', 'plaintext', 'worse'],
    ]);
  });

  it('[X6, X7] lists exactly the three exposures that changed, per attacker', () => {
    // carrier-mitm on the carrier device: t-web-db was ESP (metadata) and is now bare Geneve —
    // payload, and with nothing authenticated around it, injectable (X7). t-batch-db keeps its TLS:
    // headers, no tampering. colo-tap (read only, l-cmp4 + leaf-colo) likewise sees t-batch-db's
    // inner headers. ca-leak already opened the ESP by MITM with the CA key: unchanged. root-cmp2,
    // co-tenant and the north–south carrier exposures never depended on the ESP: unchanged.
    // Sorted by flow, then attacker, like the exposures of SPEC §4 (renderings regroup per attacker).
    expect(diff.exposures.map((c) => [c.flow, c.attacker, c.before, c.after, c.direction])).toEqual([
      ['t-batch-db', 'carrier-mitm', { level: 'metadata', tamper: false }, { level: 'headers', tamper: false }, 'worse'],
      ['t-batch-db', 'colo-tap', { level: 'metadata', tamper: false }, { level: 'headers', tamper: false }, 'worse'],
      ['t-web-db', 'carrier-mitm', { level: 'metadata', tamper: false }, { level: 'payload', tamper: true }, 'worse'],
    ]);
  });

  it('turns r-tenant-overlay from holding to failing; the other two were failing already', () => {
    expect(diff.requirements).toEqual([{ id: 'r-tenant-overlay', before: true, after: false, direction: 'worse' }]);
    expect([diff.regressions, diff.improvements]).toEqual([7, 0]);
  });

  it('[§2.1] adds, removes and changes exactly the findings the change implies', () => {
    const key = (f: { rule: string; subjects: string[] }): string => `${f.rule} ${f.subjects.join(',')}`;
    // plaintext-leaves-site: t-web-db (confidential) now crosses wan-dc1, wan-dc2 and the carrier in
    // plaintext. plaintext-on-link: two new plaintext links. requirement-failed: each new pair that
    // breaks r-wan-confidential (confidential flows vs colo-tap, carrier-mitm, ≤ metadata) or
    // r-tenant-overlay (same attackers and level): t-web-db × carrier-mitm, t-batch-db × both.
    expect(diff.findingsAdded.map(key)).toEqual([
      'plaintext-leaves-site carrier,t-web-db,wan-dc1,wan-dc2',
      'plaintext-on-link l-cmp3,t-web-db',
      'plaintext-on-link l-net1,ns-out',
      'requirement-failed carrier-mitm,r-tenant-overlay,t-batch-db',
      'requirement-failed carrier-mitm,r-tenant-overlay,t-web-db',
      'requirement-failed carrier-mitm,r-wan-confidential,t-batch-db',
      'requirement-failed carrier-mitm,r-wan-confidential,t-web-db',
      'requirement-failed colo-tap,r-tenant-overlay,t-batch-db',
      'requirement-failed colo-tap,r-wan-confidential,t-batch-db',
    ]);
    // SPEC §2.1: provider-network-unencrypted fires only while the overlays are encrypted.
    expect(diff.findingsRemoved.map(key)).toEqual(['provider-network-unencrypted provider-vlan,vlan-legacy']);
    // Links that were plaintext already now also carry the tenant flows that lost their ESP.
    expect(diff.findingsChanged.map((c) => [key(c.before), key(c.after)])).toEqual([
      ['plaintext-on-link backup-sync,db-repl,wan-dc1', 'plaintext-on-link backup-sync,db-repl,t-web-db,wan-dc1'],
      ['plaintext-on-link ceph,l-cmp1,migrate,vlan-legacy', 'plaintext-on-link ceph,l-cmp1,migrate,nfv-crm,ns-out,t-app-web,t-web-db,vlan-legacy'],
      ['plaintext-on-link db-repl,wan-dc2', 'plaintext-on-link db-repl,t-web-db,wan-dc2'],
      ['plaintext-on-link l-cmp2,migrate,vlan-legacy', 'plaintext-on-link l-cmp2,migrate,nfv-crm,t-app-web,vlan-legacy'],
    ]);
  });

  it('[T2] gives back the 34 ESP bytes to every overlay flow, and only to them', () => {
    // ESP transport AES-GCM-256 around a full packet: header 8 + IV 8, pad 0 + 2, ICV 16 = 34 bytes on
    // top of Geneve's 58 (SPEC §4 example: 92). Inner MTU: 1500 − 58 = 1442 on the WAN (was 1408),
    // 9000 − 58 = 8942 inside the sites (was 8908); ns-in / ns-out stay limited to 1500 by inet.
    const mtu = Object.fromEntries(diff.flows.map((c) => [c.flow, [c.before?.innerMtu, c.after?.innerMtu, c.before?.overheadBytes, c.after?.overheadBytes]]));
    expect(mtu).toEqual({
      'nfv-crm': [8908, 8942, 92, 58],
      'ns-in': [1500, 1500, 92, 58],
      'ns-out': [1500, 1500, 92, 58],
      't-app-web': [8908, 8942, 92, 58],
      't-batch-db': [1408, 1442, 92, 58],
      't-web-db': [1408, 1442, 92, 58],
    });
    // The hosts that terminated ESP spend less on crypto; ctl1 and ext-client only do TLS.
    expect(diff.hosts.map((h) => h.host)).toEqual(['cmp1', 'cmp2', 'cmp3', 'cmp4', 'net1']);
    for (const h of diff.hosts) expect(h.afterCores!).toBeLessThan(h.beforeCores!);
  });
});

describe('diff of the starter scenario against the same with the overlay ipsec block uncommented', () => {
  const diff = diffOf('scenarios/starter-two-hosts.yaml', 'test/samples-report/diff/starter-ipsec.yaml');

  it('[X8, X5, X7] makes both cables encrypted and drops the tap to metadata, as the scenario says', () => {
    expect(diff.links.map((c) => [c.link, c.before, c.after, c.direction])).toEqual([
      ['l1', 'plaintext', 'encrypted', 'better'],
      ['l2', 'plaintext', 'encrypted', 'better'],
    ]);
    expect(diff.exposures).toEqual([{ flow: 'f1', attacker: 'tap', before: { level: 'payload', tamper: true }, after: { level: 'metadata', tamper: false }, direction: 'better' }]);
    expect(diff.requirements).toEqual([{ id: 'r1', before: false, after: true, direction: 'better' }]);
    expect([diff.regressions, diff.improvements]).toEqual([0, 4]);
  });

  it('[§2.1, T2] trades the plaintext findings for the IKE plaintext window, and 1442 for 1408 bytes', () => {
    // dropPlaintext defaults to false: ipsec-plaintext-window fires for the overlay (SPEC §1.1).
    expect(diff.findingsAdded.map((f) => [f.rule, f.subjects])).toEqual([['ipsec-plaintext-window', ['ov1']]]);
    expect(diff.findingsRemoved.map((f) => f.rule)).toEqual(['plaintext-on-link', 'plaintext-on-link', 'requirement-failed']);
    expect(diff.flows.map((c) => [c.flow, c.before?.innerMtu, c.after?.innerMtu])).toEqual([['f1', 1442, 1408]]);
  });

  it('renders the same changes as text and Markdown', () => {
    const report = buildDiffReport({ before: loadFile('scenarios/starter-two-hosts.yaml'), after: loadFile('test/samples-report/diff/starter-ipsec.yaml'), date: DATE });
    expect(renderDiffText(report)).toContain('  l1    ✗ plaintext  ✓ encrypted  better');
    expect(renderDiffMarkdown(report)).toContain('| `tap` | f1 | payload, can tamper | metadata | better |');
  });
});

describe('diff of a scenario against itself', () => {
  it('finds no change at all', () => {
    const diff = diffOf('scenarios/scs-openstack-region.yaml', 'scenarios/scs-openstack-region.yaml');
    expect(diff).toEqual({ links: [], exposures: [], findingsAdded: [], findingsRemoved: [], findingsChanged: [], requirements: [], flows: [], hosts: [], regressions: 0, improvements: 0 });
  });
});

describe('diff of two versions where a link was renamed', () => {
  it('counts the link on one side only as added and removed, not as "no change"', () => {
    // starter-two-hosts with l1 renamed: l1 is removed and l1-new added, both plaintext as l1 was;
    // no exposure or requirement changes (the tap sits on l2).
    const before = loadFile('scenarios/starter-two-hosts.yaml');
    const text = before.text.replace('{ id: l1, between', '{ id: l1-new, between');
    const { model } = parseScenario(text, { fileName: 'renamed.yaml' });
    const report = buildDiffReport({ before, after: { text, fileName: 'renamed.yaml', model: model! }, date: DATE });
    expect(report.diff.links.map((c) => [c.link, c.direction])).toEqual([
      ['l1', 'removed'],
      ['l1-new', 'added'],
    ]);
    expect(report.diff.exposures).toEqual([]);
    expect(renderDiffText(report)).toContain('nothing gets worse or better, but links, exposures or requirements were added, removed or changed: links 0 worse, 0 better, 2 added, removed or changed; exposures 0 worse, 0 better; requirements');
  });
});

describe('exportDiff (the app worker entry)', () => {
  it('renders the diff from two texts, or returns the diagnostics of an invalid side', async () => {
    const { exportDiff } = await import('../../../src/report/diff/export-diff.ts');
    const before = loadFile('scenarios/starter-two-hosts.yaml');
    const after = loadFile('test/samples-report/diff/starter-ipsec.yaml');
    const ok = exportDiff({ before, after, date: DATE, format: 'json' });
    expect(ok.diagnostics).toEqual([]);
    expect(JSON.parse(ok.output!).diff.regressions).toBe(0);
    const bad = exportDiff({ before, after: { text: 'plainsight: 1\n', fileName: 'x.yaml' }, date: DATE, format: 'text' });
    expect(bad.output).toBeUndefined();
    expect(bad.diagnostics.length).toBeGreaterThan(0);
  });

  it('lists at most twelve subjects of a finding in a table cell, and says how many more (a busy link names thousands of flows)', () => {
    const report = buildDiffReport({ before: loadFile('scenarios/starter-two-hosts.yaml'), after: loadFile('test/samples-report/diff/starter-ipsec.yaml'), date: DATE });
    const subjects = Array.from({ length: 5_000 }, (_, i) => `f-${String(i).padStart(4, '0')}`);
    const finding = { rule: 'plaintext-on-link', severity: 'medium' as const, subjects, message: 'Link l9 carries the payload of 5,000 flows in plaintext.' };
    const text = renderDiffText({ ...report, diff: { ...report.diff, findingsAdded: [finding] } });
    expect(text).toContain(`${subjects.slice(0, 12).join(', ')} and 4988 more`);
    expect(text).not.toContain('f-0012');
  });
});

