/**
 * The traces of a one-shot analysis by flow id: the ones it keeps, and every other traced again
 * when asked for. An analysis that keeps each trace only while its flow's stages run lets most of
 * them go young (a trace lives a few microseconds instead of the whole analysis, and is never
 * copied by the garbage collector nor written to fresh pages); what reads a trace later (a pair's
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
  readonly #kept = new Map<string, FlowTrace>();

  /** `flows` in file order; `ctx` is the context they were traced with (its SAs, so a trace made again holds the same objects). */
  constructor(flows: readonly Flow[], ctx: TraceContext) {
    this.#flows = flows;
    this.#ctx = ctx;
  }

  /** Keeps a trace: one that is read again soon (by the rules) or costs more to make than to keep. */
  keep(trace: FlowTrace): void {
    this.#kept.set(trace.flow, trace);
  }

  /** How many traces are kept (the others are made when read). */
  get keptCount(): number {
    return this.#kept.size;
  }

  get(id: string): FlowTrace | undefined {
    const kept = this.#kept.get(id);
    if (kept) return kept;
    const flow = this.#ctx.index.flows.get(id);
    return flow ? traceFlow(flow, this.#ctx) : undefined;
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
