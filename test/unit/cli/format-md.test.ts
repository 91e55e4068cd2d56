import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../../src/report/format/format-md.ts';
import { escapeMarkdown, markdownTable } from '../../../src/report/format/markdown.ts';
import { fixtureRuleInfo, twoSitesReport } from './fixtures/two-sites.ts';

// The same sections as the text report, as GitHub-flavoured Markdown tables and lists.
const GOLDEN = `# Plainsight analysis: Two sites, one carrier link

**Result:** 1 of 2 requirements failed.

## Links

| Link | Ends | Site | Status | Flows |
| --- | --- | --- | --- | --- |
| \`l1\` | c1 ↔ sw1 | dc1 | ✗ plaintext | \`db\` |
| \`l2\` | sw1 ↔ sw2 | between sites | ✓ encrypted | \`api\`, \`db\`, \`web\` |
| \`l3\` | sw2 ↔ c2 | dc2 | ✗ plaintext | \`db\` |
| \`l4\` | c1 ↔ sw1 | dc1 | · idle | - |
| \`l5\` | sw2 ↔ c3 | dc2 | ◐ headers | \`api\` |

## Exposure (flow × attacker)

| Flow | \`root-c2\` | \`tap\` |
| --- | --- | --- |
| \`api\` | - | headers |
| \`db\` | payload! | meta |
| \`web\` | payload! | meta |

_payload: application data readable · headers: inner addresses and ports readable · meta: packets observed, nothing inside · -: no vantage on the path · !: can tamper_

## Flows

| Flow | Endpoints | Path | Plaintext on | Inner MTU | Overhead | Max |
| --- | --- | --- | --- | --- | --- | --- |
| \`api\` | vm-a → vm-c (tcp/443, tls) | c1 ─l1─ sw1 ─l2─ sw2 ─l5─ c3 | - | 1418 | 82 B | 9.14 Gbit/s (link:l2) |
| \`db\` | vm-a → vm-b (tcp/5432) | c1 ─l1─ sw1 ─l2─ sw2 ─l3─ c2 | \`l1\`, \`l3\` | 1418 | 82 B | 9.14 Gbit/s (link:l2) |
| \`web\` | vm-b → vm-a (tcp/443, tls) | c2 ─l3─ sw2 ─l2─ sw1 ─l1─ c1 | - | 1418 | 82 B | - |

## Findings

### High

- **requirement-failed** — Requirement does not hold (\`db\`, \`r-conf\`, \`root-c2\`): r-conf: root-c2 sees payload of db, can tamper \\| allowed: metadata.
- **requirement-failed** — Requirement does not hold (\`r-conf\`, \`root-c2\`, \`web\`): r-conf: root-c2 sees payload of web, can tamper \\| allowed: metadata.

### Medium

- **control-plane-without-tls** (\`db\`): Flow db (class db) has no TLS.

### Info

- **plaintext-on-link** — Plaintext payload on a link (\`db\`, \`l1\`): Payload of db is plaintext on l1 (trusted site dc1).
  - the VXLAN tunnel c1 ↔ c2 has no IPsec and db has no TLS
- **plaintext-on-link** — Plaintext payload on a link (\`db\`, \`l3\`): Payload of db is plaintext on l3 (trusted site dc2).

## Requirements

| Requirement | Result | Demands | Failing pairs |
| --- | --- | --- | --- |
| \`r-conf\` | ✗ fail | confidential flows; against all attackers; at most metadata; no tampering | \`db\` × \`root-c2\`: payload, can tamper<br>\`web\` × \`root-c2\`: payload, can tamper |
| \`r-tap\` | ✓ pass | all flows; against tap; at most headers; no tampering | - |

## Why

- \`api\` × \`tap\`: **headers**
  - on link l5 the VXLAN packet is unencrypted: inner addresses and ports of api are readable
  - TLS between vm-a and vm-c protects the payload and stops tampering
- \`db\` × \`root-c2\`: **payload, can tamper**
  - root on c2, the host of destination vm-b, sees the packet as delivered
- \`db\` × \`tap\`: **metadata**
  - MACsec (gcm-aes-128) on l2 hides everything inside; the tap holds no key
- \`web\` × \`root-c2\`: **payload, can tamper**
  - root on c2 holds the TLS session keys of vm-b, the source
- \`web\` × \`tap\`: **metadata**
  - MACsec (gcm-aes-128) on l2 hides everything inside; the tap holds no key

## Remediation

- **plaintext-on-link** — Plaintext payload on a link: Encrypt the overlay (IPsec) or the flow (TLS).
- **requirement-failed** — Requirement does not hold: Protect the flow or narrow the requirement.
`;

describe('formatMarkdown', () => {
  it('renders the report sections as GitHub-flavoured tables and lists, as reviewed', () => {
    expect(formatMarkdown(twoSitesReport, { ruleInfo: fixtureRuleInfo })).toBe(GOLDEN);
  });

  it('leaves out the remediation section when no rule documentation is available', () => {
    expect(formatMarkdown(twoSitesReport)).not.toContain('## Remediation');
  });

  it('escapes pipes in table cells so user text cannot add columns', () => {
    const scenario = {
      ...twoSitesReport.scenario,
      requirements: [
        {
          id: 'r-conf',
          flows: { class: 'db|mq' },
          against: 'all' as const,
          maxExposure: 'metadata' as const,
          noTamper: false,
        },
      ],
    };
    const md = formatMarkdown({ ...twoSitesReport, scenario });
    const row = md.split('\n').find((line) => line.startsWith('| `r-conf`')) ?? '';
    expect(row).toContain('flows of class db\\|mq; against all attackers');
    // 4 columns: 5 unescaped pipes.
    expect(row.replace(/\\\|/g, '').split('|').length - 1).toBe(5);
  });

  it('includes the scenario description, which is the author’s own Markdown, unescaped', () => {
    const analysis = {
      ...twoSitesReport.analysis,
      scenario: { name: 'N', description: 'Uses *OVN* IPsec.\n' },
    };
    expect(formatMarkdown({ ...twoSitesReport, analysis })).toContain(
      '# Plainsight analysis: N\n\nUses *OVN* IPsec.\n\n**Result:**',
    );
  });
});

describe('escapeMarkdown', () => {
  it('backslash-escapes emphasis, code, links, HTML and pipes, and joins lines', () => {
    expect(escapeMarkdown('a|b *c* _d_ `e` [f](g) <h> \\')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\\\',
    );
    expect(escapeMarkdown('one\ntwo')).toBe('one two');
  });
});

describe('markdownTable', () => {
  it('writes a header, a delimiter row and one row per item', () => {
    expect(markdownTable(['A', 'B'], [['1', '2']])).toEqual(['| A | B |', '| --- | --- |', '| 1 | 2 |']);
  });
});
