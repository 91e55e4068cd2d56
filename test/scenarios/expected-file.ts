/**
 * Reader of the hand-worked expected results in `scenarios/expected/<name>.expected.yaml`: the
 * shape is checked here so that a typo in an expected file fails loudly instead of comparing
 * nothing.
 */
import { parse } from 'yaml';
import type { ExposureLevel } from '../../src/model/types.ts';
import type { LinkStatusValue } from '../../src/engine/types.ts';

/** What one attacker sees of one flow (SPEC X6, X7). */
export interface ExpectedExposure {
  level: ExposureLevel;
  tamper: boolean;
}

/** The hand-worked result for one flow. */
export interface ExpectedFlow {
  path: string[];
  plaintextLinks: string[];
  innerMtu: number | null;
  /** Keyed by attacker id; every attacker of the scenario must be listed. */
  exposures: Record<string, ExpectedExposure>;
}

/** A finding that must be present: the actual finding's subjects must include these. */
export interface ExpectedFinding {
  rule: string;
  subjects: string[];
}

/** The whole expected file. */
export interface ExpectedScenario {
  scenario: string;
  links: Record<string, LinkStatusValue>;
  flows: Record<string, ExpectedFlow>;
  findings: { complete: boolean; present: ExpectedFinding[] };
  requirements: Record<string, boolean>;
}

const LEVELS: readonly string[] = ['none', 'metadata', 'headers', 'payload'];
const STATUSES: readonly string[] = ['plaintext', 'headers', 'encrypted', 'idle'];

function fail(where: string, what: string): never {
  throw new Error(`expected file ${where}: ${what}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    fail(where, 'must be a list of strings');
  return value as string[];
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (!isRecord(value)) fail(where, 'must be a mapping');
  return value;
}

function readExposure(value: unknown, where: string): ExpectedExposure {
  const e = record(value, where);
  if (typeof e.level !== 'string' || !LEVELS.includes(e.level))
    fail(where, `level must be one of ${LEVELS.join(', ')}`);
  if (typeof e.tamper !== 'boolean') fail(where, 'tamper must be true or false');
  return { level: e.level as ExposureLevel, tamper: e.tamper };
}

function readFlow(value: unknown, where: string): ExpectedFlow {
  const f = record(value, where);
  if (f.innerMtu !== null && typeof f.innerMtu !== 'number') fail(where, 'innerMtu must be a number or null');
  const exposures: Record<string, ExpectedExposure> = {};
  for (const [attacker, e] of Object.entries(record(f.exposures, `${where}.exposures`))) {
    exposures[attacker] = readExposure(e, `${where}.exposures.${attacker}`);
  }
  return {
    path: stringList(f.path, `${where}.path`),
    plaintextLinks: stringList(f.plaintextLinks, `${where}.plaintextLinks`),
    innerMtu: f.innerMtu,
    exposures,
  };
}

function readFindings(value: unknown, where: string): ExpectedScenario['findings'] {
  const f = record(value, where);
  if (typeof f.complete !== 'boolean') fail(where, 'complete must be true or false');
  if (!Array.isArray(f.present)) fail(where, 'present must be a list');
  const present = f.present.map((p: unknown, i: number) => {
    const entry = record(p, `${where}.present[${i}]`);
    if (typeof entry.rule !== 'string') fail(`${where}.present[${i}]`, 'rule must be a string');
    return { rule: entry.rule, subjects: stringList(entry.subjects, `${where}.present[${i}].subjects`) };
  });
  return { complete: f.complete, present };
}

/** Parses and shape-checks an expected file; throws with the offending path on a malformed one. */
export function readExpectedFile(text: string, fileName: string): ExpectedScenario {
  const root = record(parse(text) as unknown, fileName);
  if (typeof root.scenario !== 'string') fail(fileName, 'scenario must name the scenario file');
  const links: Record<string, LinkStatusValue> = {};
  for (const [id, status] of Object.entries(record(root.links, `${fileName} links`))) {
    if (typeof status !== 'string' || !STATUSES.includes(status))
      fail(`${fileName} links.${id}`, `must be one of ${STATUSES.join(', ')}`);
    links[id] = status as LinkStatusValue;
  }
  const flows: Record<string, ExpectedFlow> = {};
  for (const [id, flow] of Object.entries(record(root.flows, `${fileName} flows`))) {
    flows[id] = readFlow(flow, `${fileName} flows.${id}`);
  }
  const requirements: Record<string, boolean> = {};
  for (const [id, pass] of Object.entries(record(root.requirements ?? {}, `${fileName} requirements`))) {
    if (typeof pass !== 'boolean') fail(`${fileName} requirements.${id}`, 'must be true or false');
    requirements[id] = pass;
  }
  return {
    scenario: root.scenario,
    links,
    flows,
    findings: readFindings(root.findings, `${fileName} findings`),
    requirements,
  };
}
