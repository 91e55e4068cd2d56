/**
 * Consistent, order-preserving renaming of every id in a scenario, and the way back for results.
 * SPEC breaks ties by id (X1: paths by link ids, gateways by id; §4: output sorted by id), so a
 * renaming that changed the order of ids could legitimately change results; this one keeps it:
 * ids sorted in plain string order get `ZZ0001`, `ZZ0002`… in the same order.
 */
import type { Scenario } from '../../src/model/types.ts';

/** Every id declared in the scenario (one namespace, SPEC §1). */
export function declaredIds(s: Scenario): string[] {
  const lists = [s.sites, s.hosts, s.devices, s.links, s.bridges, s.overlays, s.tunnels, s.networks, s.workloads, s.keystores, s.ipsec, s.wireguard, s.flows, s.attackers, s.requirements];
  return lists.flatMap((list) => list.map((x: { id: string }) => x.id));
}

function renameDeep(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return map.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renameDeep(v, map));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [map.get(k) ?? k, renameDeep(v, map)]));
  }
  return value;
}

/** The renamed scenario and a function mapping result text back to the old ids. */
export function renameIds(s: Scenario): { renamed: Scenario; restore: (text: string) => string } {
  const ids = declaredIds(s).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const forward = new Map(ids.map((id, i) => [id, `ZZ${String(i + 1).padStart(4, '0')}`]));
  const back = new Map([...forward].map(([old, renamed]) => [renamed, old]));
  // Generated scenarios use no id as any other string value (enums, names, `offline`, `all`), so exact matches are ids.
  const renamed = renameDeep(s, forward) as Scenario;
  return { renamed, restore: (text) => text.replace(/ZZ\d{4}/g, (token) => back.get(token) ?? token) };
}
