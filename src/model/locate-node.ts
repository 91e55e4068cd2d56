/**
 * Finds where a model path sits in the YAML document, lazily: only diagnostics ask, so a large
 * file never gets a position table. A path that leaves the document (a missing field) resolves to
 * the deepest node that exists — the mapping that lacks the field.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Locate, Span } from './draft-diagnostic.ts';
import type { ModelPath } from './types.ts';

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function childOf(node: Node, segment: string | number, wantKey: boolean): Node | undefined {
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    return (item ?? undefined) as Node | undefined;
  }
  if (!isMap(node)) return undefined;
  const wanted = String(segment);
  // The last pair wins, as in the plain value the shape stage saw (a duplicate key keeps the last).
  for (let i = node.items.length - 1; i >= 0; i--) {
    const pair = node.items[i];
    if (!isPair(pair) || keyText(pair.key) !== wanted) continue;
    const found: unknown = wantKey ? pair.key : (pair.value ?? pair.key);
    return (found ?? undefined) as Node | undefined;
  }
  return undefined;
}

/** The node at `path`, or the deepest existing ancestor; `target: 'key'` picks the last key. */
export function findNode(doc: Document, path: ModelPath, target?: 'key'): Node | undefined {
  let node = doc.contents ?? undefined;
  for (let i = 0; i < path.length && node; i++) {
    const current: Node = isAlias(node) ? (node.resolve(doc) ?? node) : node;
    const next = childOf(current, path[i]!, target === 'key' && i === path.length - 1);
    if (!next) break;
    node = next;
  }
  return node;
}

/** Line/column span of a character range. */
export function spanOf(lineCounter: LineCounter, start: number, end: number): Span {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(end, start));
  // Positions are 1-based; the line counter answers line 0 for offsets before the first line it
  // recorded (a truncated file whose first token is a directive), which means line 1.
  return {
    line: Math.max(1, from.line),
    column: Math.max(1, from.col),
    endLine: Math.max(1, to.line),
    endColumn: Math.max(1, to.col),
  };
}

/** A `Locate` function over a parsed document. */
export function createLocator(doc: Document | undefined, lineCounter: LineCounter): Locate {
  return ({ path, target, offset }) => {
    if (offset) return spanOf(lineCounter, offset[0], offset[1]);
    const node = doc ? findNode(doc, path, target) : undefined;
    const range = node?.range;
    if (!range) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return spanOf(lineCounter, range[0], Math.max(range[1], range[0] + 1));
  };
}
