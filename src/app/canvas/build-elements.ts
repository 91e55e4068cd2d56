/**
 * Scenario + analysis → canvas element descriptions (pure, no Cytoscape instance). Sites are
 * compound boxes around hosts and devices; expanded hosts contain their bridges and workloads;
 * overlays and meshes are hub nodes with one spoke per member — never N² tunnel edges — and above
 * `meshSpokeLimit` members the spokes are dropped and the hub shows the member count. In large
 * scenarios racks and sites collapse into summary nodes (group-nodes.ts) and the edges that end
 * inside them are folded into one edge per pair of drawn nodes (fold-edges.ts).
 */
import type { ElementDefinition } from 'cytoscape';
import type { Scenario } from '../../model/types.ts';
import type { LinkStatus, LinkStatusValue } from '../../engine/types.ts';
import type { PageAnalysis } from '../analysis-client.ts';
import { findRacks, representatives, type Detail, type Rack } from './group-nodes.ts';
import { EdgeFolder, type Status } from './fold-edges.ts';
import { addMeshes } from './build-meshes.ts';

/** Options of the level of detail. */
export interface BuildOptions {
  /** Hosts whose workloads and bridges are drawn as child nodes. */
  expanded: ReadonlySet<string>;
  /** Meshes with more members than this are drawn as a hub without spokes. */
  meshSpokeLimit?: number;
  /** Racks and sites as summary nodes (large scenarios); absent = everything drawn. */
  detail?: Detail;
  /**
   * Whether flow edges are built at all (default true). The canvas leaves them out of large
   * scenarios while the flows layer is off: hidden edges are still styled, and a 5,000-host region
   * has 8,000 rack-to-rack flow bundles.
   */
  flows?: boolean;
  /** Link statuses reported ahead of the analysis (used while there is none): links coloured, flows still unknown. */
  statusesAhead?: readonly LinkStatus[];
}

/** Elements plus the mapping from hidden entities to the node that stands for them. */
export interface BuiltElements {
  elements: ElementDefinition[];
  /** Entity id folded into another node (workload → host, host → rack, …) → that node's id. */
  alias: Record<string, string>;
}

const DEFAULT_SPOKE_LIMIT = 40;

/** What the builders share while emitting elements. */
export interface Sink {
  out: ElementDefinition[];
  nodes: Set<string>;
  /** Drawn summary nodes (collapsed racks and sites): edges ending there are folded. */
  summaries: Set<string>;
  /** The drawn node standing for an entity, or undefined when nothing on the canvas does. */
  drawn(id: string): string | undefined;
}

/** Builds the canvas elements for a scenario and (optionally) its analysis. */
export function buildElements(
  model: Scenario,
  analysis: PageAnalysis | undefined,
  options: BuildOptions,
): BuiltElements {
  const racks = options.detail?.racks ? findRacks(model) : [];
  const rep = options.detail ? representatives(model, racks, options.detail) : new Map<string, string>();
  const alias: Record<string, string> = Object.fromEntries(rep);
  const sink: Sink = {
    out: [],
    nodes: new Set(),
    summaries: new Set(),
    drawn: (id) => drawnOf(id, alias, sink.nodes),
  };
  // Without an analysis, the statuses it reported ahead (a preview), if any: links only, flows wait.
  const statuses = new Map<string, Status>((analysis?.links ?? options.statusesAhead)?.map((l) => [l.id, l.status]) ?? []);
  addPhysical(model, options, sink, alias, { racks, rep });
  addMeshes(model, options.meshSpokeLimit ?? DEFAULT_SPOKE_LIMIT, sink);
  const folder = new EdgeFolder();
  for (const link of model.links) {
    const [a, b] = link.between;
    const da = sink.drawn(a);
    const db = sink.drawn(b);
    if (da === undefined || db === undefined) continue;
    const status = statuses.get(link.id) ?? 'unknown';
    if (sink.summaries.has(da) || sink.summaries.has(db)) {
      folder.add(link.id, da, db, status);
      continue;
    }
    const classes = ['link', 'layer-physical', `status-${status}`];
    if (link.macsec) classes.push('macsec');
    sink.out.push({
      group: 'edges',
      data: { id: link.id, source: a, target: b, kind: 'link', status, label: statusGlyph(status) },
      classes: classes.join(' '),
    });
  }
  for (const e of folder.edges.values()) {
    const data = {
      id: `links:${e.source}|${e.target}`,
      source: e.source,
      target: e.target,
      kind: 'link',
      status: e.worst,
      count: e.ids.length,
      label: e.ids.length > 1 ? `${e.ids.length}× ${statusGlyph(e.worst)}`.trim() : statusGlyph(e.worst),
      summary: true,
    };
    sink.out.push({ group: 'edges', data, classes: `link folded layer-physical status-${e.worst}` });
  }
  markSummaries(sink.out, folder);
  if (options.flows !== false) addFlows(model, analysis, sink);
  return { elements: dedupe(sink.out), alias };
}

