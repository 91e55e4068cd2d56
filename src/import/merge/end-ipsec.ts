/**
 * What one host's outputs say about IPsec on one tunnel end: whether OVS is configured for it
 * (`psk`, `remote_cert` or `remote_name` option — ipsec/ovs-monitor-ipsec.in), how peers
 * authenticate, NAT-T, the plaintext-drop policy, and which SAs the kernel or IKE daemon shows.
 */
import type { IpsecAuth, IpsecCipher, TunnelType } from '../../model/types.ts';
import type { InputFile } from '../input-file.ts';
import { fingerprintSecret } from '../sha256.ts';
import type { XfrmPolicy } from '../types.ts';
import { isHostAddress } from '../xfrm-blocks.ts';
import { normalizeAddress, selectorAddress } from './local-addresses.ts';
import type { TunnelEnd } from './tunnel-ends.ts';

/** IPsec evidence of one end; `undefined` fields mean "the outputs do not say". */
export interface EndIpsec {
  configured: boolean;
  auth?: Exclude<IpsecAuth, 'static'>;
  pskFingerprint?: string;
  natT: boolean;
  dropPlaintext?: boolean;
  ciphers: IpsecCipher[];
  /** Algorithms seen on SAs that no scenario cipher names (e.g. AES-192-GCM). */
  otherAlgorithms: string[];
  saSeen?: boolean;
  outPolicy?: boolean;
}

/** Tunnel packets by encapsulation: Geneve UDP 6081 (RFC 8926 §3.3), VXLAN UDP 4789 (RFC 7348 §5), GRE protocol 47. */
const TUNNEL_TRAFFIC: Record<TunnelType, { proto: string; port?: number }> = {
  geneve: { proto: 'udp', port: 6081 },
  vxlan: { proto: 'udp', port: 4789 },
  gre: { proto: 'gre' },
};

const YES = new Set(['yes', 'true']);

function isDropPolicy(policy: XfrmPolicy, type: TunnelType): boolean {
  const traffic = TUNNEL_TRAFFIC[type];
  const sel = policy.selector;
  return (
    policy.action === 'block' &&
    policy.dir === 'out' &&
    (sel.proto === undefined || sel.proto === traffic.proto) &&
    (traffic.port === undefined || sel.dport === undefined || sel.dport === traffic.port)
  );
}

/** `other_config:ipsec_skb_mark` (vswitch.xml "Plaintext Tunnel Policy") or an xfrm block policy for the tunnel's packets. */
function dropEvidence(end: TunnelEnd, input: InputFile): boolean | undefined {
  if (end.skbMark !== undefined || input.otherConfig?.ipsec_skb_mark !== undefined) return true;
  if (input.policies.some((p) => isDropPolicy(p, end.type))) return true;
  // Known absent: other_config or the policy list was imported, or tunnels/show said "SKB mark: None".
  const shownByMonitor = input.monitorTunnels.some((t) => t.name === end.name);
  return input.otherConfig !== undefined || input.sawPolicies || shownByMonitor ? false : undefined;
}

function matchesPair(a: string | undefined, b: string | undefined, end: TunnelEnd): boolean {
  const [x, y] = [a && normalizeAddress(a), b && normalizeAddress(b)];
  if (x === end.remote) return end.local === undefined || y === end.local;
  if (y === end.remote) return end.local === undefined || x === end.local;
  return false;
}

function observe(end: TunnelEnd, input: InputFile, ipsec: EndIpsec): void {
  const states = input.states.filter((s) => s.proto === 'esp' && matchesPair(s.src, s.dst, end));
  const children = input.ike.children.filter(
    (c) =>
      c.state === 'INSTALLED' && matchesPair(selectorAddress(c.localTs), selectorAddress(c.remoteTs), end),
  );
  for (const sa of [...states, ...children]) {
    ipsec.natT ||= sa.natT;
    if (sa.cipher?.cipher !== undefined) {
      if (!ipsec.ciphers.includes(sa.cipher.cipher)) ipsec.ciphers.push(sa.cipher.cipher);
    } else if (
      sa.cipher !== undefined &&
      sa.cipher.keyBits !== undefined &&
      !ipsec.otherAlgorithms.includes(sa.cipher.alg)
    )
      ipsec.otherAlgorithms.push(sa.cipher.alg);
  }
  if (input.sawStates || input.sawIke) ipsec.saSeen = states.length + children.length > 0;
  if (input.sawPolicies)
    ipsec.outPolicy = input.policies.some(
      (p) =>
        p.dir === 'out' &&
        p.action === 'allow' &&
        p.templates.some((t) => t.proto === 'esp') &&
        isHostAddress(p.selector.dst) &&
        selectorAddress(p.selector.dst) === end.remote,
    );
}

/** Evaluates one end against its host's outputs. */
export function evaluateEnd(end: TunnelEnd, input: InputFile): EndIpsec {
  const o = end.options;
  const auth =
    o.psk !== undefined
      ? 'psk'
      : o.remote_cert !== undefined
        ? 'cert'
        : o.remote_name !== undefined
          ? 'ca'
          : undefined;
  const ipsec: EndIpsec = {
    configured: auth !== undefined,
    natT: YES.has(o.ipsec_encapsulation ?? '') || YES.has(o.ipsec_forceencaps ?? ''),
    ciphers: [],
    otherAlgorithms: [],
    ...(auth ? { auth } : {}),
    ...(o.psk !== undefined ? { pskFingerprint: fingerprintSecret(o.psk) } : {}),
  };
  const drop = dropEvidence(end, input);
  if (drop !== undefined) ipsec.dropPlaintext = drop;
  observe(end, input, ipsec);
  return ipsec;
}
