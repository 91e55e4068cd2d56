/**
 * Level of detail for large scenarios (issue 8): hosts that share a leaf switch form a *rack*, and
 * racks and sites collapse into summary nodes. A summary stands for everything inside it; this
 * module says which node stands for each entity (its representative) so links, spokes and flows
 * can be folded onto the summaries instead of being drawn one by one.
 */
import type { Scenario } from '../../model/types.ts';

/** Hosts behind one leaf switch; `id` is `rack:<switch id>`. */
export interface Rack {
  id: string;
  leaf: string;
  site: string;
  hosts: string[];
}

/** Which groups exist and which are open. */
export interface Detail {
  /** Group hosts into racks (collapsed unless open). */
  racks: boolean;
  /** Collapse sites into one summary node each (unless open). */
  sites: boolean;
  /** Ids of the racks (`rack:…`) and sites the user opened. */
  open: ReadonlySet<string>;
}

/** Above this many hosts, racks start collapsed: a 1,000-host canvas then opens with ~50 nodes. */
export const RACK_HOSTS = 150;
/** Above this many nodes at rack level, sites start collapsed too. */
export const SITE_NODES = 200;

/** Racks per model snapshot (snapshots are replaced, never mutated): opening a rack rebuilds the map, not the racks. */
const racksOf = new WeakMap<Scenario, readonly Rack[]>();

/** The racks of a scenario: each host joins the first switch its links reach (file order). */
export function findRacks(model: Scenario): readonly Rack[] {
  let racks = racksOf.get(model);
  if (!racks) racksOf.set(model, (racks = groupRacks(model)));
  return racks;
}

function groupRacks(model: Scenario): Rack[] {
  const switches = new Map(model.devices.filter((d) => d.kind === 'switch').map((d) => [d.id, d]));
  const hostIds = new Set(model.hosts.map((h) => h.id));
  const leafOf = new Map<string, string>();
  for (const link of model.links) {
    const [a, b] = link.between;
    if (hostIds.has(a) && switches.has(b) && !leafOf.has(a)) leafOf.set(a, b);
    if (hostIds.has(b) && switches.has(a) && !leafOf.has(b)) leafOf.set(b, a);
  }
  const byLeaf = new Map<string, string[]>();
  for (const h of model.hosts) {
    const leaf = leafOf.get(h.id);
    if (leaf !== undefined) byLeaf.set(leaf, [...(byLeaf.get(leaf) ?? []), h.id]);
  }
  // A single host behind a switch is not a rack worth folding.
  return [...byLeaf]
    .filter(([, hosts]) => hosts.length >= 2)
    .map(([leaf, hosts]) => ({ id: `rack:${leaf}`, leaf, site: switches.get(leaf)?.site ?? '', hosts }));
}

/** The default level of detail for a freshly opened scenario. */
export function decideDetail(model: Scenario): Omit<Detail, 'open'> {
  if (model.hosts.length <= RACK_HOSTS) return { racks: false, sites: false };
  // Each rack's hosts and leaf become one node: n hosts + 1 leaf → 1.
  const folded = findRacks(model).reduce((n, r) => n + r.hosts.length, 0);
  const nodes = model.hosts.length + model.devices.length - folded;
  return { racks: true, sites: model.sites.length > 1 && nodes > SITE_NODES };
}

/**
 * Representative node of every entity that is folded into a summary: host or leaf → its closed
 * rack, anything in a closed site → that site. Entities missing from the map are drawn themselves.
 */
export function representatives(model: Scenario, racks: readonly Rack[], detail: Detail): Map<string, string> {
  const rep = new Map<string, string>();
  const siteIds = new Set(model.sites.map((s) => s.id));
  const closedSite = (site: string): boolean => detail.sites && siteIds.has(site) && !detail.open.has(site);
  if (detail.racks)
    for (const rack of racks) {
      if (closedSite(rack.site)) continue;
      if (detail.open.has(rack.id)) continue;
      for (const id of [rack.leaf, ...rack.hosts]) rep.set(id, rack.id);
    }
  if (detail.sites) {
    for (const h of model.hosts) if (closedSite(h.site)) rep.set(h.id, h.site);
    for (const d of model.devices) if (closedSite(d.site)) rep.set(d.id, d.site);
  }
  for (const w of model.workloads) {
    const to = rep.get(w.host);
    if (to !== undefined) rep.set(w.id, to);
  }
  for (const b of model.bridges) {
    const to = rep.get(b.host);
    if (to !== undefined) rep.set(b.id, to);
  }
  return rep;
}
