/**
 * Small wording and lookup helpers shared by rule messages, so findings read alike.
 */
import type { ScenarioIndex } from '../../../scenario-index.ts';
import type { Flow, Link, SiteTrust } from '../../../../model/types.ts';
import type { Hop, Layer } from '../../../types.ts';

/** How many ids a message spells out before summarising the rest as "and N more". */
const MAX_LISTED = 5;

/** `a, b and c`, or `a, b, c, d, e and 3 more` for long lists (ids keep their given order). */
export function listIds(ids: readonly string[]): string {
  if (ids.length <= 1) return ids[0] ?? '';
  const shown = ids.length > MAX_LISTED ? ids.slice(0, MAX_LISTED) : ids.slice(0, -1);
  const rest = ids.length > MAX_LISTED ? `${ids.length - MAX_LISTED} more` : (ids[ids.length - 1] ?? '');
  return `${shown.join(', ')} and ${rest}`;
}

/** What `listIds` prints for a list of `count` ids that starts with `first` (at least six of them, or all). */
export function listSome(first: readonly string[], count: number): string {
  if (count <= first.length) return listIds(first);
  return `${first.slice(0, MAX_LISTED).join(', ')} and ${count - MAX_LISTED} more`;
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
  // Hops of one leg share their stack array, and several rules describe the same hops.
  let text = stackTexts.get(hop.stack);
  if (text === undefined) {
    text = hop.stack.map((layer) => layer.label).join(' › ');
    stackTexts.set(hop.stack, text);
  }
  return text;
}

/**
 * Layer labels change in one case only: an analysis session's cipher edit renames the ESP layers
 * of the SAs it touched in place (session/update-ciphers.ts) and calls `labelsChanged`.
 */
let labelEpoch = 0;

/** Forgets every text made from layer labels (after a cipher edit renamed layers in place). */
export function labelsChanged(): void {
  labelEpoch++;
}

/** Texts made from layer labels, kept per stack (weakly) until labels change. */
class LabelTexts<K extends object, V> {
  private map = new WeakMap<K, V>();
  private epoch = labelEpoch;

  get(key: K): V | undefined {
    return this.current().get(key);
  }

  set(key: K, value: V): void {
    this.current().set(key, value);
  }

  private current(): WeakMap<K, V> {
    if (this.epoch !== labelEpoch) {
      this.map = new WeakMap();
      this.epoch = labelEpoch;
    }
    return this.map;
  }
}

/** Texts of stacks already described, by stack array (kept only while the stack lives). */
const stackTexts = new LabelTexts<readonly Layer[], string>();

/** True for a link inside a trusted site and not into a carrier network: the operator's own domain. */
export function isTrustedLink(index: ScenarioIndex, link: Link): boolean {
  return linkTrust(index, link) === 'trusted' && carrierEnds(index, link).length === 0;
}

/** A copy of entities sorted by id, so messages list ids the same way whatever the file order. */
export function sortedById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface FlowOrder {
  source: readonly Flow[];
  sorted: readonly Flow[];
  byNetwork?: Map<string, Flow[]>;
}

/**
 * Sorted flows per analysis: several rules walk the same 50,000 flows in id order. Keyed by the
 * caller's sorted list when it gives one (an analysis session keeps it while the flows stay the
 * same, and the grouping depends on the flows alone), else by the analysis' traces map.
 */
const flowOrders = new WeakMap<object, FlowOrder>();

type FlowContext = { scenario: { flows: readonly Flow[] }; traces: object; sortedFlows?: readonly Flow[] };

function flowOrder(ctx: FlowContext): FlowOrder {
  const key = ctx.sortedFlows ?? ctx.traces;
  const cached = flowOrders.get(key);
  if (cached && cached.source === ctx.scenario.flows) return cached;
  const order: FlowOrder = { source: ctx.scenario.flows, sorted: ctx.sortedFlows ?? sortedById(ctx.scenario.flows) };
  flowOrders.set(key, order);
  return order;
}

/** The scenario's flows sorted by id, sorted once per analysis and shared read-only by the rules. */
export function sortedFlows(ctx: FlowContext): readonly Flow[] {
  return flowOrder(ctx).sorted;
}

/** The flows on one network, sorted by id (grouped once per analysis, shared read-only). */
export function flowsOnNetwork(ctx: FlowContext, network: string): readonly Flow[] {
  const order = flowOrder(ctx);
  if (!order.byNetwork) {
    order.byNetwork = new Map();
    for (const flow of order.sorted) {
      if (flow.network === undefined) continue;
      const list = order.byNetwork.get(flow.network);
      if (list) list.push(flow);
      else order.byNetwork.set(flow.network, [flow]);
    }
  }
  return order.byNetwork.get(network) ?? [];
}
