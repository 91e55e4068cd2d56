/**
 * Every example in `scenarios/` is a regression test (STYLE "Tests": examples never rot): it must
 * parse without errors and its analysis must match the results worked out by hand from SPEC in
 * `scenarios/expected/<name>.expected.yaml`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parse-scenario.ts';
import { analyzeScenario } from '../../src/engine/analyze-scenario.ts';
import type { ParseResult } from '../../src/model/types.ts';
import type { Analysis } from '../../src/engine/types.ts';
import { readExpectedFile, type ExpectedScenario } from './expected-file.ts';
import {
  compareExposures,
  compareFindings,
  compareInnerMtu,
  compareLinkStatuses,
  comparePaths,
  comparePlaintextLinks,
  compareRequirements,
} from './compare-analysis.ts';

const scenarioDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const expectedDir = join(scenarioDir, 'expected');
const scenarioFiles = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const expectedFileOf = (file: string): string => file.replace(/\.yaml$/, '.expected.yaml');

interface Case {
  parsed: ParseResult;
  expected?: ExpectedScenario;
  analysis?: Analysis;
}

const cases = new Map<string, Case>();

/** Parses, reads the expected file and analyses once per scenario, shared by its tests. */
function loadCase(file: string): Case {
  const cached = cases.get(file);
  if (cached) return cached;
  const parsed = parseScenario(readFileSync(join(scenarioDir, file), 'utf8'), {
    fileName: `scenarios/${file}`,
  });
  const expectedPath = join(expectedDir, expectedFileOf(file));
  const expected = existsSync(expectedPath)
    ? readExpectedFile(readFileSync(expectedPath, 'utf8'), expectedFileOf(file))
    : undefined;
  const analysis =
    parsed.model && !parsed.diagnostics.some((d) => d.severity === 'error')
      ? analyzeScenario(parsed.model)
      : undefined;
  const loaded: Case = { parsed, ...(expected ? { expected } : {}), ...(analysis ? { analysis } : {}) };
  cases.set(file, loaded);
  return loaded;
}

/** The expected file and the analysis of a scenario, failing the test when either is missing. */
function expectedAndAnalysis(file: string): { expected: ExpectedScenario; analysis: Analysis } {
  const { expected, analysis, parsed } = loadCase(file);
  if (!expected)
    throw new Error(`scenarios/${file}: no expected file scenarios/expected/${expectedFileOf(file)}`);
  if (!analysis)
    throw new Error(`scenarios/${file}: not analysed, ${parsed.diagnostics.length} diagnostic(s)`);
  return { expected, analysis };
}

type Comparison = (expected: ExpectedScenario, analysis: Analysis) => string[];

/** Runs one comparison; the assertion message names the scenario, each line the flow/attacker. */
function expectAgreement(file: string, compare: Comparison, what: string): void {
  const { expected, analysis } = expectedAndAnalysis(file);
  expect(
    compare(expected, analysis),
    `scenarios/${file}: ${what} differ from the hand-worked results`,
  ).toEqual([]);
}

it('there is at least one example scenario', () => {
  expect(scenarioFiles.length).toBeGreaterThan(0);
});

it('every expected file belongs to an example scenario', () => {
  const orphans = readdirSync(expectedDir)
    .filter((f) => f.endsWith('.expected.yaml'))
    .filter((f) => !scenarioFiles.includes(f.replace(/\.expected\.yaml$/, '.yaml')));
  expect(orphans).toEqual([]);
});

describe.each(scenarioFiles)('scenarios/%s', (file) => {
  it('has hand-worked expected results (examples never rot)', () => {
    expect(
      existsSync(join(expectedDir, expectedFileOf(file))),
      `scenarios/expected/${expectedFileOf(file)} is missing`,
    ).toBe(true);
    expect(loadCase(file).expected?.scenario).toBe(file);
  });

  it('[§1.2] parses without error diagnostics', () => {
    const errors = loadCase(file)
      .parsed.diagnostics.filter((d) => d.severity === 'error')
      .map((d) => `${d.code} at ${String(d.line)}:${String(d.column)}: ${d.message}`);
    expect(errors).toEqual([]);
  });

  it('[X1] every flow takes the fewest-hops path worked out by hand, gateways included', () => {
    expectAgreement(file, comparePaths, 'flow paths');
  });

  it('[X2, X3] every flow is plaintext exactly on the links worked out by hand', () => {
    expectAgreement(file, comparePlaintextLinks, 'plaintext links');
  });

  it('[T2] every flow has the inner MTU of the xfrm_state_mtu arithmetic', () => {
    expectAgreement(file, compareInnerMtu, 'inner MTUs');
  });

  it('[X8] every link has the attacker-independent status worked out by hand', () => {
    expectAgreement(file, compareLinkStatuses, 'link statuses');
  });

  it('[X4–X7] every flow × attacker has the hand-worked exposure level and tamper ability', () => {
    expectAgreement(file, compareExposures, 'exposures');
  });

  it('[§2.1] the hand-worked findings are present (and no others where marked complete)', () => {
    expectAgreement(file, compareFindings, 'findings');
  });

  it('[§1.1 Requirement] every requirement passes or fails as worked out by hand', () => {
    expectAgreement(file, compareRequirements, 'requirement results');
  });
});
