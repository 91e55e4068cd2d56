/**
 * provider-network-unencrypted: VLAN / flat networks bypass the node-to-node encryption that
 * protects the overlays (SPEC §2.1; OVS IPsec covers tunnel packets only, domain-facts D.3).
 */
import type { Flow, Scenario } from '../../../model/types.ts';
import type { FlowTrace, Reason } from '../../types.ts';
import { flowsOnNetwork, listIds, plural } from './helpers/describe.ts';
import { digestOf, type FlowDigest } from './helpers/flow-digest.ts';
import { plaintextHops } from './helpers/payload-cover.ts';
import { BARE, traceFacts } from './helpers/trace-facts.ts';
import type { Rule } from './rule.ts';

/** Overlays and tunnels whose IPsec encrypts, and WireGuard meshes: the node-to-node encryption in place. */
function overlayEncryption(scenario: Scenario): string[] {
  const encrypts = (ipsec: { cipher: string } | undefined): boolean =>
    ipsec !== undefined && ipsec.cipher !== 'null';
  return [
    ...scenario.overlays.filter((o) => encrypts(o.ipsec)).map((o) => o.id),
    ...scenario.tunnels.filter((t) => encrypts(t.ipsec)).map((t) => t.id),
    ...scenario.wireguard.filter((w) => w.members.length >= 2).map((w) => w.id),
  ];
}

/**
 * Why a flow counts for this rule (its first hop with no network-layer encryption), or nothing.
 * Kept per trace (traces never change once built), so an analysis session re-running the rule
 * after an edit reads only the traces it replaced.
 */
const bareByTrace = new WeakMap<FlowTrace, Reason | null>();

function bareReason(flow: Flow, trace: FlowTrace): Reason | undefined {
  let reason = bareByTrace.get(trace);
  if (reason === undefined) {
    const hop = traceFacts(trace) & BARE ? plaintextHops(trace, { ignoreTls: true })[0] : undefined;
    const tls = flow.tls ? ' (only its application TLS protects it)' : '';
    reason = hop ? { text: `flow ${flow.id} crosses ${hop.link} with no network-layer encryption${tls}`, vantage: `link:${hop.link}` } : null;
    bareByTrace.set(trace, reason);
  }
  return reason ?? undefined;
}

/** Why a flow on a VLAN or flat network counts (`bareReason`; null: it does not): all this rule reads of its trace. */
const bareDigest: FlowDigest<Reason | null> = {
  wants: (flow, _facts, index) => flow.network !== undefined && index.networks.get(flow.network)?.kind !== 'overlay',
  make: (flow, trace) => bareReason(flow, trace) ?? null,
};

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const providerNetworkUnencrypted: Rule = {
  id: 'provider-network-unencrypted',
  title: 'Provider network bypasses overlay encryption',
  severity: 'medium',
  description:
    'A VLAN or flat network carries flows between hosts unencrypted while the overlays are encrypted; application TLS does not count.',
  rationale:
    'OVS/OVN IPsec protects only the tunnel packets between two host addresses ("OVS does not currently provide any ' +
    'support for IPsec encryption for traffic not encapsulated in a tunnel"), and host IPsec or WireGuard never see ' +
    'frames bridged onto VLAN / flat provider networks. The operator who switched on node-to-node encryption is likely ' +
    "to believe these networks are covered too; the tenants' own TLS is not the operator's control.",
  remediation:
    'Move the traffic onto an encrypted overlay network, protect the provider segment with MACsec (`encrypt: true`) ' +
    'or a tunnel-mode IPsec between gateways, or document the network as deliberately unencrypted.',
  falsePositives:
    'Provider networks that only carry public or already end-to-end encrypted traffic by design, such as a public ' +
    'floating-IP network in front of TLS-terminating load balancers.',
  digest: bareDigest,
  check(ctx) {
    const encryption = overlayEncryption(ctx.scenario);
    if (encryption.length === 0) return;
    for (const network of ctx.scenario.networks) {
      if (network.kind === 'overlay') continue;
      const flows: string[] = [];
      const reasons: Reason[] = [];
      for (const flow of flowsOnNetwork(ctx, network.id)) {
        const reason = digestOf(bareDigest, ctx, flow.id);
        if (!reason) continue;
        flows.push(flow.id);
        reasons.push(reason);
      }
      if (flows.length === 0) continue;
      ctx.report({
        subjects: [network.id, ...flows],
        message:
          `${network.kind === 'vlan' ? 'VLAN' : 'Flat'} network ${network.id} carries ${plural(flows.length, 'flow')} ` +
          `${listIds(flows)} between hosts unencrypted, while ${listIds(encryption)} ` +
          `${encryption.length === 1 ? 'encrypts' : 'encrypt'} the overlay traffic.`,
        reasons,
      });
    }
  },
};
