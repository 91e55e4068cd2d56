/**
 * ca-key-on-workload-host: a CA or static key is kept on a host that also runs tenant VMs or
 * containers (SPEC §2.1, X4 "every key store located there").
 */
import { listIds } from './helpers/describe.ts';
import type { Rule } from './rule.ts';

/** Workload kinds that run code the operator does not control (SPEC §2.1: `vm` or `container`). */
const TENANT_KINDS: readonly string[] = ['vm', 'container'];

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const caKeyOnWorkloadHost: Rule = {
  id: 'ca-key-on-workload-host',
  title: 'CA or static key on a host with tenant workloads',
  severity: 'high',
  description:
    'A CA or static key store is located on a host that also runs tenant workloads (`vm` or `container`).',
  rationale:
    'Root on a host holds every key store located there (SPEC X4). A CA key lets its holder mint a certificate for any ' +
    'host and impersonate it in IKE; a static key decrypts every SA keyed with it, passively. A hypervisor running ' +
    'tenant code is the host most exposed to guest escapes and noisy co-tenants, so it is the worst place for a key ' +
    'whose loss compromises every host instead of one.',
  remediation:
    'Keep CA keys offline or in an HSM / vault on a dedicated controller, and issue per-host certificates; replace ' +
    'static keys by IKE-negotiated SAs.',
  falsePositives:
    'Key stores modelled on the host only because a deployment tool runs there, while the key itself sits in an HSM; ' +
    'model such a key store with kind `hsm`.',
  check(ctx) {
    for (const keystore of ctx.scenario.keystores) {
      if ((keystore.kind !== 'ca' && keystore.kind !== 'static') || keystore.location === undefined) continue;
      const host = keystore.location;
      const tenants = (ctx.index.workloadsByHost.get(host) ?? []).filter((w) =>
        TENANT_KINDS.includes(w.kind),
      );
      if (tenants.length === 0) continue;
      const ids = tenants.map((w) => w.id);
      const what = keystore.kind === 'ca' ? 'CA key' : 'static IPsec key';
      ctx.report({
        subjects: [keystore.id, host],
        message:
          `${what} ${keystore.id} is kept on host ${host}, which also runs tenant workloads ${listIds(ids)}: ` +
          `whoever escapes one of them holds the key for every host.`,
        reasons: [
          {
            text: `root on ${host} holds every key store located there`,
            vantage: `host:${host}`,
            keystore: keystore.id,
            via: 'root',
          },
        ],
      });
    }
  },
};
