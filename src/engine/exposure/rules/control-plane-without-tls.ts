/**
 * control-plane-without-tls: an API, database, message-queue or live-migration flow without
 * application TLS (SPEC §2.1; SCS scs-0125 "Secure Connections", domain-facts D.4).
 */
import { sortedFlows } from './helpers/describe.ts';
import type { Rule } from './rule.ts';

/** Each control-plane channel: how messages name it, and what SCS scs-0125 (draft) requires (domain-facts D.4). */
const CHANNELS: ReadonlyMap<string, { name: string; requirement: string }> = new Map([
  ['api', { name: 'API', requirement: 'SCS scs-0125: internal and external API endpoints MUST use TLS' }],
  ['db', { name: 'Database', requirement: 'SCS scs-0125: database servers MUST be configured for TLS' }],
  [
    'mq',
    {
      name: 'Message-queue',
      requirement: 'SCS scs-0125: message-queue SSL (RabbitMQ, Qpid, Kafka) MUST be enabled and used',
    },
  ],
  [
    'migration',
    {
      name: 'Live-migration',
      requirement: 'SCS scs-0125 / OSSN-0007: live migration SHOULD be encrypted (QEMU-native TLS or SSH)',
    },
  ],
]);

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const controlPlaneWithoutTls: Rule = {
  id: 'control-plane-without-tls',
  title: 'Control-plane traffic without TLS',
  severity: 'medium',
  description: 'A flow of class `api`, `db`, `mq` or `migration` has no application TLS.',
  rationale:
    'Control-plane channels carry credentials, tokens, database rows and, for live migration, whole guest memory. ' +
    'The SCS Secure Connections standard (scs-0125, following the OpenStack Security Guide) requires TLS on API, ' +
    'database and message-queue connections and recommends it for migration, independently of any node-to-node ' +
    'encryption: TLS also protects against root on forwarding hosts and authenticates the server.',
  remediation:
    'Enable TLS on the service and in its clients (Mozilla "Intermediate" settings), for example ' +
    '`[database] connection = …?ssl_ca=…`, RabbitMQ `ssl = true`, libvirt `live_migration_with_native_tls`; then set ' +
    '`tls: true` on the flow.',
  falsePositives:
    'Flows that do use TLS but are not marked `tls: true` in the scenario, or traffic to a local socket modelled as a ' +
    'network flow.',
  scope: 'flow',
  check(ctx) {
    for (const flow of sortedFlows(ctx)) {
      const key = flow.class?.trim().toLowerCase();
      const channel = key === undefined ? undefined : CHANNELS.get(key);
      if (flow.tls || channel === undefined) continue;
      ctx.report({
        subjects: [flow.id],
        message: `${channel.name} flow ${flow.id} (${flow.from} → ${flow.to}) runs without TLS.`,
        reasons: [{ text: channel.requirement }],
      });
    }
  },
};
