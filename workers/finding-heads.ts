/**
 * The findings as the page receives them: each without its reasons, which stay in the worker until
 * the page shows one finding (`findingReasons`). plaintext-on-link gives a busy link one reason per
 * flow that crosses it in plaintext, so the reasons were most of what the findings weighed: 20 MB
 * serialised at 1,000 hosts, 7 MB without them; the findings were the largest part of the time a
 * large result took to travel to the page, slice by slice (docs/performance.md). The page lists
 * findings by message and subjects; the reasons of the one it opens come on request.
 */
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
