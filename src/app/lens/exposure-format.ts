/**
 * How exposure levels and reasons are shown: a glyph and a word for each level (never colour
 * alone), and an index of exposures by flow and attacker.
 */
import type { ExposureLevel } from '../../model/types.ts';
import type { Analysis, Exposure } from '../../engine/types.ts';

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
  get(flow: string, attacker: string): Exposure | undefined;
}

/**
 * An index of the exposures by flow and attacker. The engine lists them flow by flow with the
 * attackers in one order (SPEC §4), so a pair sits at flow position × attackers + attacker
 * position: building the index costs one entry per flow, not one per pair (a 1,000-host region
 * has half a million pairs). A list in another order is indexed pair by pair instead.
 */
export function indexExposures(analysis: Analysis | undefined): ExposureIndex {
  const exposures = analysis?.exposures ?? [];
  const attackers = new Map<string, number>();
  for (let i = 0; i < exposures.length && !attackers.has(exposures[i]!.attacker); i++) attackers.set(exposures[i]!.attacker, i);
  const a = Math.max(1, attackers.size);
  const flows = new Map<string, number>();
  let ordered = exposures.length % a === 0;
  for (let i = 0; ordered && i < exposures.length; i += a) {
    const e = exposures[i]!;
    ordered = attackers.get(e.attacker) === 0 && !flows.has(e.flow);
    flows.set(e.flow, i / a);
  }
  if (ordered) {
    return {
      get(flow, attacker) {
        const f = flows.get(flow);
        const k = attackers.get(attacker);
        const e = f !== undefined && k !== undefined ? exposures[f * a + k] : undefined;
        return e?.flow === flow && e.attacker === attacker ? e : undefined;
      },
    };
  }
  const byPair = new Map(exposures.map((e) => [`${e.flow}\u0000${e.attacker}`, e]));
  return { get: (flow, attacker) => byPair.get(`${flow}\u0000${attacker}`) };
}

/** Strips the `link:` / `host:` prefix of a path entry or vantage. */
export function bareId(ref: string): string {
  return ref.replace(/^[a-z]+:/, '');
}
