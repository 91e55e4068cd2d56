/**
 * Folding edges onto summary nodes: when an end of a link (or flow) is inside a collapsed rack or
 * site, the edge is drawn to the summary instead, and all edges between the same two nodes become
 * one edge carrying their count and worst status. Links inside one summary set its worst status.
 */
import type { LinkStatusValue } from '../../engine/types.ts';

/** Link status or unknown (no analysis yet). */
export type Status = LinkStatusValue | 'unknown';

/** Worst first: a summary shows the worst link it hides. */
const SEVERITY: Record<Status, number> = { plaintext: 4, headers: 3, encrypted: 2, idle: 1, unknown: 0 };

/** The worse of two statuses. */
export function worse(a: Status, b: Status): Status {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** Edges between one pair of drawn nodes. */
export interface FoldedEdge {
  source: string;
  target: string;
  ids: string[];
  worst: Status;
}

/** Accumulates folded edges and the worst status inside each summary. */
export class EdgeFolder {
  readonly edges = new Map<string, FoldedEdge>();
  readonly inside = new Map<string, { count: number; worst: Status }>();

  /** Adds an edge whose ends were mapped to drawn nodes `a` and `b` (`group` set when both ends fold into it). */
  add(id: string, a: string, b: string, status: Status): void {
    if (a === b) {
      const prev = this.inside.get(a) ?? { count: 0, worst: 'unknown' as Status };
      this.inside.set(a, { count: prev.count + 1, worst: worse(prev.worst, status) });
      return;
    }
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${source}|${target}`;
    const edge = this.edges.get(key) ?? { source, target, ids: [], worst: 'unknown' as Status };
    edge.ids.push(id);
    edge.worst = worse(edge.worst, status);
    this.edges.set(key, edge);
  }
}
