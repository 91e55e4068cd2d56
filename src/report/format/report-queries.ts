/**
 * Lookups the report sections share: who a link connects, which flows lie behind a link status,
 * which attackers the (possibly filtered) exposures cover, and how a flow is described.
 */
import { compareIds } from '../../engine/compare-ids.ts';
import { exposureLookup, type ExposureLookup } from '../../engine/exposure/exposure-lookup.ts';
import { detailedExposures, ExposureTable } from '../../engine/exposure/exposure-table.ts';
import type { Exposure, ExposureList, FlowResult, LinkStatus } from '../../engine/types.ts';
import type { Report } from './report.ts';
import { rowsArray } from '../../engine/row-list.ts';

/** Entities of one list by id, built once per list: report sections look up every flow and link (250,000 flows at 5,000 hosts). */
const indexes = new WeakMap<readonly { id: string }[], Map<string, { id: string }>>();

/** The entity of `list` with this id (the first, as `find` would give). */
export function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (const item of list) if (!index.has(item.id)) index.set(item.id, item);
    indexes.set(list, index);
  }
  return index.get(id) as T | undefined;
}

/** `c1 ↔ sw1` for a link id, or `?` when the scenario lacks the link. */
export function linkEnds(report: Report, linkId: string): string {
  const link = byId(report.scenario.links, linkId);
  return link ? `${link.between[0]} ↔ ${link.between[1]}` : '?';
}

/** The link's site, or `between sites` for a link whose ends are in different sites (SPEC §1.1). */
export function linkSite(report: Report, linkId: string): string {
  return byId(report.scenario.links, linkId)?.site ?? 'between sites';
}

/**
 * The flows behind a link's status: those readable on it (plaintext, headers), or, for an
 * encrypted link, every flow whose path crosses it.
 */
export function flowsBehind(report: Report, link: LinkStatus): string[] {
  if (link.flows.length > 0) return link.flows;
  return flowsOnPathOf(rowsArray(report.analysis.flows)).get(`link:${link.id}`) ?? [];
}

/** Per path element (`link:x`), the flows whose path has it, in flow order; built once per analysis. */
const onPath = new WeakMap<readonly FlowResult[], Map<string, string[]>>();

function flowsOnPathOf(flows: readonly FlowResult[]): Map<string, string[]> {
  let index = onPath.get(flows);
  if (!index) {
    index = new Map();
    for (const f of flows) {
      for (const element of new Set(f.path)) {
        const list = index.get(element);
        if (list) list.push(f.id);
        else index.set(element, [f.id]);
      }
    }
    onPath.set(flows, index);
  }
  return index;
}

/** Attacker ids the exposures cover, sorted: the matrix columns (an `--attacker` filter narrows them). */
export function exposureAttackers(exposures: ExposureList): string[] {
  if (exposures instanceof ExposureTable)
    return exposures.length === 0 ? [] : [...exposures.attackers].sort(compareIds);
  return [...new Set(exposures.map((e) => e.attacker))].sort(compareIds);
}

/** The pairs in which the attacker sees something (level above `none`), in order: what the reasons sections list (SPEC X9). */
export function seenExposures(exposures: ExposureList): Exposure[] {
  return detailedExposures(exposures).filter((e) => e.level !== 'none');
}

/** Exposure of one flow to one attacker, if analysed. */
export function findExposure(report: Report, flow: string, attacker: string): Exposure | undefined {
  let lookup = lookups.get(report.analysis.exposures);
  if (!lookup) lookups.set(report.analysis.exposures, (lookup = exposureLookup(report.analysis.exposures)));
  return lookup(flow, attacker);
}

/** One look-up per exposure list (a matrix asks for every cell: 2.5 million at 5,000 hosts). */
const lookups = new WeakMap<ExposureList, ExposureLookup>();

/** `vm-a → vm-b (tcp/5432, tls)` — a flow's endpoints and transport. */
export function flowSummary(report: Report, flowId: string): string {
  const flow = byId(report.scenario.flows, flowId);
  if (!flow) return '';
  const port = flow.port === undefined ? flow.proto : `${flow.proto}/${flow.port}`;
  return `${flow.from} → ${flow.to} (${port}${flow.tls ? ', tls' : ''})`;
}
