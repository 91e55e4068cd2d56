/**
 * mtu-too-small: a network's configured MTU does not fit through the underlay once every
 * encapsulation and encryption layer is added (SPEC §2.1, T2).
 */
import type { Reason } from '../../types.ts';
import { flowsOnNetwork, listIds, plural } from './helpers/describe.ts';
import type { Rule } from './rule.ts';

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const mtuTooSmall: Rule = {
  id: 'mtu-too-small',
  title: 'Network MTU larger than the path allows',
  severity: 'medium',
  description:
    "A network's MTU is larger than what fits through the underlay after all encapsulation and encryption, so packets are fragmented or dropped.",
  rationale:
    'Every tunnel and encryption layer takes bytes out of the link MTU (on IPv4: Geneve with one OVN option 58 bytes, ' +
    'ESP transport with AES-GCM 34–37 more, so a 1500-byte underlay leaves 1408; SPEC T1, T2). VXLAN endpoints must ' +
    'not fragment (RFC 7348 §4.3) and OVS sets DF on tunnel packets by default (`options:df_default`), so ' +
    'full-size workload packets vanish or are fragmented: TCP sessions that hang after the handshake, stalled ' +
    'transfers, costly reassembly.',
  remediation:
    "Lower the network's `mtu` to the smallest inner MTU of its flows (or leave it unset so Plainsight derives it), " +
    'or raise the underlay MTU (jumbo frames, for example 9000 on the links and NICs).',
  falsePositives:
    'Networks whose flows never send full-size packets, or where MSS clamping on a router hides the mismatch for TCP.',
  check(ctx) {
    if (!ctx.scenario.networks.some((n) => n.mtu !== undefined)) return;
    const innerMtu = new Map(ctx.flows.map((f) => [f.id, f.innerMtu]));
    for (const network of ctx.scenario.networks) {
      const mtu = network.mtu;
      // A network without `mtu` takes the smallest inner MTU of its flows, so it always fits (SPEC T2).
      if (mtu === undefined) continue;
      const tooSmall: { flow: string; innerMtu: number }[] = [];
      for (const flow of flowsOnNetwork(ctx, network.id)) {
        const fits = innerMtu.get(flow.id);
        if (fits !== null && fits !== undefined && fits < mtu) {
          tooSmall.push({ flow: flow.id, innerMtu: fits });
        }
      }
      if (tooSmall.length === 0) continue;
      const smallest = tooSmall.reduce((min, t) => Math.min(min, t.innerMtu), Infinity);
      const flows = tooSmall.map((t) => t.flow);
      const reasons: Reason[] = tooSmall.map((t) => ({
        text: `flow ${t.flow}: at most ${t.innerMtu} bytes fit through its path, ${mtu - t.innerMtu} fewer than the network MTU`,
      }));
      ctx.report({
        subjects: [network.id, ...flows],
        message:
          `Network ${network.id} has MTU ${mtu} but only ${smallest} bytes fit through the underlay for ` +
          `${plural(flows.length, 'flow')} ${listIds(flows)}: larger packets are fragmented or dropped.`,
        reasons,
      });
    }
  },
};
