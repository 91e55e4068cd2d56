/**
 * Load with every flow at its demanded rate (SPEC T7): crypto cores per host against its cores (and
 * one core per IPsec SA, T5), and wire rate per link with every header and the framing counted.
 */
import type { Scenario } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';
import type { FlowTrace } from '../types.ts';
import { hopOverheadBytes } from './hop-mtu.ts';
import { ETHERNET_FRAMING_BYTES } from './packet-costs.ts';
import type { FlowEstimate, HostLoad, LinkLoad, SaLoad } from './types.ts';

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Crypto cores used on every host with a CPU, sorted by host id. */
export function hostLoads(scenario: Scenario, estimates: readonly FlowEstimate[]): HostLoad[] {
  const used = new Map<string, number>();
  const flows = new Map<string, Set<string>>();
  const sa = new Map<string, Map<string, number>>();
  for (const estimate of estimates) {
    for (const cost of estimate.cpuCostPerEndpoint) {
      if (cost.cryptoCyclesPerPacket <= 0) continue;
      used.set(cost.host, (used.get(cost.host) ?? 0) + cost.coresAtRate);
      flows.set(cost.host, (flows.get(cost.host) ?? new Set()).add(estimate.flow));
      const perSa = sa.get(cost.host) ?? new Map<string, number>();
      for (const term of cost.terms) {
        if (term.kind !== 'ipsec' || cost.cryptoCyclesPerPacket <= 0) continue;
        // Each direction of an IPsec pair is its own SA (own SPI), and RSS hashes one SPI to one
        // core (SPEC T5): the outbound and inbound SAs load different cores, so key by direction.
        const key = `${term.subject}\u0000${term.direction === 'decrypt' ? 'inbound' : 'outbound'}`;
        // The SA's share of the flow's crypto cores: its cycles over all crypto cycles.
        perSa.set(
          key,
          (perSa.get(key) ?? 0) +
            (cost.coresAtRate * term.cyclesPerPacket) / cost.cryptoCyclesPerPacket,
        );
      }
      sa.set(cost.host, perSa);
    }
  }
  return scenario.hosts
    .map((host): HostLoad => {
      const coresUsed = used.get(host.id) ?? 0;
      const available = Math.max(0, host.cpu.cores);
      const busiest = [...(sa.get(host.id) ?? new Map<string, number>()).entries()].sort(
        (a, b) => b[1] - a[1] || byId(a[0], b[0]),
      )[0];
      const [protection, direction] = busiest ? (busiest[0].split('\u0000') as [string, SaLoad['direction']]) : [];
      const busiestSa = busiest && protection && direction ? { protection, direction, coresUsed: busiest[1] } : null;
      const utilisation = available > 0 ? coresUsed / available : coresUsed > 0 ? 1 : 0;
      return {
        host: host.id,
        cryptoCoresUsed: coresUsed,
        coresAvailable: available,
        utilisation,
        busiestSa,
        saturated: coresUsed > available || (busiestSa?.coresUsed ?? 0) > 1,
        flows: [...(flows.get(host.id) ?? [])].sort(byId),
      };
    })
    .sort((a, b) => byId(a.host, b.host));
}

/** Wire load of every link, sorted by link id. */
export function linkLoads(
  scenario: Scenario,
  index: ScenarioIndex,
  traces: ReadonlyMap<string, FlowTrace>,
  estimates: readonly FlowEstimate[],
): LinkLoad[] {
  const wire = new Map<string, number>();
  const flows = new Map<string, string[]>();
  for (const estimate of estimates) {
    const trace = traces.get(estimate.flow);
    if (
      !trace ||
      estimate.packetBytes === null ||
      estimate.payloadBytes === null ||
      estimate.payloadBytes <= 0
    )
      continue;
    for (const hop of trace.hops) {
      const link = index.links.get(hop.link);
      if (!link) continue;
      const frame =
        estimate.packetBytes +
        hopOverheadBytes(hop.wraps, estimate.packetBytes, link.mtu) +
        ETHERNET_FRAMING_BYTES;
      wire.set(
        link.id,
        (wire.get(link.id) ?? 0) + (Math.max(0, estimate.rateGbps) * frame) / estimate.payloadBytes,
      );
      const list = flows.get(link.id);
      if (list) list.push(estimate.flow);
      else flows.set(link.id, [estimate.flow]);
    }
  }
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
        flows: [...new Set(flows.get(link.id) ?? [])].sort(byId),
      };
    })
    .sort((a, b) => byId(a.link, b.link));
}
