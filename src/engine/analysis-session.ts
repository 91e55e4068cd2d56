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
import { emptyElementIndex, indexFlows } from './session/element-index.ts';
import { addLinkViews, emptyLinkViews, sortLinkViews } from './session/link-views.ts';
import {
  analyzeOnce,
  buildState,
  buildStateSteps,
  figuresOf,
  positionsOf,
  resultOf,
  resultsOf,
  sortedFiguresOf,
  traceListOf,
  writeRows,
  type ProgressListener,
  type SessionState,
} from './session/session-state.ts';
import { updateState } from './session/update-state.ts';
import { scenarioChanges } from './session/scenario-changes.ts';
import { runSteps, type Steps } from './steps.ts';
import {
  finishTapes,
  layOutTapeHosts,
  refreshTapes,
  startTapes,
  tapeFlows,
  tapesFresh,
} from './throughput/flow-figures.ts';
import {
  addToHostSums,
  addToLedger,
  asTemplate,
  type HostSumsById,
  type LoadLedger,
} from './throughput/load-ledger.ts';
import { writeCores } from './session/update-ciphers.ts';
import type { FlowFigures } from './throughput/flow-figures.ts';
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
   * results are the same either way. The pieces read over every flow are built a slice of flows
   * per call (`SessionOptions.prepareSlice`), so that no call takes long. An edit never reads a
   * piece half-built: one arriving in between drops the piece under way, except that the host
   * sums and tapes go on after an edit that is not a cipher edit (`SlicedPiece.survives`).
   */
  prepare(): boolean;
  /**
   * Whether the session holds the state its edits start from. A session started `oneShotFirst`
   * answers with a one-shot analysis and builds that state afterwards (first thing in `prepare`,
   * or at once in the first `update`); `analysis` is then the built state's, equal to the first.
   */
  readonly built: boolean;
}

/** Options of a session: those of its analyses, and how many flows a call to `prepare` reads at most. */
export interface SessionOptions extends AnalysisOptions {
  /**
   * Flows per slice of a piece that `prepare` builds over every flow. The default, 12,500, keeps a
   * call under about 0.25 s at 5,000 hosts (250,000 flows), where the tapes made at once took
   * 2.6 s and the element index 2 s.
   */
  prepareSlice?: number;
  /**
   * Answers the first analysis with a one-shot analysis (`analyzeOnce`: 1.5 against 2.8 s for a
   * session's first analysis at 1,000 hosts, 9–10 against 14–16 s at 5,000), which keeps nothing an
   * edit reads, and builds the state that edits need afterwards: in `prepare`, a slice of flows per
   * call like the pieces after it, or all at once when an `update` comes first (which then waits
   * for it). Or a test of each scenario analysed afresh: the app's worker answers large files so
   * (`AnalysisRequest.oneShotFrom`), where the answer comes seconds sooner.
   */
  oneShotFirst?: boolean | ((scenario: Scenario) => boolean);
  /**
   * With `oneShotFirst`: hears the built state's analysis when it takes over from the one-shot
   * one (equal to it, other objects), in `prepare` or in an `update` before the edit is applied.
   */
  onBuilt?: (analysis: Analysis) => void;
}

const PREPARE_SLICE = 12_500;

/**
 * A piece of `prepare` built over the flows (or the hosts) a slice at a time, for the session's
 * state: an edit makes a new state, and the piece is dropped unless it `survives` ordinary edits.
 */
interface SlicedPiece {
  state: SessionState;
  count: number;
  next: number;
  /** What one of its units costs in flows read (1 for a flow; a host's tie order, a sort of its SAs, about 25). */
  weight: number;
  /**
   * Whether the piece goes on, for the new state, after an edit that neither analysed afresh nor
   * costed ciphers in place (`SessionState.lastEdit`): what it makes is checked where it is used.
   */
  survives: boolean;
  /** Reads the units at `from` to `to` (exclusive), after those before them. */
  add(from: number, to: number): void;
  /** Puts the piece in `state` (the session's now) once every unit is read, or hands on to a piece over the hosts that finishes it. */
  finish(state: SessionState): SlicedPiece | void;
}

/** Flows read per host by a piece over the hosts (`SlicedPiece.weight`). */
const HOST_WEIGHT = 25;

