/**
 * The topology picture's geometry: sites and nodes from `layoutSites`, links inside a site as
 * straight lines from the upper node to the lower one, and links between sites as orthogonal arcs
 * above the sites, nested by span so they do not cross where avoidable. Deterministic.
 */
import type { LinkStatusValue } from '../../engine/types.ts';
import type { Scenario } from '../../model/types.ts';
import { layoutSites, SIZE, type PlacedNode, type PlacedSite } from './layout-sites.ts';

/** A link's route and the anchor of its label. */
export interface PlacedLink {
  id: string;
  status: LinkStatusValue;
  d: string;
  labelX: number;
  labelY: number;
  macsec?: 'encrypt' | 'integrity';
}

/** Everything the SVG renderer draws. */
export interface TopologyLayout {
  width: number;
  height: number;
  sites: PlacedSite[];
  nodes: PlacedNode[];
  links: PlacedLink[];
  /** Links not drawn because an end collapsed into a "+N more" box. */
  hiddenLinks: number;
}

const ARC = { base: 18, step: 15, radius: 6 } as const;

type Point = { id: string; x: number; y: number };

/** Rounds to 0.1 so the SVG text is stable across platforms' float printing. */
export const fmt = (n: number): string => String(Math.round(n * 10) / 10);

interface Arc {
  id: string;
  a: Point;
  b: Point;
  level: number;
}

function assignLevels(arcs: Arc[]): number {
  const span = (arc: Arc): [number, number] => [Math.min(arc.a.x, arc.b.x), Math.max(arc.a.x, arc.b.x)];
  arcs.sort((p, q) => span(p)[1] - span(p)[0] - (span(q)[1] - span(q)[0]) || (p.id < q.id ? -1 : 1));
  const taken: [number, number][][] = [];
  for (const arc of arcs) {
    const [lo, hi] = span(arc);
    let level = 0;
    while ((taken[level] ?? []).some(([l, h]) => lo < h + 8 && hi > l - 8)) level++;
    (taken[level] ??= []).push([lo, hi]);
    arc.level = level;
  }
  return taken.length;
}

/** Spreads the arcs leaving one node along its top edge, ordered by where they go. */
function attach(arcs: Arc[], nodes: Map<string, Point>): void {
  const byNode = new Map<string, { arc: Arc; end: 'a' | 'b'; toward: number }[]>();
  for (const arc of arcs)
    for (const [end, other] of [['a', arc.b], ['b', arc.a]] as const) {
      const id = arc[end].id;
      byNode.set(id, [...(byNode.get(id) ?? []), { arc, end, toward: other.x }]);
    }
  for (const [id, list] of byNode) {
    const node = nodes.get(id)!;
    // Left-going arcs first, then right-going; within each, the farthest destination (the
    // highest arc) attaches on the inside, so nested arcs never cross each other's risers.
    const side = (t: number): number => (t < node.x ? 0 : 1);
    list.sort((p, q) => side(p.toward) - side(q.toward) || q.toward - p.toward || (p.arc.id < q.arc.id ? -1 : 1));
    list.forEach(({ arc, end }, i) => {
      arc[end] = { id, x: node.x - SIZE.nodeW / 2 + ((i + 1) * SIZE.nodeW) / (list.length + 1), y: node.y - SIZE.nodeH / 2 };
    });
  }
}

function arcPath(arc: Arc, top: number): { d: string; x: number; y: number } {
  const y = top - ARC.base - arc.level * ARC.step;
  const [l, r] = arc.a.x <= arc.b.x ? [arc.a, arc.b] : [arc.b, arc.a];
  const k = ARC.radius;
  const d = `M${fmt(l.x)} ${fmt(l.y)}V${fmt(y + k)}Q${fmt(l.x)} ${fmt(y)} ${fmt(l.x + k)} ${fmt(y)}H${fmt(r.x - k)}Q${fmt(r.x)} ${fmt(y)} ${fmt(r.x)} ${fmt(y + k)}V${fmt(r.y)}`;
  return { d, x: (l.x + r.x) / 2, y: y - 3 };
}

