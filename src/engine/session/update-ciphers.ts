/**
 * Re-analysis after a cipher edit (issue 8 "change one overlay's cipher"): the edit changed nothing
 * but the IPsec cipher of overlays, explicit tunnels or `ipsec:` policies, each to one with the same
 * ESP sizes and the same confidentiality (aes-gcm-128, aes-gcm-256 and chacha20-poly1305 are alike; see
 * `ScenarioChanges.ciphers`). Then no path, header size, MTU, wire load, link status, exposure level
 * or tamper bit can change, nor any reason (reasons name a layer by its SA's id, not its cipher).
 * What does change is the cipher's name, in the SA objects and the ESP layers' labels, and its CPU
 * cost. So the traces and exposures are kept: the SA objects take the new cipher in place and
 * their ESP layers a new label; the flows of those SAs are estimated again; and only the rules
 * whose findings can name a cipher or read crypto loads run again. The result equals a full
 * analysis of the edited scenario byte for byte (test/unit/engine/session).
 */
import type { Flow, Scenario } from '../../model/types.ts';
import { cryptoCpuSaturated } from '../exposure/rules/crypto-cpu-saturated.ts';
import { doubleEncryption } from '../exposure/rules/double-encryption.ts';
import { labelsChanged } from '../exposure/rules/helpers/describe.ts';
import { integrityOnly } from '../exposure/rules/integrity-only.ts';
import { traceAt } from '../trace-source.ts';
import type { FlowResult } from '../types.ts';
import { indexAfter, type ScenarioChanges } from './scenario-changes.ts';
import { findingsOf, ledgerOf, positionsOf, resultListOf, sortedFiguresOf, writeRows, type SessionState } from './session-state.ts';
import { PatchedRows } from '../patched-rows.ts';
import { rowsArray } from '../row-list.ts';
import { addToHostSums, hostLoadOf, type HostSumsById } from '../throughput/load-ledger.ts';
import { hostLoadFrom, type HostCrypto } from '../throughput/estimate-load.ts';
import { recostFlowFigures, summaryWith, tapeReader, UNTAPED, untape, writeTapeCores, type CipherTapes, type FlowFigures, type RecostColumns, type SubjectNames, type TapeReader } from '../throughput/flow-figures.ts';
import { addTape, tapeHostLoad, tapeSums, type TapeSums } from '../throughput/tape-sums.ts';

/**
 * The rules whose findings a cipher edit of the same ESP shape can change: crypto loads (saturated
 * hosts) and stack texts of hops where a confidential SA sits (nested encryption; integrity-only
 * layers, cheap to run). Failed requirements keep their pairs and reasons. The other rules read
 * paths, MTUs, wire loads, link statuses and stacks where the payload is plaintext, and a stack that holds a confidential ESP layer never has its payload in plaintext
 * (SPEC X3: a layer covers everything inside it), so none of their texts names one of these SAs.
 */
const CIPHER_RULES: ReadonlySet<string> = new Set([cryptoCpuSaturated.id, doubleEncryption.id, integrityOnly.id]);

/** A flow's summary with its new estimate (written out: the commonest shape, without an `unreachable`). */
function withFigures(r: FlowResult, maxGbps: number | null, bottleneck: string | null): FlowResult {
  if (r.unreachable !== undefined) return { ...r, maxGbps, bottleneck };
  return { id: r.id, path: r.path, plaintextLinks: r.plaintextLinks, innerMtu: r.innerMtu, overheadBytes: r.overheadBytes, maxGbps, bottleneck };
}

/**
 * Costs the flows again (`recostFlowFigures`) and sums the crypto loads of the hosts they load over
 * the ledger, in flow order as a full analysis does. Link loads (the wire), problems, MTUs and the
 * rest of each flow's summary stay as they were.
 */
