/**
 * Parts of a result as the page receives them, each item without its long lists, which the page
 * does not draw.
 *
 * The findings: each without its reasons, which stay in the worker until
 * the page shows one finding (`findingReasons`). plaintext-on-link gives a busy link one reason per
 * flow that crosses it in plaintext, so the reasons were most of what the findings weighed: 20 MB
 * serialised at 1,000 hosts, 7 MB without them; the findings were the largest part of the time a
 * large result took to travel to the page, slice by slice (docs/performance.md). The page lists
 * findings by message and subjects; the reasons of the one it opens come on request.
 */
import type { HostLoad, LinkLoad } from '../src/engine/throughput/types.ts';
import type { Finding } from '../src/engine/types.ts';

/**
 * A maker of heads that makes one head per item for as long as the item lives: an analysis session
 * keeps the findings and loads an edit did not reach, so their heads stay the same objects too,
 * and the slices that hold them are marked kept rather than sent again (analysis-parts.ts
 * `markKept`).
 */
function oneHeadEach<T extends object, H>(make: (item: T) => H): (item: T) => H {
  const heads = new WeakMap<T, H>();
  return (item) => {
    let head = heads.get(item);
    if (head === undefined) heads.set(item, (head = make(item)));
    return head;
  };
}

/** A finding without its reasons, and how many it has. */
export type FindingHead = Omit<Finding, 'reasons'> & { reasonCount: number };

/** The head of one finding: its fields in their order, the reasons left out and counted last. */
export const findingHead = oneHeadEach(({ reasons, ...finding }: Finding): FindingHead => ({ ...finding, reasonCount: reasons.length }));

/**
 * The host and link loads: each without the ids of the flows it carries, which the page never
 * shows (its throughput view charts the hosts' crypto cores; reports are written in the worker).
 * A busy spine link carries tens of thousands of flows: at 5,000 hosts the link loads were 19 MB
 * serialised and the host loads 8 MB.
 */
export type HostLoadHead = Omit<HostLoad, 'flows'> & { flowCount: number };
export type LinkLoadHead = Omit<LinkLoad, 'flows'> & { flowCount: number };

/** The head of one host load: its fields in their order, the flows left out and counted last. */
export const hostLoadHead = oneHeadEach(({ flows, ...load }: HostLoad): HostLoadHead => ({ ...load, flowCount: flows.length }));

/** The head of one link load: its fields in their order, the flows left out and counted last. */
export const linkLoadHead = oneHeadEach(({ flows, ...load }: LinkLoad): LinkLoadHead => ({ ...load, flowCount: flows.length }));
