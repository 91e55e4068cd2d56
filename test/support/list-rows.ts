/**
 * Every pair of some exposure rows as one list — what the page never makes (workers/exposure-rows.ts),
 * and what tests compare with the engine's list.
 */
import type { Exposure } from '../../src/engine/types.ts';
import type { ExposureRows } from '../../workers/exposure-rows.ts';

/** `rows.at(0)` … `rows.at(length - 1)`. */
export function listRows(rows: ExposureRows): Exposure[] {
  return Array.from({ length: rows.length }, (_, i) => rows.at(i)!);
}
