/**
 * Runs a fast-check property with a reproducible seed and, on failure, throws an error that
 * carries everything needed to replay it: the seed, the counter-example path, the command, and
 * the shrunk counter-example rendered by the caller (scenarios as YAML).
 *
 * Environment: `PLAINSIGHT_SEED` (default below), `PLAINSIGHT_RUNS` (overrides every property's
 * number of runs), `PLAINSIGHT_PATH` (replays one counter-example; use with `-t "<test title>"`).
 */
import fc from 'fast-check';

/** Seed of every property when `PLAINSIGHT_SEED` is not set: fixed, so `npm test` is deterministic. */
export const DEFAULT_SEED = 20261122;

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${raw}`);
  return value;
}

/** The seed properties run with (`PLAINSIGHT_SEED` or the default). */
export const PROPERTY_SEED: number = envInt('PLAINSIGHT_SEED') ?? DEFAULT_SEED;

/** Vitest timeout of a property test: generous, so `PLAINSIGHT_RUNS=100000` can run locally. */
export const PROPERTY_TIMEOUT_MS = 3_600_000;

/** Options of one property run. */
export interface PropertyOptions<Ts extends unknown[]> {
  /** Runs under `npm test`; keep the whole suite fast. */
  numRuns: number;
  /** Renders the shrunk counter-example (the property's arguments) for humans (default: JSON). */
  show?: (...args: Ts) => string;
  /** Seed override (the fuzz runner passes its own). */
  seed?: number;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // The top of the stack says where it was thrown (the message alone may be "Maximum call stack size exceeded").
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at ')).slice(0, 6);
  return [error.message, ...frames].join('\n');
}

/** Formats a failed run: seed, path, replay command, counter-example and error. */
export function formatFailure<Ts extends unknown[]>(details: fc.RunDetails<Ts>, show: (...args: Ts) => string): string {
  const args = details.counterexample;
  const rendered = args === null ? '(none)' : show(...args);
  return [
    `property failed after ${details.numRuns} run(s) and ${details.numShrinks} shrink(s)`,
    `seed: ${details.seed}   path: ${details.counterexamplePath ?? '-'}`,
    `replay: PLAINSIGHT_SEED=${details.seed} PLAINSIGHT_PATH=${details.counterexamplePath ?? ''} npx vitest run <this test file> -t "<this test title>"`,
    'shrunk counter-example:',
    rendered,
    `error: ${describeError(details.errorInstance)}`,
  ].join('\n');
}

function showJson(...args: unknown[]): string {
  return JSON.stringify(args, null, 2);
}

/** Checks a property; throws a replayable report when it fails. */
export function checkProperty<Ts extends unknown[]>(property: fc.IProperty<Ts>, options: PropertyOptions<Ts>): void {
  const path = process.env.PLAINSIGHT_PATH;
  const details = fc.check(property, {
    seed: options.seed ?? PROPERTY_SEED,
    numRuns: envInt('PLAINSIGHT_RUNS') ?? options.numRuns,
    ...(path ? { path, endOnFailure: false } : {}),
  });
  if (details.failed) throw new Error(formatFailure(details, options.show ?? showJson));
}
