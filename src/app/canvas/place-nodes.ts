/**
 * Deterministic, structured placement (O(n), no force simulation): untrusted sites (carriers, the
 * Internet) and mesh hubs in a top row, the operator's sites side by side below; inside a site the
 * devices on top — where the uplinks are — and the hosts in a grid beneath, each expanded host with
 * its workloads in a small grid. The same input always gives the same picture.
 */
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';

/** Grid cells in model units: a host node is 46 × 30 plus a two-line label. */
const CELL_W = 96;
const CELL_H = 80;
const CHILD_W = 66;
const CHILD_H = 40;
const SITE_GAP = 50;
const ROW_GAP = 110;

interface Block {
  nodes: NodeSingular[];
  width: number;
  height: number;
  cols: number;
  cellW: number;
  cellH: number;
}

/** Workloads and bridges sit in small cells; hosts and devices (inside an open rack) in full ones. */
function isSmall(n: NodeSingular): boolean {
  const kind = n.data('kind') as string;
  return kind === 'workload' || kind === 'bridge';
}

/** The cell a compound node's children are laid out in: fits the largest child. */
function cellOf(kids: NodeCollection): { w: number; h: number } {
  let w = CHILD_W;
  let h = CHILD_H;
  kids.forEach((k) => {
    const s = k.isParent() ? innerSize(k) : isSmall(k) ? { w: CHILD_W, h: CHILD_H } : { w: CELL_W, h: CELL_H };
    w = Math.max(w, s.w);
    h = Math.max(h, s.h);
  });
  return { w, h };
}

/** Size of an expanded host's (or open rack's) content. */
function innerSize(n: NodeSingular): { w: number; h: number } {
  const kids = n.children();
  if (kids.length === 0) return { w: CELL_W, h: CELL_H };
  const cell = cellOf(kids);
  const cols = Math.ceil(Math.sqrt(kids.length));
  return { w: cols * cell.w + 40, h: Math.ceil(kids.length / cols) * cell.h + 60 };
}

function blockOf(nodes: NodeSingular[]): Block {
  nodes.sort((a, b) => Number(a.data('kind') !== 'device') - Number(b.data('kind') !== 'device') || a.id().localeCompare(b.id()));
  const sizes = nodes.map(innerSize);
  const cellW = Math.max(CELL_W, ...sizes.map((s) => s.w));
  const cellH = Math.max(CELL_H, ...sizes.map((s) => s.h));
  const devices = nodes.filter((n) => n.data('kind') === 'device').length;
  const cols = Math.max(1, devices, Math.ceil(Math.sqrt((nodes.length - devices) * 1.6)));
  const rows = Math.ceil(devices / cols) + Math.ceil((nodes.length - devices) / cols);
  return { nodes, width: cols * cellW, height: rows * cellH, cols, cellW, cellH };
}

/** Places blocks left to right from (x0, y0), centred as a row; returns the row height. */
function placeRow(blocks: Block[], y0: number): number {
  const total = blocks.reduce((s, b) => s + b.width, 0) + SITE_GAP * Math.max(0, blocks.length - 1);
  let x = -total / 2;
  for (const b of blocks) {
    const devices = b.nodes.filter((n) => n.data('kind') === 'device');
    const hosts = b.nodes.filter((n) => n.data('kind') !== 'device');
    const put = (list: NodeSingular[], top: number): number => {
      const cols = Math.min(b.cols, Math.max(1, list.length));
      const offset = ((b.cols - cols) * b.cellW) / 2;
      list.forEach((n, i) => {
        const p = { x: x + offset + ((i % cols) + 0.5) * b.cellW, y: top + (Math.floor(i / cols) + 0.5) * b.cellH };
        if (n.isParent()) placeInnerGrid(n, p);
        else n.position(p);
      });
      return top + Math.ceil(list.length / cols) * b.cellH;
    };
    put(hosts, put(devices, y0));
    x += b.width + SITE_GAP;
  }
  return Math.max(0, ...blocks.map((b) => b.height));
}

