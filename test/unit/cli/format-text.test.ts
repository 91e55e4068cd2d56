import { describe, expect, it } from 'vitest';
import { formatText, formatTextPieces } from '../../../src/report/format/format-text.ts';
import type { Report } from '../../../src/report/format/report.ts';
import { fixtureRuleInfo, twoSitesReport } from './fixtures/two-sites.ts';

// The report this fixture should print, reviewed line by line: link statuses with symbols (X8),
// the flow × attacker matrix (X6, X7), paths (X1), findings by severity, requirements, reasons (X9).
const GOLDEN = `Plainsight analysis: Two sites, one carrier link
5 links · 3 flows · 2 attackers · 5 findings

Links
  LINK  ENDS       SITE           STATUS       FLOWS
  l1    c1 ↔ sw1   dc1            ✗ plaintext  db
  l2    sw1 ↔ sw2  between sites  ✓ encrypted  api, db, web
  l3    sw2 ↔ c2   dc2            ✗ plaintext  db
  l4    c1 ↔ sw1   dc1            · idle       -
  l5    sw2 ↔ c3   dc2            ◐ headers    api

Exposure (flow × attacker)
  FLOW  root-c2   tap
  api   -         headers
  db    payload!  meta
  web   payload!  meta
  payload: application data readable · headers: inner addresses and ports readable ·
  meta: packets observed, nothing inside · -: no vantage on the path · !: can tamper

Flows
  api  vm-a → vm-c (tcp/443, tls)
       c1 ─l1─ sw1 ─l2─ sw2 ─l5─ c3
       inner MTU 1418 · overhead 82 B · max 9.14 Gbit/s (bottleneck link:l2)
  db   vm-a → vm-b (tcp/5432)
       c1 ─l1─ sw1 ─l2─ sw2 ─l3─ c2
       plaintext on l1, l3 · inner MTU 1418 · overhead 82 B · max 9.14 Gbit/s (bottleneck link:l2)
  web  vm-b → vm-a (tcp/443, tls)
       c2 ─l3─ sw2 ─l2─ sw1 ─l1─ c1
       inner MTU 1418 · overhead 82 B

Findings
  HIGH
    requirement-failed — Requirement does not hold  [db, r-conf, root-c2]
      r-conf: root-c2 sees payload of db, can tamper | allowed: metadata.
    requirement-failed — Requirement does not hold  [r-conf, root-c2, web]
      r-conf: root-c2 sees payload of web, can tamper | allowed: metadata.
  MEDIUM
    control-plane-without-tls  [db]
      Flow db (class db) has no TLS.
  INFO
    plaintext-on-link — Plaintext payload on a link  [db, l1]
      Payload of db is plaintext on l1 (trusted site dc1).
      · the VXLAN tunnel c1 ↔ c2 has no IPsec and db has no TLS
    plaintext-on-link — Plaintext payload on a link  [db, l3]
      Payload of db is plaintext on l3 (trusted site dc2).

Requirements
  ✗ r-conf  FAIL  confidential flows; against all attackers; at most metadata; no tampering
      db × root-c2: payload, can tamper
      web × root-c2: payload, can tamper
  ✓ r-tap   pass  all flows; against tap; at most headers; no tampering

Why
  api × tap: headers
    · on link l5 the VXLAN packet is unencrypted: inner addresses and ports of api are readable
    · TLS between vm-a and vm-c protects the payload and stops tampering
  db × root-c2: payload, can tamper
    · root on c2, the host of destination vm-b, sees the packet as delivered
  db × tap: metadata
    · MACsec (gcm-aes-128) on l2 hides everything inside; the tap holds no key
  web × root-c2: payload, can tamper
    · root on c2 holds the TLS session keys of vm-b, the source
  web × tap: metadata
    · MACsec (gcm-aes-128) on l2 hides everything inside; the tap holds no key

Result: 1 of 2 requirements failed
`;

const ESC = '\u001b';

/** The fixture with `count` extra attackers, each seeing every flow's metadata. */
function withAttackers(count: number): Report {
  const ids = Array.from({ length: count }, (_, i) => `attacker-${String(i).padStart(2, '0')}`);
  const extra = twoSitesReport.analysis.flows.flatMap((f) =>
    ids.map((attacker) => ({
      flow: f.id,
      attacker,
      level: 'metadata' as const,
      tamper: false,
      vantages: [],
      reasons: [],
    })),
  );
  return {
    ...twoSitesReport,
    analysis: { ...twoSitesReport.analysis, exposures: [...twoSitesReport.analysis.exposures, ...extra] },
  };
}