function drawnOf(id: string, alias: Record<string, string>, nodes: Set<string>): string | undefined {
  const target = alias[id] ?? id;
  return nodes.has(target) ? target : undefined;
}

/** Ids are one namespace (SPEC §1), but a duplicate must not take the whole canvas down. */
function dedupe(elements: ElementDefinition[]): ElementDefinition[] {
  const seen = new Set<string>();
  return elements.filter((e) => {
    const id = e.data.id as string;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Icon drawn on a link so its status never depends on colour alone. */
export function statusGlyph(status: LinkStatusValue | 'unknown'): string {
  return { plaintext: '⚠', headers: '◐', encrypted: '✔', idle: '', unknown: '' }[status];
}

/** Gives each summary node its worst hidden link status (class, label line). */
function markSummaries(out: ElementDefinition[], folder: EdgeFolder): void {
  for (const el of out) {
    if (el.group !== 'nodes' || !el.data.summary) continue;
    const inside = folder.inside.get(el.data.id as string);
    const worst = inside?.worst ?? 'unknown';
    el.data.status = worst;
    if (worst !== 'unknown') el.data.label = `${String(el.data.label)}\n${statusGlyph(worst)} ${worst}`;
    el.classes = `${el.classes ?? ''} worst-${worst}`;
  }
}

interface Groups {
  racks: readonly Rack[];
  rep: Map<string, string>;
}

function addPhysical(
  model: Scenario,
  options: BuildOptions,
  sink: Sink,
  alias: Record<string, string>,
  groups: Groups,
): void {
  const node = (el: ElementDefinition): void => {
    sink.out.push(el);
    sink.nodes.add(el.data.id as string);
    if (el.data.summary) sink.summaries.add(el.data.id as string);
  };
  const siteIds = new Set(model.sites.map((s) => s.id));
  const hostCount = new Map<string, number>();
  for (const h of model.hosts) hostCount.set(h.site, (hostCount.get(h.site) ?? 0) + 1);
  for (const site of model.sites) {
    const closed = options.detail?.sites === true && !options.detail.open.has(site.id);
    const label = `${site.name ?? site.id} · ${site.trust}`;
    if (closed)
      node({
        group: 'nodes',
        data: {
          id: site.id,
          label: `${label}\n${hostCount.get(site.id) ?? 0} hosts`,
          kind: 'site-summary',
          summary: true,
        },
        classes: `site-summary trust-${site.trust}`,
      });
    else
      node({
        group: 'nodes',
        data: { id: site.id, label, kind: 'site' },
        classes: `site trust-${site.trust}`,
      });
  }
  const parentIn = (site: string): string | undefined =>
    siteIds.has(site) && !isClosedSite(options, site) ? site : undefined;
  const rackOf = new Map<string, string>();
  for (const rack of groups.racks) {
    if (groups.rep.get(rack.leaf) === rack.site) continue;
    const open = options.detail?.open.has(rack.id) === true;
    for (const id of [rack.leaf, ...rack.hosts]) if (open) rackOf.set(id, rack.id);
    const label = open ? `rack ${rack.leaf}` : `${rack.leaf}\n${rack.hosts.length} hosts`;
    node({
      group: 'nodes',
      data: { id: rack.id, label, kind: 'rack', parent: parentIn(rack.site), summary: !open },
      classes: open ? 'rack rack-open' : 'rack summary',
    });
  }
  const children = new Map<string, number>();
  for (const w of model.workloads) children.set(w.host, (children.get(w.host) ?? 0) + 1);
  for (const host of model.hosts) {
    if (groups.rep.has(host.id)) continue;
    const count = children.get(host.id) ?? 0;
    const open = options.expanded.has(host.id);
    const suffix = count > 0 && !open ? `\n${count} workload${count === 1 ? '' : 's'}` : '';
    const data = {
      id: host.id,
      label: `${host.name ?? host.id}${suffix}`,
      kind: 'host',
      role: host.role,
      parent: rackOf.get(host.id) ?? parentIn(host.site),
      home: model.layout[host.id],
    };
    node({
      group: 'nodes',
      data,
      position: model.layout[host.id],
      classes: `host role-${host.role}${open ? ' expanded' : ''}`,
    });
  }
  for (const d of model.devices) {
    if (groups.rep.has(d.id)) continue;
    node({
      group: 'nodes',
      data: {
        id: d.id,
        label: d.name ?? d.id,
        kind: 'device',
        deviceKind: d.kind,
        parent: rackOf.get(d.id) ?? parentIn(d.site),
      },
      position: model.layout[d.id],
      classes: `device kind-${d.kind}`,
    });
  }
  addInner(model, options, sink, alias, node);
}

function isClosedSite(options: BuildOptions, site: string): boolean {
  return options.detail?.sites === true && !options.detail.open.has(site);
}

/** Bridges and workloads inside expanded hosts; folded into their host otherwise. */
function addInner(
  model: Scenario,
  options: BuildOptions,
  sink: Sink,
  alias: Record<string, string>,
  node: (el: ElementDefinition) => void,
): void {
  const shown = (host: string): boolean =>
    options.expanded.has(host) && sink.nodes.has(host) && alias[host] === undefined;
  for (const b of model.bridges) {
    if (!shown(b.host)) alias[b.id] ??= b.host;
    else
      node({
        group: 'nodes',
        data: { id: b.id, label: `${b.id} (${b.kind})`, kind: 'bridge', parent: b.host },
        classes: 'bridge',
      });
  }
  for (const w of model.workloads) {
    if (!shown(w.host)) alias[w.id] ??= w.host;
    else
      node({
        group: 'nodes',
        data: { id: w.id, label: w.name ?? w.id, kind: 'workload', parent: w.host },
        classes: `workload kind-${w.kind}`,
      });
  }
}

function addFlows(model: Scenario, analysis: PageAnalysis | undefined, sink: Sink): void {
  const results = new Map(analysis?.flows.map((f) => [f.id, f]) ?? []);
  const hostOf = new Map(model.workloads.map((w) => [w.id, w.host]));
  const endpoint = (id: string): string | undefined => sink.drawn(id) ?? sink.drawn(hostOf.get(id) ?? '');
  const folder = new EdgeFolder();
  for (const f of model.flows) {
    const source = endpoint(f.from);
    const target = endpoint(f.to);
    if (!source || !target) continue;
    const r = results.get(f.id);
    const plain = r !== undefined && r.plaintextLinks.length > 0;
    if (sink.summaries.has(source) || sink.summaries.has(target)) {
      folder.add(f.id, source, target, !analysis ? 'unknown' : plain ? 'plaintext' : 'encrypted');
      continue;
    }
    // Without an analysis (still running) a flow is drawn as not yet known, never as protected.
    const classes = `flow layer-flows${plain ? ' flow-plaintext' : ''}${analysis ? '' : ' flow-unknown'}${f.tls ? ' tls' : ''}${r?.unreachable ? ' unreachable' : ''}`;
    sink.out.push({ group: 'edges', data: { id: f.id, source, target, kind: 'flow', label: f.id }, classes });
  }
  for (const e of folder.edges.values()) {
    const status = e.worst === 'plaintext' ? ' flow-plaintext' : e.worst === 'unknown' ? ' flow-unknown' : '';
    sink.out.push({
      group: 'edges',
      data: {
        id: `flows:${e.source}|${e.target}`,
        source: e.source,
        target: e.target,
        kind: 'flow',
        label: `${e.ids.length} flows`,
        summary: true,
      },
      classes: `flow folded layer-flows${status}`,
    });
  }
}
