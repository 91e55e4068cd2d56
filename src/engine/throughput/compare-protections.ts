/**
 * SPEC T8: the same scenario under each alternative protection, tabulated for cost (MTU left,
 * single-flow maximum, crypto cores at the demanded load) against what stays exposed to each attacker.
 */
import type { ExposureLevel, Scenario } from '../../model/types.ts';
import { LEVEL_RANK } from '../exposure/expose-flow.ts';
import { ExposureTable, forEachKeptOutcome } from '../exposure/exposure-table.ts';
import { IPSEC_CIPHERS } from './comparison-halves.ts';
import { readComparedRun, readOverlayIpsecRuns, type ComparedRun, type MakeReader } from './comparison-runs.ts';
import { hostLoadsFrom } from './estimate-load.ts';
import { addToHostSums, type HostSumsById } from './load-ledger.ts';
import type { HostLoad } from './types.ts';
import { TAMPER_BIT } from '../exposure/read-stack.ts';
import { compareIds } from '../compare-ids.ts';
import { EXPOSURE_LEVELS } from '../../model/enums.ts';
import { stripProtections, withMacsecEverywhere, withTlsOnly, withWireguardMesh } from './scenario-alternatives.ts';
import { maxOf } from '../../model/long-lists.ts';

/** What one attacker still sees under an alternative. */
export interface AttackerExposure {
  attacker: string;
  /** Flows whose payload the attacker reads, and those whose inner headers it reads (SPEC X6). */
  payload: string[];
  headers: string[];
  /** Flows it can tamper with (SPEC X7). */
  tamper: string[];
  worst: ExposureLevel;
}

/** One row of the comparison. */
export interface Alternative {
  id: string;
  label: string;
  /** Smallest innerMtu over the flows that leave their host: the MTU left for workloads. */
  minInnerMtu: number | null;
  /** Lowest single-flow maximum over the flows with a path, and the flow it belongs to. */
  minSingleFlowGbps: number | null;
  slowestFlow: string | null;
  /** Crypto cores used over all hosts at the demanded rates, and the busiest host's share of its cores. */
  cryptoCores: number;
  peakHostUtilisation: number;
  saturatedHosts: string[];
  exposure: AttackerExposure[];
}

/** The table of SPEC T8. */
export interface Comparison {
  alternatives: Alternative[];
}

/**
 * One row being added up, flow by flow in id order: the least MTU (as `minOf`: a NaN would stick),
 * the slowest flow (ties by id) and each attacker's flows by level; the hosts' loads come at the
 * end. A whole run (`evaluate`) and a run read as it goes (`rowReader`) both go through it.
 */
class RowTally {
  private minInnerMtu: number | null = null;
  private slowest: { gbps: number; flow: string } | undefined;
  /** Per attacker (ids sorted), what it sees. */
  readonly seen: AttackerExposure[];

  constructor(attackers: readonly string[]) {
    this.seen = [...attackers].sort(compareIds).map((attacker) => ({ attacker, payload: [], headers: [], tamper: [], worst: 'none' }));
  }

  mtu(innerMtu: number | null): void {
    if (innerMtu !== null && (this.minInnerMtu === null || innerMtu < this.minInnerMtu || Number.isNaN(innerMtu))) this.minInnerMtu = innerMtu;
  }

  speed(flow: string, gbps: number | null): void {
    const low = this.slowest;
    if (gbps !== null && (!low || gbps < low.gbps || (gbps === low.gbps && flow < low.flow))) this.slowest = { gbps, flow };
  }

  static pair(seen: AttackerExposure, flow: string, level: ExposureLevel, tamper: boolean): void {
    if (level === 'payload') seen.payload.push(flow);
    else if (level === 'headers') seen.headers.push(flow);
    if (tamper) seen.tamper.push(flow);
    if (LEVEL_RANK[level] > LEVEL_RANK[seen.worst]) seen.worst = level;
  }

  /** The row, with the hosts' loads sorted by host id (the total is added in that order). */
  row(id: string, label: string, hosts: readonly HostLoad[]): Alternative {
    return {
      id,
      label,
      minInnerMtu: this.minInnerMtu,
      minSingleFlowGbps: this.slowest?.gbps ?? null,
      slowestFlow: this.slowest?.flow ?? null,
      cryptoCores: hosts.reduce((acc, h) => acc + h.cryptoCoresUsed, 0),
      peakHostUtilisation: maxOf(hosts.map((h) => h.utilisation), 0),
      saturatedHosts: hosts.filter((h) => h.saturated).map((h) => h.host),
      exposure: this.seen,
    };
  }
}

