/**
 * What the protection comparison (SPEC T8) reads of each alternative, worked out lean: every
 * flow's MTU and single-flow estimate, the hosts' crypto loads, and each flow × attacker pair's
 * level and tamper bit. No link statuses, link loads, reasons, vantage lists, requirements or
 * findings: the table shows none of them, and at 1,000 hosts an alternative is half a million
 * pairs. The five IPsec alternatives differ only in the SAs' cipher, which the traces do not
 * depend on (paths, layers and SAs are the same; the MTU, overhead and CPU figures read the
 * cipher from the SA, and exposures its confidentiality, SPEC X3, T2, T4): they are traced once
 * and estimated and read again per cipher.
 */
import { EXPOSURE_LEVELS } from '../../model/enums.ts';
import type { ExposureLevel, Flow, IpsecCipher, Scenario } from '../../model/types.ts';
import { compareIds } from '../compare-ids.ts';
import { buildAttackerKnowledge, type AttackerKnowledge } from '../exposure/attacker-knowledge.ts';
import { traceFlow } from '../exposure/build-traces.ts';
import { outcomeReader } from '../exposure/expose-all.ts';
import { TAMPER_BIT } from '../exposure/read-stack.ts';
import { createTraceContext, type TraceContext } from '../exposure/trace-context.ts';
import { createUnderlayRouter } from '../graph/underlay-router.ts';
import { indexScenario } from '../scenario-index.ts';
import { selectedAttackers } from '../session/session-state.ts';
import type { FlowTrace, RowsOf } from '../types.ts';
import { flowIdsOf, hostLoads, type FlowCrypto } from './estimate-load.ts';
import { estimateFlowFigures, type FlowFigures, type SubjectNames } from './flow-figures.ts';
import { flowMtu, type FlowMtu } from './flow-mtu.ts';
import { SIDE_BY_SIDE_FLOWS } from './comparison-halves.ts';
import { withOverlayIpsec } from './scenario-alternatives.ts';
import type { FlowSummary, HostLoad } from './types.ts';

/** One flow × attacker pair as the comparison reads it. */
export interface ComparedPair {
  flow: string;
  attacker: string;
  level: ExposureLevel;
  tamper: boolean;
}

/** What the comparison reads of one alternative; an `Analysis` is one too. */
export interface ComparedRun {
  /** Each flow's MTU left for the endpoints (SPEC T2), null when it never leaves its host. */
  flows: RowsOf<{ innerMtu: number | null }>;
  throughput: { flows: RowsOf<FlowSummary>; hosts: readonly HostLoad[] };
  /** Pairs by flow, then attacker (ids sorted); pairs that see nothing and cannot tamper may be left out. */
  exposures: Iterable<ComparedPair>;
}

/**
 * Above this many flows (where the halves of the table no longer run side by side either) a run
 * keeps no traces: each flow is traced, estimated and read, and its trace let go, and the route
 * plans cached meanwhile are dropped every `PLAN_CACHE_FLOWS` flows. A 5,000-host region's traces
 * are most of a run's memory, and in the app the run shares its renderer's memory with the
 * analysis worker's session (two of them took Chromium's page down).
 */
const KEEP_TRACES_FLOWS = SIDE_BY_SIDE_FLOWS;
const PLAN_CACHE_FLOWS = 20_000;

/** How a run holds its traces; by default by the scenario's size (`KEEP_TRACES_FLOWS`). Tests set both. */
export interface RunOptions {
  keepTraces?: boolean;
  planCacheFlows?: number;
}

/** A scenario ready to be read: flows by id, every attacker's knowledge, and the traces when kept. */
interface Traced {
  scenario: Scenario;
  ctx: TraceContext;
  sorted: Flow[];
  traces: FlowTrace[] | undefined;
  planCacheFlows: number;
  knowledge: AttackerKnowledge[];
}

function traceAll(scenario: Scenario, options: RunOptions): Traced {
  const index = indexScenario(scenario);
  const ctx = createTraceContext(index, createUnderlayRouter(index));
  const sorted = [...scenario.flows].sort((a, b) => compareIds(a.id, b.id));
  return {
    scenario,
    ctx,
    sorted,
    traces: (options.keepTraces ?? sorted.length <= KEEP_TRACES_FLOWS) ? sorted.map((flow) => traceFlow(flow, ctx)) : undefined,
    planCacheFlows: options.planCacheFlows ?? PLAN_CACHE_FLOWS,
    knowledge: selectedAttackers(scenario, {}).map((a) => buildAttackerKnowledge(a, index)),
  };
}

