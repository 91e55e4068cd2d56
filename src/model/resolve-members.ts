/**
 * Overlay membership (SPEC §1.1 Overlay.members): an explicit list of host ids, or a selector by
 * roles and/or sites — with both, a host must match both.
 */
import type { Host, MemberSelector } from './types.ts';

/** Member host ids of a selector, unique and sorted in plain string order. */
export function resolveMembers(selector: MemberSelector, hosts: readonly Host[]): string[] {
  if (Array.isArray(selector)) {
    const known = new Set(hosts.map((host) => host.id));
    return [...new Set(selector)].filter((id) => known.has(id)).sort();
  }
  const { roles, sites } = selector;
  return hosts
    .filter(
      (host) =>
        (roles === undefined || roles.includes(host.role)) &&
        (sites === undefined || sites.includes(host.site)),
    )
    .map((host) => host.id)
    .sort();
}
