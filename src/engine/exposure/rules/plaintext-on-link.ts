/**
 * plaintext-on-link: some flow's payload crosses a physical link with no confidentiality layer
 * around it (SPEC §2.1, X8 "plaintext").
 */
import type { FlowTrace, Reason } from '../../types.ts';
import { isTrustedLink, LabelTexts, listIds, plural, stackText } from './helpers/describe.ts';
import { plaintextHops } from './helpers/payload-cover.ts';
import type { Rule } from './rule.ts';

/**
 * The reasons a trace gives this rule, per link it crosses in plaintext, in hop order. Kept per
 * trace (a trace's path never changes once built, its labels only with a cipher edit): an analysis
 * session reports a busy link again after every edit that touches it, and such a link can carry
 * thousands of plaintext flows.
 */
const reasonsByTrace = new LabelTexts<FlowTrace, Map<string, Reason[]>>();

function plaintextReasons(trace: FlowTrace): Map<string, Reason[]> {
  let byLink = reasonsByTrace.get(trace);
  if (!byLink) {
    byLink = new Map();
    for (const hop of plaintextHops(trace)) {
      const reason = { text: `flow ${trace.flow} on ${hop.link}: ${stackText(hop)}`, vantage: `link:${hop.link}` };
      const list = byLink.get(hop.link);
      if (list) list.push(reason);
      else byLink.set(hop.link, [reason]);
    }
    reasonsByTrace.set(trace, byLink);
  }
  return byLink;
}

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
  scope: 'link',
  check(ctx) {
    // A link's flows with plaintext payload are its X8 status flows when that status is plaintext
    // (the same keyless-tap reading), already sorted by id: only those flows' traces are read.
    const statuses = new Map(ctx.links.map((s) => [s.id, s]));
    for (const link of ctx.scenario.links) {
      if (ctx.onlyLinks && !ctx.onlyLinks.has(link.id)) continue;
      const status = statuses.get(link.id);
      if (status?.status !== 'plaintext' || status.flows.length === 0) continue;
      const flows = status.flows;
      const reasons: Reason[] = [];
      for (const flow of flows) {
        const trace = ctx.traces.get(flow);
        const own = trace ? plaintextReasons(trace).get(link.id) : undefined;
        if (own) for (const reason of own) reasons.push(reason);
      }
      const trusted = isTrustedLink(ctx.index, link);
      ctx.report({
        subjects: [link.id, ...flows],
        message:
          `Link ${link.id} (${link.between.join(' – ')}) carries the payload of ${plural(flows.length, 'flow')} ` +
          `${listIds(flows)} in plaintext${trusted ? ` inside trusted site ${link.site ?? ''}` : ''}.`,
        reasons,
        severity: trusted ? 'info' : 'medium',
      });
    }
  },
};
