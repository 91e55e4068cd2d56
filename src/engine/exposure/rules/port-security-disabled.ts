/**
 * port-security-disabled: a network without port security carries flows that a third workload on
 * it can intercept by ARP / MAC spoofing (SPEC §2.1, X4).
 */
import type { Reason } from '../../types.ts';
import { flowsOnNetwork, listIds, listSome, plural, sortedUnique } from './helpers/describe.ts';
import type { Rule } from './rule.ts';

/**
 * The attached workloads other than the flow's ends: the first six (all `listIds` ever prints) and
 * how many there are, so a 1,000-workload network costs six entries per flow, not a thousand.
 */
function othersThan(attached: readonly string[], from: string, to: string): { first: string[]; count: number } {
  const first: string[] = [];
  let count = 0;
  for (const w of attached) {
    if (w === from || w === to) continue;
    count++;
    if (first.length < 6) first.push(w);
  }
  return { first, count };
}

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const portSecurityDisabled: Rule = {
  id: 'port-security-disabled',
  title: 'Port security disabled on a shared network',
  severity: 'medium',
  description:
    'A network with `portSecurity: false` carries flows between workloads while other workloads on it could spoof their addresses.',
  rationale:
    'Without Neutron port security nothing stops a workload from sending with another MAC or IP address, so ARP ' +
    'poisoning makes it a man in the middle on the inner, unencapsulated frames (SPEC X4): tunnel IPsec and ' +
    'WireGuard do not help, because the attacker sits inside the overlay.',
  remediation:
    'Re-enable port security and list the extra addresses a workload legitimately uses in `allowed_address_pairs` ' +
    '(VRRP, load balancers), or move the flows to a network without untrusted workloads; use TLS for the flows.',
  falsePositives:
    'Networks whose every workload belongs to the same owner (a single appliance cluster that needs free MAC ' +
    'addresses), where spoofing gains nothing the owner lacks.',
  check(ctx) {
    for (const network of ctx.scenario.networks) {
      if (network.portSecurity) continue;
      const attached = sortedUnique(
        ctx.scenario.workloads.filter((w) => w.networks.includes(network.id)).map((w) => w.id),
      );
      const flows: string[] = [];
      const reasons: Reason[] = [];
      for (const flow of flowsOnNetwork(ctx, network.id)) {
        const others = othersThan(attached, flow.from, flow.to);
        if (others.count === 0) continue;
        flows.push(flow.id);
        reasons.push({
          text: `flow ${flow.id} (${flow.from} → ${flow.to}) can be intercepted by ${listSome(others.first, others.count)} with inject`,
          vantage: `workload:${others.first[0] ?? ''}`,
        });
      }
      if (flows.length === 0) continue;
      ctx.report({
        subjects: [network.id, ...flows],
        message:
          `Port security is off on network ${network.id}: other workloads on it can spoof addresses and intercept ` +
          `${plural(flows.length, 'flow')} ${listIds(flows)}.`,
        reasons,
      });
    }
  },
};
