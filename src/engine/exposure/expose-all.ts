/**
 * Exposures of every flow × attacker pair (SPEC X4–X7) without reading every pair: the attackers'
 * positions (links, devices, root hosts, mirrored hosts, own workloads, spoofable networks) are
 * put in one map from element id to attackers, and each flow looks up the elements of its path
 * once. Only the attackers reached this way go through `exposeFlow`; the others see nothing.
 */
import { EXPOSURE_LEVELS } from '../../model/enums.ts';
import type { ExposureLevel, Flow } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import { runSteps, type Steps } from '../steps.ts';
import { traceAt, type TraceSource } from '../trace-source.ts';
import type { FlowTrace } from '../types.ts';
import { ExposureTableBuilder, type DetailMaker, type ExposureTable } from './exposure-table.ts';
import type { AttackerKnowledge } from './attacker-knowledge.ts';
import { exposeFlow, exposureOutcome, pairOutcome, SEEN_BIT } from './expose-flow.ts';
import { TAMPER_BIT } from './read-stack.ts';

/** Attacker positions (by index into the knowledge list) per element id; ids share one namespace (SPEC §1). */
export type Reach = Map<string, number[]>;

/** The elements each attacker can observe a flow from: a superset of its vantages and endpoints. */
export function reachOf(knowledge: readonly AttackerKnowledge[]): Reach {
  const reach: Reach = new Map();
  knowledge.forEach((k, a) => {
    const add = (id: string): void => {
      const list = reach.get(id);
      if (!list) reach.set(id, [a]);
      else if (list[list.length - 1] !== a) list.push(a);
    };
    for (const id of k.links) add(id);
    for (const id of k.devices) add(id);
    for (const id of k.hosts) add(id);
    for (const id of k.mirrors.keys()) add(id);
    for (const id of k.workloads) add(id);
    if (k.canInject) for (const id of k.spoofableNetworks) add(id);
  });
  return reach;
}

/**
 * Calls `visit` with every element a flow can be observed from: its ends, each hop's link and
 * nodes, the hosts it passes and its network (a superset of any attacker's vantages on it, SPEC
 * X4). Ids may repeat. The attacker reach here and the session's element index both read this.
 */
export function forEachElement(flow: Flow, trace: FlowTrace, visit: (id: string) => void): void {
  visit(flow.from);
  visit(flow.to);
  for (const hop of trace.hops) {
    visit(hop.link);
    visit(hop.from);
    visit(hop.to);
  }
  for (const host of trace.hosts) visit(host);
  if (flow.network !== undefined && trace.path.length > 0) visit(flow.network);
}

/** Stamps `i` into `seen[a]` for every attacker whose reach touches element `id`. */
function mark(reach: Reach, id: string, seen: Int32Array, i: number): void {
  const list = reach.get(id);
  if (list) for (let n = 0; n < list.length; n++) seen[list[n]!] = i;
}

/**
 * Stamps `i` into `seen[a]` for every attacker whose reach touches the flow: the elements of
 * `forEachElement`, walked here without a visitor (this runs for every flow of an analysis).
 */
function markReached(flow: Flow, trace: FlowTrace, reach: Reach, seen: Int32Array, i: number): void {
  mark(reach, flow.from, seen, i);
  mark(reach, flow.to, seen, i);
  const hops = trace.hops;
  for (let j = 0; j < hops.length; j++) {
    const hop = hops[j]!;
    mark(reach, hop.link, seen, i);
    // Consecutive hops meet at a node: it is marked once.
    if (j === 0 || hop.from !== hops[j - 1]!.to) mark(reach, hop.from, seen, i);
    mark(reach, hop.to, seen, i);
  }
  const hosts = trace.hosts;
  for (let j = 0; j < hosts.length; j++) mark(reach, hosts[j]!, seen, i);
  if (flow.network !== undefined && trace.path.length > 0) mark(reach, flow.network, seen, i);
}

/**
 * Adds the outcomes of one flow's exposures to every attacker (in knowledge order) to `out`, at
 * positions from `offset` (their details are made when read: `detailMaker`); the pairs the flow's
 * path does not reach are plain and left out.
 */
export function exposeRow(
  flow: Flow,
  trace: FlowTrace,
  knowledge: readonly AttackerKnowledge[],
  ctx: { reach: Reach; index: ScenarioIndex; seen: Int32Array; stamp: number; detailed?: DetailWanted },
  out: ExposureTableBuilder,
  offset: number,
): void {
  markReached(flow, trace, ctx.reach, ctx.seen, ctx.stamp);
  for (let a = 0; a < knowledge.length; a++) {
    if (ctx.seen[a] !== ctx.stamp) continue;
    const k = knowledge[a]!;
    const outcome = pairOutcome(flow, trace, k, ctx.index);
    if (outcome === 0) continue;
    if (ctx.detailed?.(flow, k.attacker.id, EXPOSURE_LEVELS[outcome & 3]!, (outcome & TAMPER_BIT) !== 0)) out.add(offset + a, exposeFlow(flow, trace, k, ctx.index));
    else out.addOutcome(offset + a, outcome & ~SEEN_BIT);
  }
}

