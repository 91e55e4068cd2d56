/**
 * Requirements (SPEC §1.1 Requirement): for every selected flow × attacker, the exposure must not
 * exceed `maxExposure`, and with `noTamper` the attacker must not be able to tamper.
 */
import { mergeSorted } from '../sorted-lists.ts';
import type { ExposureLevel, Flow, Requirement } from '../../model/types.ts';
import type { ExposureList, RequirementResult } from '../types.ts';
import { forEachKeptOutcome } from './exposure-table.ts';
import { LEVEL_RANK } from './expose-flow.ts';

/** One flow × attacker pair that breaks a requirement. */
export type RequirementFailure = RequirementResult['failures'][number];

/** Tells whether one exposure (of `flow` to `attacker`) breaks a requirement: its failure, or undefined. */
export type RequirementCheck = (flow: Flow, attacker: string, level: ExposureLevel, tamper: boolean) => RequirementFailure | undefined;

/**
 * Whether a pair (of `flow` to `attacker`, at `level`, tampering or not) breaks any of
 * `requirements`: what an analysis asks of each pair it lists, to make the details of those that
 * the requirement-failed rule reports while their traces are at hand.
 */
export function breaksAny(requirements: readonly Requirement[]): (flow: Flow, attacker: string, level: ExposureLevel, tamper: boolean) => boolean {
  const checks = requirements.map(requirementCheck);
  return (flow, attacker, level, tamper) => (level !== 'none' || tamper) && checks.some((check) => check(flow, attacker, level, tamper) !== undefined);
}

/** The check of one requirement (flow selection, attackers, level, tampering). */
export function requirementCheck(req: Requirement): RequirementCheck {
  const against = req.against === 'all' ? undefined : new Set(req.against);
  const f = req.flows;
  const listed = Array.isArray(f) ? new Set(f) : undefined;
  const selects = (flow: Flow): boolean =>
    f === 'all' ||
    (listed ? listed.has(flow.id) : !Array.isArray(f) && (f.class === undefined || f.class === flow.class) && (f.sensitivity === undefined || f.sensitivity === flow.sensitivity));
  return (flow, attacker, level, tamper) => {
    if (!selects(flow) || (against && !against.has(attacker))) return undefined;
    const tooDeep = LEVEL_RANK[level] > LEVEL_RANK[req.maxExposure];
    return tooDeep || (req.noTamper && tamper) ? { flow: flow.id, attacker, level, tamper } : undefined;
  };
}

const failureOrder = (a: RequirementFailure, b: RequirementFailure): number => (a.flow === b.flow ? cmp(a.attacker, b.attacker) : cmp(a.flow, b.flow));

/** Failures in SPEC §4 order: by flow, then attacker. */
export function sortFailures(failures: RequirementFailure[]): RequirementFailure[] {
  return failures.sort(failureOrder);
}

/** Two lists of failures, each in SPEC §4 order, as one list in that order. */
export function mergeFailures(a: readonly RequirementFailure[], b: readonly RequirementFailure[]): RequirementFailure[] {
  return mergeSorted(a, b, failureOrder);
}

/**
 * Evaluates every requirement against the exposures that were computed (possibly for a subset of
 * attackers): `exposures` has a row per flow of `flows`, in that order, and a column per attacker.
 * Only the pairs that are not plain are read (a table keeps those apart): a plain pair sees
 * nothing and can tamper with nothing, so it breaks no requirement (most pairs of a region).
 */
export function evaluateRequirements(requirements: readonly Requirement[], flows: readonly Flow[], exposures: ExposureList): RequirementResult[] {
  const width = flows.length > 0 ? exposures.length / flows.length : 0;
  const results = requirements.map((req): RequirementResult => {
    const check = requirementCheck(req);
    const failures: RequirementFailure[] = [];
    forEachKeptOutcome(exposures, (position, _, attacker, level, tamper) => {
      if (level === 'none' && !tamper) return;
      const failure = check(flows[Math.floor(position / width)]!, attacker, level, tamper);
      if (failure) failures.push(failure);
    });
    return { id: req.id, pass: failures.length === 0, failures: sortFailures(failures) };
  });
  return results.sort((a, b) => cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
