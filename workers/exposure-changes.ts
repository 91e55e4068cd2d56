/**
 * The exposure summary and the packed exposures of an analysis (exposure-summary.ts,
 * packed-exposures.ts), worked out from the last analysis's when it differs in a few pairs only.
 * Both views hold each pair's outcome (level and tamper bit) alone, so of two tables the pairs
 * that changed are those whose positions or outcomes differ; of two plain lists (an analysis
 * session keeps every exposure object the edit did not reach), those that are not the very same
 * objects. A 5,000-host region has 2.5 million pairs, and summarising and packing them all again
 * took a quarter of a second per edit.
 */
import { sameIdsInOrder } from '../src/engine/session/scenario-changes.ts';
import { slotOf } from '../src/engine/sorted-lists.ts';
import { ExposureTable, OutcomeRows, outcomeOf, plainExposure, type PackedExposures } from '../src/engine/exposure/exposure-table.ts';
import type { ExposureHead, ExposureList } from '../src/engine/types.ts';
import { listedLevel, summarizeExposures, tally, type AttackerExposures, type ExposureCounts, type ExposureSummary } from './exposure-summary.ts';
import { packExposures } from './packed-exposures.ts';
import type { ExposureLevel } from '../src/model/types.ts';

/** An analysis's exposures with what is sent of them: their summary and, when asked for, their packed form. */
export interface ExposureViews {
  exposures: ExposureList;
  flows: readonly { id: string }[];
  summary: ExposureSummary;
  packed?: PackedExposures;
}

/** Above this share of changed pairs, the views are made afresh (a pass over every pair). */
const CHANGED_SHARE = 1 / 32;

/**
 * The positions whose pair changed since `last` (see above), ascending; undefined past `limit`. Of
 * two tables, only the pairs either keeps are compared: plain pairs are alike.
 */
function changedPositions(exposures: ExposureList, last: ExposureList, limit: number): number[] | undefined {
  if (exposures instanceof ExposureTable || last instanceof ExposureTable) {
    return exposures instanceof ExposureTable && last instanceof ExposureTable ? changedInTables(exposures, last, limit) : undefined;
  }
  const changed: number[] = [];
  for (let i = 0; i < exposures.length; i++) {
    const now = exposures.at(i)!;
    const was = last.at(i)!;
    if (now === was) continue;
    // Every pair keeps its place (flow row, attacker column): a changed one is the same pair's new reading.
    if (changed.length === limit || now.flow !== was.flow || now.attacker !== was.attacker) return undefined;
    changed.push(i);
  }
  return changed;
}

function changedInTables(now: ExposureTable, last: ExposureTable, limit: number): number[] | undefined {
  if (now.attackers.length !== last.attackers.length || now.attackers.some((a, k) => a !== last.attackers[k])) return undefined;
  const changed: number[] = [];
  const a = now.positions;
  const b = last.positions;
  let j = 0;
  let k = 0;
  while (j < a.length || k < b.length) {
    const p = j < a.length ? a[j]! : Number.POSITIVE_INFINITY;
    const q = k < b.length ? b[k]! : Number.POSITIVE_INFINITY;
    // What the views hold of a pair is its outcome: a pair read again with the same outcome is unchanged there.
    if (p === q && now.outcomes[j++] === last.outcomes[k++]) continue;
    if (changed.length === limit) return undefined;
    if (p < q) j++;
    else if (q < p) k++;
    changed.push(Math.min(p, q));
  }
  return changed;
}

/** `list` (ascending) without the positions in `drop` and with those in `add` (each ascending). */
function edited(list: Int32Array, drop: readonly number[], add: readonly number[]): Int32Array {
  const out = new Int32Array(list.length - drop.length + add.length);
  let n = 0;
  let d = 0;
  let a = 0;
  for (let k = 0; k < list.length; k++) {
    const p = list[k]!;
    while (a < add.length && add[a]! < p) out[n++] = add[a++]!;
    if (d < drop.length && drop[d] === p) {
      d++;
      continue;
    }
    out[n++] = p;
  }
  while (a < add.length) out[n++] = add[a++]!;
  if (n !== out.length || d !== drop.length) throw new Error('exposure summary out of step with its pairs');
  return out;
}

function pushTo(lists: Map<ExposureLevel, number[]>, level: ExposureLevel, i: number): void {
  const list = lists.get(level);
  if (list) list.push(i);
  else lists.set(level, [i]);
}

/**
 * The pair at position `i` as the summary counts it. Of a table, without its details: those of the
 * last analysis's pairs would be made from the session as the edit left it.
 */
