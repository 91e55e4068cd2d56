/**
 * Lookups the report sections share: who a link connects, which flows lie behind a link status,
 * which attackers the (possibly filtered) exposures cover, and how a flow is described.
 */
import { compareIds } from '../../engine/compare-ids.ts';
import type { Exposure, LinkStatus } from '../../engine/types.ts';
import type { Report } from './report.ts';

/** `c1 ↔ sw1` for a link id, or `?` when the scenario lacks the link. */
export function linkEnds(report: Report, linkId: string): string {
  const link = report.scenario.links.find((l) => l.id === linkId);
  return link ? `${link.between[0]} ↔ ${link.between[1]}` : '?';
}

/** The link's site, or `between sites` for a link whose ends are in different sites (SPEC §1.1). */
export function linkSite(report: Report, linkId: string): string {
  return report.scenario.links.find((l) => l.id === linkId)?.site ?? 'between sites';
}

/**
 * The flows behind a link's status: those readable on it (plaintext, headers), or, for an
 * encrypted link, every flow whose path crosses it.
 */
export function flowsBehind(report: Report, link: LinkStatus): string[] {
  if (link.flows.length > 0) return link.flows;
  const element = `link:${link.id}`;
  return report.analysis.flows.filter((f) => f.path.includes(element)).map((f) => f.id);
}

/** Attacker ids the exposures cover, sorted: the matrix columns (an `--attacker` filter narrows them). */
export function exposureAttackers(exposures: readonly Exposure[]): string[] {
  return [...new Set(exposures.map((e) => e.attacker))].sort(compareIds);
}

/** Exposure of one flow to one attacker, if analysed. */
export function findExposure(report: Report, flow: string, attacker: string): Exposure | undefined {
  return report.analysis.exposures.find((e) => e.flow === flow && e.attacker === attacker);
}

/** `vm-a → vm-b (tcp/5432, tls)` — a flow's endpoints and transport. */
export function flowSummary(report: Report, flowId: string): string {
  const flow = report.scenario.flows.find((f) => f.id === flowId);
  if (!flow) return '';
  const port = flow.port === undefined ? flow.proto : `${flow.proto}/${flow.port}`;
  return `${flow.from} → ${flow.to} (${port}${flow.tls ? ', tls' : ''})`;
}
