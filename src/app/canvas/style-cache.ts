/**
 * A faster `dirtyStyleCache` for Cytoscape collections, installed once per page.
 *
 * Cytoscape calls `dirtyStyleCache` on an element for every style property it applies to it (its
 * `checkTriggers`), and in a graph with compound nodes (our sites and racks) each call builds four
 * collections: the element, its descendants, its ancestors, and the edges of all of them, only to
 * clear one cached field on each. Drawing the 5,000-host region at rack level (~640 elements) the
 * first time spent most of its style pass building those collections: a main-thread task of about
 * a second in Chromium (2026-11-23), 140–220 ms of style in Node against 50 ms with this version.
 *
 * This version clears the very same elements (the element, its descendants, its ancestors and every
 * edge of any of them; for an edge, the edge alone) by walking the element's own lists, without
 * building collections. It uses Cytoscape's private element fields (`group`, `edges`, `children`,
 * `parent`, and `styleCache`, which is made on first use) of the pinned version (package.json);
 * should the lists be missing, the original is left in place (`test/component/style-cache.test.ts`
 * compares both on a compound graph).
 */
import type { Core } from 'cytoscape';

interface Element {
  _private: {
    styleCache: unknown;
    group: string;
    edges: Element[];
    children: Element[];
    parent: Element | null;
  };
}

type DirtyStyleCache = (this: ArrayLike<Element>) => unknown;

interface CollectionPrototype {
  dirtyStyleCache?: DirtyStyleCache;
}

function clearWithEdges(ele: Element): void {
  ele._private.styleCache = null;
  if (ele._private.group !== 'nodes') return;
  const edges = ele._private.edges;
  for (let i = 0; i < edges.length; i++) edges[i]!._private.styleCache = null;
}

function clearDescendants(ele: Element): void {
  const children = ele._private.children;
  for (let i = 0; i < children.length; i++) {
    clearWithEdges(children[i]!);
    clearDescendants(children[i]!);
  }
}

/** Clears the cached style of each element, its descendants and ancestors, and their edges. */
function dirtyStyleCache(this: ArrayLike<Element>): unknown {
  for (let i = 0; i < this.length; i++) {
    const ele = this[i]!;
    clearWithEdges(ele);
    if (ele._private.group !== 'nodes') continue;
    clearDescendants(ele);
    for (let p = ele._private.parent; p; p = p._private.parent) clearWithEdges(p);
  }
  return this;
}

/** Whether an element of this Cytoscape has the private fields the faster version walks. */
function hasFields(node: Element | undefined): boolean {
  const p = node?._private;
  return (
    p !== undefined &&
    p.group === 'nodes' &&
    Array.isArray(p.edges) &&
    Array.isArray(p.children) &&
    'parent' in p
  );
}

/** The original `dirtyStyleCache`, kept for the comparison in the tests. */
let original: DirtyStyleCache | undefined;

/**
 * Installs the faster `dirtyStyleCache` on the collection prototype of `cy`'s Cytoscape (once; a
 * Cytoscape without the expected fields keeps its own). Returns whether the faster one is in place.
 */
export function installStyleCache(cy: Core): boolean {
  const proto = Object.getPrototypeOf(cy.collection()) as CollectionPrototype;
  if (proto.dirtyStyleCache === (dirtyStyleCache as DirtyStyleCache)) return true;
  if (typeof proto.dirtyStyleCache !== 'function') return false;
  // A node added and removed at once shows whether elements have the fields (call it before listeners are attached).
  const probe = cy.add({ group: 'nodes', data: { id: '\u0000style-cache-probe' } });
  const fits = hasFields((probe as unknown as ArrayLike<Element>)[0]);
  cy.remove(probe);
  if (!fits) return false;
  original = proto.dirtyStyleCache;
  proto.dirtyStyleCache = dirtyStyleCache as DirtyStyleCache;
  return true;
}

/** Cytoscape's own `dirtyStyleCache`, once `installStyleCache` replaced it (for tests). */
export function originalDirtyStyleCache(): DirtyStyleCache | undefined {
  return original;
}
