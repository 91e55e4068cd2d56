/**
 * Delivering a large analysis in parts. Receiving one message is one main-thread task, and a
 * 1,000-host region's analysis (500,000 exposures, 50,000 flows) takes over a second to
 * deserialise: the page would freeze. So the worker answers with a skeleton whose large lists are
 * empty and hands the items over in slices of bounded size, each its own message and task; the
 * client puts them back in order. Pure functions shared by both sides.
 */

/** One slice: the items `start`..`end` of the list at `path` (keys from the response root). */
export interface PartSlice {
  path: string[];
  start: number;
  end: number;
}

/** How a response was split: the slices to fetch, in order. */
export interface PartsPlan {
  id: number;
  slices: PartSlice[];
}

/** Lists are looked for this many levels below the root (`analysis.throughput.links` is three). */
const MAX_DEPTH = 3;

/** A slice holds about this many values (items plus the entries of the lists directly inside them). */
export const SLICE_BUDGET = 20_000;

/** What one item costs to send: itself plus the entries of the lists directly inside it. */
function costOf(item: unknown): number {
  let cost = 1;
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    for (const value of Object.values(item)) if (Array.isArray(value)) cost += value.length;
  }
  return cost;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The paths of the lists in `root` whose items cost more than one slice, depth first. */
function largeLists(root: Record<string, unknown>, path: string[] = []): string[][] {
  const found: string[][] = [];
  for (const [key, value] of Object.entries(root)) {
    if (Array.isArray(value)) {
      let cost = 0;
      for (const item of value) cost += costOf(item);
      if (cost > SLICE_BUDGET) found.push([...path, key]);
    } else if (isRecord(value) && path.length + 1 < MAX_DEPTH) {
      found.push(...largeLists(value, [...path, key]));
    }
  }
  return found;
}

function listAt(root: Record<string, unknown>, path: readonly string[]): unknown[] {
  let node: unknown = root;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node as unknown[];
}

/**
 * Splits a response: the skeleton (copied along the paths of large lists, which it holds empty;
 * the response itself is not changed) and the slices that carry their items. Undefined when
 * nothing is large enough to split.
 */
export function splitResponse<T extends Record<string, unknown>>(response: T, id: number): { skeleton: T; plan: PartsPlan } | undefined {
  const paths = largeLists(response);
  if (paths.length === 0) return undefined;
  const skeleton = { ...response } as Record<string, unknown>;
  const slices: PartSlice[] = [];
  for (const path of paths) {
    // Copy each object on the way down, so the empty list replaces it in the skeleton only.
    let node = skeleton;
    for (const key of path.slice(0, -1)) {
      const copy = { ...(node[key] as Record<string, unknown>) };
      node[key] = copy;
      node = copy;
    }
    const list = listAt(response, path);
    node[path[path.length - 1]!] = [];
    let start = 0;
    let cost = 0;
    for (let i = 0; i < list.length; i++) {
      cost += costOf(list[i]);
      if (cost >= SLICE_BUDGET || i === list.length - 1) {
        slices.push({ path, start, end: i + 1 });
        start = i + 1;
        cost = 0;
      }
    }
  }
  return { skeleton: skeleton as T, plan: { id, slices } };
}

/** The items of one slice of the (unsplit) response. */
export function sliceItems(response: Record<string, unknown>, slice: PartSlice): unknown[] {
  return listAt(response, slice.path).slice(slice.start, slice.end);
}

/** Appends a fetched slice to its list in the skeleton (slices arrive in plan order). */
export function putSlice(skeleton: Record<string, unknown>, slice: PartSlice, items: readonly unknown[]): void {
  const list = listAt(skeleton, slice.path);
  for (const item of items) list.push(item);
}
