/**
 * Scenario + analysis → canvas element descriptions (pure, no Cytoscape instance). Sites are
 * compound boxes around hosts and devices; expanded hosts contain their bridges and workloads;
 * overlays and meshes are hub nodes with one spoke per member — never N² tunnel edges — and above
 * `meshSpokeLimit` members the spokes are dropped and the hub shows the member count.
 */
import type { ElementDefinition } from 'cytoscape';
import type { Scenario } from '../../model/types.ts';
import type { Analysis, LinkStatusValue } from '../../engine/types.ts';

/** Options of the level of detail. */
export interface BuildOptions {
  /** Hosts whose workloads and bridges are drawn as child nodes. */
  expanded: ReadonlySet<string>;
  /** Meshes with more members than this are drawn as a hub without spokes. */
  meshSpokeLimit?: number;
}

/** Elements plus the mapping from hidden entities to the node that stands for them. */
export interface BuiltElements {
  elements: ElementDefinition[];
  /** Workload/bridge id of a collapsed host → that host's id. */
  alias: Record<string, string>;
}

const DEFAULT_SPOKE_LIMIT = 40;

/** Builds the canvas elements for a scenario and (optionally) its analysis. */
export function buildElements(model: Scenario, analysis: Analysis | undefined, options: BuildOptions): BuiltElements {
  const out: ElementDefinition[] = [];
  const alias: Record<string, string> = {};
  const nodes = new Set<string>();
  const node = (el: ElementDefinition): void => {
    out.push(el);
    nodes.add(el.data.id as string);
  };
  addPhysical(model, options, node, alias);
  addMeshes(model, options.meshSpokeLimit ?? DEFAULT_SPOKE_LIMIT, node, out, nodes);
  const statuses = new Map(analysis?.links.map((l) => [l.id, l.status]) ?? []);
  for (const link of model.links) {
    const [a, b] = link.between;
    if (!nodes.has(a) || !nodes.has(b)) continue;
    const status: LinkStatusValue | 'unknown' = statuses.get(link.id) ?? 'unknown';
    const classes = ['link', 'layer-physical', `status-${status}`];
    if (link.macsec) classes.push('macsec');
    out.push({ group: 'edges', data: { id: link.id, source: a, target: b, kind: 'link', status, label: statusGlyph(status) }, classes: classes.join(' ') });
  }
  addFlows(model, analysis, alias, nodes, out);
  return { elements: dedupe(out), alias };
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

function addPhysical(
  model: Scenario,
  options: BuildOptions,
  node: (el: ElementDefinition) => void,
  alias: Record<string, string>,
): void {
  const siteIds = new Set(model.sites.map((s) => s.id));
  for (const site of model.sites)
    node({ group: 'nodes', data: { id: site.id, label: `${site.name ?? site.id} · ${site.trust}`, kind: 'site' }, classes: `site trust-${site.trust}` });
  const children = new Map<string, number>();
  for (const w of model.workloads) children.set(w.host, (children.get(w.host) ?? 0) + 1);
  for (const host of model.hosts) {
    const count = children.get(host.id) ?? 0;
    const open = options.expanded.has(host.id);
    const suffix = count > 0 && !open ? `\n${count} workload${count === 1 ? '' : 's'}` : '';
    const parent = siteIds.has(host.site) ? host.site : undefined;
    const data = { id: host.id, label: `${host.name ?? host.id}${suffix}`, kind: 'host', role: host.role, parent, home: model.layout[host.id] };
    node({ group: 'nodes', data, position: model.layout[host.id], classes: `host role-${host.role}${open ? ' expanded' : ''}` });
  }
  for (const d of model.devices) {
    const parent = siteIds.has(d.site) ? d.site : undefined;
    node({ group: 'nodes', data: { id: d.id, label: d.name ?? d.id, kind: 'device', deviceKind: d.kind, parent }, position: model.layout[d.id], classes: `device kind-${d.kind}` });
  }
  const hostIds = new Set(model.hosts.map((h) => h.id));
  for (const b of model.bridges) {
    if (!options.expanded.has(b.host) || !hostIds.has(b.host)) alias[b.id] = b.host;
    else node({ group: 'nodes', data: { id: b.id, label: `${b.id} (${b.kind})`, kind: 'bridge', parent: b.host }, classes: 'bridge' });
  }
  for (const w of model.workloads) {
    if (!options.expanded.has(w.host) || !hostIds.has(w.host)) alias[w.id] = w.host;
    else node({ group: 'nodes', data: { id: w.id, label: w.name ?? w.id, kind: 'workload', parent: w.host }, classes: `workload kind-${w.kind}` });
  }
}

interface Mesh {
  id: string;
  label: string;
  members: string[];
  classes: string;
}

function meshesOf(model: Scenario): Mesh[] {
  const meshes: Mesh[] = [];
  for (const o of model.overlays) {
    const ipsec = o.ipsec ? ` ipsec cipher-${o.ipsec.cipher}` : '';
    const label = `${o.type} ${o.id}${o.ipsec ? `\nIPsec ${o.ipsec.cipher}` : ''}`;
    meshes.push({ id: o.id, label, members: o.memberIds, classes: `overlay layer-overlay${ipsec}` });
  }
  for (const p of model.ipsec.filter((x) => x.mesh))
    meshes.push({ id: p.id, label: `IPsec ${p.id}\n${p.mode} ${p.cipher}`, members: p.endpoints, classes: 'protection ipsec layer-protections' });
  for (const wg of model.wireguard)
    meshes.push({ id: wg.id, label: `WireGuard ${wg.id}`, members: wg.members, classes: 'protection wireguard layer-protections' });
  return meshes;
}

function addMeshes(
  model: Scenario,
  spokeLimit: number,
  node: (el: ElementDefinition) => void,
  out: ElementDefinition[],
  nodes: Set<string>,
): void {
  for (const mesh of meshesOf(model)) {
    const aggregated = mesh.members.length > spokeLimit;
    const label = `${mesh.label}\n${mesh.members.length} members`;
    node({ group: 'nodes', data: { id: mesh.id, label, kind: 'mesh' }, position: model.layout[mesh.id], classes: `hub ${mesh.classes}${aggregated ? ' aggregated' : ''}` });
    if (aggregated) continue;
    for (const m of mesh.members) {
      if (!nodes.has(m)) continue;
      out.push({ group: 'edges', data: { id: `${mesh.id}~${m}`, source: mesh.id, target: m, kind: 'spoke', owner: mesh.id }, classes: `spoke ${mesh.classes}` });
    }
  }
  for (const t of model.tunnels) {
    const [a, b] = t.between;
    if (!nodes.has(a) || !nodes.has(b)) continue;
    const classes = `tunnel layer-overlay${t.ipsec ? ' ipsec' : ''}`;
    out.push({ group: 'edges', data: { id: t.id, source: a, target: b, kind: 'tunnel', label: `${t.type}${t.ipsec ? ' + IPsec' : ''}` }, classes });
  }
  for (const p of model.ipsec.filter((x) => !x.mesh)) {
    const [a, b] = p.endpoints;
    if (a === undefined || b === undefined || !nodes.has(a) || !nodes.has(b)) continue;
    out.push({ group: 'edges', data: { id: p.id, source: a, target: b, kind: 'ipsec', label: `IPsec ${p.mode}` }, classes: 'protection ipsec layer-protections' });
  }
}

function addFlows(
  model: Scenario,
  analysis: Analysis | undefined,
  alias: Record<string, string>,
  nodes: Set<string>,
  out: ElementDefinition[],
): void {
  const results = new Map(analysis?.flows.map((f) => [f.id, f]) ?? []);
  const hostOf = new Map(model.workloads.map((w) => [w.id, w.host]));
  const endpoint = (id: string): string | undefined => {
    const target = alias[id] ?? (nodes.has(id) ? id : hostOf.get(id));
    return target !== undefined && nodes.has(target) ? target : undefined;
  };
  for (const f of model.flows) {
    const source = endpoint(f.from);
    const target = endpoint(f.to);
    if (!source || !target) continue;
    const r = results.get(f.id);
    const plain = r !== undefined && r.plaintextLinks.length > 0;
    const classes = `flow layer-flows${plain ? ' flow-plaintext' : ''}${f.tls ? ' tls' : ''}${r?.unreachable ? ' unreachable' : ''}`;
    out.push({ group: 'edges', data: { id: f.id, source, target, kind: 'flow', label: f.id }, classes });
  }
}
