/**
 * Load with every flow at its demanded rate (SPEC T7): crypto cores per host against its cores (and
 * one core per IPsec SA, T5), and wire rate per link with every header and the framing counted.
 * Both are sums over flows in flow-id order, from small per-flow records, so an analysis session
 * can re-add them after an edit and get the very same floating-point totals.
 */
import type { Scenario } from '../../model/types.ts';
import type { FlowTrace, Protection } from '../types.ts';
import type { FlowSummary, HostLoad, LinkLoad, SaLoad } from './types.ts';

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One host's crypto work for one flow: cores at the flow's rate and each IPsec SA's share. */
export interface HostCrypto {
  host: string;
  coresAtRate: number;
  /** Each direction of an IPsec pair is its own SA with its own core (SPEC T5). */
  sas: { protection: Protection; direction: SaLoad['direction']; cores: number }[];
}

/** The crypto work of one flow at every host that encrypts or decrypts it. */
export interface FlowCrypto {
  flow: string;
  hosts: HostCrypto[];
}

/** Per-SA cores on one host, per direction, summed in flow order (keyed by the shared protection object). */
interface SaSums {
  outbound: Map<Protection, number>;
  inbound: Map<Protection, number>;
}

/** The busiest SA: most cores, ties by protection id then direction (`inbound` before `outbound`). */
function busiestOf(sums: SaSums | undefined): SaLoad | null {
  let best: SaLoad | null = null;
  for (const direction of ['inbound', 'outbound'] as const) {
    for (const [p, coresUsed] of sums?.[direction] ?? []) {
      const protection = p.id;
      if (
        !best ||
        coresUsed > best.coresUsed ||
        (coresUsed === best.coresUsed && (protection < best.protection || (protection === best.protection && direction < best.direction)))
      )
        best = { protection, direction, coresUsed };
    }
  }
  return best;
}

/** Appends record position `i` to the list under `key` once (records arrive one at a time). */
function addPosition(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** Crypto cores used on every host with a CPU, sorted by host id; `crypto` in flow-id order. */
export function hostLoads(scenario: Scenario, crypto: readonly FlowCrypto[]): HostLoad[] {
  const used = new Map<string, number>();
  const flows = new Map<string, number[]>();
  const sa = new Map<string, SaSums>();
  crypto.forEach((record, i) => {
    for (const share of record.hosts) {
      used.set(share.host, (used.get(share.host) ?? 0) + share.coresAtRate);
      addPosition(flows, share.host, i);
      let sums = sa.get(share.host);
      if (!sums) sa.set(share.host, (sums = { outbound: new Map(), inbound: new Map() }));
      for (const { protection, direction, cores } of share.sas) {
        const perSa = sums[direction];
        perSa.set(protection, (perSa.get(protection) ?? 0) + cores);
      }
    }
  });
  return scenario.hosts
    .map((host): HostLoad => {
      const coresUsed = used.get(host.id) ?? 0;
      const available = Math.max(0, host.cpu.cores);
      const busiestSa = busiestOf(sa.get(host.id));
      const utilisation = available > 0 ? coresUsed / available : coresUsed > 0 ? 1 : 0;
      return {
        host: host.id,
        cryptoCoresUsed: coresUsed,
        coresAvailable: available,
        utilisation,
        busiestSa,
        saturated: coresUsed > available || (busiestSa?.coresUsed ?? 0) > 1,
        flows: (flows.get(host.id) ?? []).map((j) => crypto[j]!.flow).sort(byId),
      };
    })
    .sort((a, b) => byId(a.host, b.host));
}

/** Wire load of every link, sorted by link id: each flow's per-hop wire Gbit/s (`wire`, NaN where the link is unknown), in flow-id order. */
export function linkLoads(
  scenario: Scenario,
  traces: ReadonlyMap<string, FlowTrace>,
  estimates: readonly { summary: FlowSummary; wire: readonly number[] }[],
): LinkLoad[] {
  const wire = new Map<string, number>();
  const flows = new Map<string, number[]>();
  estimates.forEach(({ summary, wire: perHop }, i) => {
    const trace = traces.get(summary.flow);
    if (!trace || perHop.length === 0) return;
    for (let j = 0; j < trace.hops.length; j++) {
      const gbps = perHop[j]!;
      if (Number.isNaN(gbps)) continue;
      const link = trace.hops[j]!.link;
      wire.set(link, (wire.get(link) ?? 0) + gbps);
      addPosition(flows, link, i);
    }
  });
  return scenario.links
    .map((link): LinkLoad => {
      const wireGbps = wire.get(link.id) ?? 0;
      const capacity = Math.max(0, link.gbps);
      const utilisation = capacity > 0 ? wireGbps / capacity : wireGbps > 0 ? 1 : 0;
      return {
        link: link.id,
        wireGbps,
        capacityGbps: capacity,
        utilisation,
        oversubscribed: wireGbps > capacity,
        flows: (flows.get(link.id) ?? []).map((j) => estimates[j]!.summary.flow).sort(byId),
      };
    })
    .sort((a, b) => byId(a.link, b.link));
}