/** Which pairs an analysis makes with their details at once (while the flow's trace is at hand): the others are made when read. */
export type DetailWanted = (flow: Flow, attacker: string, level: ExposureLevel, tamper: boolean) => boolean;

/**
 * Makes the exposure at a position of a table whose rows are `flows` (traces by id, or lined up
 * with them) and whose columns are `knowledge`: the details of a pair listed by its outcome.
 */
export function detailMaker(flows: readonly Flow[], traces: TraceSource, knowledge: readonly AttackerKnowledge[], index: ScenarioIndex): DetailMaker {
  const width = knowledge.length;
  return (position) => {
    const i = Math.floor(position / width);
    const flow = flows[i]!;
    return exposeFlow(flow, traceAt(traces, i, flow.id)!, knowledge[position % width]!, index);
  };
}

/**
 * The exposures of every flow × attacker pair gathered row by row: flow `i` of a list (in the order
 * of the table's rows) added `i`-th, attackers in knowledge order. A one-shot analysis adds each
 * flow's row as its trace is made and lets the trace go (session-state.ts).
 */
export class ExposureAssembly {
  readonly #out: ExposureTableBuilder;
  readonly #knowledge: readonly AttackerKnowledge[];
  readonly #index: ScenarioIndex;
  readonly #ctx: { reach: Reach; index: ScenarioIndex; seen: Int32Array; stamp: number; detailed?: DetailWanted };

  /** `detailed` picks the pairs made with their vantages and reasons now; the others are made when first read. */
  constructor(flowCount: number, knowledge: readonly AttackerKnowledge[], index: ScenarioIndex, detailed?: DetailWanted) {
    // A guess of the kept pairs: 12 % of a 1,000-host region's pairs, about one per flow.
    this.#out = new ExposureTableBuilder(flowCount);
    this.#knowledge = knowledge;
    this.#index = index;
    this.#ctx = { reach: reachOf(knowledge), index, seen: new Int32Array(knowledge.length).fill(-1), stamp: 0, ...(detailed ? { detailed } : {}) };
  }

  /** Adds the row of flow `i`. */
  add(flow: Flow, trace: FlowTrace, i: number): void {
    this.#ctx.stamp = i;
    exposeRow(flow, trace, this.#knowledge, this.#ctx, this.#out, i * this.#knowledge.length);
  }

  /** The table of the rows added; `traces` (by flow id, or lined up with `flows`) makes a pair's details when it is read. */
  done(flows: readonly Flow[], traces: TraceSource): ExposureTable {
    return this.#out.build(
      flows,
      this.#knowledge.map((k) => k.attacker.id),
      detailMaker(flows, traces, this.#knowledge, this.#index),
    );
  }
}

/**
 * Every flow × attacker exposure, flows in the given order, attackers in knowledge order (SPEC §4);
 * `traces` by flow id, or lined up with `flows`. The pairs `detailed` picks are made with their
 * vantages and reasons now; the others when first read.
 */
export function exposeAll(flows: readonly Flow[], traces: TraceSource, knowledge: readonly AttackerKnowledge[], index: ScenarioIndex, detailed?: DetailWanted): ExposureTable {
  return runSteps(exposeAllSteps(flows, traces, knowledge, index, detailed));
}

/** `exposeAll` in steps of `slice` flows. */
export function* exposeAllSteps(flows: readonly Flow[], traces: TraceSource, knowledge: readonly AttackerKnowledge[], index: ScenarioIndex, detailed?: DetailWanted, slice = Number.POSITIVE_INFINITY): Steps<ExposureTable> {
  const rows = new ExposureAssembly(flows.length, knowledge, index, detailed);
  for (let from = 0; from < flows.length; from += slice) {
    const to = Math.min(flows.length, from + slice);
    for (let i = from; i < to; i++) rows.add(flows[i]!, traceAt(traces, i, flows[i]!.id)!, i);
    if (to < flows.length) yield;
  }
  return rows.done(flows, traces);
}

/**
 * Reads one flow's row of outcomes (`exposureOutcome`: level rank, plus `TAMPER_BIT` when the
 * attacker can tamper), attackers in knowledge order, into `out` from `offset`; `i` numbers the
 * flow (each call a new one). Pairs the attacker does not reach are 0 without reading them, as in
 * `exposeAll`. A row at a time, so that a caller can trace a flow, read it and let the trace go.
 */
export function outcomeReader(knowledge: readonly AttackerKnowledge[], index: ScenarioIndex): (flow: Flow, trace: FlowTrace, i: number, out: Uint8Array, offset: number) => void {
  const reach = reachOf(knowledge);
  const seen = new Int32Array(knowledge.length).fill(-1);
  return (flow, trace, i, out, offset) => {
    markReached(flow, trace, reach, seen, i);
    for (let a = 0; a < knowledge.length; a++) out[offset + a] = seen[a] === i ? exposureOutcome(flow, trace, knowledge[a]!, index) : 0;
  };
}
