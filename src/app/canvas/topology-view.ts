/**
 * Framework-free Cytoscape wrapper: `update` diffs elements by id (the instance is never rebuilt),
 * `highlight` sets lens / path / finding classes, `fit` frames elements. Cytoscape types never
 * leave src/app/canvas/. Positions come from the scenario's `layout:` block when present, from
 * fcose for small graphs and from a cheap site grid for large ones (fcose is minutes at 2k nodes).
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { topologyStyle } from './topology-style.ts';
import { placeByGrid, placeChildren, placeNear } from './place-nodes.ts';
import { renderViewSvg } from './render-view-svg.ts';
import { installStyleCache } from './style-cache.ts';
import type { LayerName } from '../state/view-state.svelte.ts';

cytoscape.use(fcose);
// Cytoscape warns on the console when an edge cannot be drawn because its end nodes overlap for a
// moment (e.g. right after a host is expanded); that is cosmetic and would drown real errors.
cytoscape.warnings(false);

/** User intent coming out of the canvas. */
export interface TopologyCallbacks {
  onSelect?(ids: string[]): void;
  /** Nodes dragged by the user, with their new positions (to save in `layout:`). */
  onMove?(positions: Record<string, { x: number; y: number }>): void;
  onDoubleTap?(id: string): void;
  onViewport?(): void;
}

/** What the canvas highlights; ids of scenario entities (or `link:`/`host:` path entries). */
export interface Highlight {
  vantage?: string[];
  path?: string[];
  subjects?: string[];
  /** Exposure level per flow id for the attacker lens. */
  flows?: Record<string, 'payload' | 'headers' | 'metadata'>;
  tamper?: string[];
  /** Results of the canvas search. */
  matches?: string[];
}

/** `structured`: sites side by side, devices above hosts; `force`: fcose (small graphs only). */
export type LayoutMode = 'structured' | 'force';

/** Data pushed into the canvas. */
export interface TopologyInput {
  elements: ElementDefinition[];
  alias: Record<string, string>;
  layers: Record<LayerName, boolean>;
  theme: 'light' | 'dark';
}

/** Handle of a mounted canvas. */
export interface TopologyView {
  update(input: TopologyInput): void;
  highlight(h: Highlight): void;
  fit(ids?: string[]): void;
  /** Recomputes every position and reports them through onMove (to save in `layout:`). */
  relayout(mode?: LayoutMode): void;
  zoom(factor: number): void;
  /** Counts, link statuses and whether a pan moves a picture of the map (`TEXTURE_ELEMENT_LIMIT`), for the test hook. */
  stats(): { nodes: number; edges: number; links: Record<string, string>; textured: boolean };
  /** The whole map as a PNG (2× scale) or as SVG, for the Export menu. */
  exportImage(format: 'png' | 'svg'): Promise<Blob>;
  core(): Core;
  destroy(): void;
}

/** fcose takes seconds above this many nodes (stack notes §7); they keep the structured placement. */
const FCOSE_NODE_LIMIT = 300;
/**
 * Above this many elements a pan or zoom moves a picture of the map taken when it starts
 * (Cytoscape's `textureOnViewport`) instead of drawing every element each frame; the map is drawn
 * again when it stops. Panning the 5,000-host region at rack level (~640 elements) in
 * software-rendered Chromium took 100–117 ms per frame at the 95th percentile, and takes 16.8 ms
 * with the picture (`bench/browser.mjs`, 2026-11-23); smaller maps stay crisp as they zoom.
 */
const TEXTURE_ELEMENT_LIMIT = 400;
const HIGHLIGHT_LIST = ['vantage', 'on-path', 'subject', 'faded', 'lens-flow', 'exposure-payload', 'exposure-headers', 'exposure-metadata', 'tamper', 'match'];
/** Highlighted elements stay clear, with their ancestors and end nodes; everything else fades. */
const KEEP_CLASSES = new Set(['vantage', 'on-path', 'subject', 'lens-flow', 'match']);

/**
 * The canvas renderer, whose `textureOnViewport` it reads each frame: the option has no setter,
 * nor `renderer()` a type. Headless Cytoscape's renderer (jsdom) draws nothing and only keeps it.
 */
function rendererOf(cy: Core): { textureOnViewport?: boolean } | undefined {
  return (cy as unknown as { renderer(): { textureOnViewport?: boolean } | undefined }).renderer();
}

