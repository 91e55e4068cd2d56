import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { installStyleCache, originalDirtyStyleCache } from '../../src/app/canvas/style-cache.ts';
import { createTopologyView } from '../../src/app/canvas/topology-view.ts';

const node = (id: string, parent?: string): ElementDefinition => ({
  group: 'nodes',
  data: parent ? { id, parent } : { id },
});
const edge = (id: string, source: string, target: string): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target },
});

/** Two sites, racks in one, hosts in the racks, switches and edges at every level (to parents too). */
const COMPOUND: ElementDefinition[] = [
  node('site-a'),
  node('site-b'),
  node('rack-1', 'site-a'),
  node('rack-2', 'site-a'),
  node('h1', 'rack-1'),
  node('h2', 'rack-1'),
  node('h3', 'rack-2'),
  node('h4', 'site-b'),
  node('leaf-1', 'site-a'),
  node('spine'),
  edge('h1-leaf', 'h1', 'leaf-1'),
  edge('h2-leaf', 'h2', 'leaf-1'),
  edge('h3-leaf', 'h3', 'leaf-1'),
  edge('leaf-spine', 'leaf-1', 'spine'),
  edge('h4-spine', 'h4', 'spine'),
  edge('racks', 'rack-1', 'rack-2'),
  edge('site-spine', 'site-a', 'spine'),
  edge('h1-h4', 'h1', 'h4'),
];

const FLAT: ElementDefinition[] = [
  node('a'),
  node('b'),
  node('c'),
  edge('ab', 'a', 'b'),
  edge('bc', 'b', 'c'),
];

interface Private {
  _private: { styleCache: unknown };
}

function graph(elements: ElementDefinition[]): Core {
  const cy = cytoscape({ headless: true });
  installStyleCache(cy);
  cy.add(elements);
  return cy;
}

/** The ids whose style cache `call` clears when called on the elements `ids`. */
function cleared(cy: Core, ids: string[], call: (on: cytoscape.CollectionReturnValue) => void): string[] {
  const all = cy.elements();
  all.forEach((e) => void ((e as unknown as Private)._private.styleCache = { kept: true }));
  let on = cy.collection();
  for (const id of ids) on = on.union(cy.getElementById(id));
  call(on);
  return all
    .filter((e) => (e as unknown as Private)._private.styleCache === null)
    .map((e) => e.id())
    .sort();
}

function compare(elements: ElementDefinition[], ids: string[]): { original: string[]; faster: string[] } {
  const cy = graph(elements);
  const original = originalDirtyStyleCache()!;
  // The collection's own method is the faster one once installed (checked in the first test).
  const faster = (on: cytoscape.CollectionReturnValue): unknown =>
    (on as unknown as { dirtyStyleCache(): unknown }).dirtyStyleCache();
  return { original: cleared(cy, ids, (on) => original.call(on as never)), faster: cleared(cy, ids, faster) };
}

describe('the faster dirtyStyleCache (Cytoscape collections)', () => {
  it('is installed by the topology view, with the original kept', () => {
    const view = createTopologyView(document.createElement('div'), {}, { headless: true });
    const proto = Object.getPrototypeOf(view.core().collection()) as { dirtyStyleCache: unknown };
    expect(typeof originalDirtyStyleCache()).toBe('function');
    expect(proto.dirtyStyleCache).not.toBe(originalDirtyStyleCache());
    // The probe node it added to check the fields is gone again.
    expect(view.core().elements().length).toBe(0);
    view.destroy();
  });

  it('clears, for a host in a rack in a site, the host, its rack and site and all their edges', () => {
    // Worked out by hand: h1, rack-1, site-a; edges of h1 (h1-leaf, h1-h4), rack-1 (racks) and site-a (site-spine).
    const { original, faster } = compare(COMPOUND, ['h1']);
    expect(faster).toEqual(['h1', 'h1-h4', 'h1-leaf', 'rack-1', 'racks', 'site-a', 'site-spine']);
    expect(faster).toEqual(original);
  });

  it('clears, for a site, everything inside it and every edge of those', () => {
    const { original, faster } = compare(COMPOUND, ['site-a']);
    // site-a, rack-1, rack-2, h1, h2, h3, leaf-1 and every edge touching one of them; not site-b, h4, spine, h4-spine.
    expect(faster).toEqual(
      [
        'h1',
        'h1-h4',
        'h1-leaf',
        'h2',
        'h2-leaf',
        'h3',
        'h3-leaf',
        'leaf-1',
        'leaf-spine',
        'rack-1',
        'rack-2',
        'racks',
        'site-a',
        'site-spine',
      ].sort(),
    );
    expect(faster).toEqual(original);
  });

  it('clears the same elements as the original from every element and from mixed collections', () => {
    const ids = COMPOUND.map((d) => d.data.id as string);
    for (const set of [
      ...ids.map((id) => [id]),
      ['h2', 'h4'],
      ['racks', 'spine'],
      ['h1-h4', 'rack-2', 'site-b'],
      ids,
    ]) {
      const { original, faster } = compare(COMPOUND, set);
      expect(faster, set.join(' ')).toEqual(original);
    }
  });

  it('clears a node and its edges, and an edge alone, in a graph without compound nodes', () => {
    expect(compare(FLAT, ['b'])).toEqual({ original: ['ab', 'b', 'bc'], faster: ['ab', 'b', 'bc'] });
    expect(compare(FLAT, ['ab'])).toEqual({ original: ['ab'], faster: ['ab'] });
  });

  it('keeps cached visibility up to date: a site hidden hides its hosts and their edges', () => {
    const style = [{ selector: '.hidden', style: { display: 'none' } }] as cytoscape.StylesheetJson;
    const cy = cytoscape({ headless: true, styleEnabled: true, style } as cytoscape.CytoscapeOptions);
    installStyleCache(cy);
    cy.add(COMPOUND);
    const visible = (): boolean[] =>
      ['h1', 'h3', 'h1-leaf', 'h4'].map((id) => cy.getElementById(id).visible());
    // Read once, so that the answers are cached on each element.
    expect(visible()).toEqual([true, true, true, true]);
    cy.getElementById('site-a').addClass('hidden');
    // Reading the site's style applies it (Cytoscape applies styles when read), which drops what its hosts and edges cached.
    expect(cy.getElementById('site-a').style('display')).toBe('none');
    expect(visible()).toEqual([false, false, false, true]);
    cy.getElementById('site-a').removeClass('hidden');
    expect(cy.getElementById('site-a').style('display')).toBe('element');
    expect(visible()).toEqual([true, true, true, true]);
  });
});