function headAt(list: ExposureList, i: number): ExposureHead {
  return list instanceof OutcomeRows ? list.headAt(i)! : list.at(i)!;
}

function updatedSummary(summary: ExposureSummary, last: ExposureList, exposures: ExposureList, changed: readonly number[]): ExposureSummary {
  const edits = new Map<string, { counts: ExposureCounts; drop: Map<ExposureLevel, number[]>; add: Map<ExposureLevel, number[]> }>();
  for (const i of changed) {
    const before = headAt(last, i);
    const now = headAt(exposures, i);
    let edit = edits.get(now.attacker);
    if (!edit) {
      const c = summary[now.attacker];
      if (!c) return summarizeExposures(exposures);
      edits.set(now.attacker, (edit = { counts: { payload: c.payload, headers: c.headers, tamper: c.tamper }, drop: new Map(), add: new Map() }));
    }
    tally(edit.counts, before, -1);
    tally(edit.counts, now, 1);
    const was = listedLevel(before);
    const is = listedLevel(now);
    if (was === is) continue;
    // Positions come in ascending order, so each list stays sorted.
    if (was !== undefined) pushTo(edit.drop, was, i);
    if (is !== undefined) pushTo(edit.add, is, i);
  }
  const out: ExposureSummary = { ...summary };
  for (const [attacker, { counts, drop, add }] of edits) {
    const c = summary[attacker]!;
    const at = { ...c.at };
    for (const level of new Set([...drop.keys(), ...add.keys()])) at[level] = edited(c.at[level], drop.get(level) ?? [], add.get(level) ?? []);
    out[attacker] = { ...counts, at } satisfies AttackerExposures;
  }
  return out;
}

function updatedPacked(packed: PackedExposures, exposures: ExposureList, changed: readonly number[]): PackedExposures {
  // A table is packed already: its lists are copied, no pair is read.
  if (exposures instanceof ExposureTable) return exposures.packed();
  const outcomes = packed.outcomes.slice();
  let reshaped = false;
  for (const i of changed) {
    const k = slotOf(packed.at, i);
    const listed = k < packed.at.length && packed.at[k] === i;
    const now = exposures.at(i)!;
    if (listed && !plainExposure(now)) outcomes[k] = outcomeOf(now);
    else if (listed || !plainExposure(now)) reshaped = true;
  }
  if (!reshaped) return { attackers: packed.attackers, at: packed.at, outcomes };
  // A pair turned plain or stopped being so: the listed positions and the changed ones are merged.
  const at: number[] = [];
  const kept: number[] = [];
  const list = (p: number, outcome: number): void => {
    at.push(p);
    kept.push(outcome);
  };
  let k = 0;
  let c = 0;
  while (k < packed.at.length || c < changed.length) {
    const p = k < packed.at.length ? packed.at[k]! : Number.POSITIVE_INFINITY;
    const q = c < changed.length ? changed[c]! : Number.POSITIVE_INFINITY;
    if (p < q) {
      list(p, outcomes[k++]!);
      continue;
    }
    const e = exposures.at(q)!;
    if (!plainExposure(e)) list(q, outcomeOf(e));
    c++;
    if (p === q) k++;
  }
  return { attackers: packed.attackers, at: Int32Array.from(at), outcomes: Uint8Array.from(kept) };
}

/**
 * The summary and (with `pack`) the packed exposures of `exposures`, from `last`'s when they are
 * laid out alike and few pairs changed; else made afresh.
 */
export function exposureViews(exposures: ExposureList, flows: readonly { id: string }[], pack: boolean, last?: ExposureViews): ExposureViews {
  const fresh = (): ExposureViews => {
    const packed = pack ? packExposures(exposures, flows) : undefined;
    return { exposures, flows, summary: summarizeExposures(exposures), ...(packed ? { packed } : {}) };
  };
  if (!last || last.exposures.length !== exposures.length || (last.packed !== undefined) !== pack || (last.flows !== flows && !sameIdsInOrder(last.flows, flows))) return fresh();
  const changed = changedPositions(exposures, last.exposures, Math.max(64, Math.floor(exposures.length * CHANGED_SHARE)));
  if (!changed) return fresh();
  if (changed.length === 0) return { ...last, exposures, flows };
  try {
    const summary = updatedSummary(last.summary, last.exposures, exposures, changed);
    return { exposures, flows, summary, ...(last.packed ? { packed: updatedPacked(last.packed, exposures, changed) } : {}) };
  } catch {
    // A summary out of step with its pairs (never seen): the views are made afresh rather than the analysis lost.
    return fresh();
  }
}