/** Mounts a canvas in `container`. `headless` is for jsdom, which has no 2D canvas. */
export function createTopologyView(container: HTMLElement, callbacks: TopologyCallbacks, options: { headless?: boolean } = {}): TopologyView {
  const cy = cytoscape({ container: options.headless ? undefined : container, headless: options.headless, style: topologyStyle('light'), minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: true, selectionType: 'additive' });
  // Before any listener: it adds and removes a probe node.
  installStyleCache(cy);
  let alias: Record<string, string> = {};
  let theme: 'light' | 'dark' = 'light';
  let first = true;
  const resolve = (id: string): string => {
    const bare = id.replace(/^(host|link|device|workload|mirror|site):/, '');
    return alias[bare] ?? bare;
  };
  const emitSelection = (): void => callbacks.onSelect?.(cy.$(':selected').map((e) => e.id()));
  cy.on('select unselect', debounceMicro(emitSelection));
  // A mouse double click emits both `dblclick` and `dbltap`: act once, or a toggle undoes itself.
  let lastDouble = { id: '', at: -1 };
  cy.on('dblclick dbltap', 'node', (e) => {
    const id = (e.target as cytoscape.NodeSingular).id();
    if (lastDouble.id === id && e.timeStamp - lastDouble.at < 100) return;
    lastDouble = { id, at: e.timeStamp };
    callbacks.onDoubleTap?.(id);
  });
  cy.on('dragfree', 'node', (e) => {
    const moved: Record<string, { x: number; y: number }> = {};
    // Summary nodes (racks, sites) are not scenario entities: their positions are never saved.
    for (const n of e.target.union(e.target.descendants()).filter((x: cytoscape.NodeSingular) => x.isChildless() && !x.data('summary'))) moved[n.id()] = { ...n.position() };
    callbacks.onMove?.(moved);
  });
  cy.on('viewport', () => callbacks.onViewport?.());

  /** Structured placement by default (readable, deterministic); fcose on request for small graphs. */
  function runLayout(mode: LayoutMode = 'structured'): void {
    cy.nodes().forEach((n) => void n.scratch('_placed', true));
    // Headless Cytoscape has no node sizes, which fcose needs; the structured placement needs none.
    if (mode === 'structured' || options.headless || cy.nodes().length > FCOSE_NODE_LIMIT) placeByGrid(cy);
    else {
      const quality = cy.nodes().length > 120 ? 'draft' : 'default';
      cy.layout({ name: 'fcose', quality, randomize: false, animate: false, nodeSeparation: 90, idealEdgeLength: 110, packComponents: true } as cytoscape.LayoutOptions).run();
    }
  }

  return {
    update(input) {
      alias = input.alias;
      if (input.theme !== theme) {
        theme = input.theme;
        cy.style(topologyStyle(theme));
      }
      const before = new Map(cy.nodes('.host').map((n) => [n.id(), { ...n.position() }]));
      let added = cy.collection().nodes();
      cy.batch(() => {
        added = diff(cy, input.elements);
        applyLayers(cy, input.layers);
      });
      const loose = added.filter((n) => !n.scratch('_placed') && isFree(n));
      const leaves = cy.nodes().filter(isFree);
      if (loose.length > 0 && (first || loose.length > Math.max(3, leaves.length / 5))) {
        runLayout();
        // Everything moved (e.g. a rack opened): show the new picture rather than a stale corner.
        if (!first) cy.fit(undefined, 30);
      } else {
        placeNear(cy, loose);
        placeChildren(cy, added, before);
      }
      const renderer = rendererOf(cy);
      if (renderer) renderer.textureOnViewport = cy.elements().length > TEXTURE_ELEMENT_LIMIT;
      if (first && cy.nodes().length > 0) {
        cy.fit(undefined, 30);
        first = false;
      }
    },
    highlight(h) {
      cy.batch(() => applyHighlight(cy, h, resolve));
    },
    fit(ids) {
      let els = cy.collection();
      for (const id of ids ?? []) els = els.union(cy.getElementById(resolve(id)));
      if (els.empty()) els = cy.elements(':visible');
      cy.animate({ fit: { eles: els.nonempty() ? els : cy.elements(), padding: 40 }, duration: 200 });
    },
    relayout(mode) {
      runLayout(mode);
      cy.fit(undefined, 30);
      const positions: Record<string, { x: number; y: number }> = {};
      cy.nodes().filter((n) => n.isChildless() && !n.data('summary') && n.data('kind') !== 'workload' && n.data('kind') !== 'bridge').forEach((n) => void (positions[n.id()] = { ...n.position() }));
      callbacks.onMove?.(positions);
    },
    zoom(factor) {
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    stats() {
      const links: Record<string, string> = {};
      cy.edges('.link').forEach((e) => void (links[e.id()] = e.data('status') as string));
      return { nodes: cy.nodes().length, edges: cy.edges().length, links, textured: rendererOf(cy)?.textureOnViewport === true };
    },
    async exportImage(format) {
      const bg = theme === 'dark' ? '#171b25' : '#ffffff';
      if (format === 'svg') return new Blob([renderViewSvg(cy, bg)], { type: 'image/svg+xml' });
      return cy.png({ full: true, scale: 2, bg, output: 'blob-promise' });
    },
    core: () => cy,
    destroy() {
      cy.destroy();
    },
  };
}

/** Nodes placed on their own: not sites (boxes) and not the contents of an expanded host. */
function isFree(n: cytoscape.SingularElementArgument): boolean {
  const kind = n.data('kind') as string;
  return n.isNode() && kind !== 'site' && kind !== 'workload' && kind !== 'bridge' && n.isChildless();
}

/** Adds, updates and removes elements by id; returns the nodes it added. */
function diff(cy: Core, elements: ElementDefinition[]): cytoscape.NodeCollection {
  const wanted = new Set(elements.map((e) => e.data.id as string));
  cy.elements().filter((e) => !wanted.has(e.id())).remove();
  const adds: ElementDefinition[] = [];
  for (const def of elements) {
    const el = cy.getElementById(def.data.id as string);
    const parentChanged = el.nonempty() && el.isNode() && (el.data('parent') ?? undefined) !== (def.data.parent ?? undefined);
    const endsChanged = el.nonempty() && el.isEdge() && (el.data('source') !== def.data.source || el.data('target') !== def.data.target);
    if (el.empty() || parentChanged || endsChanged) {
      if (el.nonempty()) el.remove();
      adds.push(def);
      continue;
    }
    // Only what changed: every data or class change restyles the element (~1 ms each in a region).
    if (!sameData(el.data() as Record<string, unknown>, def.data)) el.data(def.data);
    if (el.scratch('_classes') !== (def.classes ?? '')) {
      el.classes(def.classes ?? '');
      el.scratch('_classes', def.classes ?? '');
    }
    const at = el.isNode() ? el.position() : undefined;
    if (def.position && at && el.isChildless() && (at.x !== def.position.x || at.y !== def.position.y)) el.position(def.position);
  }
  // Parents first, so children find them (sites, then hosts, then the rest).
  const rank: Record<string, number> = { site: 0, rack: 1, host: 2 };
  const order = (d: ElementDefinition): number => (d.group === 'edges' ? 4 : (rank[d.data.kind as string] ?? 3));
  const added = cy.add(adds.sort((a, b) => order(a) - order(b)));
  for (const def of adds) {
    const el = cy.getElementById(def.data.id as string);
    el.scratch('_classes', def.classes ?? '');
    if (def.position) el.scratch('_placed', true);
  }
  return added.nodes();
}

/** Whether `data` already holds every value of `next` (values are primitives or short id lists). */
function sameData(data: Record<string, unknown>, next: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(next)) {
    const have = data[key];
    if (have === value) continue;
    if (Array.isArray(have) && Array.isArray(value) && have.length === value.length && have.every((v, i) => v === value[i])) continue;
    return false;
  }
  return true;
}

