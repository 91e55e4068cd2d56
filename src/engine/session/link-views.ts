/**
 * Link statuses (SPEC X8) kept per link, so that an edit re-reads only the flows it traced again:
 * for every link, the flows a keyless tap reads in plaintext, the flows whose inner headers it
 * reads, and how many flows cross it encrypted. A link's status is the deepest view with a flow,
 * its flow list that view's flows — what `linkStatuses` finds in one pass over every trace.
 * Built at a session's first edit that re-traces flows (a one-shot analysis never needs it).
 */
import type { Scenario } from '../../model/types.ts';
import { tapView } from '../exposure/link-statuses.ts';
import { insertSorted, lowerBound, removeSorted } from '../sorted-lists.ts';
import type { FlowTrace, Layer, LinkStatus, LinkStatusValue } from '../types.ts';

/** What keyless taps on one link see of the flows crossing it. */
interface LinkView {
  /** Flow ids, sorted by code unit. */
  plaintext: string[];
  headers: string[];
  /** Flows with a hop on the link that a tap cannot read into. */
  encrypted: number;
}

/** Views per link id, for the links of the scenario. */
export type LinkViews = Map<string, LinkView>;

type View = 'plaintext' | 'headers' | 'encrypted';

/** Each link a trace crosses with each view it has there, once per pair, in hop order. */
function viewsOf(trace: FlowTrace, visit: (link: string, view: View) => void): void {
  const seen: string[] = [];
  let last: Layer[] | undefined;
  let view: View = 'encrypted';
  for (const hop of trace.hops) {
    if (hop.stack !== last) view = tapView(hop.stack);
    last = hop.stack;
    const key = `${view}\u0000${hop.link}`;
    if (seen.includes(key)) continue;
    seen.push(key);
    visit(hop.link, view);
  }
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The views of every link of the scenario over the given traces. */
export function buildLinkViews(scenario: Scenario, traces: Iterable<FlowTrace>): LinkViews {
  const views = emptyLinkViews(scenario);
  for (const trace of traces) addLinkViews(views, trace);
  return sortLinkViews(views);
}

/** Every link of the scenario with no flow yet: `addLinkViews` each trace (in any order), then `sortLinkViews`. */
export function emptyLinkViews(scenario: Scenario): LinkViews {
  const views: LinkViews = new Map();
  for (const link of scenario.links) views.set(link.id, { plaintext: [], headers: [], encrypted: 0 });
  return views;
}

/** Adds one trace to the views of the links it crosses, its flow unsorted among theirs. */
export function addLinkViews(views: LinkViews, trace: FlowTrace): void {
  viewsOf(trace, (link, view) => {
    const v = views.get(link);
    if (!v) return;
    if (view === 'encrypted') v.encrypted++;
    else v[view].push(trace.flow);
  });
}

/** The views with each link's flows sorted by id, as `buildLinkViews` returns them. */
export function sortLinkViews(views: LinkViews): LinkViews {
  for (const v of views.values()) {
    v.plaintext.sort(byId);
    v.headers.sort(byId);
  }
  return views;
}

function statusOf(id: string, v: LinkView): LinkStatus {
  const status: LinkStatusValue = v.plaintext.length > 0 ? 'plaintext' : v.headers.length > 0 ? 'headers' : v.encrypted > 0 ? 'encrypted' : 'idle';
  const flows = status === 'plaintext' ? v.plaintext : status === 'headers' ? v.headers : [];
  return { id, status, flows: flows.slice() };
}

/** Every link's status, sorted by id (what `linkStatuses` returns for the same traces). */
export function statusesOf(views: LinkViews): LinkStatus[] {
  return [...views.keys()].sort(byId).map((id) => statusOf(id, views.get(id)!));
}

/**
 * Moves flows traced again from the views of their old traces to those of their new ones (either
 * may be absent: a flow added or removed) and returns the statuses with every touched link's
 * status made anew, and the links touched; `statuses` is sorted by id and not changed.
 */
export function updateLinkStatuses(views: LinkViews, statuses: readonly LinkStatus[], moved: readonly { before?: FlowTrace; after?: FlowTrace }[]): { links: LinkStatus[]; touched: Set<string> } {
  const touched = new Set<string>();
  for (const { before, after } of moved) {
    if (before) {
      viewsOf(before, (link, view) => {
        const v = views.get(link);
        if (!v) return;
        touched.add(link);
        if (view === 'encrypted') v.encrypted--;
        else removeSorted(v[view], before.flow);
      });
    }
    if (after) {
      viewsOf(after, (link, view) => {
        const v = views.get(link);
        if (!v) return;
        touched.add(link);
        if (view === 'encrypted') v.encrypted++;
        else insertSorted(v[view], after.flow);
      });
    }
  }
  const next = statuses.slice();
  for (const link of touched) {
    const at = lowerBound(next, (s) => s.id < link);
    if (next[at]?.id === link) next[at] = statusOf(link, views.get(link)!);
  }
  return { links: next, touched };
}
