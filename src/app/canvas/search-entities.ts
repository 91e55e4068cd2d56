/**
 * The canvas search / filter: `cmp` (id or name contains), `role:compute`, `site:dc1`,
 * `status:plaintext`, `kind:switch`; terms combine with AND. Hosts, devices, links and workloads
 * are searched; a host's or device's status is the worst status of its links.
 */
import type { Scenario } from '../../model/types.ts';
import type { PageAnalysis } from '../analysis-client.ts';
import { worse, type Status } from './fold-edges.ts';

/** An entity the search looks at. */
interface Searchable {
  id: string;
  name?: string;
  kind: string;
  role?: string;
  site?: string;
  status: Status;
}

const FIELDS = ['role', 'site', 'status', 'kind'] as const;

/** The ids of the entities matching `query` (empty for an empty query), in file order. */
export function searchEntities(model: Scenario, analysis: PageAnalysis | undefined, query: string): string[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  return searchables(model, analysis)
    .filter((e) => terms.every((t) => matches(e, t)))
    .map((e) => e.id);
}

function matches(e: Searchable, term: string): boolean {
  const colon = term.indexOf(':');
  const field = colon > 0 ? term.slice(0, colon) : '';
  if ((FIELDS as readonly string[]).includes(field)) {
    const want = term.slice(colon + 1);
    const value = e[field as (typeof FIELDS)[number]];
    return value !== undefined && value.toLowerCase() === want;
  }
  return e.id.toLowerCase().includes(term) || (e.name?.toLowerCase().includes(term) ?? false);
}

function searchables(model: Scenario, analysis: PageAnalysis | undefined): Searchable[] {
  const linkStatus = new Map<string, Status>(analysis?.links.map((l) => [l.id, l.status]) ?? []);
  const nodeStatus = new Map<string, Status>();
  for (const link of model.links) {
    const s = linkStatus.get(link.id) ?? 'unknown';
    for (const end of link.between) nodeStatus.set(end, worse(nodeStatus.get(end) ?? 'unknown', s));
  }
  const siteOf = new Map<string, string>([...model.hosts.map((h) => [h.id, h.site] as const), ...model.devices.map((d) => [d.id, d.site] as const)]);
  const status = (id: string): Status => nodeStatus.get(id) ?? 'unknown';
  return [
    ...model.hosts.map((h) => ({ id: h.id, name: h.name, kind: 'host', role: h.role, site: h.site, status: status(h.id) })),
    ...model.devices.map((d) => ({ id: d.id, name: d.name, kind: d.kind, site: d.site, status: status(d.id) })),
    ...model.links.map((l) => ({ id: l.id, kind: 'link', site: l.site ?? siteOf.get(l.between[0]), status: linkStatus.get(l.id) ?? 'unknown' })),
    ...model.workloads.map((w) => ({ id: w.id, name: w.name, kind: w.kind, site: siteOf.get(w.host), status: status(w.host) })),
  ];
}
