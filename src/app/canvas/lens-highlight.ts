/**
 * What the canvas should highlight for the current selection: the attackers' vantage points and
 * the flows they read or tamper with (the attacker lens), the selected flow's path, and the
 * subjects of the selected finding.
 */
import type { Scenario, ExposureLevel } from '../../model/types.ts';
import type { FlowTrace } from '../../engine/types.ts';
import type { PageAnalysis } from '../analysis-client.ts';
import type { Highlight } from './topology-view.ts';
import { LEVELS_SHOWN, mergePositions, summarizeExposures, type ExposureSummary } from '../../../workers/exposure-summary.ts';

/** The parts of the selection that drive highlighting. */
export interface HighlightSelection {
  attackers: string[];
  flow?: string;
  finding?: number;
}

const rank: Record<ExposureLevel, number> = { none: 0, metadata: 1, headers: 2, payload: 3 };

/** The selected flow's loaded trace, and the exposure summary of `analysis` (computed when absent). */
export interface HighlightSources {
  trace?: FlowTrace;
  summary?: ExposureSummary;
  /**
   * The flows drawn as edges of their own, when known: only those can be marked (a region's map
   * draws none at rack level, and its busiest attacker sees 250,000 flows).
   */
  drawnFlows?: ReadonlySet<string>;
}

/** Computes the highlight for a selection. */
export function lensHighlight(
  model: Scenario | undefined,
  analysis: PageAnalysis | undefined,
  sel: HighlightSelection,
  sources: HighlightSources = {},
): Highlight {
  const h: Highlight = {};
  if (!model || !analysis) return h;
  const { trace } = sources;
  const chosen = new Set(sel.attackers);
  if (chosen.size > 0) {
    h.vantage = model.attackers.filter((a) => chosen.has(a.id)).flatMap((a) => [...a.at.links, ...a.at.devices, ...a.at.hosts, ...a.at.workloads, ...a.at.sites]);
    // Only the chosen attackers' pairs that see something or tamper (a region has millions of pairs).
    const summary = sources.summary ?? summarizeExposures(analysis.exposures);
    const flows: Record<string, 'payload' | 'headers' | 'metadata'> = {};
    const tamper = new Set<string>();
    const drawn = sources.drawnFlows;
    for (const level of drawn?.size === 0 ? [] : LEVELS_SHOWN) {
      for (const i of mergePositions([...chosen].map((a) => summary[a]?.at[level]))) {
        const e = analysis.exposures.at(i)!;
        if (drawn && !drawn.has(e.flow)) continue;
        if (e.tamper) tamper.add(e.flow);
        if (e.level === 'none') continue;
        const prev = flows[e.flow];
        if (!prev || rank[e.level] > rank[prev]) flows[e.flow] = e.level;
      }
    }
    h.flows = flows;
    h.tamper = [...tamper];
  }
  if (sel.flow) {
    const path = trace?.path ?? analysis.flows.find((f) => f.id === sel.flow)?.path ?? [];
    h.path = [...path, sel.flow];
  }
  if (sel.finding !== undefined) h.subjects = analysis.findings[sel.finding]?.subjects ?? [];
  return h;
}
