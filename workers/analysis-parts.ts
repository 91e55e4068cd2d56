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
  /** The receiver has these very items already: the same slice of response `PartsPlan.basis`. */
  kept?: boolean;
  /**
   * The items are those of the same slice of response `PartsPlan.basis` but for these fields,
   * which hold numbers, strings, booleans or null: the part carries only the changed items'
   * values (`SlicePatch`), applied to the receiver's copies (`applyPatch`).
   */
  patch?: string[];
}

/** What a patched slice's part carries: the changed items' offsets in the slice and, per patched field, their values. */
export interface SlicePatch {
  at: number[];
  values: unknown[][];
}

/** Whether a value is sent by value in a patch: a number, string, boolean, null or undefined. */
function scalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** At most this many fields per patched slice: more, and the items are sent whole. */
const MAX_PATCH_FIELDS = 4;

/**
 * The fields in which the items `now[start..end)` differ from `then[start..end)`, when every item is
 * the very same object or a record with the same keys in the same order whose differing fields are
 * all scalars (an edit that costs flows again changes their figures, not their paths); undefined
 * when not so, or when nothing or too much differs.
 */
function patchFields(now: readonly unknown[], then: readonly unknown[], start: number, end: number): string[] | undefined {
  const fields: string[] = [];
  for (let i = start; i < end; i++) {
    const a = now[i];
    const b = then[i];
    if (a === b) continue;
    if (!isRecord(a) || !isRecord(b) || !sameKeys(a, b)) return undefined;
    // Responses are plain structured-clone data: every enumerable key is the item's own. No list of
    // keys per item: a cipher edit changes 100,000 rows at 1,000 hosts.
    for (const key in a) {
      const x = a[key];
      const y = b[key];
      if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
      if (!scalar(x) || !scalar(y)) return undefined;
      if (!fields.includes(key)) {
        if (fields.length === MAX_PATCH_FIELDS) return undefined;
        fields.push(key);
      }
    }
  }
  return fields.length > 0 ? fields : undefined;
}

/** The keys of the record `sameKeys` compares against, reused item after item. */
const KEYS: string[] = [];

/** Whether two records have the same keys in the same order (a patched item is rebuilt in the order of the one before). */
function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  // Written over, never emptied (an emptied list lets its storage go).
  let n = 0;
  for (const key in b) KEYS[n++] = key;
  let k = 0;
  for (const key in a) if (k === n || key !== KEYS[k++]) return false;
  return k === n;
}

/** How a response was split: the slices to fetch, in order. */
export interface PartsPlan {
  id: number;
  slices: PartSlice[];
  /** The response (one the receiver put together whole) that the `kept` slices repeat. */
  basis?: number;
}

/** Lists are looked for this many levels below the root (`analysis.throughput.links` is three). */
const MAX_DEPTH = 3;

/** A slice holds about this many values (items plus the entries of the lists directly inside them). */
export const SLICE_BUDGET = 20_000;

/** What one item costs to send, in values. */
type Cost = (item: unknown) => number;

/**
 * What one item costs to send: itself plus the entries of the lists directly inside it, and with
 * `fields` its fields as well. Keys are walked without listing them: a 5,000-host response has
 * about 1.5 million items, and a list per item was most of the time it took to split it.
 */
function itemCost(item: unknown, fields: boolean): number {
  let cost = 1;
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const record = item as Record<string, unknown>;
    // Responses are plain structured-clone data: every enumerable key is the item's own.
    for (const key in record) {
      const value = record[key];
      if (fields) cost++;
      if (Array.isArray(value)) cost += value.length;
    }
  }
  return cost;
}

/** What one item costs to send: itself plus the entries of the lists directly inside it. */
function costOf(item: unknown): number {
  return itemCost(item, false);
}

/**
 * What one item of a model costs to send: `costOf` plus its fields. Model items are flat records
 * (a flow has ten fields and no list), so counted by `costOf` alone a slice of 20,000 flows took
 * 60–120 ms to unpack on the benchmark machine, against under 50 ms for a slice of exposures.
 */
function modelCostOf(item: unknown): number {
  return itemCost(item, true);
}

/**
 * Whether a value is a record whose fields the split looks into. A typed array is not: it travels
 * as one block, and its indices are no fields (walking the 62,000 packed exposures of a 1,000-host
 * response key by key took 40–90 ms of every answer).
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** Slices of a previous split by list (path joined), with the lengths of those lists then. */
type Reusable = Map<string, { length: number; slices: PartSlice[] }>;

