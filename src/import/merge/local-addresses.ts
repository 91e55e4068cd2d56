/**
 * Which addresses a host's own outputs say are its own: OVN's `ovn-encap-ip`, tunnels'
 * `local_ip`, the local side of IKE SAs, and the source of its outbound xfrm policies and SAs.
 */
import type { InputFile } from '../input-file.ts';
import { hostPart, isHostAddress } from '../xfrm-blocks.ts';

/** True for a literal IPv4 or IPv6 address (not `flow`, `%defaultroute`, `0.0.0.0`). */
export function isAddress(text: string | undefined): text is string {
  if (text === undefined || /^(0\.0\.0\.0|::)$/.test(text)) return false;
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) || (/^[0-9a-f:.]+$/i.test(text) && text.includes(':'));
}

/** Lower-case, so IPv6 written by different tools compares equal. */
export function normalizeAddress(address: string): string {
  return address.toLowerCase();
}

/** The host address of a traffic selector such as `10.0.0.1/32[udp/6081]`. */
export function selectorAddress(ts: string | undefined): string | undefined {
  const address = ts?.replace(/\[.*$/, '');
  return address !== undefined && isHostAddress(address) ? normalizeAddress(hostPart(address)) : undefined;
}

/** Addresses `input` shows as the local end of something, in a stable order. */
export function localAddresses(input: InputFile): string[] {
  const found = new Set<string>();
  const add = (address: string | undefined): void => {
    if (isAddress(address)) found.add(normalizeAddress(address));
  };
  for (const ip of (input.externalIds?.['ovn-encap-ip'] ?? '').split(',')) add(ip.trim());
  for (const iface of input.interfaces) add(iface.options.local_ip);
  for (const tunnel of input.monitorTunnels) add(tunnel.localIp);
  for (const sa of input.ike.sas) add(sa.localAddress);
  for (const child of input.ike.children) add(selectorAddress(child.localTs));
  for (const policy of input.policies)
    if (policy.dir === 'out' && policy.action === 'allow' && isHostAddress(policy.selector.src))
      add(hostPart(policy.selector.src));
  for (const state of input.states) if (state.dir === 'out') add(state.src);
  return [...found];
}

/** Remote tunnel addresses `input` configures (never its own). */
export function remoteAddresses(input: InputFile): Set<string> {
  const remotes = new Set<string>();
  for (const iface of input.interfaces)
    if (isAddress(iface.options.remote_ip)) remotes.add(normalizeAddress(iface.options.remote_ip));
  for (const tunnel of input.monitorTunnels)
    if (isAddress(tunnel.remoteIp)) remotes.add(normalizeAddress(tunnel.remoteIp));
  return remotes;
}

/**
 * The local address used towards `remote`: the tunnel's `local_ip`, else the other end of an SA
 * or outbound policy whose far end is `remote`.
 */
export function localAddressTowards(input: InputFile, remote: string): string | undefined {
  for (const state of input.states)
    if (normalizeAddress(state.dst) === remote && isAddress(state.src)) return normalizeAddress(state.src);
  for (const policy of input.policies)
    if (policy.dir === 'out' && selectorAddress(policy.selector.dst) === remote)
      return selectorAddress(policy.selector.src);
  for (const sa of input.ike.sas)
    if (
      sa.remoteAddress !== undefined &&
      normalizeAddress(sa.remoteAddress) === remote &&
      isAddress(sa.localAddress)
    )
      return normalizeAddress(sa.localAddress);
  for (const child of input.ike.children)
    if (selectorAddress(child.remoteTs) === remote) return selectorAddress(child.localTs);
  return undefined;
}
