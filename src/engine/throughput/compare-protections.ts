/**
 * SPEC T8: the same scenario under each alternative protection, tabulated for cost (MTU left,
 * single-flow maximum, crypto cores at the demanded load) against what stays exposed to each attacker.
 */
import type { ExposureLevel, Scenario } from '../../model/types.ts';
import { LEVEL_RANK } from '../exposure/expose-flow.ts';
import { IPSEC_CIPHERS } from './comparison-halves.ts';
import { readComparedRun, readOverlayIpsecRuns, type ComparedRun, type MakeReader } from './comparison-runs.ts';
import { addShare, hostLoadFrom, newHostSums, type HostSums } from './estimate-load.ts';
import { TAMPER_BIT } from '../exposure/read-stack.ts';
import { stripProtections, withMacsecEverywhere, withTlsOnly, withWireguardMesh } from './scenario-alternatives.ts';
import { maxOf, minOf } from '../../model/long-lists.ts';

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

/** One row of the table from what a run of that alternative reads. */
function evaluate(id: string, label: string, scenario: Scenario, run: ComparedRun): Alternative {
  const { throughput } = run;
  const mtus = run.flows.map((f) => f.innerMtu).filter((m): m is number => m !== null);
  const reachable = throughput.flows
    .filter((f) => f.maxGbps !== null)
    .sort((a, b) => a.maxGbps! - b.maxGbps! || (a.flow < b.flow ? -1 : 1));
  // One pass over the pairs (half a million at 1,000 hosts), not one per attacker and level.
  const byAttacker = new Map<string, AttackerExposure>();
  for (const a of scenario.attackers) byAttacker.set(a.id, { attacker: a.id, payload: [], headers: [], tamper: [], worst: 'none' });
  for (const e of run.exposures) {
    const seen = byAttacker.get(e.attacker);
    if (!seen) continue;
    if (e.level === 'payload') seen.payload.push(e.flow);
    else if (e.level === 'headers') seen.headers.push(e.flow);
    if (e.tamper) seen.tamper.push(e.flow);
    if (LEVEL_RANK[e.level] > LEVEL_RANK[seen.worst]) seen.worst = e.level;
  }
  const exposure = [...byAttacker.values()].sort((a, b) => (a.attacker < b.attacker ? -1 : 1));
  return {
    id,
    label,
    minInnerMtu: mtus.length > 0 ? minOf(mtus) : null,
    minSingleFlowGbps: reachable[0]?.maxGbps ?? null,
    slowestFlow: reachable[0]?.flow ?? null,
    cryptoCores: throughput.hosts.reduce((acc, h) => acc + h.cryptoCoresUsed, 0),
    peakHostUtilisation: maxOf(throughput.hosts.map((h) => h.utilisation), 0),
    saturatedHosts: throughput.hosts.filter((h) => h.saturated).map((h) => h.host),
    exposure,
  };
}

/** Level by rank (`LEVEL_RANK`). */
const LEVELS: readonly ExposureLevel[] = ['none', 'metadata', 'headers', 'payload'];

const NO_FLOWS: string[] = [];

/**
 * One row of the table read flow by flow off a run (what `evaluate` makes of the whole run, equal
 * to it): the least MTU, the slowest flow (ties by id), the hosts' crypto sums added in flow order
 * as `hostLoads` adds them, and each attacker's flows by level. No per-flow object is kept.
 */
function rowReader(id: string, label: string): MakeReader<Alternative> {
  return (attackers, scenario) => {
    let minInnerMtu: number | null = null;
    let slowest: { gbps: number; flow: string } | undefined;
    const sums = new Map<string, HostSums>();
    const seen: AttackerExposure[] = attackers.map((attacker) => ({ attacker, payload: [], headers: [], tamper: [], worst: 'none' }));
    return {
      flow(flow, mtu, figures, outcomes) {
        // As `minOf` over every MTU (a NaN would stick there too).
        const m = mtu.innerMtu;
        if (m !== null && (minInnerMtu === null || m < minInnerMtu || Number.isNaN(m))) minInnerMtu = m;
        const gbps = figures.summary.maxGbps;
        if (gbps !== null && (!slowest || gbps < slowest.gbps || (gbps === slowest.gbps && flow.id < slowest.flow))) slowest = { gbps, flow: flow.id };
        for (const share of figures.crypto.hosts) {
          let sum = sums.get(share.host);
          if (!sum) sums.set(share.host, (sum = newHostSums()));
          addShare(sum, share);
        }
        for (let a = 0; a < attackers.length; a++) {
          const outcome = outcomes[a]!;
          if (outcome === 0) continue;
          const mine = seen[a]!;
          const level = LEVELS[outcome & 3]!;
          if (level === 'payload') mine.payload.push(flow.id);
          else if (level === 'headers') mine.headers.push(flow.id);
          if ((outcome & TAMPER_BIT) !== 0) mine.tamper.push(flow.id);
          if (LEVEL_RANK[level] > LEVEL_RANK[mine.worst]) mine.worst = level;
        }
      },
      done() {
        // As `hostLoads` lists them: by host id (the total is added in that order).
        const hosts = scenario.hosts.map((host) => hostLoadFrom(host, sums.get(host.id), NO_FLOWS)).sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
        return {
          id,
          label,
          minInnerMtu,
          minSingleFlowGbps: slowest?.gbps ?? null,
          slowestFlow: slowest?.flow ?? null,
          cryptoCores: hosts.reduce((acc, h) => acc + h.cryptoCoresUsed, 0),
          peakHostUtilisation: maxOf(hosts.map((h) => h.utilisation), 0),
          saturatedHosts: hosts.filter((h) => h.saturated).map((h) => h.host),
          exposure: [...seen].sort((a, b) => (a.attacker < b.attacker ? -1 : 1)),
        };
      },
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