/**
 * The lists in `root` whose items cost more than one slice, depth first, with their slices (one
 * pass over each list). A list that was split `before` and has as many items now is cut where it
 * was then, without walking its items: after an edit most lists hold the same objects, and walking
 * the 1.5 million items of a 5,000-host result took a third of a second per edit.
 */
function largeLists(root: Record<string, unknown>, cost: Cost, path: string[] = [], before?: Reusable): { path: string[]; slices: PartSlice[] }[] {
  const found: { path: string[]; slices: PartSlice[] }[] = [];
  for (const [key, value] of Object.entries(root)) {
    if (Array.isArray(value)) {
      const at = [...path, key];
      const then = before?.get(at.join('.'));
      if (then && then.length === value.length) {
        found.push({ path: at, slices: then.slices.map((s) => ({ path: at, start: s.start, end: s.end })) });
        continue;
      }
      const { slices, total } = slicesAndTotal(at, value, cost);
      if (total > SLICE_BUDGET) found.push({ path: at, slices });
    } else if (isRecord(value) && path.length + 1 < MAX_DEPTH) {
      found.push(...largeLists(value, cost, [...path, key], before));
    }
  }
  return found;
}

/** The list at `path` in a response. */
export function listAt(root: Record<string, unknown>, path: readonly string[]): unknown[] {
  let node: unknown = root;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node as unknown[];
}

/**
 * Splits a response: the skeleton (copied along the paths of large lists, which it holds empty;
 * the response itself is not changed) and the slices that carry their items. Undefined when
 * nothing is large enough to split. With `previous` (the last split, usually one edit before),
 * lists as long as they were are cut where they were.
 */
export function splitResponse<T extends Record<string, unknown>>(
  response: T,
  id: number,
  cost: Cost = costOf,
  previous?: { plan: PartsPlan; response: Record<string, unknown> },
): { skeleton: T; plan: PartsPlan } | undefined {
  let before: Reusable | undefined;
  if (previous) {
    before = new Map();
    for (const slice of previous.plan.slices) {
      const key = slice.path.join('.');
      let entry = before.get(key);
      if (!entry) before.set(key, (entry = { length: listAt(previous.response, slice.path).length, slices: [] }));
      entry.slices.push(slice);
    }
  }
  const lists = largeLists(response, cost, [], before);
  if (lists.length === 0) return undefined;
  const skeleton = { ...response } as Record<string, unknown>;
  const slices: PartSlice[] = [];
  for (const { path, slices: ofList } of lists) {
    // Copy each object on the way down, so the empty list replaces it in the skeleton only.
    let node = skeleton;
    for (const key of path.slice(0, -1)) {
      const copy = { ...(node[key] as Record<string, unknown>) };
      node[key] = copy;
      node = copy;
    }
    node[path[path.length - 1]!] = [];
    for (const slice of ofList) slices.push(slice);
  }
  return { skeleton: skeleton as T, plan: { id, slices } };
}

/** The slices that carry `list` (found at `path`), each within the budget unless one item exceeds it alone. */
function slicesOf(path: string[], list: readonly unknown[], cost: Cost): PartSlice[] {
  return slicesAndTotal(path, list, cost).slices;
}

/** `slicesOf`, and what the whole list costs. */
function slicesAndTotal(path: string[], list: readonly unknown[], cost: Cost): { slices: PartSlice[]; total: number } {
  const slices: PartSlice[] = [];
  let start = 0;
  let inSlice = 0;
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const c = cost(list[i]);
    inSlice += c;
    total += c;
    if (inSlice >= SLICE_BUDGET || i === list.length - 1) {
      slices.push({ path, start, end: i + 1 });
      start = i + 1;
      inSlice = 0;
    }
  }
  return { slices, total };
}

/**
 * Marks the slices of `plan` that hold the very objects `previous` held at the same place (the
 * same list and range): after an edit an analysis session keeps every result object the edit did
 * not reach, so most slices of a large region repeat the last response, and the receiver, which
 * put that one together, keeps its own copies instead of receiving them again. Returns how many.
 */