function straight(a: Point, b: Point): { d: string; x: number; y: number } {
  const h = SIZE.nodeH / 2;
  if (Math.abs(a.y - b.y) < 1) {
    // Same row: bulge below the row so the line does not run through the boxes between.
    const mx = (a.x + b.x) / 2;
    const my = a.y + h + 22;
    return { d: `M${fmt(a.x)} ${fmt(a.y + h)}Q${fmt(mx)} ${fmt(my)} ${fmt(b.x)} ${fmt(b.y + h)}`, x: mx, y: my - 4 };
  }
  const [up, down] = a.y < b.y ? [a, b] : [b, a];
  const y1 = up.y + h;
  const y2 = down.y - h;
  // Label just above the lower node, where the fan of lines below a switch has spread out.
  const t = (y2 - 10 - y1) / (y2 - y1);
  return { d: `M${fmt(up.x)} ${fmt(y1)}L${fmt(down.x)} ${fmt(y2)}`, x: up.x + (down.x - up.x) * t, y: y2 - 10 };
}

type Describe = (id: string) => Omit<PlacedNode, 'x' | 'y' | 'id'>;

/** Splits links into straight ones inside a site and arcs between sites; counts the undrawable. */
function classify(scenario: Scenario, at: ReadonlyMap<string, Point>): { inside: Arc[]; arcs: Arc[]; hidden: number } {
  const siteOf = new Map([...scenario.hosts, ...scenario.devices].map((n) => [n.id, n.site]));
  const result = { inside: [] as Arc[], arcs: [] as Arc[], hidden: 0 };
  for (const link of scenario.links) {
    const [a, b] = link.between.map((id) => at.get(id));
    if (!a || !b) result.hidden++;
    else (siteOf.get(a.id) === siteOf.get(b.id) ? result.inside : result.arcs).push({ id: link.id, a, b, level: 0 });
  }
  return result;
}

function placedLink(scenario: Scenario, statuses: ReadonlyMap<string, LinkStatusValue>, route: { id: string; d: string; x: number; y: number }): PlacedLink {
  const macsec = scenario.links.find((l) => l.id === route.id)?.macsec;
  return {
    id: route.id,
    status: statuses.get(route.id) ?? 'idle',
    d: route.d,
    labelX: route.x,
    labelY: route.y,
    ...(macsec ? { macsec: macsec.encrypt ? ('encrypt' as const) : ('integrity' as const) } : {}),
  };
}

function describeAll(nodes: readonly Point[], hidden: ReadonlyMap<string, number>, describe: Describe): PlacedNode[] {
  return nodes.map((n) => {
    const more = hidden.get(n.id);
    if (more !== undefined) return { ...n, kind: 'more', label: `+${more} more`, detail: 'hosts', title: '', site: '' };
    return { ...n, ...describe(n.id) };
  });
}

/** Lays out sites, nodes and links; `statuses` colours the links (SPEC X8). */
export function layoutTopology(scenario: Scenario, statuses: ReadonlyMap<string, LinkStatusValue>, describe: Describe): TopologyLayout {
  // Arc heights depend on how many nest, and the sites sit below the arcs: place twice.
  const probe = layoutSites(scenario, 0);
  const { inside, arcs, hidden } = classify(scenario, new Map(probe.nodes.map((n) => [n.id, n])));
  const top = ARC.base + assignLevels(arcs) * ARC.step + 14;
  const shift = (p: Point): Point => ({ ...p, y: p.y + top });
  const placed = layoutSites(scenario, top);
  for (const arc of arcs) Object.assign(arc, { a: shift(arc.a), b: shift(arc.b) });
  attach(arcs, new Map(placed.nodes.map((n) => [n.id, n])));
  const routes = [
    ...inside.map((l) => ({ id: l.id, ...straight(shift(l.a), shift(l.b)) })),
    ...arcs.map((arc) => ({ id: arc.id, ...arcPath(arc, top) })),
  ].sort((p, q) => (p.id < q.id ? -1 : 1));
  const last = placed.sites[placed.sites.length - 1];
  return {
    width: last ? last.x + last.w + SIZE.gap / 2 : 200,
    height: top + Math.max(0, ...placed.sites.map((s) => s.h)) + 8,
    sites: placed.sites,
    nodes: describeAll(placed.nodes, placed.hidden, describe),
    links: routes.map((r) => placedLink(scenario, statuses, r)),
    hiddenLinks: hidden,
  };
}
