/**
 * `sa-not-established`: IPsec is wanted between two addresses but no SA exists — an xfrm policy
 * without a state, an IKE connection that is only routed, or an IPsec tunnel without any SA.
 * Whether packets are then dropped or sent in plaintext depends on what else is installed
 * (domain-facts D.3: OVS lets tunnel packets out in plaintext until IKE completes, unless
 * `ipsec_skb_mark` installs a drop policy).
 */
import type { InputFile } from '../input-file.ts';
import type { ImportFinding } from '../types.ts';
import { hostPart, isHostAddress } from '../xfrm-blocks.ts';
import type { EndIpsec } from './end-ipsec.ts';
import type { HostRecord } from './host-registry.ts';
import { normalizeAddress, selectorAddress } from './local-addresses.ts';
import type { TunnelEnd } from './tunnel-ends.ts';

/** One missing SA, keyed by host and peer address so the three sources report it once. */
export interface SaGap {
  host: HostRecord;
  remote: string;
  finding: ImportFinding;
}

function gap(host: HostRecord, remote: string, severity: ImportFinding['severity'], message: string): SaGap {
  return {
    host,
    remote,
    finding: {
      id: 'sa-not-established',
      severity,
      subjects: [host.id, remote].sort(),
      message: `${host.id} → ${remote}: ${message}`,
    },
  };
}

function policyGaps(host: HostRecord, input: InputFile): SaGap[] {
  if (!input.sawStates) return [];
  return input.policies.flatMap((p) => {
    const tmpl = p.templates.find((t) => t.proto === 'esp');
    if (
      p.dir !== 'out' ||
      p.action !== 'allow' ||
      !tmpl ||
      !isHostAddress(p.selector.src) ||
      !isHostAddress(p.selector.dst)
    )
      return [];
    const [src, dst] = [hostPart(p.selector.src), hostPart(p.selector.dst)].map(normalizeAddress) as [
      string,
      string,
    ];
    if (input.states.some((s) => normalizeAddress(s.src) === src && normalizeAddress(s.dst) === dst))
      return [];
    const fate = tmpl.optional
      ? 'the policy is optional (level use), so these packets leave in plaintext'
      : 'the kernel drops these packets until IKE completes (the tunnel is down)';
    return [
      gap(
        host,
        dst,
        tmpl.optional ? 'high' : 'medium',
        `the outbound xfrm policy at ${input.file}:${p.line} requires ESP but no SA is installed — ${fate}`,
      ),
    ];
  });
}

function ikeGaps(host: HostRecord, input: InputFile): SaGap[] {
  const installed = new Set(input.ike.children.filter((c) => c.state === 'INSTALLED').map((c) => c.name));
  return input.ike.children.flatMap((c) => {
    const remote = selectorAddress(c.remoteTs);
    if (c.state !== 'ROUTED' || installed.has(c.name) || remote === undefined) return [];
    return [
      gap(
        host,
        remote,
        'medium',
        `IKE connection ${c.name} (${input.file}:${c.line}) is routed but has no CHILD_SA: matching packets are held or dropped until IKE completes`,
      ),
    ];
  });
}

/** The tunnel-level gap: IPsec configured, SA outputs imported, but no SA for the tunnel. */
export function tunnelGap(end: TunnelEnd, ipsec: EndIpsec): SaGap | undefined {
  if (!ipsec.configured || ipsec.saSeen !== false) return undefined;
  if (ipsec.dropPlaintext === true)
    return gap(
      end.host,
      end.remote,
      'medium',
      `tunnel ${end.name} has no SA; the ipsec_skb_mark drop policy stops its plaintext packets (the tunnel is down)`,
    );
  if (ipsec.outPolicy === false)
    return gap(
      end.host,
      end.remote,
      'high',
      `tunnel ${end.name} has neither an SA nor an outbound xfrm policy: its packets leave in plaintext (OVS sends tunnel traffic unencrypted until IKE completes)`,
    );
  if (ipsec.outPolicy === true) return undefined; // reported by the policy check
  return gap(
    end.host,
    end.remote,
    'medium',
    `tunnel ${end.name} has no SA: its packets are dropped or sent in plaintext — import \`ip xfrm policy\` to tell which`,
  );
}

/** Policy and IKE gaps of one host-level file. */
export function findSaGaps(host: HostRecord, input: InputFile): SaGap[] {
  return [...policyGaps(host, input), ...ikeGaps(host, input)];
}

/** One finding per host and peer address, first source wins. */
export function dedupeGaps(gaps: readonly SaGap[]): ImportFinding[] {
  const seen = new Map<string, ImportFinding>();
  for (const g of gaps) {
    const key = `${g.host.id}|${g.remote}`;
    if (!seen.has(key)) seen.set(key, g.finding);
  }
  return [...seen.values()];
}