export function markKept(
  plan: PartsPlan,
  response: Record<string, unknown>,
  previous: { plan: PartsPlan; response: Record<string, unknown> },
  options: { patches?: boolean } = {},
): number {
  const before = new Set(previous.plan.slices.map((s) => `${s.path.join('.')}:${s.start}:${s.end}`));
  let kept = 0;
  let patched = 0;
  for (const slice of plan.slices) {
    if (!before.has(`${slice.path.join('.')}:${slice.start}:${slice.end}`)) continue;
    const now = listAt(response, slice.path);
    const then = listAt(previous.response, slice.path);
    let same = true;
    for (let i = slice.start; i < slice.end && same; i++) same = now[i] === then[i];
    if (same) {
      slice.kept = true;
      kept++;
      continue;
    }
    // Most items changed in a field or two (a cipher edit costs every flow of an overlay again):
    // those values travel instead of the items with their paths and lists.
    const fields = options.patches ? patchFields(now, then, slice.start, slice.end) : undefined;
    if (fields) {
      slice.patch = fields;
      patched++;
    }
  }
  if (kept + patched > 0) plan.basis = previous.plan.id;
  return kept;
}

/** The part of a patched slice (`PartSlice.patch`): the items of `response` that are not those of `previous`. */
export function slicePatch(response: Record<string, unknown>, previous: Record<string, unknown>, slice: PartSlice): SlicePatch {
  const now = listAt(response, slice.path);
  const then = listAt(previous, slice.path);
  const fields = slice.patch ?? [];
  const at: number[] = [];
  const values: unknown[][] = fields.map(() => []);
  for (let i = slice.start; i < slice.end; i++) {
    if (now[i] === then[i]) continue;
    at.push(i - slice.start);
    const item = now[i] as Record<string, unknown>;
    for (let f = 0; f < fields.length; f++) values[f]!.push(item[fields[f]!]);
  }
  return { at, values };
}

/** The items of a patched slice: the receiver's own copies (`base`, the slice of the basis) with the patch applied. */
export function applyPatch(base: readonly unknown[], fields: readonly string[], patch: SlicePatch): unknown[] {
  const items = base.slice();
  for (let k = 0; k < patch.at.length; k++) {
    const i = patch.at[k]!;
    const item = { ...(items[i] as Record<string, unknown>) };
    for (let f = 0; f < fields.length; f++) item[fields[f]!] = patch.values[f]![k];
    items[i] = item;
  }
  return items;
}

/** The items of one slice of the (unsplit) response. */
export function sliceItems(response: Record<string, unknown>, slice: PartSlice): unknown[] {
  return listAt(response, slice.path).slice(slice.start, slice.end);
}

/** Appends a fetched slice to its list in the skeleton (slices arrive in plan order). */
export function putSlice(
  skeleton: Record<string, unknown>,
  slice: PartSlice,
  items: readonly unknown[],
): void {
  const list = listAt(skeleton, slice.path);
  for (const item of items) list.push(item);
}

/**
 * A parsed model sent ahead of its analysis, so the receiver can draw the topology long before the
 * analysis is done. First a head: the model with its flows and any other large list left empty,
 * and the plan of the slices that follow. Then one message per slice: the topology's lists first,
 * the flows last — a 1,000-host region's 50,000 flows are 8.1 MB of its model's 9.1 MB (V8
 * serialiser), and the canvas does not need them for its first picture.
 */
export type ModelMessage =
  | {
      kind: 'head';
      model: Record<string, unknown>;
      slices: PartSlice[];
      /** How many of the slices complete the topology; the rest carry the flows. */
      topology: number;
      flowCount: number;
      /** The flows' slices are not listed yet: a `flows` message lists them once the flows are read (`splitFlows`). */
      flowsLater?: boolean;
    }
  /** After a head with `flowsLater`: the flows' slices, numbered after the topology's. */
  | { kind: 'flows'; slices: PartSlice[]; flowCount: number }
  | { kind: 'slice'; index: number; items: unknown[] };

/** The head of a model's messages, which comes first. */
export type ModelHead = Extract<ModelMessage, { kind: 'head' }>;

/**
 * Splits a model into the messages of `ModelMessage`, in sending order; the model is not changed.
 * With `previous` (a model the receiver put together whole, split likewise), slices whose items are
 * the very objects it held at the same place are marked `kept` and not sent: the receiver takes
 * them from its own copy (an analysis session keeps the entities an edit left alone).
 */
