/**
 * plaintext-on-link: some flow's payload crosses a physical link with no confidentiality layer
 * around it (SPEC §2.1, X8 "plaintext").
 */
import type { Reason } from '../../types.ts';
import { isTrustedLink, listIds, plural, sortedFlows, stackText } from './helpers/describe.ts';
import { plaintextHops } from './helpers/payload-cover.ts';
import { flowFacts, PLAINTEXT } from './helpers/trace-facts.ts';
import type { Rule } from './rule.ts';

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const plaintextOnLink: Rule = {
  id: 'plaintext-on-link',
  title: 'Payload in plaintext on a link',
  severity: 'medium',
  description:
    'Some flow crosses a link with its payload in plaintext; informational when the link lies inside a trusted site.',
  rationale:
    'Anyone who can tap the link (a mirror port, an optical splitter, a compromised switch) reads the payload and, ' +
    'with VXLAN or Geneve unprotected, can inject frames into the tenant network (SPEC X7). Inside an ' +
    'operator-controlled building that may be an accepted risk, hence informational there.',
  remediation:
    'Protect the traffic on this link: TLS in the application for the flows listed, IPsec or WireGuard between the ' +
    'hosts for everything, or MACsec with `encrypt: true` for this link alone.',
  falsePositives:
    'Public data (sensitivity `public`) or links the threat model deliberately trusts; lower the noise by marking the ' +
    'site `trusted`, which turns these findings informational.',
  check(ctx) {
    const flowsByLink = new Map<string, string[]>();
    const reasonsByLink = new Map<string, Reason[]>();
    const facts = flowFacts(ctx);
    sortedFlows(ctx).forEach((flow, i) => {
      const trace = ctx.traces.get(flow.id);
      if (!trace || !(facts[i]! & PLAINTEXT)) return;
      for (const hop of plaintextHops(trace)) {
        const flows = flowsByLink.get(hop.link);
        // Flows come one at a time, so a flow already listed for this link is the last one listed.
        if (flows && flows[flows.length - 1] === flow.id) continue;
        if (flows) flows.push(flow.id);
        else flowsByLink.set(hop.link, [flow.id]);
        const reason = {
          text: `flow ${flow.id} on ${hop.link}: ${stackText(hop)}`,
          vantage: `link:${hop.link}`,
        };
        const reasons = reasonsByLink.get(hop.link);
        if (reasons) reasons.push(reason);
        else reasonsByLink.set(hop.link, [reason]);
      }
    });
    for (const link of ctx.scenario.links) {
      const flows = flowsByLink.get(link.id);
      if (!flows) continue;
      const trusted = isTrustedLink(ctx.index, link);
      ctx.report({
        subjects: [link.id, ...flows],
        message:
          `Link ${link.id} (${link.between.join(' – ')}) carries the payload of ${plural(flows.length, 'flow')} ` +
          `${listIds(flows)} in plaintext${trusted ? ` inside trusted site ${link.site ?? ''}` : ''}.`,
        reasons: reasonsByLink.get(link.id) ?? [],
        severity: trusted ? 'info' : 'medium',
      });
    }
  },
};
