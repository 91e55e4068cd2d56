/**
 * unreachable-flow: a flow has no path through the scenario (SPEC X1, §2.1): a finding, not an error.
 */
import type { Rule } from './rule.ts';

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const unreachableFlow: Rule = {
  id: 'unreachable-flow',
  title: 'Flow has no path',
  severity: 'medium',
  description: 'A flow has no path between its endpoints through links, forwarding hosts and devices.',
  rationale:
    'A flow without a path is exposed to no attacker, so every requirement passes for it vacuously: the analysis ' +
    'says nothing about traffic that the real network evidently does carry. Usually a link is missing, a ' +
    'forwarding host has the wrong role (only `network` and `gateway` hosts forward, SPEC X1), or an overlay has ' +
    'no gateway towards the destination.',
  remediation:
    'Add the missing link or device, give the forwarding host role `network` or `gateway`, or add a gateway member ' +
    'to the overlay; remove the flow if it no longer exists.',
  falsePositives:
    'Flows that are deliberately blocked (a firewall rule being planned) and kept as documentation.',
  scope: 'flow',
  check(ctx) {
    for (const result of ctx.flows) {
      if (result.path.length > 0 && result.unreachable === undefined) continue;
      const flow = ctx.index.flows.get(result.id);
      const ends = flow ? ` (${flow.from} → ${flow.to})` : '';
      const why = result.unreachable ?? ctx.traces.get(result.id)?.unreachable;
      ctx.report({
        subjects: [result.id],
        message: `Flow ${result.id}${ends} has no path${why ? `: ${why}` : ''}.`,
        reasons: why ? [{ text: why }] : [],
      });
    }
  },
};
