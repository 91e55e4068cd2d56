/**
 * Exposures of an analysis as a table keyed by flow and attacker, and the comparison the
 * monotonicity laws need (SPEC X6 order of levels, X7 tampering).
 */
import { analyzeScenario } from '../../src/engine/analyze-scenario.ts';
import type { Exposure } from '../../src/engine/types.ts';
import type { ExposureLevel, Scenario } from '../../src/model/types.ts';

/** SPEC X6 levels, least to most. */
export const LEVEL_ORDER: readonly ExposureLevel[] = ['none', 'metadata', 'headers', 'payload'];

/** Rank of a level in SPEC X6 order. */
export function levelRank(level: ExposureLevel): number {
  return LEVEL_ORDER.indexOf(level);
}

/** Exposures of a scenario by `flow attacker`. */
export function exposureTable(s: Scenario): Map<string, Exposure> {
  return new Map(analyzeScenario(s).exposures.map((e) => [`${e.flow} ${e.attacker}`, e]));
}

/** `payload+tamper`-style verdict of one exposure. */
export function verdictOf(e: Exposure | undefined): string {
  if (!e) return '(missing)';
  return e.tamper ? `${e.level}+tamper` : e.level;
}

/** Throws when `after` is less exposed or tampering turned off anywhere `select` is true. */
export function assertNotLower(before: Map<string, Exposure>, after: Map<string, Exposure>, select: (e: Exposure) => boolean): void {
  for (const [key, b] of before) {
    if (!select(b)) continue;
    const a = after.get(key);
    if (!a || levelRank(a.level) < levelRank(b.level) || (b.tamper && !a.tamper)) {
      throw new Error(`${key}: ${verdictOf(b)} before, ${verdictOf(a)} after`);
    }
  }
}
