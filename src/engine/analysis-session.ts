/**
 * Incremental analysis (issue 8): a session keeps the indexes, traces, estimates and exposures of
 * the last scenario it analysed, and after an edit re-computes only what the edit can change (an
 * attacker: its exposures, the requirements and the requirement-failed rule; an overlay's settings:
 * the traces and estimates of the flows on its networks, or for a cipher of the same ESP sizes just
 * their CPU figures and the texts that name its SAs; a moved workload: its flows). Every result
 * equals `analyzeScenario` of the same scenario, byte for byte. Pure and synchronous like the rest.
 */
import type { Scenario } from '../model/types.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import { buildElementIndex } from './session/element-index.ts';
import { buildLinkViews } from './session/link-views.ts';
import { buildState, figuresOf, ledgerOf, positionsOf, resultOf, resultsOf, traceListOf, type ProgressListener, type SessionState } from './session/session-state.ts';
import { updateState } from './session/update-state.ts';
import { cipherTapes, refreshTapes, tapesFresh } from './throughput/flow-figures.ts';
import { sumHosts } from './throughput/load-ledger.ts';
import { writeCores } from './session/update-ciphers.ts';
import type { Analysis, AnalysisOptions, FlowTrace } from './types.ts';

/** An analysis that follows a scenario through edits. */
export interface AnalysisSession {
  /** The analysis of the current scenario. */
  readonly analysis: Analysis;
  /**
   * Analyses the edited scenario, re-using what the edit cannot have changed. Entities an editor
   * did not touch should stay the same objects (they are compared by identity first, then by value).
   * `onProgress` hears the phases when the scenario is analysed afresh (another topology: a file
   * opened in the place of the last one), the link statuses with the first.
   */
  update(next: Scenario, onProgress?: ProgressListener): Analysis;
  /**
   * What per-flow detail (hop stacks, the throughput breakdown) reads: the current scenario, index
   * and traces. They belong to the session: the next update may change them in place (a cipher
   * edit renames SAs in the kept traces), so copy what must outlive it.
   */
  readonly detail: { scenario: Scenario; index: ScenarioIndex; traces: ReadonlyMap<string, FlowTrace> };
  /**
   * Builds now one piece of what the first edit would otherwise build — the flows' positions, the
   * load ledger, the link views, the element index (together 2–3 s of a 5,000-host region's first
   * edit, 0.3 s at 1,000 hosts), then what makes a cipher edit quicker (the hosts' crypto sums, the
   * flows' cycle tapes) — and says whether a piece is left. For idle time, a piece at a time;
   * results are the same either way.
   */
  prepare(): boolean;
}

function analysisOf(state: SessionState): Analysis {
  const { scenario } = state;
  return {
    plainsight: 1,
    scenario: { name: scenario.name, ...(scenario.description !== undefined ? { description: scenario.description } : {}) },
    ...resultOf(state),
    throughput: state.throughput,
  };
}

/**
 * Starts a session on a valid, normalised scenario (the options hold for every later update);
 * `onProgress` hears the phases of this first, full analysis.
 */
export function createAnalysisSession(scenario: Scenario, options: AnalysisOptions = {}, onProgress?: ProgressListener): AnalysisSession {
  let state = buildState(scenario, options, onProgress);
  let analysis = analysisOf(state);
  return {
    get analysis() {
      return analysis;
    },
    update(next: Scenario, onProgress?: ProgressListener): Analysis {
      state = updateState(state, next, onProgress);
      analysis = analysisOf(state);
      return analysis;
    },
    get detail() {
      return { scenario: state.scenario, index: state.index, traces: state.traces };
    },
    prepare(): boolean {
      // First the crypto loads a cipher edit left on the tapes, which the rest may read.
      if (state.coresOnTapes) writeCores(state);
      else if (!state.positions) positionsOf(state);
      else if (!state.figures || !state.results) {
        figuresOf(state);
        resultsOf(state);
      }
      else if (!state.ledger) state.ledger = ledgerOf(state);
      else if (!state.linkViews) state.linkViews = buildLinkViews(state.scenario, state.traces.values());
      else if (!state.elements) state.elements = buildElementIndex(state.sorted, state.traces);
      // Last: only a cipher edit reads these, and it works without them (looking SAs up, walking traces).
      else if (!state.hostSums) state.hostSums = sumHosts(state.ledger.figures);
      else if (!state.tapes) state.tapes = cipherTapes(traceListOf(state), state.ledger.figures, state.index);
      // Flows estimated afresh since (a moved VM, a rate) get their tapes, so that a cipher edit sums every flow's from tapes.
      else if (!tapesFresh(state.tapes, state.ledger.figures)) state.tapes = refreshTapes(state.tapes, traceListOf(state), state.ledger.figures, state.index);
      return (
        !state.positions ||
        !state.figures ||
        !state.results ||
        !state.ledger ||
        !state.linkViews ||
        !state.elements ||
        !state.hostSums ||
        !state.tapes ||
        !tapesFresh(state.tapes, state.ledger.figures)
      );
    },
  };
}
