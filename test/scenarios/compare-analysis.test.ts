/**
 * The comparison behind the example-scenario tests must itself be trustworthy: it accepts an
 * analysis equal to the expected file and names the flow, attacker, link or rule of every
 * difference.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis, Finding } from '../../src/engine/types.ts';
import type { ExpectedScenario } from './expected-file.ts';
import { readExpectedFile } from './expected-file.ts';
import {
  compareExposures,
  compareFindings,
  compareInnerMtu,
  compareLinkStatuses,
  comparePaths,
  comparePlaintextLinks,
  compareRequirements,
} from './compare-analysis.ts';

const expectedText = `
scenario: tiny.yaml
links: { l1: plaintext, l2: plaintext }
flows:
  f1:
    path: [host:h1, link:l1, device:sw, link:l2, host:h2]
    plaintextLinks: [l1, l2]
    innerMtu: 1442
    exposures: { tap: { level: payload, tamper: true } }
findings:
  complete: true
  present:
    - { rule: plaintext-on-link, subjects: [l1] }
    - { rule: requirement-failed, subjects: [r1, f1, tap] }
requirements: { r1: false }
`;

const finding = (rule: string, subjects: string[]): Finding => ({
  rule,
  severity: 'info',
  subjects,
  message: rule,
  reasons: [],
});

function analysis(): Analysis {
  return {
    plainsight: 1,
    scenario: { name: 'tiny' },
    throughput: { flows: [], hosts: [], links: [], problems: [] },
    links: [
      { id: 'l1', status: 'plaintext', flows: ['f1'] },
      { id: 'l2', status: 'plaintext', flows: ['f1'] },
    ],
    flows: [
      {
        id: 'f1',
        path: ['host:h1', 'link:l1', 'device:sw', 'link:l2', 'host:h2'],
        plaintextLinks: ['l2', 'l1'],
        innerMtu: 1442,
        overheadBytes: 58,
      },
    ],
    exposures: [
      { flow: 'f1', attacker: 'tap', level: 'payload', tamper: true, vantages: ['link:l2'], reasons: [] },
    ],
    findings: [
      finding('plaintext-on-link', ['f1', 'l1', 'l2']),
      finding('requirement-failed', ['f1', 'r1', 'tap']),
    ],
    requirements: [
      { id: 'r1', pass: false, failures: [{ flow: 'f1', attacker: 'tap', level: 'payload', tamper: true }] },
    ],
  };
}

const all = (expected: ExpectedScenario, actual: Analysis): string[] =>
  [
    comparePaths,
    comparePlaintextLinks,
    compareInnerMtu,
    compareLinkStatuses,
    compareExposures,
    compareFindings,
    compareRequirements,
  ].flatMap((c) => c(expected, actual));

describe('comparison of an analysis with a hand-worked expected file', () => {
  const expected = readExpectedFile(expectedText, 'tiny.expected.yaml');

  it('accepts an equal analysis, with plaintext links in any order and findings with extra subjects', () => {
    expect(all(expected, analysis())).toEqual([]);
  });

  it('[X1] names the flow whose path differs', () => {
    const actual = analysis();
    actual.flows.at(0)!.path = ['host:h1', 'link:l1', 'host:h2'];
    expect(comparePaths(expected, actual)).toEqual([
      'flow f1: path expected [host:h1, link:l1, device:sw, link:l2, host:h2], got [host:h1, link:l1, host:h2]',
    ]);
  });

  it('[T2] names the flow whose inner MTU differs, null included', () => {
    const actual = analysis();
    actual.flows.at(0)!.innerMtu = null;
    expect(compareInnerMtu(expected, actual)).toEqual(['flow f1: innerMtu expected 1442, got null']);
  });

  it('[X4–X7] names flow and attacker of a differing level or tamper, and a missing pair', () => {
    const actual = analysis();
    actual.exposures = [
      { ...actual.exposures.at(0)!, level: 'metadata', tamper: false },
      ...actual.exposures.slice(1),
    ];
    expect(compareExposures(expected, actual)).toHaveLength(2);
    expect(compareExposures(expected, actual)[0]).toMatch(
      /^flow f1 × attacker tap: level expected payload, got metadata/,
    );
    expect(compareExposures(expected, { ...actual, exposures: [] })).toEqual([
      'flow f1 × attacker tap: expected payload/tamper true, absent from the analysis',
    ]);
  });

  it('[X8] names a link whose status differs and a link the expected file does not know', () => {
    const actual = analysis();
    actual.links = [
      { id: 'l1', status: 'headers', flows: [] },
      actual.links[1]!,
      { id: 'l3', status: 'idle', flows: [] },
    ];
    expect(compareLinkStatuses(expected, actual)).toEqual([
      'link l3: in the analysis but not in the expected file',
      'link l1: status expected plaintext, got headers (flows [])',
    ]);
  });

  it('[§2.1] reports a missing finding, and an unexpected one only when the list is complete', () => {
    const actual = analysis();
    actual.findings = [finding('plaintext-on-link', ['l2']), finding('shared-psk', ['psk'])];
    const lines = compareFindings(expected, actual);
    expect(lines).toContain(
      'finding plaintext-on-link about [l1]: missing (actual plaintext-on-link findings: [l2])',
    );
    expect(lines).toContain('finding shared-psk about [psk]: not expected (shared-psk)');
    const incomplete = { ...expected, findings: { ...expected.findings, complete: false } };
    expect(compareFindings(incomplete, actual).some((l) => l.includes('not expected'))).toBe(false);
  });

  it('names a requirement whose result differs, with its failing pairs', () => {
    const actual = analysis();
    actual.requirements = [{ id: 'r1', pass: true, failures: [] }];
    expect(compareRequirements(expected, actual)).toEqual(['requirement r1: expected fail, got pass []']);
  });

  it('rejects a malformed expected file with the offending path', () => {
    expect(() =>
      readExpectedFile(expectedText.replace('level: payload', 'level: everything'), 'bad.yaml'),
    ).toThrow(/flows\.f1\.exposures\.tap/);
  });
});
