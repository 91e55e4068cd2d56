/**
 * Attacker-independent link status (SPEC X8) and each flow's plaintext links: what a keyless
 * passive tap on the link reads, where integrity-only layers do not count as protection.
 */
import type { Scenario } from '../../model/types.ts';
import type { FlowTrace, Layer, LinkStatus, LinkStatusValue } from '../types.ts';
import { stackFacts } from './rules/helpers/trace-facts.ts';

/** How deep a keyless tap sees into one stack: `plaintext` (payload), `headers` (inner L4) or `encrypted`. */
export function tapView(stack: readonly Layer[]): 'plaintext' | 'headers' | 'encrypted' {
  let l4 = false;
  for (const layer of stack) {
    if (layer.protection?.confidential) return l4 ? 'headers' : 'encrypted';
    if (layer.own && (layer.kind === 'tcp' || layer.kind === 'udp')) l4 = true;
    if (layer.kind === 'payload') return 'plaintext';
  }
  return l4 ? 'headers' : 'encrypted';
}

/** Shared result for the (common) flows that are nowhere plaintext; never mutated. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** Links on which a flow's payload crosses without a confidentiality layer, in path order. */
export function plaintextLinksOf(trace: FlowTrace): string[] {
  let links: string[] | undefined;
  let last: Layer[] | undefined;
  let plaintext = false;
  for (const hop of trace.hops) {
    // Hops of one leg share their stack array: look at each stack once.
    if (hop.stack !== last) plaintext = tapView(hop.stack) === 'plaintext';
    last = hop.stack;
    if (!plaintext) continue;
    links ??= [];
    if (!links.includes(hop.link)) links.push(hop.link);
  }
  return links ?? NONE;
}

/** The statuses by rank, least to most revealing; a link's entry keeps the rank (a number, not a key to look up per hop). */
const BY_RANK: readonly LinkStatusValue[] = ['idle', 'encrypted', 'headers', 'plaintext'];
const ENCRYPTED = 1;

function rankOf(view: ReturnType<typeof tapView>): number {
  return view === 'plaintext' ? 3 : view === 'headers' ? 2 : ENCRYPTED;
}

/**
 * Link statuses (SPEC X8) gathered trace by trace: each trace added once, in flow-id order (its
 * flow lists are then in order when built, and their sort only checks them). A one-shot analysis
 * adds each flow's trace as it is made and lets it go (session-state.ts).
 */
export class LinkStatusAssembly {
  readonly #status = new Map<string, { rank: number; flows: string[] }>();

  constructor(scenario: Scenario) {
    for (const link of scenario.links) this.#status.set(link.id, { rank: 0, flows: [] });
  }

  /** Adds one trace; returns its rules' flags (rules/helpers/trace-facts.ts), read from the same walk over its stacks. */
  add(trace: FlowTrace): number {
    let last: Layer[] | undefined;
    let rank = ENCRYPTED;
    let flags = 0;
    for (const hop of trace.hops) {
      // Hops of one leg share their stack array: each stack is read once, for the status and (every
      // hop's, known link or not) the rules' flags.
      if (hop.stack !== last) {
        rank = rankOf(tapView(hop.stack));
        flags |= stackFacts(hop.stack);
        last = hop.stack;
      }
      const entry = this.#status.get(hop.link);
      if (!entry) continue;
      if (rank > entry.rank) {
        entry.rank = rank;
        entry.flows.length = 0;
      }
      // A flow's own hops come together, so a flow crossing the link twice is the list's last entry.
      if (rank === entry.rank && rank !== ENCRYPTED && entry.flows[entry.flows.length - 1] !== trace.flow) entry.flows.push(trace.flow);
    }
    return flags;
  }

  /** The status of every link, sorted by id. */
  done(): LinkStatus[] {
    // Already in order when the traces came in flow-id order: sorting then only checks it.
    return [...this.#status.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, e]) => ({ id, status: BY_RANK[e.rank]!, flows: e.flows.sort() }));
  }
}

/**
 * Status of every link, sorted by id (SPEC X8); traces in flow-id order make its flow lists cheapest
 * to sort. With `facts`, each trace's rule flags (rules/helpers/trace-facts.ts) are written there too,
 * in the order the traces come.
 */
export function linkStatuses(scenario: Scenario, traces: Iterable<FlowTrace>, facts?: Uint8Array): LinkStatus[] {
  const statuses = new LinkStatusAssembly(scenario);
  let t = 0;
  for (const trace of traces) {
    const flags = statuses.add(trace);
    if (facts) facts[t] = flags;
    t++;
  }
  return statuses.done();
}
