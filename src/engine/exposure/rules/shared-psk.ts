/**
 * shared-psk: one pre-shared key authenticates IPsec on three or more hosts, so root on any one of
 * them can impersonate every other pair (SPEC §2.1, X5; domain-facts D.1).
 */
import type { Scenario } from '../../../model/types.ts';
import { listIds, sortedUnique } from './helpers/describe.ts';
import type { Rule } from './rule.ts';

/** With two hosts the key is theirs alone; a third holder is the first who can impersonate a pair it is not in. */
const MIN_HOSTS = 3;

interface PskUse {
  hosts: Set<string>;
  /** Overlays, tunnels and policies authenticated with the key store, in file order. */
  users: string[];
}

/** Hosts and configuring entities per PSK key store, over overlays, tunnels and `ipsec:` policies. */
function pskUses(scenario: Scenario): Map<string, PskUse> {
  const uses = new Map<string, PskUse>();
  const add = (keystore: string | undefined, user: string, hosts: readonly string[]): void => {
    if (keystore === undefined) return;
    const use = uses.get(keystore) ?? { hosts: new Set<string>(), users: [] };
    for (const host of hosts) use.hosts.add(host);
    use.users.push(user);
    uses.set(keystore, use);
  };
  for (const o of scenario.overlays) if (o.ipsec?.auth === 'psk') add(o.ipsec.keystore, o.id, o.memberIds);
  for (const t of scenario.tunnels) if (t.ipsec?.auth === 'psk') add(t.ipsec.keystore, t.id, t.between);
  for (const p of scenario.ipsec) if (p.auth === 'psk') add(p.keystore, p.id, p.endpoints);
  return uses;
}

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const sharedPsk: Rule = {
  id: 'shared-psk',
  title: 'One pre-shared key on many hosts',
  severity: 'medium',
  description:
    'One PSK key store authenticates tunnels or IPsec policies on three or more hosts, so root on any one of them can impersonate every pair.',
  rationale:
    'OVS and Antrea PSK mode put the same secret on every node (OVSDB `options:psk`, the IKE secrets file). IKE with ' +
    'Diffie-Hellman still derives per-pair session keys, so a passive tap learns nothing, but whoever holds the PSK ' +
    'can answer IKE as any member: root on one host, or a leak of the deployment secret, becomes a man in the middle ' +
    'between every other pair (SPEC X5). With certificates, one host compromise stays limited to its own tunnels.',
  remediation:
    'Use per-host certificates (`auth: ca`, as OVN IPsec does, or `cert`), or at least one PSK per host pair; keep the ' +
    'CA key offline.',
  falsePositives:
    'Small clusters where every member is equally trusted and administered by the same people, so compromising one ' +
    'already means compromising all.',
  check(ctx) {
    for (const [keystore, use] of pskUses(ctx.scenario)) {
      if (use.hosts.size < MIN_HOSTS) continue;
      const hosts = sortedUnique(use.hosts);
      const users = sortedUnique(use.users);
      ctx.report({
        subjects: [keystore, ...users],
        message:
          `Pre-shared key ${keystore} authenticates ${listIds(users)} on ${hosts.length} hosts (${listIds(hosts)}): ` +
          'root on any one of them can impersonate every other pair.',
        reasons: users.map((user) => ({
          text: `${user} authenticates its peers with PSK ${keystore}`,
          keystore,
        })),
      });
    }
  },
};
