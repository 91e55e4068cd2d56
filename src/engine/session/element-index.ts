/**
 * Which flows each element can be observed from (links, hop ends, hosts passed, endpoints, the
 * flow's network): the inverse of an attacker's reach, so a new or edited attacker finds its flows
 * without reading every trace. Entries are only added: a flow traced again is appended under its
 * new elements and its old entries go stale, which costs a needless exposure check, never a miss.
 */
import type { Flow } from '../../model/types.ts';
import type { AttackerKnowledge } from '../exposure/attacker-knowledge.ts';
import { forEachElement, reachOf } from '../exposure/expose-all.ts';
import type { FlowTrace } from '../types.ts';

/** Flow ids per element id (ids share one namespace, SPEC §1). */
export interface ElementIndex {
  byElement: Map<string, string[]>;
  /** Entries added since the index was built, to know when rebuilding it is cheaper. */
  added: number;
  built: number;
}

function addEntries(index: ElementIndex, flow: Flow, trace: FlowTrace): number {
  let n = 0;
  const add = (id: string): void => {
    const list = index.byElement.get(id);
    if (list && list[list.length - 1] === flow.id) return;
    if (list) list.push(flow.id);
    else index.byElement.set(id, [flow.id]);
    n++;
  };
  forEachElement(flow, trace, add);
  return n;
}

/** Indexes every flow's elements. */
export function buildElementIndex(flows: readonly Flow[], traces: ReadonlyMap<string, FlowTrace>): ElementIndex {
  const index = emptyElementIndex();
  indexFlows(index, flows, traces, 0, flows.length);
  return index;
}

/** An index of no flow yet, for `indexFlows`. */
export function emptyElementIndex(): ElementIndex {
  return { byElement: new Map(), added: 0, built: 0 };
}

/**
 * Indexes the flows at `from` to `to` (exclusive) of `flows`, after those before them: an index
 * built a slice at a time, in order, is the one `buildElementIndex` makes.
 */
export function indexFlows(index: ElementIndex, flows: readonly Flow[], traces: ReadonlyMap<string, FlowTrace>, from: number, to: number): void {
  for (let i = from; i < to; i++) index.built += addEntries(index, flows[i]!, traces.get(flows[i]!.id)!);
}

/** Records a flow traced again; returns false when stale entries outweigh the index (drop it then). */
export function reindexFlow(index: ElementIndex, flow: Flow, trace: FlowTrace): boolean {
  index.added += addEntries(index, flow, trace);
  return index.added <= index.built / 4;
}

/** Ids of the flows some of the attackers may observe (a superset of those with a vantage or an endpoint). */
export function flowsReached(index: ElementIndex, knowledge: readonly AttackerKnowledge[]): Set<string> {
  const found = new Set<string>();
  for (const element of reachOf(knowledge).keys()) for (const id of index.byElement.get(element) ?? []) found.add(id);
  return found;
}
