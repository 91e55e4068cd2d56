/**
 * How exposure levels and reasons are shown: a glyph and a word for each level (never colour
 * alone), and an index of exposures by flow and attacker.
 */
import { exposureLookup } from '../../engine/exposure/exposure-lookup.ts';
import type { ExposureLevel } from '../../model/types.ts';
import type { ExposureHead } from '../../engine/types.ts';
import type { PageAnalysis } from '../analysis-client.ts';

/** Glyph, word and one-line meaning of each level (SPEC X6). */
export const levelInfo: Record<ExposureLevel, { glyph: string; word: string; meaning: string }> = {
  payload: { glyph: '●', word: 'payload', meaning: 'reads the application data' },
  headers: { glyph: '◐', word: 'headers', meaning: 'payload protected by TLS; inner addresses and ports readable' },
  metadata: { glyph: '○', word: 'metadata', meaning: 'sees packets (sizes, timing, outer headers) only' },
  none: { glyph: '·', word: 'none', meaning: 'no vantage on the path' },
};

/** Words for the machine-readable `via` of a reason (SPEC X9). */
export const viaWords: Record<string, string> = {
  root: 'root on an endpoint',
  'static-key': 'knows the static key',
  'mitm-psk': 'man in the middle with the PSK',
  'mitm-ca': 'man in the middle with the CA key',
  'integrity-only': 'integrity only, hides nothing',
  terminated: 'terminated in the device',
  endpoint: 'is an endpoint of the flow',
};

/** Looks up the exposure of a flow × attacker pair. */
export interface ExposureIndex {
  get(flow: string, attacker: string): ExposureHead | undefined;
}

/**
 * An index of the exposures by flow and attacker, without a table of all pairs (engine's
 * exposure-lookup.ts): a binary search over the rows, packed or not.
 */
export function indexExposures(analysis: PageAnalysis | undefined): ExposureIndex {
  return { get: exposureLookup(analysis?.exposures ?? []) };
}

/** Strips the `link:` / `host:` prefix of a path entry or vantage. */
export function bareId(ref: string): string {
  return ref.replace(/^[a-z]+:/, '');
}
