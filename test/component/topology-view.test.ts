import { describe, expect, it } from 'vitest';
import { createTopologyView } from '../../src/app/canvas/topology-view.ts';
import { buildElements } from '../../src/app/canvas/build-elements.ts';
import { lensHighlight } from '../../src/app/canvas/lens-highlight.ts';
import { summarizeExposures } from '../../workers/exposure-summary.ts';
import { analysis, model } from './fixtures/two-hosts.ts';

const layers = { physical: true, overlay: true, protections: true, flows: true };

function mount() {
  const selected: string[][] = [];
  const view = createTopologyView(document.createElement('div'), { onSelect: (ids) => selected.push(ids) }, { headless: true });
  const built = buildElements(model, analysis, { expanded: new Set(['c1', 'c2']) });
  view.update({ ...built, layers, theme: 'light' });
  return { view, selected };
}

describe('createTopologyView (headless Cytoscape)', () => {
  it('draws every element and reports link statuses through stats', () => {
    const { view } = mount();
    // dc1, c1, c2, tor1, vm-a, vm-b, ov1 = 7 nodes; l-c1, l-c2, 2 spokes, f-ab = 5 edges.
    expect(view.stats()).toEqual({ nodes: 7, edges: 5, links: { 'l-c1': 'plaintext', 'l-c2': 'plaintext' }, textured: false });
  });

  it('updates in place by id: the Cytoscape instance and untouched elements survive', () => {
    const { view } = mount();
    const cy = view.core();
    const c1 = cy.getElementById('c1');
    const fixed = { ...analysis, links: analysis.links.map((l) => ({ ...l, status: 'encrypted' as const })) };
    view.update({ ...buildElements(model, fixed, { expanded: new Set(['c1', 'c2']) }), layers, theme: 'light' });
    expect(view.core()).toBe(cy);
    expect(cy.getElementById('c1')).toBe(c1);
    expect(cy.getElementById('l-c1').hasClass('status-encrypted')).toBe(true);
  });

  it('pans a picture of the map above 400 elements and draws smaller maps element by element', () => {
    const { view } = mount();
    // A chain of 201 nodes has 200 edges: 401 elements, one over the limit.
    const chain = (n: number) => [
      ...Array.from({ length: n }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` } })),
      ...Array.from({ length: n - 1 }, (_, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}` } })),
    ];
    view.update({ elements: chain(201), alias: {}, layers, theme: 'light' });
    expect(view.stats()).toMatchObject({ nodes: 201, edges: 200, textured: true });
    // 200 + 199 = 399 elements.
    view.update({ elements: chain(200), alias: {}, layers, theme: 'light' });
    expect(view.stats()).toMatchObject({ nodes: 200, edges: 199, textured: false });
  });

  it('hides a layer without removing its elements', () => {
    const { view } = mount();
    view.update({ ...buildElements(model, analysis, { expanded: new Set(['c1', 'c2']) }), layers: { ...layers, physical: false }, theme: 'light' });
    expect(view.core().getElementById('l-c1').hasClass('layer-hidden')).toBe(true);
    expect(view.stats().edges).toBe(5);
  });

  it('[X4] the attacker lens marks vantage points and the flows it reads', () => {
    const { view } = mount();
    view.highlight(lensHighlight(model, analysis, { attackers: ['tap'] }));
    const cy = view.core();
    expect(cy.getElementById('l-c1').hasClass('vantage')).toBe(true);
    expect(cy.getElementById('f-ab').hasClass('exposure-payload')).toBe(true);
    expect(cy.getElementById('f-ab').hasClass('tamper')).toBe(true);
    expect(cy.getElementById('l-c2').hasClass('faded')).toBe(true);
    expect(cy.getElementById('c1').hasClass('faded')).toBe(false);
  });

  it('[X4] the lens gives the same highlight from the worker’s exposure summary, and marks only drawn flows', () => {
    const all = lensHighlight(model, analysis, { attackers: ['tap'] });
    const summary = summarizeExposures(analysis.exposures);
    expect(lensHighlight(model, analysis, { attackers: ['tap'] }, { summary, drawnFlows: new Set(['f-ab']) })).toEqual(all);
    const none = lensHighlight(model, analysis, { attackers: ['tap'] }, { summary, drawnFlows: new Set() });
    expect(none).toEqual({ ...all, flows: {}, tamper: [] });
  });

  it('a highlight changes only the classes that differ, and a cleared one leaves none behind', () => {
    const { view } = mount();
    const cy = view.core();
    view.highlight(lensHighlight(model, analysis, { attackers: ['tap'] }));
    const faded = cy.elements('.faded').map((e) => e.id());
    expect(faded.length).toBeGreaterThan(0);
    let changes = 0;
    cy.on('class', () => void changes++);
    view.highlight(lensHighlight(model, analysis, { attackers: ['tap'] }));
    expect(changes).toBe(0);
    expect(cy.elements('.faded').map((e) => e.id())).toEqual(faded);
    view.highlight({});
    expect(cy.elements('.faded, .vantage, .lens-flow, .tamper, .match').length).toBe(0);
  });

  it('an update with the same elements sets no data and moves nothing', () => {
    const { view } = mount();
    const cy = view.core();
    const built = buildElements(model, analysis, { expanded: new Set(['c1', 'c2']) });
    let changes = 0;
    cy.on('data position', () => void changes++);
    view.update({ elements: built.elements, alias: built.alias, layers, theme: 'light' });
    expect(changes).toBe(0);
  });

  it('tapping elements reports the selection', async () => {
    const { view, selected } = mount();
    view.core().getElementById('c1').select();
    await Promise.resolve();
    expect(selected.at(-1)).toEqual(['c1']);
  });
});