/** A piece of `count` units of `weight` each, from the first. */
function sliced(
  state: SessionState,
  count: number,
  add: SlicedPiece['add'],
  finish: SlicedPiece['finish'],
  { weight = 1, survives = false } = {},
): SlicedPiece {
  return { state, count, next: 0, weight, survives, add, finish };
}

/** The load ledger, a slice of flows at a time (as `ledgerOf`). */
function ledgerPiece(state: SessionState): SlicedPiece {
  const figures = sortedFiguresOf(state);
  const ledger: LoadLedger = { hosts: new Map(), links: new Map() };
  return sliced(
    state,
    figures.length,
    (from, to) => addToLedger(ledger, figures, state.traces, from, to),
    (now) => void (now.ledger = { ...ledger, figures }),
  );
}

/** The link views, a slice of flows at a time (as `buildLinkViews`). */
function linkViewsPiece(state: SessionState): SlicedPiece {
  const traces = traceListOf(state);
  const views = emptyLinkViews(state.scenario);
  const add = (from: number, to: number): void => {
    for (let i = from; i < to; i++) addLinkViews(views, traces[i]!);
  };
  return sliced(state, traces.length, add, (now) => void (now.linkViews = sortLinkViews(views)));
}

/** The element index, a slice of flows at a time (as `buildElementIndex`). */
function elementsPiece(state: SessionState): SlicedPiece {
  const index = emptyElementIndex();
  return sliced(
    state,
    state.sorted.length,
    (from, to) => indexFlows(index, state.sorted, state.traces, from, to),
    (now) => void (now.elements = index),
  );
}

/**
 * The hosts' crypto sums, a slice of flows at a time, then made templates a range of hosts at a
 * time (as `sumHosts`). They survive ordinary edits: sums are templates, checked where used (an
 * SA's entry is found again when it is not in its place, and the tie order read only while the
 * entries are those it was worked out for), and the flows they were read from keep their figures'
 * objects as they were (an ordinary edit makes new ones for the flows it estimates again).
 */
function hostSumsPiece(state: SessionState, figures: readonly FlowFigures[]): SlicedPiece {
  const sums: HostSumsById = new Map();
  const add = (from: number, to: number): void => {
    for (let p = from; p < to; p++) addToHostSums(sums, figures[p]!);
  };
  const templates = (now: SessionState): SlicedPiece => {
    const hosts = [...sums.values()];
    const rank = (from: number, to: number): void => {
      for (let h = from; h < to; h++) asTemplate(hosts[h]!);
    };
    return sliced(now, hosts.length, rank, (last) => void (last.hostSums = sums), {
      weight: HOST_WEIGHT,
      survives: true,
    });
  };
  return sliced(state, figures.length, add, templates, { survives: true });
}

/**
 * The flows' cycle tapes, a slice of flows at a time, then their hosts' slots a range of hosts at a
 * time (as `cipherTapes`). They survive ordinary edits: every tape is read from the traces, figures
 * and index of the state the piece started on, and a tape holds only for the figures it was read
 * from (`CipherTapes.of`), which an ordinary edit leaves as they were; the flows it estimated
 * again get their tapes in a later call (`refreshTapes`).
 */
function tapesPiece(state: SessionState, figures: readonly FlowFigures[]): SlicedPiece {
  const traces = traceListOf(state);
  const { index } = state;
  const making = startTapes(figures);
  const layout = (now: SessionState): SlicedPiece =>
    sliced(
      now,
      making.made.slotsOf.length,
      (_from, to) => layOutTapeHosts(making, to),
      (last) => void (last.tapes = finishTapes(making)),
      { weight: HOST_WEIGHT, survives: true },
    );
  return sliced(state, figures.length, (from, to) => tapeFlows(making, traces, index, from, to), layout, {
    survives: true,
  });
}

/**
 * What `prepare` does next for `state`, in order (a piece over the flows is started with `slice`),
 * or undefined when everything is prepared.
 */