/** Lays out every node: top row of untrusted sites and hubs, then the operator's sites. */
export function placeByGrid(cy: Core): void {
  const bySite = new Map<string, NodeSingular[]>();
  const hubs: NodeSingular[] = [];
  cy.nodes().forEach((n) => {
    const kind = n.data('kind') as string;
    if (kind === 'site' || kind === 'workload' || kind === 'bridge') return;
    // Children of open racks are placed inside their rack.
    if (n.parent().nonempty() && n.parent().first().data('kind') === 'rack') return;
    if (kind === 'mesh') return void hubs.push(n);
    const site = (n.data('parent') as string | undefined) ?? '';
    bySite.set(site, [...(bySite.get(site) ?? []), n]);
  });
  const top: Block[] = [];
  const bottom: Block[] = [];
  for (const [site, nodes] of bySite) {
    const node = site ? cy.getElementById(site) : undefined;
    (node?.hasClass('trust-untrusted') || !site ? top : bottom).push(blockOf(nodes));
  }
  if (hubs.length > 0) top.unshift({ ...blockOf(hubs), cols: hubs.length, width: hubs.length * CELL_W, height: CELL_H });
  const h = placeRow(top, 0);
  placeRow(bottom, h + ROW_GAP);
}

/** Places children of expanded hosts that were just added around where the host was. */
export function placeChildren(cy: Core, added: NodeCollection, before: Map<string, { x: number; y: number }>): void {
  const hosts = new Set<string>();
  added.forEach((n) => {
    const kind = n.data('kind') as string;
    if ((kind === 'workload' || kind === 'bridge') && !n.scratch('_placed')) hosts.add(n.data('parent') as string);
  });
  for (const id of hosts) {
    const host = cy.getElementById(id);
    if (host.empty()) continue;
    const home = before.get(id) ?? (host.data('home') as { x: number; y: number } | undefined) ?? host.position();
    placeInnerGrid(host, home);
  }
}

/** Lays out the children of `host` in a compact grid centred on `centre`. */
function placeInnerGrid(host: NodeSingular, centre: { x: number; y: number }): void {
  // Bridges first inside a host, the leaf switch first inside a rack.
  const late = (k: NodeSingular): number => Number(k.data('kind') !== 'bridge' && k.data('kind') !== 'device');
  const kids = host.children().sort((a, b) => late(a) - late(b) || a.id().localeCompare(b.id()));
  if (kids.length === 0) return void host.position(centre);
  const cols = Math.ceil(Math.sqrt(kids.length));
  const rows = Math.ceil(kids.length / cols);
  const cell = cellOf(kids);
  kids.forEach((k, i) => {
    const p = { x: centre.x + ((i % cols) - (cols - 1) / 2) * cell.w, y: centre.y + (Math.floor(i / cols) - (rows - 1) / 2) * cell.h };
    if (k.isParent()) placeInnerGrid(k, p);
    else k.position(p);
    k.scratch('_placed', true);
  });
}

/** Puts each new node beside the placed nodes it connects to, or at the centre of the view. */
export function placeNear(cy: Core, nodes: NodeCollection): void {
  nodes.forEach((n, i) => {
    const anchors = n.neighborhood().nodes().filter((m) => m.scratch('_placed') === true);
    const ext = cy.extent();
    let x = (ext.x1 + ext.x2) / 2;
    let y = (ext.y1 + ext.y2) / 2;
    if (anchors.length > 0) {
      const box = anchors.boundingBox({});
      x = (box.x1 + box.x2) / 2;
      y = (box.y1 + box.y2) / 2;
    }
    n.position({ x: x + CELL_W * 0.7 + i * 20, y: y + CELL_H * 0.5 + i * 20 });
    n.scratch('_placed', true);
  });
}
