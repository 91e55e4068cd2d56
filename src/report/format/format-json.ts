/**
 * The JSON output of `plainsight analyze --format json` (SPEC §4): the analysis with its
 * top-level keys in the documented order, pretty-printed, so files diff cleanly between runs.
 */
import type { Analysis } from '../../engine/types.ts';

/** Top-level keys in the order SPEC §4 shows them; any further keys follow in the engine's order. */
const KEY_ORDER = [
  'plainsight',
  'scenario',
  'links',
  'flows',
  'exposures',
  'findings',
  'requirements',
] as const;

/** Serialises an analysis as two-space-indented JSON with a trailing newline. */
export function formatJson(analysis: Analysis & { comparison?: unknown }): string {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) ordered[key] = analysis[key];
  for (const [key, value] of Object.entries(analysis)) if (!(key in ordered)) ordered[key] = value;
  return JSON.stringify(ordered, null, 2) + '\n';
}