/** One row of the table from a whole run of that alternative (a report's own analysis). */
function evaluate(id: string, label: string, scenario: Scenario, run: ComparedRun): Alternative {
  const tally = new RowTally(scenario.attackers.map((a) => a.id));
  for (const f of run.flows) tally.mtu(f.innerMtu);
  for (const f of run.throughput.flows) tally.speed(f.flow, f.maxGbps);
  // One pass over the pairs (half a million at 1,000 hosts), not one per attacker and level.
  const byAttacker = new Map(tally.seen.map((seen) => [seen.attacker, seen]));
  const add = (flow: string, attacker: string, level: ExposureLevel, tamper: boolean): void => {
    const seen = byAttacker.get(attacker);
    if (seen) RowTally.pair(seen, flow, level, tamper);
  };
  // A table lists the pairs that see something apart (the others add nothing to a row), and their outcomes apart from their details.
  if (run.exposures instanceof ExposureTable) forEachKeptOutcome(run.exposures, (_, flow, attacker, level, tamper) => add(flow, attacker, level, tamper));
  else for (const e of run.exposures) add(e.flow, e.attacker, e.level, e.tamper);
  return tally.row(id, label, run.throughput.hosts);
}

const NO_FLOWS: string[] = [];

/** One row of the table read off a run flow by flow, keeping no per-flow object (equal to `evaluate` of the whole run). */
function rowReader(id: string, label: string): MakeReader<Alternative> {
  return (attackers, scenario) => {
    // The run's attackers are sorted by id already: the tally's list is in the same order.
    const tally = new RowTally(attackers);
    const sums: HostSumsById = new Map();
    return {
      flow(flow, mtu, figures, outcomes) {
        tally.mtu(mtu.innerMtu);
        tally.speed(flow.id, figures.summary.maxGbps);
        addToHostSums(sums, figures);
        for (let a = 0; a < attackers.length; a++) {
          const outcome = outcomes[a]!;
          if (outcome !== 0) RowTally.pair(tally.seen[a]!, flow.id, EXPOSURE_LEVELS[outcome & 3]!, (outcome & TAMPER_BIT) !== 0);
        }
      },
      done: () => tally.row(id, label, hostLoadsFrom(scenario, sums, () => NO_FLOWS)),
    };
  };
}

/** One row of the table, worked out when asked for. */
interface PlannedRow {
  id: string;
  make: () => Alternative;
}

/** The rows of the table in their order (SPEC T8); the IPsec rows share one set of traces. */
function plannedRows(scenario: Scenario, current: ComparedRun | undefined): PlannedRow[] {
  let ipsec: Alternative[] | undefined;
  const alternative = (id: string, label: string, alt: () => Scenario): PlannedRow => ({
    id,
    make: () => readComparedRun(alt(), rowReader(id, label)),
  });
  return [
    { id: 'current', make: () => (current ? evaluate('current', 'as configured', scenario, current) : readComparedRun(scenario, rowReader('current', 'as configured'))) },
    alternative('none', 'no encryption', () => stripProtections(scenario)),
    ...IPSEC_CIPHERS.map((cipher, i) => ({
      id: `ipsec-${cipher}`,
      // The five rows are made together, each as its run comes (the runs share one tracing).
      make: () => (ipsec ??= readOverlayIpsecRuns(scenario, IPSEC_CIPHERS, (c) => rowReader(`ipsec-${c}`, `overlay IPsec, ${c}`)))[i]!,
    })),
    alternative('wireguard', 'WireGuard mesh', () => withWireguardMesh(scenario)),
    alternative('macsec', 'MACsec on every link', () => withMacsecEverywhere(scenario)),
    alternative('tls', 'application TLS only', () => withTlsOnly(scenario)),
  ];
}

/**
 * Estimates the scenario as it is and under every alternative of SPEC T8. `current` is the
 * scenario's own analysis over every attacker when the caller has it already (a report does).
 * With `only`, just those rows (in table order): a half of `COMPARISON_HALVES`, say
 * (comparison-halves.ts), for `mergeComparisons` to join with the other.
 */
export function compareProtections(scenario: Scenario, current?: ComparedRun, only?: readonly string[]): Comparison {
  const wanted = only ? new Set(only) : undefined;
  return { alternatives: plannedRows(scenario, current).flatMap((row) => (!wanted || wanted.has(row.id) ? [row.make()] : [])) };
}