function applyLayers(cy: Core, layers: Record<LayerName, boolean>): void {
  for (const [name, on] of Object.entries(layers)) {
    const els = cy.elements(`.layer-${name}`);
    if (on) els.removeClass('layer-hidden');
    else els.addClass('layer-hidden');
    // Hub nodes belong to their layer too; spokes follow their hub.
    if (name === 'overlay' || name === 'protections') {
      const hubs = cy.nodes(`.hub.layer-${name}`);
      const spokes = hubs.connectedEdges('.spoke');
      if (on) spokes.removeClass('layer-hidden');
      else spokes.addClass('layer-hidden');
    }
  }
}

/**
 * Sets the highlight classes, changing only the elements whose classes differ: a class change
 * restyles its element, and re-adding the same classes to every element (a lens fades the whole
 * map) cost seconds in a region. Ids of things not drawn (most flows of a region) are skipped
 * without a look-up, which would allocate an empty collection each.
 */
function applyHighlight(cy: Core, h: Highlight, resolve: (id: string) => string): void {
  const want = new Map<string, string[]>();
  const mark = (ids: string[] | undefined, ...cls: string[]): number => {
    let n = 0;
    for (const raw of ids ?? []) {
      const id = resolve(raw);
      if (!cy.hasElementWithId(id)) continue;
      want.set(id, [...(want.get(id) ?? []), ...cls]);
      n++;
    }
    return n;
  };
  let count = mark(h.vantage, 'vantage') + mark(h.path, 'on-path') + mark(h.subjects, 'subject') + mark(h.matches, 'match');
  for (const [flow, level] of Object.entries(h.flows ?? {})) count += mark([flow], 'lens-flow', `exposure-${level}`);
  mark(h.tamper, 'tamper');
  if (count > 0) {
    const keep = cy.collection(cy.elements().filter((e) => want.get(e.id())?.some((c) => KEEP_CLASSES.has(c)) ?? false));
    cy.elements().not(keep).not(keep.ancestors()).not(keep.connectedNodes()).forEach((e) => void want.set(e.id(), [...(want.get(e.id()) ?? []), 'faded']));
  }
  cy.elements().forEach((e) => {
    const next = new Set(want.get(e.id()));
    const drop = HIGHLIGHT_LIST.filter((c) => !next.has(c) && e.hasClass(c));
    const add = [...next].filter((c) => !e.hasClass(c));
    if (drop.length > 0) e.removeClass(drop.join(' '));
    if (add.length > 0) e.addClass(add.join(' '));
  });
}

/** Coalesces the burst of select/unselect events of a box selection into one callback. */
function debounceMicro(fn: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      fn();
    });
  };
}
