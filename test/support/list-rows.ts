/**
 * Every pair of some exposure rows as one list — what the page never makes (workers/exposure-rows.ts),
 * and what tests compare with the engine's list.
 */
import type { Exposure, ExposureHead } from '../../src/engine/types.ts';
import type { ExposureRows } from '../../workers/exposure-rows.ts';

/** `rows.at(0)` … `rows.at(length - 1)`. */
export function listRows<E extends ExposureHead>(rows: ExposureRows<E>): E[] {
  return Array.from({ length: rows.length }, (_, i) => rows.at(i)!);
}

/** What the page holds of each pair of an engine's list: its flow, attacker, level and tamper bit. */
export function headsOf(exposures: Iterable<Exposure>): ExposureHead[] {
  return Array.from(exposures, ({ flow, attacker, level, tamper }) => ({ flow, attacker, level, tamper }));
}