export function splitModel(model: { flows: readonly unknown[] }, previous?: { model: { flows: readonly unknown[] }; slices: PartSlice[] }): [ModelHead, ...ModelMessage[]] {
  const topology: Record<string, unknown> = { ...model, flows: [] };
  // Lists as long as they were are cut where they were, without walking their items (as `splitResponse` does).
  const before = previous ? { plan: { id: 0, slices: previous.slices }, response: { model: previous.model } } : undefined;
  const split = splitResponse({ model: topology }, 0, modelCostOf, before);
  const head = split?.skeleton.model ?? topology;
  const flows =
    previous && previous.model.flows.length === model.flows.length
      ? previous.slices.filter((s) => s.path.join('.') === 'model.flows')
      : slicesOf(['model', 'flows'], model.flows, modelCostOf);
  // Fresh slice objects: `kept` marks belong to this split alone.
  const slices: PartSlice[] = [...(split?.plan.slices ?? []), ...flows].map((s) => ({ path: s.path, start: s.start, end: s.end }));
  const topologySlices = split?.plan.slices.length ?? 0;
  // Every path also leads to its list in `{ model }`: the topology shares all lists but the flows.
  const root = { model };
  if (before) markKept({ id: 0, slices }, root, before);
  return [
    { kind: 'head', model: head, slices, topology: topologySlices, flowCount: model.flows.length },
    ...slices.flatMap((slice, index) => (slice.kept ? [] : [{ kind: 'slice' as const, index, items: sliceItems(root, slice) }])),
  ];
}

/**
 * The messages of a topology read ahead of its flows (parse-scenario.ts `onTopology`): a head
 * whose flows follow in `splitFlows`'s messages. Nothing is marked kept: a file is opened.
 */
export function splitTopology(topology: { flows: readonly unknown[] }, flowCount: number): [ModelHead, ...ModelMessage[]] {
  const [head, ...slices] = splitModel({ ...topology, flows: [] });
  return [{ ...head, flowCount, flowsLater: true }, ...slices];
}

/** The messages that complete a model whose topology went ahead (`splitTopology`, which gave `topologySlices`). */
export function splitFlows(model: { flows: readonly unknown[] }, topologySlices: readonly PartSlice[]): { messages: ModelMessage[]; slices: PartSlice[] } {
  const flows = slicesOf(['model', 'flows'], model.flows, modelCostOf);
  const root = { model };
  return {
    messages: [
      { kind: 'flows', slices: flows, flowCount: model.flows.length },
      ...flows.map((slice, i) => ({ kind: 'slice' as const, index: topologySlices.length + i, items: sliceItems(root, slice) })),
    ],
    slices: [...topologySlices, ...flows],
  };
}

/** What a model receiver reports: the topology (flows still on their way), then the whole model. */
export type ModelReport<M> = (model: M, complete: boolean, flowCount: number) => void;

/**
 * Puts a model sent as `splitModel`'s messages back together. Reports the topology once its
 * slices are in — a copy whose `flows` is empty, so it never changes under its reader as the flow
 * slices arrive — and then the whole model; a model without flow slices is reported whole only.
 * `kept` slices are taken from `previous`, the model the sender split them against.
 */
export function createModelReceiver<M>(report: ModelReport<M>, previous?: M): (message: ModelMessage) => void {
  let head: ModelHead | undefined;
  let root: { model: Record<string, unknown> } = { model: {} };
  let received = 0;
  let toldTopology = false;
  const check = (): void => {
    if (!head) return;
    if (received === head.slices.length && !head.flowsLater) report(root.model as M, true, head.flowCount);
    else if (received === head.topology && !toldTopology) {
      toldTopology = true;
      report({ ...root.model, flows: [] } as M, false, head.flowCount);
    }
  };
  /** Takes the kept slices from here on from the previous model, reporting as each stage completes. */
  const keep = (): void => {
    while (head && received < head.slices.length && head.slices[received]!.kept) {
      if (previous === undefined) throw new Error(`model slice ${received} was kept, but there is no model to keep it from`);
      putSlice(root, head.slices[received]!, sliceItems({ model: previous as Record<string, unknown> }, head.slices[received]!));
      received++;
      check();
    }
  };
  return (message) => {
    if (message.kind === 'head') {
      head = message;
      root = { model: message.model };
      received = 0;
      toldTopology = false;
      check();
      return keep();
    }
    if (message.kind === 'flows') {
      if (!head?.flowsLater || received !== head.slices.length) throw new Error('the flows were listed before their topology was complete');
      head = { ...head, slices: [...head.slices, ...message.slices], flowCount: message.flowCount, flowsLater: false };
      return check();
    }
    const slice = head?.slices[message.index];
    if (!slice || message.index !== received)
      throw new Error(`model slice ${message.index} arrived out of order`);
    putSlice(root, slice, message.items);
    received++;
    check();
    keep();
  };
}
