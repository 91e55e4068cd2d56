/**
 * plaintext-on-link: some flow's payload crosses a physical link with no confidentiality layer
 * around it (SPEC §2.1, X8 "plaintext").
 */
import type { FlowTrace, LinkStatus, Reason } from '../../types.ts';
import { lowerBound } from '../../sorted-lists.ts';
import { isTrustedLink, listIds, plural, stackText } from './helpers/describe.ts';
import { digestOf, type FlowDigest } from './helpers/flow-digest.ts';
import { plaintextHops } from './helpers/payload-cover.ts';
import { PLAINTEXT } from './helpers/trace-facts.ts';
import type { Rule, RuleContext } from './rule.ts';

/**
 * The reasons a trace gives this rule, per link it crosses in plaintext, in hop order. Kept per
 * trace: an analysis session reports a busy link again after every edit that touches it, and such
 * a link can carry thousands of plaintext flows. A trace's path never changes once built, and
 * these texts outlive a cipher edit too, which renames ESP layers in place: such an edit swaps one
 * confidential cipher for another (session/update-ciphers.ts), and a confidential ESP layer covers
 * the payload (SPEC X3), so no stack with a renamed layer is a plaintext hop's.
 */
const reasonsByTrace = new WeakMap<FlowTrace, Map<string, Reason[]>>();

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

/** The reasons per link of a flow whose payload is plaintext somewhere (`PLAINTEXT`): all this rule reads of its trace. */
const reasonsDigest: FlowDigest<Map<string, Reason[]>> = {
  wants: (_flow, facts) => (facts & PLAINTEXT) !== 0,
  make: (_flow, trace) => plaintextReasons(trace),
};

/** A link's reasons as last reported: its flows then (a copy), and where each flow's reasons end. */
interface LinkReasons {
  flows: readonly string[];
  ends: Int32Array;
  reasons: Reason[];
}

/**
 * Per trace map (an analysis session keeps one, edited in place), each link's reasons as last
 * reported. A session's edit reports a busy link again with thousands of flows of which a few were
 * traced again: the others' reasons are the ones reported last, taken by position, without
 * looking each flow's trace up (issue 8: a moved VM re-reports its spine uplinks). They outlive a
 * cipher edit, as `reasonsByTrace` does: a VM moved after one used to make every reason of its
 * busy links again (about 0.1 s at 1,000 hosts).
 */
const linkReasons = new WeakMap<ReadonlyMap<string, FlowTrace>, Map<string, LinkReasons>>();

/**
 * The links' reasons as last reported over `traces`; `fresh` for a run over every link, which
 * reports them all again (a link no longer reported must not keep reasons from before).
 */
function reportedOver(traces: ReadonlyMap<string, FlowTrace>, fresh: boolean): Map<string, LinkReasons> {
  let byLink = fresh ? undefined : linkReasons.get(traces);
  if (!byLink) linkReasons.set(traces, (byLink = new Map()));
  return byLink;
}

/**
 * The reasons of `link` for its plaintext `flows` (sorted by id), in flow order. With `retraced`
 * (sorted), the flows it does not name keep the reasons reported last for this link.
 */
function reasonsOn(link: string, flows: readonly string[], ctx: RuleContext, byLink: Map<string, LinkReasons>, retraced: readonly string[] | undefined): Reason[] {
  const old = retraced ? byLink.get(link) : undefined;
  const reasons: Reason[] = [];
  const ends = new Int32Array(flows.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i]!;
    let kept = false;
    if (old) {
      // Both lists are in id order (as the retraced ids): walked side by side, mostly the same strings.
      while (j < old.flows.length && old.flows[j] !== flow && old.flows[j]! < flow) j++;
      while (k < retraced!.length && retraced![k] !== flow && retraced![k]! < flow) k++;
      if (j < old.flows.length && old.flows[j] === flow && retraced![k] !== flow) {
        for (let r = j === 0 ? 0 : old.ends[j - 1]!; r < old.ends[j]!; r++) reasons.push(old.reasons[r]!);
        j++;
        kept = true;
      }
    }
    if (!kept) {
      const own = digestOf(reasonsDigest, ctx, flow)?.get(link);
      if (own) for (const reason of own) reasons.push(reason);
    }
    ends[i] = reasons.length;
  }
  byLink.set(link, { flows: flows.slice(), ends, reasons });
  return reasons;
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
  digest: reasonsDigest,
  check(ctx) {
    // A link's flows with plaintext payload are its X8 status flows when that status is plaintext
    // (the same keyless-tap reading), already sorted by id: only those flows' traces are read.
    // After an edit only the links it changed, each looked up (statuses are sorted by id), rather
    // than every link of the scenario walked and every status put in a map; the order of reports
    // does not matter, as findings are sorted.
    const only = ctx.onlyLinks;
    const statuses = only ? undefined : new Map(ctx.links.map((s) => [s.id, s]));
    const statusOf = (id: string): LinkStatus | undefined => {
      if (statuses) return statuses.get(id);
      const found = ctx.links[lowerBound(ctx.links, (s) => s.id < id)];
      return found?.id === id ? found : undefined;
    };
    // A one-shot analysis (it hands in digests) is never edited: it keeps no reasons for an edit.
    const reported = ctx.digests ? new Map<string, LinkReasons>() : reportedOver(ctx.traces, !only);
    const links = only ? [...only].flatMap((id) => ctx.index.links.get(id) ?? []) : ctx.scenario.links;
    for (const link of links) {
      const status = statusOf(link.id);
      if (status?.status !== 'plaintext' || status.flows.length === 0) {
        reported.delete(link.id);
        continue;
      }
      const flows = status.flows;
      const reasons = reasonsOn(link.id, flows, ctx, reported, ctx.onlyLinks ? ctx.retraced : undefined);
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
