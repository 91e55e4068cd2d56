/**
 * The explicit, ordered registry of finding rules (STYLE "Rules"): a rule file that is not listed
 * here does not run, and the conformance test fails.
 */
import { caKeyOnWorkloadHost } from './ca-key-on-workload-host.ts';
import { controlPlaneWithoutTls } from './control-plane-without-tls.ts';
import { cryptoCpuSaturated } from './crypto-cpu-saturated.ts';
import { doubleEncryption } from './double-encryption.ts';
import { integrityOnly } from './integrity-only.ts';
import { ipsecPlaintextWindow } from './ipsec-plaintext-window.ts';
import { linkOversubscribed } from './link-oversubscribed.ts';
import { mtuTooSmall } from './mtu-too-small.ts';
import { plaintextLeavesSite } from './plaintext-leaves-site.ts';
import { plaintextOnLink } from './plaintext-on-link.ts';
import { portSecurityDisabled } from './port-security-disabled.ts';
import { providerNetworkUnencrypted } from './provider-network-unencrypted.ts';
import { requirementFailed } from './requirement-failed.ts';
import type { Rule } from './rule.ts';
import { sharedPsk } from './shared-psk.ts';
import { unreachableFlow } from './unreachable-flow.ts';

/** Every v1 rule: SPEC §2.1 order, then the load rules of SPEC T7 (the explain panel's order; findings are sorted anyway). */
export const rules: readonly Rule[] = [
  plaintextLeavesSite,
  plaintextOnLink,
  providerNetworkUnencrypted,
  ipsecPlaintextWindow,
  sharedPsk,
  caKeyOnWorkloadHost,
  integrityOnly,
  doubleEncryption,
  controlPlaneWithoutTls,
  mtuTooSmall,
  portSecurityDisabled,
  unreachableFlow,
  requirementFailed,
  linkOversubscribed,
  cryptoCpuSaturated,
];
