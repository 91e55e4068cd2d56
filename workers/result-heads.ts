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

/** A finding without its reasons, and how many it has. */
export type FindingHead = Omit<Finding, 'reasons'> & { reasonCount: number };

/**
 * Each finding's head, one object per finding for as long as the finding lives: an analysis session
 * keeps the findings an edit did not reach, so their heads stay the same objects too, and the slices
 * that hold them are marked kept rather than sent again (analysis-parts.ts `markKept`).
 */
const heads = new WeakMap<Finding, FindingHead>();

/** The head of one finding: its fields in their order, the reasons left out and counted. */
export function findingHead(finding: Finding): FindingHead {
  let head = heads.get(finding);
  if (!head) {
    const { rule, severity, subjects, message, reasons } = finding;
    head = { rule, severity, subjects, message, reasonCount: reasons.length };
    heads.set(finding, head);
  }
  return head;
}

/** The heads of a list of findings, in its order. */
export function findingHeads(findings: readonly Finding[]): FindingHead[] {
  const out = new Array<FindingHead>(findings.length);
  for (let i = 0; i < findings.length; i++) out[i] = findingHead(findings[i]!);
  return out;
}

/**
 * The host and link loads: each without the ids of the flows it carries, which the page never
 * shows (its throughput view charts the hosts' crypto cores; reports are written in the worker).
 * A busy spine link carries tens of thousands of flows: at 5,000 hosts the link loads were 19 MB
 * serialised and the host loads 8 MB.
 */
export type HostLoadHead = Omit<HostLoad, 'flows'> & { flowCount: number };
export type LinkLoadHead = Omit<LinkLoad, 'flows'> & { flowCount: number };

const hostHeads = new WeakMap<HostLoad, HostLoadHead>();
const linkHeads = new WeakMap<LinkLoad, LinkLoadHead>();

/** The head of one host load, one object per load for as long as it lives (as `findingHead`). */
export function hostLoadHead(load: HostLoad): HostLoadHead {
  let head = hostHeads.get(load);
  if (!head) {
    const { host, cryptoCoresUsed, coresAvailable, utilisation, busiestSa, saturated, flows } = load;
    head = { host, cryptoCoresUsed, coresAvailable, utilisation, busiestSa, saturated, flowCount: flows.length };
    hostHeads.set(load, head);
  }
  return head;
}

/** The head of one link load, one object per load for as long as it lives. */
export function linkLoadHead(load: LinkLoad): LinkLoadHead {
  let head = linkHeads.get(load);
  if (!head) {
    const { link, wireGbps, capacityGbps, utilisation, oversubscribed, flows } = load;
    head = { link, wireGbps, capacityGbps, utilisation, oversubscribed, flowCount: flows.length };
    linkHeads.set(load, head);
  }
  return head;
}
