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
 * An index of the exposures by flow and attacker, built without a table of all pairs (a 1,000-host
 * region has half a million, a 5,000-host one 2.5 million). The engine lists them flow by flow,
 * flows in id order, the attackers in one order in every row (SPEC §4): a pair is then found by a
 * binary search over the rows and its attacker's position. Lists in any other order are indexed
 * pair by pair, once, at the first look-up that needs it.
 */
export function indexExposures(analysis: Analysis | undefined): ExposureIndex {
  const exposures = analysis?.exposures ?? [];
  const attackers = new Map<string, number>();
  for (let i = 0; i < exposures.length && !attackers.has(exposures[i]!.attacker); i++) attackers.set(exposures[i]!.attacker, i);
  const a = Math.max(1, attackers.size);
  const rows = Math.floor(exposures.length / a);
  let byPair: Map<string, Exposure> | undefined;
  const slow = (flow: string, attacker: string): Exposure | undefined => {
    byPair ??= new Map(exposures.map((e) => [`${e.flow}\u0000${e.attacker}`, e]));
    return byPair.get(`${flow}\u0000${attacker}`);
  };
  return {
    get(flow, attacker) {
      const k = attackers.get(attacker);
      if (k !== undefined) {
        let lo = 0;
        let hi = rows;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (exposures[mid * a]!.flow < flow) lo = mid + 1;
          else hi = mid;
        }
        const e = lo < rows ? exposures[lo * a + k] : undefined;
        if (e?.flow === flow && e.attacker === attacker) return e;
      }
      return slow(flow, attacker);
    },
  };
}

/** The flows some of `attackers` can read (payload or headers) or tamper with, in one pass. */
export function exposedFlows(analysis: Analysis | undefined, attackers: ReadonlySet<string>): Set<string> {
  const flows = new Set<string>();
  for (const e of analysis?.exposures ?? []) {
    if ((e.level === 'payload' || e.level === 'headers' || e.tamper) && attackers.has(e.attacker)) flows.add(e.flow);
  }
  return flows;
}

/** Strips the `link:` / `host:` prefix of a path entry or vantage. */
export function bareId(ref: string): string {
  return ref.replace(/^[a-z]+:/, '');
}
