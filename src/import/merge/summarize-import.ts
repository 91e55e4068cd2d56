/**
 * The import summary: counts, and the list of what the outputs could not tell — the user's
 * to-do list before the scenario means anything.
 */
import type { Scenario } from '../../model/types.ts';
import type { InputFile } from '../input-file.ts';
import type { ImportSummary } from '../types.ts';
import type { DecidedPair } from './build-overlays.ts';
import { OVN_NETWORK, UNASSIGNED_SITE } from './build-scenario.ts';

/** ESP SAs seen: kernel states where imported, else two per installed CHILD_SA (one each way, RFC 7296 §1.3). */
function countSas(inputs: readonly InputFile[]): number {
  return inputs.reduce((sum, input) => {
    if (input.sawStates) return sum + input.states.filter((s) => s.proto === 'esp').length;
    const installed = new Set(
      input.ike.children
        .filter((c) => c.state === 'INSTALLED')
        .map((c) => `${c.name}|${c.localTs}|${c.remoteTs}`),
    );
    return sum + 2 * installed.size;
  }, 0);
}

function assumed(
  decided: readonly DecidedPair[],
  what: DecidedPair['decision']['assumed'][number],
): string[] {
  return decided.filter((d) => d.decision.assumed.includes(what)).map((d) => d.pair.id);
}

function list(ids: readonly string[]): string {
  return ids.length > 4 ? `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more` : ids.join(', ');
}

/** Counts and the missing-information list for the scenario built from `inputs`. */
export function summarizeImport(
  scenario: Scenario,
  inputs: readonly InputFile[],
  decided: readonly DecidedPair[],
  ovnIpsec: boolean | undefined,
): ImportSummary {
  const missing = [
    `sites: every host is in site "${UNASSIGNED_SITE.id}" (trust ${UNASSIGNED_SITE.trust}) — move hosts to their real sites and set each site's trust`,
    'links and devices: status outputs do not show the physical network — add the links (and switches, routers, carriers) between hosts',
    'flows: add the traffic that matters (workload or host endpoints, ports, TLS)',
    'attackers: add the attacker positions to analyse',
    'host roles: compute assumed (gateway for OVN chassis with a chassisredirect port); CPU and NIC: SPEC defaults — set them for throughput estimates',
  ];
  if (scenario.workloads.length > 0)
    missing.push(
      `networks: all OVN port bindings were put on one overlay network "${OVN_NETWORK}" — split it by logical switch`,
    );
  else missing.push('workloads: none imported (OVN port bindings are imported from `ovn-sbctl show`)');
  for (const k of scenario.keystores)
    missing.push(
      k.kind === 'psk'
        ? `key store ${k.id}: where else the PSK is kept (deployment tool, secret store) — set its location`
        : `key store ${k.id}: where the CA private key is kept — set its location (or offline)`,
    );
  const placeholders = scenario.hosts.filter((h) => h.name?.startsWith('Tunnel peer')).map((h) => h.id);
  if (placeholders.length > 0)
    missing.push(`hosts ${list(placeholders)}: tunnel peers whose outputs were not imported`);
  const cipher = assumed(decided, 'cipher');
  if (cipher.length > 0)
    missing.push(
      `cipher of ${list(cipher)}: no SA seen, OVS default aes-gcm-256 assumed — import \`ip xfrm state\``,
    );
  const drop = assumed(decided, 'dropPlaintext');
  if (drop.length > 0)
    missing.push(
      `dropPlaintext of ${list(drop)}: unknown, false assumed — import \`ovs-vsctl get Open_vSwitch . other_config\` or \`ip xfrm policy\``,
    );
  const oneEnd = assumed(decided, 'one-end');
  if (oneEnd.length > 0)
    missing.push(`tunnels ${list(oneEnd)}: only one end imported — its IPsec is taken from that end`);
  if (ovnIpsec === undefined && decided.some((d) => d.pair.ovn && d.pair.ends.length === 0))
    missing.push(
      'OVN IPsec flag: `ovn-nbctl get NB_Global . ipsec` not imported — OVN tunnels with no interface output were imported unencrypted',
    );
  return { hosts: scenario.hosts.length, tunnels: decided.length, sas: countSas(inputs), missing };
}
