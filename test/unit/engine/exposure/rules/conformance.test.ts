import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../../../../src/engine/exposure/rules/index.ts';

const rulesDir = fileURLToPath(new URL('../../../../../src/engine/exposure/rules/', import.meta.url));
const testsDir = fileURLToPath(new URL('./', import.meta.url));
/** Files in rules/ that are not rules: the registry and the contract. Helpers live in subfolders. */
const NOT_RULES = new Set(['index.ts', 'rule.ts']);

const ruleFiles = readdirSync(rulesDir, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !NOT_RULES.has(entry.name))
  .map((entry) => entry.name.replace(/\.ts$/, ''))
  .sort();

describe('rule registry (STYLE "Rules")', () => {
  it('registers every rule file of src/engine/exposure/rules', () => {
    expect([...rules.map((r) => r.id)].sort()).toEqual(ruleFiles);
  });

  it('has unique, kebab-case rule ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('covers every v1 rule of SPEC §2.1', () => {
    const v1 = [
      'plaintext-leaves-site',
      'plaintext-on-link',
      'provider-network-unencrypted',
      'ipsec-plaintext-window',
      'shared-psk',
      'ca-key-on-workload-host',
      'integrity-only',
      'double-encryption',
      'control-plane-without-tls',
      'mtu-too-small',
      'port-security-disabled',
      'unreachable-flow',
      'requirement-failed',
    ];
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(v1));
  });

  describe.each(rules.map((rule) => ({ id: rule.id, rule })))('$id', ({ id, rule }) => {
    it('lives in the file named after its id', () => {
      expect(ruleFiles).toContain(id);
    });

    it('documents itself: title, one-sentence description, rationale, remediation, false positives', () => {
      for (const text of [
        rule.title,
        rule.description,
        rule.rationale,
        rule.remediation,
        rule.falsePositives,
      ]) {
        expect(text.trim().length).toBeGreaterThan(0);
      }
      // One sentence: a single full stop, at the end (dots inside `code` or numbers such as "6.1.1" aside).
      expect(rule.description.replace(/`[^`]*`|\d\.\d/g, '')).toMatch(/^[^.]+\.$/);
      expect(['critical', 'high', 'medium', 'low', 'info']).toContain(rule.severity);
    });

    it('has its own test file', () => {
      expect(existsSync(`${testsDir}${id}.test.ts`)).toBe(true);
    });
  });
});
