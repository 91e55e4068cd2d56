/**
 * The traces of a one-shot analysis by flow id, each traced again when asked for. The analysis
 * keeps no trace: each lives while its flow's stages run (a few microseconds instead of the whole
 * analysis, never copied by the garbage collector nor written to fresh pages), and the rules read
 * digests worked out meanwhile (rules/helpers/flow-digest.ts). What reads a trace later (a pair's
 * reasons, a report's path diagram, a flow's estimate breakdown) gets the very same trace again.
 */
import type { Flow } from '../../model/types.ts';
import type { FlowTrace } from '../types.ts';
import { traceFlow } from './build-traces.ts';
import type { TraceContext } from './trace-context.ts';

/** Every flow's trace by id, in the scenario's flow order, read like a map. */
export class TraceStore implements ReadonlyMap<string, FlowTrace> {
  readonly #flows: readonly Flow[];
  readonly #ctx: TraceContext;
  #made = 0;

  /** `flows` in file order; `ctx` is the context they were traced with (its SAs, so a trace made again holds the same objects). */
  constructor(flows: readonly Flow[], ctx: TraceContext) {
    this.#flows = flows;
    this.#ctx = ctx;
  }

  /** How many traces were made again because something asked for them. */
  get madeCount(): number {
    return this.#made;
  }

  get(id: string): FlowTrace | undefined {
    const flow = this.#ctx.index.flows.get(id);
    if (!flow) return undefined;
    this.#made++;
    return traceFlow(flow, this.#ctx);
  }

  has(id: string): boolean {
    return this.#ctx.index.flows.has(id);
  }

  get size(): number {
    return this.#flows.length;
  }

  *entries(): MapIterator<[string, FlowTrace]> {
    for (const flow of this.#flows) yield [flow.id, this.get(flow.id)!];
  }

  *keys(): MapIterator<string> {
    for (const flow of this.#flows) yield flow.id;
  }

  *values(): MapIterator<FlowTrace> {
    for (const flow of this.#flows) yield this.get(flow.id)!;
  }

  [Symbol.iterator](): MapIterator<[string, FlowTrace]> {
    return this.entries();
  }

  forEach(visit: (trace: FlowTrace, id: string, map: ReadonlyMap<string, FlowTrace>) => void): void {
    for (const flow of this.#flows) visit(this.get(flow.id)!, flow.id, this);
  }
}
