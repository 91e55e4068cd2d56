/**
 * Small wording and lookup helpers shared by rule messages, so findings read alike.
 */
import type { ScenarioIndex } from '../../../scenario-index.ts';
import type { Link, SiteTrust } from '../../../../model/types.ts';
import type { Hop } from '../../../types.ts';

/** How many ids a message spells out before summarising the rest as "and N more". */
const MAX_LISTED = 5;

/** `a, b and c`, or `a, b, c, d, e and 3 more` for long lists (ids keep their given order). */
export function listIds(ids: readonly string[]): string {
  if (ids.length <= 1) return ids[0] ?? '';
  const shown = ids.length > MAX_LISTED ? ids.slice(0, MAX_LISTED) : ids.slice(0, -1);
  const rest = ids.length > MAX_LISTED ? `${ids.length - MAX_LISTED} more` : (ids[ids.length - 1] ?? '');
  return `${shown.join(', ')} and ${rest}`;
}

/** Sorted, de-duplicated copy of ids (plain code-unit order, never locale-dependent). */
export function sortedUnique(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

/** `flow` or `flows`, for counts in messages. */
export function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/** The trust of the site a link lies in; undefined for a link between sites (SPEC §1.1 Link). */
export function linkTrust(index: ScenarioIndex, link: Link): SiteTrust | undefined {
  return link.site === undefined ? undefined : index.sites.get(link.site)?.trust;
}

/** Carrier devices at either end of a link: third-party transport (SPEC §1.1 Device). */
export function carrierEnds(index: ScenarioIndex, link: Link): string[] {
  return link.between.filter((end) => index.devices.get(end)?.kind === 'carrier');
}

/** The stack on a hop as drawn in the UI, outermost first: `eth › ipv4(…) › udp(6081) › … › payload`. */
export function stackText(hop: Hop): string {
  return hop.stack.map((layer) => layer.label).join(' › ');
}

/** True for a link inside a trusted site and not into a carrier network: the operator's own domain. */
export function isTrustedLink(index: ScenarioIndex, link: Link): boolean {
  return linkTrust(index, link) === 'trusted' && carrierEnds(index, link).length === 0;
}

/** A copy of entities sorted by id, so messages list ids the same way whatever the file order. */
export function sortedById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
