/**
 * double-encryption: two network-layer encryptions (IPsec, WireGuard) around the same packet on a
 * link — pure cost (SPEC §2.1; TLS and MACsec do not count).
 */
import type { Hop, Layer, Protection, Reason } from '../../types.ts';
import { listIds, plural, sortedById, sortedUnique, stackText } from './helpers/describe.ts';
import { protectionLayers } from './helpers/payload-cover.ts';
import type { Rule } from './rule.ts';

/** Every nesting of the same configured protections is one finding, over all its links and flows. */
interface Nesting {
  /** The protections, outermost first, as first seen. */
  protections: Protection[];
  links: string[];
  flows: string[];
  reasons: Reason[];
}

function describeProtection(protection: Protection): string {
  return `${protection.kind === 'wireguard' ? 'WireGuard' : 'IPsec'} ${protection.source}`;
}

/** Confidential IPsec / WireGuard layers on a hop: integrity-only ESP encrypts nothing, so it is no double cost. */
function networkEncryptions(hop: Hop): Layer[] {
  return protectionLayers(hop, ['ipsec', 'wireguard']).filter((layer) => layer.protection?.confidential);
}

function collectNestings(flows: readonly string[], traceOf: (flow: string) => Hop[]): Map<string, Nesting> {
  const nestings = new Map<string, Nesting>();
  for (const flow of flows) {
    for (const hop of traceOf(flow)) {
      const protections = networkEncryptions(hop).flatMap((layer) =>
        layer.protection ? [layer.protection] : [],
      );
      if (protections.length < 2) continue;
      const key = protections.map((p) => `${p.kind}:${p.source}`).join('>');
      const nesting = nestings.get(key) ?? { protections, links: [], flows: [], reasons: [] };
      if (!nesting.flows.includes(flow)) nesting.flows.push(flow);
      if (!nesting.links.includes(hop.link)) {
        nesting.links.push(hop.link);
        nesting.reasons.push({
          text: `link ${hop.link} (flow ${flow}): ${stackText(hop)}`,
          vantage: `link:${hop.link}`,
        });
      }
      nestings.set(key, nesting);
    }
  }
  return nestings;
}

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const doubleEncryption: Rule = {
  id: 'double-encryption',
  title: 'Packets encrypted twice at the network layer',
  severity: 'low',
  description:
    'Two network-layer encryptions (IPsec, WireGuard) wrap the same packet on a link, for example WireGuard around IPsec-protected tunnels.',
  rationale:
    'The inner encryption already hides everything the outer one hides from a tap between the same hosts, so the ' +
    'second layer adds per-packet headers (lower MTU for the workloads) and a second round of crypto on both ' +
    'endpoints (SPEC T1, T4) for no additional protection. TLS and MACsec protect other segments or the ' +
    'application and do not count.',
  remediation:
    'Keep one of the two: for example disable the overlay IPsec where WireGuard already carries the tunnel packets, ' +
    'or exclude the tunnel traffic from the host IPsec selector.',
  falsePositives:
    'Layers whose endpoints differ (a site-to-site tunnel between gateways around host-to-host IPsec) protect ' +
    'against different attackers, such as a compromised gateway; or defence in depth chosen on purpose.',
  check(ctx) {
    const flows = sortedById(ctx.scenario.flows).map((f) => f.id);
    const nestings = collectNestings(flows, (flow) => ctx.traces.get(flow)?.hops ?? []);
    for (const nesting of nestings.values()) {
      const [outer, ...inner] = nesting.protections;
      if (!outer) continue;
      ctx.report({
        subjects: sortedUnique([...nesting.protections.map((p) => p.source), ...nesting.links]),
        message:
          `${describeProtection(outer)} wraps ${listIds(inner.map(describeProtection))} on ` +
          `${plural(nesting.links.length, 'link')} ${listIds(nesting.links)}: ` +
          `${plural(nesting.flows.length, 'flow')} ${listIds(nesting.flows)} ${nesting.flows.length === 1 ? 'is' : 'are'} encrypted twice.`,
        reasons: nesting.reasons,
      });
    }
  },
};
