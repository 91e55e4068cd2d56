/**
 * crypto-cpu-saturated: with every flow at its demanded rate, a host needs more cores for
 * encryption than it has, or one IPsec SA needs more than the one core it runs on (SPEC T5, T7).
 */
import type { Reason } from '../../types.ts';
import { listIds, plural } from './helpers/describe.ts';
import type { Rule } from './rule.ts';

const cores = (n: number): string => n.toFixed(n >= 10 ? 0 : 1);

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const cryptoCpuSaturated: Rule = {
  id: 'crypto-cpu-saturated',
  title: 'Encryption needs more CPU than the host has',
  severity: 'medium',
  description:
    'At the demanded rates a host needs more cores for encryption than it has, or one IPsec SA needs more than one core.',
  rationale:
    'Software ESP, WireGuard and MACsec spend a fixed cost per packet plus cycles per byte (SPEC T4); one IPsec SA ' +
    'or one TCP flow runs on one core per direction because RSS hashes it to one queue (SPEC T5). Past 100 % the ' +
    'traffic is dropped or the flows slow down, and the same cores also serve the workloads.',
  remediation:
    'Use a NIC with IPsec packet offload (`ipsec-packet`) or MACsec offload, a CPU with AES-NI/VAES and AES-GCM ' +
    'instead of AES-CBC or ChaCha20, jumbo frames (fewer packets per byte), several SAs instead of one, or lower rates.',
  falsePositives:
    'Rates in the scenario that are peaks rather than sustained load; CPUs much faster per cycle than the ' +
    'calibration set (give the host its own `cpu.calibration` from `openssl speed`).',
  check(ctx) {
    for (const load of ctx.throughput.hosts) {
      if (!load.saturated) continue;
      const reasons: Reason[] = [
        {
          text: `${cores(load.cryptoCoresUsed)} of ${load.coresAvailable} cores spent on crypto for ${plural(load.flows.length, 'flow')} ${listIds(load.flows)}`,
        },
      ];
      const sa = load.busiestSa;
      if (sa && sa.coresUsed > 1)
        reasons.push({
          text: `the ${sa.direction} SA of ${sa.protection} needs ${cores(sa.coresUsed)} cores but runs on one (SPEC T5)`,
          protection: sa.protection,
        });
      const overHost = load.cryptoCoresUsed > load.coresAvailable;
      const what = overHost
        ? `needs ${cores(load.cryptoCoresUsed)} cores for encryption but has ${load.coresAvailable}`
        : `runs the ${sa!.direction} SA of ${sa!.protection} at ${cores(sa!.coresUsed)} cores' worth of work on one core`;
      ctx.report({
        subjects: [load.host, ...load.flows],
        message: `Host ${load.host} ${what} at the demanded rates of ${plural(load.flows.length, 'flow')} ${listIds(load.flows)}.`,
        reasons,
      });
    }
  },
};
