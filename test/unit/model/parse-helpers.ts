/**
 * Small helpers for model tests: parse text that must be valid, or collect the codes it reports.
 */
import { expect } from 'vitest';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import type { Scenario } from '../../../src/model/types.ts';

/** A file header every test scenario starts with. */
export const HEADER = 'plainsight: 1\nname: Test\n';

/** Parses text that must be free of errors and returns the model. */
export function parseValid(text: string): Scenario {
  const { model, diagnostics } = parseScenario(text);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

/** The codes a text reports, in order. */
export function codesOf(text: string): string[] {
  return parseScenario(text).diagnostics.map((d) => d.code);
}