function recost(state: SessionState, flows: readonly Flow[]): void {
  const names: SubjectNames = new Map();
  // Every flow (a region on one overlay) is read by position; traces from the kept list when there is one.
  const all = flows.length === state.sorted.length;
  const traces = state.traceList?.length === state.sorted.length ? state.traceList : undefined;
  // The flows come in id order, as `sorted`: their positions are found walking both lists.
  const sorted = state.sorted;
  let cursor = 0;
  const positionOf = (flow: Flow): number => {
    while (cursor < sorted.length && sorted[cursor] !== flow && sorted[cursor]!.id !== flow.id) cursor++;
    return cursor < sorted.length ? cursor++ : positionsOf(state).get(flow.id)!;
  };
  const ledger = state.ledger;
  // Every flow's figures and summary by position. The new estimates go to columns, and the
  // summaries and results are rows made when read (`SessionState.rowsPending`): no object per flow
  // is written, and the maps by flow id are built again from the lists when needed.
  const figureList = ledger ? ledger.figures : sortedFiguresOf(state);
  const before = resultListOf(state);
  const n = sorted.length;
  const out: RecostColumns = { at: -1, gbps: new Float64Array(n), bottleneck: new Array<string>(n), changed: new Uint8Array(n) };
  const hosts = new Set<string>();
  let moved = false;
  // The flows' cycle terms, each used only while its flow has the figures it was read from (`CipherTapes.of`).
  const reader = state.tapes ? tapeReader(state.tapes, state.index) : undefined;
  // Most flows costed again (a region's overlay): the hosts' crypto sums are added up as the flows
  // are costed, every flow in flow order (those left alone too), from the flows' tapes when every
  // flow with crypto loads has one that holds (`tape-sums.ts`), else from each one's figures while
  // they are at hand. Given up should the positions not come in order after all.
  const most = ledger !== undefined && flows.length * 2 > sorted.length;
  let typed = most && reader && tapesHold(reader.tapes, ledger.figures) ? tapeSums(reader.tapes) : undefined;
  let sums: HostSumsById | undefined = most && !typed ? new Map() : undefined;
  let summed = -1;
  // The last sums' entries, so that each share finds its entry in place (`SaShare.slot`).
  const templates = state.hostSums;
  // Adds the flow at `p` from its tape: false should it have crypto loads but no tape that holds
  // them (`tapesHold` checked every flow before it was costed).
  const addTaped = (sums: TapeSums, p: number): boolean => {
    const f = ledger!.figures[p]!;
    if (sums.tapes.of[p] !== f) return f.crypto.hosts.length === 0;
    const start = sums.tapes.start[p]!;
    if (start >= 0) addTape(sums, start);
    return start !== UNTAPED;
  };
  // Flows costed from their tapes leave their figures' crypto loads to `writeTapeCores`
  // (`SessionState.coresOnTapes`); the sums from figures read those loads, so they are written first.
  if (!typed) writeCores(state);
  let behind = false;
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i]!;
    const at = all ? i : positionOf(flow);
    const figures = figureList[at]!;
    let tape: TapeReader | undefined;
    if (reader && reader.tapes.of[at] === figures) (tape = reader).at = reader.tapes.start[at]!;
    const misfits = reader?.misfits;
    // Costed in place (`recostFlowFigures`): what a flow without a tape loads before is read first.
    let was = tape !== undefined && tape.at >= 0 ? undefined : figures.crypto.hosts;
    const trace = traceAt(traces ?? state.traces, at, flow.id)!;
    out.at = at;
    recostFlowFigures(flow, trace, state.index, names, figures, out, tape);
    if (reader && reader.misfits !== misfits) {
      // Its tape no longer fits: every tape's cores go to the figures, this flow is taken off the
      // tapes and costed from its trace (so no sums from tapes this time).
      writeCores(state);
      untape(reader.tapes, at);
      typed = undefined;
      was = figures.crypto.hosts;
      recostFlowFigures(flow, trace, state.index, names, figures, out);
    } else if (tape?.replayed) {
      // Its crypto loads are on its tape: the sums from tapes read them there, the others from the figures.
      if (typed) behind = true;
      else writeTapeCores(reader!.tapes, at, at + 1);
    }
    if (typed) {
      if (at <= summed) typed = undefined;
      else {
        for (let p = summed + 1; p <= at && typed; p++) if (!addTaped(typed, p)) typed = undefined;
        summed = at;
      }
    } else if (sums) {
      if (at <= summed) sums = undefined;
      else {
        for (let p = summed + 1; p < at; p++) addToHostSums(sums, ledger!.figures[p]!, templates);
        addToHostSums(sums, figures, templates);
        summed = at;
      }
    }
    if (out.changed[at] !== 1) continue;
    // A flow costed from its tape loads the hosts it did (`reader.touched` has them).
    if (was === undefined) continue;
    const now = figures.crypto.hosts;
    for (let h = 0; h < now.length; h++) hosts.add(now[h]!.host);
    if (!sameHosts(now, was)) {
      moved = true;
      for (let h = 0; h < was.length; h++) hosts.add(was[h]!.host);
    }
  }
  if (reader) for (let ref = 0; ref < reader.touched.length; ref++) if (reader.touched[ref] === 1) hosts.add(reader.tapes.hosts[ref]!);
  if (behind) state.coresOnTapes = true;
  // The figures are the same objects, costed in place: only the summaries by id are stale.
  state.results = undefined;
  const { gbps, bottleneck, changed } = out;
  const summaries = new PatchedRows(rowsArray(state.throughput.flows), changed, (s, i) => summaryWith(s, gbps[i]!, bottleneck[i]!));
  state.rowsPending = { summaries, results: new PatchedRows(before, changed, (r, i) => withFigures(r, gbps[i]!, bottleneck[i]!)), figures: figureList };
  // A flow's crypto lands on its SAs' ends whatever their cipher, so the ledger holds; should a
  // flow load other hosts now after all, the ledger is built afresh.
  if (moved) {
    writeCores(state);
    state.ledger = undefined;
    state.tapes = undefined;
    typed = undefined;
  }
  const { hosts: byHost, figures } = (state.ledger ??= ledgerOf(state));
  for (let p = summed + 1; p < figures.length && typed; p++) if (!addTaped(typed, p)) typed = undefined;
  // The loads from figures below read every flow's crypto loads.
  if (!typed) writeCores(state);
  if (sums && !moved) {
    for (let p = summed + 1; p < figures.length; p++) addToHostSums(sums, figures[p]!, templates);
    state.hostSums = sums;
  }
  const refs = typed?.tapes.making.hostRefs;
  const loads = state.throughput.hosts.map((load) => {
    const host = state.index.hosts.get(load.host);
    if (!host || !hosts.has(load.host)) return load;
    const ref = refs?.get(load.host);
    if (typed && ref !== undefined) return tapeHostLoad(host, typed, ref, load.flows);
    return sums && !moved ? hostLoadFrom(host, sums.get(load.host), load.flows) : hostLoadOf(host, byHost.get(load.host) ?? [], figures, load.flows);
  });
  state.throughput = { ...state.throughput, flows: summaries, hosts: loads };
}

