/**
 * plaintext-on-link: some flow's payload crosses a physical link with no confidentiality layer
 * around it (SPEC §2.1, X8 "plaintext").
 */
import type { Reason } from '../../types.ts';
import { isTrustedLink, listIds, plural, sortedById, stackText } from './helpers/describe.ts';
import { plaintextHops } from './helpers/payload-cover.ts';
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
    for (const flow of sortedById(ctx.scenario.flows)) {
      const trace = ctx.traces.get(flow.id);
      if (!trace) continue;
      for (const hop of plaintextHops(trace)) {
        const flows = flowsByLink.get(hop.link) ?? [];
        if (flows.includes(flow.id)) continue;
        flowsByLink.set(hop.link, [...flows, flow.id]);
        const reason = {
          text: `flow ${flow.id} on ${hop.link}: ${stackText(hop)}`,
          vantage: `link:${hop.link}`,
        };
        reasonsByLink.set(hop.link, [...(reasonsByLink.get(hop.link) ?? []), reason]);
      }
    }
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
