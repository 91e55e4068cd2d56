/**
 * ipsec-plaintext-window: OVS/OVN tunnel IPsec without the plaintext-drop policy sends tunnel
 * packets unencrypted until IKE has finished (SPEC §1.1 Overlay.ipsec.dropPlaintext, §2.1).
 */
import type { TunnelIpsec } from '../../../model/types.ts';
import type { Reason } from '../../types.ts';
import type { Rule } from './rule.ts';

/** OVS documentation on the race (Documentation/howto/ipsec.rst, vswitch.xml; domain-facts D.3). */
const OVS_RACE: Reason = {
  text:
    'OVS: "The default setting allows unencrypted packets to be sent before IPsec completes negotiation"; ' +
    '`other_config:ipsec_skb_mark=0/1` drops them',
};

function lacksDrop(ipsec: TunnelIpsec | undefined): ipsec is TunnelIpsec {
  return ipsec !== undefined && !ipsec.dropPlaintext;
}

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const ipsecPlaintextWindow: Rule = {
  id: 'ipsec-plaintext-window',
  title: 'Tunnel IPsec sends plaintext until IKE completes',
  severity: 'medium',
  description:
    'An IPsec-protected overlay or explicit tunnel lacks `dropPlaintext`, so its tunnel packets go out unencrypted until IKE has finished.',
  rationale:
    'ovs-monitor-ipsec configures the tunnel and the IKE connection separately; "if the former configuration completes ' +
    'before the latter, then packets sent by the local host over the tunnel can be transmitted in plaintext". The ' +
    'window reopens whenever the IKE daemon restarts or a negotiation fails. The exposure analysis shows the steady ' +
    'state only, so this rule is the one place the window is reported.',
  remediation:
    'Set `dropPlaintext: true` (OVS `other_config:ipsec_skb_mark=0/1`, which installs drop policies for unencrypted ' +
    'GRE / Geneve / VXLAN packets).',
  falsePositives:
    'Deployments that enforce the same drop with their own firewall rules (for example nftables dropping UDP 6081 ' +
    'without ESP) outside OVS.',
  check(ctx) {
    for (const overlay of ctx.scenario.overlays) {
      // A mesh of fewer than two members has no tunnel, hence no window.
      if (!lacksDrop(overlay.ipsec) || overlay.memberIds.length < 2) continue;
      ctx.report({
        subjects: [overlay.id],
        message:
          `IPsec on overlay ${overlay.id} (${overlay.type}, ${overlay.memberIds.length} members) does not drop plaintext: ` +
          'tunnel packets leave unencrypted until IKE has finished.',
        reasons: [OVS_RACE],
      });
    }
    for (const tunnel of ctx.scenario.tunnels) {
      if (!lacksDrop(tunnel.ipsec)) continue;
      const [a, b] = tunnel.between;
      ctx.report({
        subjects: [tunnel.id, a, b],
        message:
          `IPsec on tunnel ${tunnel.id} (${tunnel.type}, ${a} ↔ ${b}) does not drop plaintext: ` +
          'tunnel packets leave unencrypted until IKE has finished.',
        reasons: [OVS_RACE],
      });
    }
  },
};
