/**
 * Deterministic placement of sites and the nodes inside them for the report's topology picture:
 * sites side by side, the site with the most links to other sites in the middle; inside a site,
 * devices that only join other devices (spines) on top, devices with hosts below them, hosts in a
 * row underneath. No randomness and no iteration to a fixpoint: the same scenario, the same picture.
 */
import type { Scenario } from '../../model/types.ts';
import { appendAll, maxOf, minOf } from '../../model/long-lists.ts';

/** A host or device box (centre coordinates). */
export interface PlacedNode {
  id: string;
  kind: 'host' | 'device' | 'more';
  label: string;
  detail: string;
  title: string;
  site: string;
  x: number;
  y: number;
}

/** A site frame; its title sits at the bottom, out of the way of the links that enter from above. */
export interface PlacedSite {
  id: string;
  label: string;
  /** `dc1 · trusted`. */
  detail: string;
  trust: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Sizes of the picture, in SVG user units (CSS pixels at 100 %). */
export const SIZE = { nodeW: 86, nodeH: 34, col: 96, row: 86, pad: 18, title: 34, gap: 26 } as const;

/** Hosts drawn per site before the rest collapse into one "+N more" box (large generated scenarios). */
const MAX_HOSTS = 12;
/** Hosts per row inside a site. */
const HOSTS_PER_ROW = 6;

interface SiteContent {
  id: string;
  tiers: string[][];
  hosts: string[];
  hidden: number;
}

function endsOf(scenario: Scenario): Map<string, string[]> {
  const ends = new Map<string, string[]>();
  for (const l of scenario.links)
    for (const [a, b] of [l.between, [l.between[1], l.between[0]]] as const) ends.set(a, [...(ends.get(a) ?? []), b]);
  return ends;
}

function siteContents(scenario: Scenario): SiteContent[] {
  const ends = endsOf(scenario);
  const hostIds = new Set(scenario.hosts.map((h) => h.id));
  return scenario.sites.map((site) => {
    const devices = scenario.devices.filter((d) => d.site === site.id).map((d) => d.id);
    const withHosts = devices.filter((d) => (ends.get(d) ?? []).some((n) => hostIds.has(n)));
    const spines = devices.filter((d) => !withHosts.includes(d));
    const tiers = [spines, withHosts].filter((t) => t.length > 0);
    // Hosts under the device they hang off, so the fan of links below a device does not cross.
    const deviceRank = (h: string): number => {
      const i = (ends.get(h) ?? []).map((n) => withHosts.indexOf(n)).filter((n) => n >= 0);
      return i.length > 0 ? minOf(i) : withHosts.length;
    };
    const all = scenario.hosts.filter((h) => h.site === site.id).map((h, i) => ({ id: h.id, i, rank: deviceRank(h.id) }));
    all.sort((a, b) => a.rank - b.rank || a.i - b.i);
    const shown = all.length > MAX_HOSTS ? all.slice(0, MAX_HOSTS - 1) : all;
    return { id: site.id, tiers, hosts: shown.map((h) => h.id), hidden: all.length - shown.length };
  }).filter((s) => s.tiers.length > 0 || s.hosts.length > 0);
}

/** The site with the most links to other sites goes in the middle; the rest keep file order. */
function orderSites(scenario: Scenario, contents: SiteContent[]): SiteContent[] {
  const siteOf = new Map<string, string>();
  for (const n of [...scenario.hosts, ...scenario.devices]) siteOf.set(n.id, n.site);
  const degree = new Map<string, number>();
  for (const l of scenario.links) {
    const [a, b] = l.between.map((n) => siteOf.get(n) ?? '');
    if (a === b) continue;
    for (const s of [a, b]) degree.set(s ?? '', (degree.get(s ?? '') ?? 0) + 1);
  }
  let hub: SiteContent | undefined;
  for (const c of contents) if ((degree.get(c.id) ?? 0) > (degree.get(hub?.id ?? '') ?? 0)) hub = c;
  if (!hub || contents.length < 3) return contents;
  const rest = contents.filter((c) => c !== hub);
  rest.splice(Math.floor(rest.length / 2), 0, hub);
  return rest;
}

function titleOf(site: Scenario['sites'][number]): { label: string; detail: string } {
  return { label: site.name ?? site.id, detail: `${site.id} · ${site.trust}` };
}

/** A row of `ids` centred in a site frame. */
function placeRow(ids: readonly string[], frame: PlacedSite, y: number): { id: string; x: number; y: number }[] {
  const left = frame.x + frame.w / 2 - (ids.length * SIZE.col) / 2 + SIZE.col / 2;
  return ids.map((id, i) => ({ id, x: left + i * SIZE.col, y }));
}

function rowsOf(hosts: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < hosts.length; i += HOSTS_PER_ROW) rows.push(hosts.slice(i, i + HOSTS_PER_ROW));
  return rows;
}

/** Places every site frame left to right at `top`, and every node inside its frame. */
export function layoutSites(scenario: Scenario, top: number): { sites: PlacedSite[]; nodes: { id: string; x: number; y: number }[]; hidden: Map<string, number> } {
  const sites: PlacedSite[] = [];
  const nodes: { id: string; x: number; y: number }[] = [];
  const hidden = new Map<string, number>();
  let x = SIZE.gap / 2;
  for (const content of orderSites(scenario, siteContents(scenario))) {
    const site = scenario.sites.find((s) => s.id === content.id)!;
    const hostRows = rowsOf(content.hidden > 0 ? [...content.hosts, `+more:${content.id}`] : content.hosts);
    const widest = maxOf([...content.tiers.map((t) => t.length), ...hostRows.map((r) => r.length)], 1);
    const rows = [...content.tiers, ...hostRows];
    const title = titleOf(site);
    const titleChars = Math.max(title.label.length, title.detail.length);
    const frame: PlacedSite = {
      id: site.id,
      ...title,
      trust: site.trust,
      x,
      y: top,
      // Wide enough for its nodes and for its title at about 6.6 px per bold 11 px character.
      w: Math.max(widest * SIZE.col + 2 * SIZE.pad - (SIZE.col - SIZE.nodeW), titleChars * 6.6 + 2 * SIZE.pad),
      h: SIZE.pad + rows.length * SIZE.row - (SIZE.row - SIZE.nodeH) + SIZE.title,
    };
    rows.forEach((row, r) => appendAll(nodes, placeRow(row, frame, top + SIZE.pad + r * SIZE.row + SIZE.nodeH / 2)));
    if (content.hidden > 0) hidden.set(`+more:${content.id}`, content.hidden);
    sites.push(frame);
    x += frame.w + SIZE.gap;
  }
  return { sites, nodes, hidden };
}
