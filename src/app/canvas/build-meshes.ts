/**
 * Overlays, IPsec meshes and WireGuard meshes as hub nodes with one spoke per drawn member (members
 * folded into one summary share a spoke), plus point-to-point tunnels and IPsec pairs as edges.
 */
import type { Scenario } from '../../model/types.ts';
import type { Sink } from './build-elements.ts';

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

/** Adds hubs, spokes, tunnels and IPsec pairs. */
export function addMeshes(model: Scenario, spokeLimit: number, sink: Sink): void {
  for (const mesh of meshesOf(model)) {
    const aggregated = mesh.members.length > spokeLimit;
    const label = `${mesh.label}\n${mesh.members.length} members`;
    sink.out.push({ group: 'nodes', data: { id: mesh.id, label, kind: 'mesh' }, position: model.layout[mesh.id], classes: `hub ${mesh.classes}${aggregated ? ' aggregated' : ''}` });
    sink.nodes.add(mesh.id);
    if (aggregated) continue;
    const ends = new Set(mesh.members.map((m) => sink.drawn(m)).filter((m): m is string => m !== undefined));
    for (const m of ends) sink.out.push({ group: 'edges', data: { id: `${mesh.id}~${m}`, source: mesh.id, target: m, kind: 'spoke', owner: mesh.id }, classes: `spoke ${mesh.classes}` });
  }
  for (const t of model.tunnels) {
    const a = sink.drawn(t.between[0]);
    const b = sink.drawn(t.between[1]);
    if (!a || !b || a === b) continue;
    const classes = `tunnel layer-overlay${t.ipsec ? ' ipsec' : ''}`;
    sink.out.push({ group: 'edges', data: { id: t.id, source: a, target: b, kind: 'tunnel', label: `${t.type}${t.ipsec ? ' + IPsec' : ''}` }, classes });
  }
  for (const p of model.ipsec.filter((x) => !x.mesh)) {
    const [x, y] = p.endpoints;
    const a = x === undefined ? undefined : sink.drawn(x);
    const b = y === undefined ? undefined : sink.drawn(y);
    if (!a || !b || a === b) continue;
    sink.out.push({ group: 'edges', data: { id: p.id, source: a, target: b, kind: 'ipsec', label: `IPsec ${p.mode}` }, classes: 'protection ipsec layer-protections' });
  }
}