describe('formatText', () => {
  it('prints links, the exposure matrix, flows, findings, requirements and reasons as reviewed', () => {
    expect(formatText(twoSitesReport, { ruleInfo: fixtureRuleInfo })).toBe(GOLDEN);
  });

  it('comes in pieces that join to the reviewed text, each section after a blank line', () => {
    const pieces = formatTextPieces(twoSitesReport, { ruleInfo: fixtureRuleInfo });
    expect(pieces.join('')).toBe(GOLDEN);
    // Title and counts, then per section its heading and (one piece here) its lines, then the result.
    expect(pieces[0]).toBe('Plainsight analysis: Two sites, one carrier link\n5 links · 3 flows · 2 attackers · 5 findings');
    expect(pieces[1]).toBe('\n\nLinks');
    expect(pieces[2]!.startsWith('\n  LINK  ENDS')).toBe(true);
  });

  it('is deterministic: the same analysis prints byte-identical text', () => {
    expect(formatText(twoSitesReport)).toBe(formatText(structuredClone(twoSitesReport)));
  });

  it('writes no ANSI escapes without colour, so symbols alone carry the status (NO_COLOR)', () => {
    expect(formatText(twoSitesReport)).not.toContain(ESC);
  });

  it('colours statuses and exposures with ANSI when colour is on, keeping the symbols', () => {
    const text = formatText(twoSitesReport, { color: true });
    expect(text).toContain(`${ESC}[31m✗ plaintext${ESC}[39m`);
    expect(text).toContain(`${ESC}[32m✓ encrypted${ESC}[39m`);
    expect(text).toContain(`${ESC}[33m◐ headers${ESC}[39m`);
    expect(text).toContain(`${ESC}[31mpayload!${ESC}[39m`);
    // Without the escapes the coloured report is the plain one.
    expect(text.replaceAll(new RegExp(`${ESC}\\[\\d+m`, 'g'), '')).toBe(formatText(twoSitesReport));
  });

  it('splits a matrix with many attackers into parts that each fit the width', () => {
    const text = formatText(withAttackers(12), { width: 100 });
    const matrix = text.slice(text.indexOf('Exposure (flow × attacker)'), text.indexOf('\nFlows\n'));
    const headers = matrix.split('\n').filter((line) => line.startsWith('  FLOW'));
    // 14 attacker columns of 11–12 characters plus a 2-space gap cannot share one 100-column line.
    expect(headers.length).toBeGreaterThan(1);
    for (const line of matrix.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    // Every attacker appears as a column exactly once across the parts.
    const columns = headers.flatMap((h) => h.trim().split(/\s+/).slice(1));
    expect(columns).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `attacker-${String(i).padStart(2, '0')}`),
      'root-c2',
      'tap',
    ]);
  });

  it('wraps prose at the requested width without breaking ids', () => {
    const text = formatText(twoSitesReport, { width: 60 });
    for (const line of text.split('\n')) {
      if (!line.startsWith('  l')) expect([...line].length).toBeLessThanOrEqual(60);
    }
    // Figures break between entries: 7 + 38 columns, then the rest on a line of its own.
    expect(text).toContain(
      '       plaintext on l1, l3 · inner MTU 1418 ·\n       overhead 82 B · max 9.14 Gbit/s (bottleneck link:l2)\n',
    );
    expect(text).toContain(
      '  ✗ r-conf  FAIL  confidential flows; against all attackers;\n                  at most metadata; no tampering\n',
    );
  });

  it('[X1] shows a flow that never leaves its host as staying there, and an unreachable flow as such', () => {
    const analysis = {
      ...twoSitesReport.analysis,
      flows: [
        { id: 'local', path: ['host:c1'], plaintextLinks: [], innerMtu: null, overheadBytes: null },
        {
          id: 'lost',
          path: [],
          plaintextLinks: [],
          innerMtu: null,
          overheadBytes: null,
          unreachable: 'no underlay path from c1 to c9',
        },
      ],
    };
    const text = formatText({ ...twoSitesReport, analysis });
    expect(text).toContain('  local\n         stays on c1\n');
    expect(text).toContain('  lost\n         unreachable: no underlay path from c1 to c9\n');
  });

  it('says so when a scenario has nothing to show instead of printing empty tables', () => {
    const empty: Report = {
      scenario: { ...twoSitesReport.scenario, links: [], flows: [], attackers: [], requirements: [] },
      analysis: {
        ...{
          plainsight: 1,
          scenario: { name: 'Empty' },
          links: [],
          flows: [],
          exposures: [],
          findings: [],
          requirements: [],
        },
        throughput: { flows: [], hosts: [], links: [], problems: [] },
      },
    };
    const text = formatText(empty);
    expect(text).toContain('Links\n  (no links)\n');
    expect(text).toContain('Exposure (flow × attacker)\n  (no flows or no attackers)\n');
    expect(text).toContain('Findings\n  (no findings)\n');
    expect(text).toContain('Requirements\n  (no requirements)\n');
    expect(text.endsWith('Result: no requirements to check\n')).toBe(true);
  });
});
