/**
 * plaintext-leaves-site: a confidential flow's payload leaves the operator's security domain
 * unencrypted (SPEC §2.1, RFC 8926 §6.1.1).
 */
import type { ScenarioIndex } from '../../scenario-index.ts';
import type { FlowTrace, Hop, Reason } from '../../types.ts';
import { carrierEnds, linkTrust, listIds, plural, sortedFlows, sortedUnique, stackText } from './helpers/describe.ts';
import { digestOf, type FlowDigest } from './helpers/flow-digest.ts';
import { plaintextHops } from './helpers/payload-cover.ts';
import { flowFacts, PLAINTEXT } from './helpers/trace-facts.ts';
import type { Rule } from './rule.ts';

/** Why a hop lies outside the security domain, or undefined when it lies inside a trusted site. */
function outsideDomain(index: ScenarioIndex, hop: Hop): { why: string; carriers: string[] } | undefined {
  const link = index.links.get(hop.link);
  if (!link) return undefined;
  const carriers = carrierEnds(index, link);
  if (carriers.length > 0) return { why: `enters carrier network ${listIds(carriers)}`, carriers };
  if (link.site === undefined) return { why: `runs between sites ${listIds(link.between)}`, carriers };
  const trust = linkTrust(index, link);
  if (trust === 'shared' || trust === 'untrusted')
    return { why: `lies in ${trust} site ${link.site}`, carriers };
  return undefined;
}

/** The links outside the security domain where a trace's payload is plaintext, their carriers, and why. */
interface LeavingHops {
  links: string[];
  carriers: string[];
  reasons: Reason[];
}

function leavingHops(index: ScenarioIndex, trace: FlowTrace): LeavingHops {
  const links: string[] = [];
  const carriers: string[] = [];
  const reasons: Reason[] = [];
  for (const hop of plaintextHops(trace)) {
    const outside = outsideDomain(index, hop);
    if (!outside || links.includes(hop.link)) continue;
    links.push(hop.link);
    carriers.push(...outside.carriers);
    const text = `link ${hop.link} ${outside.why}; payload plaintext there: ${stackText(hop)}`;
    reasons.push({ text, vantage: `link:${hop.link}` });
  }
  return { links, carriers, reasons };
}

/** What this rule reads of a confidential flow's trace whose payload is plaintext somewhere. */
const leavingDigest: FlowDigest<LeavingHops> = {
  wants: (flow, facts) => (facts & PLAINTEXT) !== 0 && flow.sensitivity === 'confidential',
  make: (_flow, trace, index) => leavingHops(index, trace),
};

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const plaintextLeavesSite: Rule = {
  id: 'plaintext-leaves-site',
  title: 'Confidential data leaves the site in plaintext',
  severity: 'high',
  description:
    "A confidential flow's payload crosses, in plaintext, a link in a shared or untrusted site, a link between sites, or a carrier network.",
  rationale:
    "RFC 8926 §6.1.1: overlay data leaving the data centre network beyond the operator's security domain SHOULD be " +
    'secured by encryption such as IPsec or another VPN. VXLAN, Geneve and GRE themselves provide no confidentiality, ' +
    'so anyone who can tap a colocation cross-connect, a shared building or a carrier circuit reads the data.',
  remediation:
    'Encrypt before the traffic leaves the trusted site: IPsec on the overlay (OVN `ipsec=true` with per-chassis ' +
    'certificates), a site-to-site IPsec tunnel between the gateways, WireGuard between the hosts, or TLS in the application.',
  falsePositives:
    'A circuit modelled as shared or between sites that the operator in fact controls end to end (dark fibre inside ' +
    "one security domain), or data marked confidential that is public: fix the site's trust or the flow's sensitivity.",
  scope: 'flow',
  digest: leavingDigest,
  check(ctx) {
    // Each flow reports its own finding, so walking them in id order changes nothing but speed.
    const facts = flowFacts(ctx);
    const flows = sortedFlows(ctx);
    for (let i = 0; i < flows.length; i++) {
      const flow = flows[i]!;
      // The flows the digest is worked out for: the same test, so a one-shot analysis has each one's.
      if (!leavingDigest.wants(flow, facts[i]!, ctx.index)) continue;
      const leaving = digestOf(leavingDigest, ctx, flow.id);
      if (!leaving || leaving.links.length === 0) continue;
      const { links, carriers, reasons } = leaving;
      ctx.report({
        subjects: sortedUnique([flow.id, ...links, ...carriers]),
        message:
          `Confidential flow ${flow.id} (${flow.from} → ${flow.to}) leaves the trusted sites in plaintext on ` +
          `${plural(links.length, 'link')} ${listIds(links)}.`,
        reasons,
      });
    }
  },
};
