/**
 * Reads the throughput part of an analysis (SPEC T1–T7) when the engine provides it, and turns the
 * T8 comparison into chart rows.
 */
import type { PageAnalysis, PageThroughput } from '../analysis-client.ts';
import type { Alternative } from '../../engine/throughput/compare-protections.ts';
import type { ExposureLevel } from '../../model/types.ts';
import type { Bar } from './bar-chart.ts';

/** The analysis's throughput estimate, if this engine computes one. */
export function throughputOf(analysis: PageAnalysis | undefined): PageThroughput | undefined {
  return analysis?.throughput;
}

const rank: ExposureLevel[] = ['none', 'metadata', 'headers', 'payload'];

/** The worst level any attacker reaches under an alternative. */
export function worstOf(alt: Alternative): ExposureLevel {
  return alt.exposure.reduce<ExposureLevel>((w, e) => (rank.indexOf(e.worst) > rank.indexOf(w) ? e.worst : w), 'none');
}

const tone = (level: ExposureLevel): Bar['tone'] => (level === 'payload' ? 'bad' : level === 'headers' ? 'mid' : 'good');

/** One bar per alternative for a metric; colour and tooltip say what it leaves exposed. */
export function alternativeBars(alts: Alternative[], metric: (a: Alternative) => number | null): Bar[] {
  return alts.map((a) => {
    const worst = worstOf(a);
    const readers = a.exposure.filter((e) => e.payload.length > 0).map((e) => e.attacker);
    const note = `worst exposure: ${worst}${readers.length ? ` (payload readable by ${readers.join(', ')})` : ''}`;
    return { label: a.label, value: metric(a), tone: tone(worst), note };
  });
}

/** At most this many flow ids in a tooltip; the rest are counted. */
const LISTED_FLOWS = 12;

/**
 * A list of flows for a tooltip: the first few ids and how many more, or '—'. A region's
 * comparison lists a hundred thousand flows in some cells: joined whole, the table's tooltips were
 * hundreds of MB of text on the page.
 */
export function flowList(ids: readonly string[]): string {
  if (ids.length === 0) return '—';
  const shown = ids.slice(0, LISTED_FLOWS).join(', ');
  return ids.length > LISTED_FLOWS ? `${shown} and ${(ids.length - LISTED_FLOWS).toLocaleString('en')} more` : shown;
}