/** The trace of flow `i`: the kept one, or traced now (the plan caches dropped now and then, see `KEEP_TRACES_FLOWS`). */
function traceOf({ ctx, sorted, traces, planCacheFlows }: Traced, i: number): FlowTrace {
  if (traces) return traces[i]!;
  if (i % planCacheFlows === 0) {
    ctx.routes.clear();
    ctx.legCache.clear();
  }
  return traceFlow(sorted[i]!, ctx);
}

/**
 * What a run hands on, flow by flow in id order: the flow's MTU, its figures and its row of
 * outcomes (`exposureOutcome`, attackers in `attackers` order: ids sorted). A reader keeps what it
 * needs of them; a row of the table keeps no per-flow object (at 250,000 flows those were most of
 * a run's memory, and all of them survived until the row was made).
 */
export interface RunReader<T> {
  flow(flow: Flow, mtu: FlowMtu, figures: FlowFigures, outcomes: Uint8Array): void;
  done(): T;
}

/** Makes the reader of one run, given the attackers its rows of outcomes are in and the scenario run. */
export type MakeReader<T> = (attackers: readonly string[], scenario: Scenario) => RunReader<T>;

/** Estimates and reads the flows as their SAs stand now, handing each to `reader`. */
function readRun<T>(traced: Traced, reader: RunReader<T>): T {
  const { sorted, knowledge } = traced;
  const { index } = traced.ctx;
  const names: SubjectNames = new Map();
  const read = outcomeReader(knowledge, index);
  const row = new Uint8Array(knowledge.length);
  for (let i = 0; i < sorted.length; i++) {
    const flow = sorted[i]!;
    const trace = traceOf(traced, i);
    const mtu = flowMtu(trace, index);
    // As a full analysis estimates a flow (session-state.ts `estimateFlows`): with its result's innerMtu.
    const figures = estimateFlowFigures(flow, trace, index, names, mtu.innerMtu);
    read(flow, trace, i, row, 0);
    reader.flow(flow, mtu, figures, row);
  }
  return reader.done();
}

/** The reader `make` gives for a traced scenario. */
function readerOf<T>(traced: Traced, make: MakeReader<T>): RunReader<T> {
  return make(traced.knowledge.map((k) => k.attacker.id), traced.scenario);
}

/** A reader that keeps the whole run (`ComparedRun`): what the tests compare with full analyses. */
export const collectRun: MakeReader<ComparedRun> = (attackers, scenario) => {
  const mtus: { innerMtu: number | null }[] = [];
  const summaries: FlowSummary[] = [];
  const crypto: FlowCrypto[] = [];
  const ids: string[] = [];
  const exposures: ComparedPair[] = [];
  return {
    flow(flow, mtu, figures, outcomes) {
      mtus.push(mtu);
      summaries.push(figures.summary);
      crypto.push(figures.crypto);
      ids.push(flow.id);
      for (let a = 0; a < attackers.length; a++) {
        const outcome = outcomes[a]!;
        if (outcome !== 0) exposures.push({ flow: flow.id, attacker: attackers[a]!, level: EXPOSURE_LEVELS[outcome & 3]!, tamper: (outcome & TAMPER_BIT) !== 0 });
      }
    },
    done: () => ({ flows: mtus, throughput: { flows: summaries, hosts: hostLoads(scenario, crypto, flowIdsOf(ids)) }, exposures }),
  };
};

/** One scenario's run over every attacker, handed flow by flow to the reader `make` gives. */
export function readComparedRun<T>(scenario: Scenario, make: MakeReader<T>, options: RunOptions = {}): T {
  const traced = traceAll(scenario, options);
  return readRun(traced, readerOf(traced, make));
}

/**
 * `withOverlayIpsec(scenario, cipher)` for each cipher, in order, each run handed flow by flow to
 * the reader `make(cipher)` gives. The first is traced, and each next one gives the same SAs its
 * cipher (`ProtectionTable.recipher`) and is estimated and read again over the same traces (traced
 * again when not kept: the SAs are the table's, so they come back with their new cipher).
 */
export function readOverlayIpsecRuns<T>(scenario: Scenario, ciphers: readonly IpsecCipher[], make: (cipher: IpsecCipher) => MakeReader<T>, options: RunOptions = {}): T[] {
  if (ciphers.length === 0) return [];
  const traced = traceAll(withOverlayIpsec(scenario, ciphers[0]!), options);
  const sources = [...traced.scenario.overlays.map((o) => o.id), ...traced.scenario.tunnels.map((t) => t.id)];
  return ciphers.map((cipher, i) => {
    if (i > 0) traced.ctx.protections.recipher(new Map(sources.map((source) => [source, cipher])));
    return readRun(traced, readerOf(traced, make(cipher)));
  });
}