/** Brings the figures' crypto loads up to their tapes' cores, should a cipher edit have left them there (`SessionState.coresOnTapes`). */
export function writeCores(state: SessionState): void {
  if (state.coresOnTapes && state.tapes) writeTapeCores(state.tapes);
  state.coresOnTapes = false;
}

/**
 * Whether the tapes hold every flow's crypto loads: each flow with loads has the figures its tape
 * was read from (and so a tape, `CipherTapes.of`). Flows estimated afresh since have other figures;
 * only their loads are read, and they must have none.
 */
function tapesHold(tapes: CipherTapes, figures: readonly FlowFigures[]): boolean {
  if (tapes.of.length !== figures.length) return false;
  for (let p = 0; p < figures.length; p++) if (tapes.start[p] === UNTAPED || (tapes.of[p] !== figures[p] && figures[p]!.crypto.hosts.length > 0)) return false;
  return true;
}

/** Whether a flow's crypto lands on the same hosts, in the same order, as before. */
function sameHosts(now: readonly HostCrypto[], was: readonly HostCrypto[]): boolean {
  if (now.length !== was.length) return false;
  for (let h = 0; h < now.length; h++) if (now[h]!.host !== was[h]!.host) return false;
  return true;
}

/** The session state after a cipher edit (`changes.ciphers`); `affected`: the flows on the edited sources' networks, in id order. */
export function updateCiphers(prev: SessionState, next: Scenario, changes: ScenarioChanges, affected: readonly Flow[]): SessionState {
  // The estimates of a cipher edit just before, should no idle time have put them in the lists yet.
  writeRows(prev);
  const state: SessionState = { ...prev, scenario: next, index: indexAfter(prev, next, changes), lastEdit: 'ciphers' };
  // `prev` is consumed (as by every update): its SA objects, shared by the kept traces, change in place.
  prev.protections.recipher(changes.ciphers!);
  prev.protections.relabel(changes.ciphers!);
  labelsChanged();
  recost(state, affected);
  // Exposures and failed requirements stay as they are: no level, tamper bit or reason names a cipher (read-stack.ts).
  state.findings = findingsOf(state, prev.findings, CIPHER_RULES);
  return state;
}