function nextStep(state: SessionState, slice: (p: SlicedPiece) => void): (() => void) | undefined {
  // First the crypto loads a cipher edit left on the tapes, which the rest may read.
  if (state.coresOnTapes) return () => writeCores(state);
  // Then a cipher edit's estimates, as rows made when read until now, into the lists and figures.
  if (state.rowsPending) return () => writeRows(state);
  if (!state.positions) return () => void positionsOf(state);
  if (!state.figures) return () => void figuresOf(state);
  if (!state.results) return () => void resultsOf(state);
  if (!state.ledger) return () => slice(ledgerPiece(state));
  if (!state.linkViews) return () => slice(linkViewsPiece(state));
  if (!state.elements) return () => slice(elementsPiece(state));
  // Last: only a cipher edit reads these, and it works without them (looking SAs up, walking traces).
  const { ledger, tapes } = state;
  if (!state.hostSums) return () => slice(hostSumsPiece(state, ledger.figures));
  if (!tapes) return () => slice(tapesPiece(state, ledger.figures));
  // Flows estimated afresh since (a moved VM, a rate) get their tapes, so that a cipher edit sums
  // every flow's from tapes; tapes to be made anew are made by the piece above, a slice at a time.
  if (!tapesFresh(tapes, ledger.figures))
    return () => void (state.tapes = refreshTapes(tapes, traceListOf(state), ledger.figures, state.index));
  return undefined;
}

function analysisOf(state: SessionState): Analysis {
  const { scenario } = state;
  return {
    plainsight: 1,
    scenario: {
      name: scenario.name,
      ...(scenario.description !== undefined ? { description: scenario.description } : {}),
    },
    ...resultOf(state),
    throughput: state.throughput,
  };
}

/**
 * Starts a session on a valid, normalised scenario (the options hold for every later update);
 * `onProgress` hears the phases of this first, full analysis.
 */
export function createAnalysisSession(
  scenario: Scenario,
  options: SessionOptions = {},
  onProgress?: ProgressListener,
): AnalysisSession {
  const { prepareSlice = PREPARE_SLICE, oneShotFirst = false, onBuilt, ...analysisOptions } = options;
  // One-shot first: the one-shot analysis's state answers until `building` returns the built one.
  let building: Steps<SessionState> | undefined;
  /** The state of a scenario analysed from scratch: the first, or another topology (another file opened). */
  const afresh = (s: Scenario, progress?: ProgressListener): SessionState => {
    const once = typeof oneShotFirst === 'function' ? oneShotFirst(s) : oneShotFirst;
    building = once ? buildStateSteps(s, analysisOptions, undefined, 'failing', prepareSlice) : undefined;
    return building ? analyzeOnce(s, analysisOptions, progress) : buildState(s, analysisOptions, progress);
  };
  let state = afresh(scenario, onProgress);
  let analysis = analysisOf(state);
  let piece: SlicedPiece | undefined;
  /** Puts the built state in place of the one-shot one once `building` returns it. */
  const built = (step: IteratorResult<void, SessionState>): void => {
    if (!step.done) return;
    building = undefined;
    state = step.value;
    analysis = analysisOf(state);
    onBuilt?.(analysis);
  };
  /** Reads the next slice of `p`, and puts it in the state when it was the last. */
  const slice = (p: SlicedPiece): void => {
    const to = Math.min(p.count, p.next + Math.max(1, Math.floor(prepareSlice / p.weight)));
    p.add(p.next, to);
    p.next = to;
    // The piece that finishes this one (over the hosts) reads its first slice at the next call.
    piece = to < p.count ? p : (p.finish(p.state) ?? undefined);
  };
  return {
    get analysis() {
      return analysis;
    },
    update(next: Scenario, onProgress?: ProgressListener): Analysis {
      // An edit starts from the built state, built now; another topology needs nothing of it
      // (`updateState` analyses that afresh without reading the state it is given).
      if (building && !scenarioChanges(state.scenario, next).global) built({ done: true, value: runSteps(building) });
      const before = state;
      state = updateState(state, next, onProgress, (s) => afresh(s, onProgress));
      // A piece under way was read from the state before the edit: it goes on for the new state
      // only if it survives an ordinary edit and this was one, on as many flows (else the tapes
      // would be made anew after it anyway).
      const goesOn =
        piece?.state === before &&
        piece.survives &&
        state.lastEdit === 'other' &&
        state.sorted.length === before.sorted.length;
      if (goesOn) piece!.state = state;
      else piece = undefined;
      analysis = analysisOf(state);
      return analysis;
    },
    get detail() {
      return { scenario: state.scenario, index: state.index, traces: state.traces };
    },
    get built() {
      return building === undefined;
    },
    prepare(): boolean {
      if (building) {
        built(building.next());
        return true;
      }
      if (piece?.state !== state) piece = undefined;
      if (piece) slice(piece);
      else nextStep(state, slice)?.();
      return piece !== undefined || nextStep(state, slice) !== undefined;
    },
  };
}
