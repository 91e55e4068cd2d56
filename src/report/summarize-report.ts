/**
 * The executive summary: link statuses counted (SPEC X8), failing requirements, findings per
 * severity, the worst exposure per attacker (X6, X7) and the headline throughput figures (T2, T6).
 */
import { compareIds } from '../engine/compare-ids.ts';
import { LEVEL_RANK } from '../engine/exposure/expose-flow.ts';
import { forEachKeptOutcome } from '../engine/exposure/exposure-table.ts';
import { exposureAttackers } from './format/report-queries.ts';
import type { Analysis, LinkStatusValue, Severity } from '../engine/types.ts';
import type { ExposureLevel, Scenario } from '../model/types.ts';
import type { AttackerSummary, ExecutiveSummary } from './types.ts';
import { minOf } from '../model/long-lists.ts';

/** Exposure levels, least to most (SPEC X6). */
export const LEVEL_ORDER: readonly ExposureLevel[] = ['none', 'metadata', 'headers', 'payload'];

/**
 * Per attacker, the worst level it reaches, the flows it reaches at that level and the flows it can
 * tamper with, each in exposure order: one pass over the exposures (2.5 million at 5,000 hosts),
 * not one per attacker.
 */
function attackerSummaries(analysis: Analysis, scenario: Scenario): AttackerSummary[] {
  const seen = new Map<string, { worst: number; flows: string[]; tamperFlows: string[] }>();
  // Every attacker the exposures cover has an entry; only the pairs that are not plain add to it.
  for (const attacker of exposureAttackers(analysis.exposures)) seen.set(attacker, { worst: 0, flows: [], tamperFlows: [] });
  forEachKeptOutcome(analysis.exposures, (_, flow, attacker, level, tamper) => {
    const mine = seen.get(attacker)!;
    const rank = LEVEL_RANK[level];
    if (rank > mine.worst) {
      mine.worst = rank;
      mine.flows = [];
    }
    if (rank === mine.worst && rank > 0) mine.flows.push(flow);
    if (tamper) mine.tamperFlows.push(flow);
  });
  const ids = [...seen.keys()];
  // An attacker filter (`--attacker`) narrows the exposures; without flows, list every attacker.
  if (analysis.exposures.length === 0) ids.push(...scenario.attackers.map((a) => a.id));
  return ids.sort(compareIds).map((attacker) => {
    const mine = seen.get(attacker);
    const name = scenario.attackers.find((a) => a.id === attacker)?.name;
    return {
      attacker,
      ...(name !== undefined ? { name } : {}),
      worst: LEVEL_ORDER[mine?.worst ?? 0]!,
      flows: mine?.flows ?? [],
      tamperFlows: mine?.tamperFlows ?? [],
    };
  });
}

function slowest(analysis: Analysis): ExecutiveSummary['slowestFlow'] {
  let best: ExecutiveSummary['slowestFlow'] = null;
  for (const f of analysis.flows) {
    if (typeof f.maxGbps !== 'number') continue;
    if (best === null || f.maxGbps < best.gbps) best = { flow: f.id, gbps: f.maxGbps, bottleneck: f.bottleneck ?? null };
  }
  return best;
}

/** Counts and worst cases of an analysis, for the first page of the report. */
export function summarizeReport(analysis: Analysis, scenario: Scenario): ExecutiveSummary {
  const linkCounts: Record<LinkStatusValue, number> = { plaintext: 0, headers: 0, encrypted: 0, idle: 0 };
  for (const l of analysis.links) linkCounts[l.status]++;
  const findingCounts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of analysis.findings) findingCounts[f.severity]++;
  const mtus = analysis.flows.map((f) => f.innerMtu).filter((m): m is number => m !== null);
  return {
    linkCounts,
    linkTotal: analysis.links.length,
    plaintextLinks: analysis.links.filter((l) => l.status === 'plaintext').map((l) => l.id),
    requirementTotal: analysis.requirements.length,
    failedRequirements: analysis.requirements.filter((r) => !r.pass).map((r) => r.id),
    findingCounts,
    attackers: attackerSummaries(analysis, scenario),
    slowestFlow: slowest(analysis),
    minInnerMtu: mtus.length > 0 ? minOf(mtus) : null,
  };
}
