/**
 * link-oversubscribed: with every flow at its demanded rate, a link carries more than its capacity
 * once every encapsulation, encryption header and Ethernet framing is counted (SPEC T3, T7).
 */
import { listIds, plural } from './helpers/describe.ts';
import type { Rule } from './rule.ts';

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const linkOversubscribed: Rule = {
  id: 'link-oversubscribed',
  title: 'Link carries more than its capacity',
  severity: 'medium',
  description:
    'At the demanded rates a link carries more bits than its capacity, headers and framing included.',
  rationale:
    'Every tunnel and encryption layer adds bytes to each packet (Geneve with one OVN option 58, ESP 34–37, ' +
    'WireGuard 60, MACsec 32) and every frame costs 38 bytes of preamble, FCS and gap (SPEC T3): a link that fits the ' +
    'payload can still be over 100 % once they are counted. The excess is queued and dropped.',
  remediation:
    'Raise the link rate or add links, use jumbo frames (fewer headers per byte), or lower the rates.',
  falsePositives: 'Rates in the scenario that are peaks that do not coincide.',
  scope: 'link',
  check(ctx) {
    for (const load of ctx.throughput.links) {
      if (!load.oversubscribed || (ctx.onlyLinks && !ctx.onlyLinks.has(load.link))) continue;
      const pct = Math.round(100 * load.utilisation);
      ctx.report({
        subjects: [load.link, ...load.flows],
        message:
          `Link ${load.link} carries ${load.wireGbps.toFixed(2)} Gbit/s on the wire (${pct} % of its ${load.capacityGbps} Gbit/s) ` +
          `for ${plural(load.flows.length, 'flow')} ${listIds(load.flows)}.`,
        reasons: [
          {
            text: `wire rate with every header and 38 bytes of framing per frame: ${load.wireGbps.toFixed(2)} Gbit/s > ${load.capacityGbps} Gbit/s`,
            vantage: `link:${load.link}`,
          },
        ],
      });
    }
  },
};
