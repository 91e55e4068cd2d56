/**
 * The shape stage (SPEC §1.2): walks a plain value along the declarative schema, reports every
 * type, enum, id, range and count problem, and returns a cleaned copy in which invalid parts are
 * dropped and defaults are filled. Ids declared and ids referenced are collected on the way for
 * the semantic stage, so no second walk is needed.
 */
import { checkObject, checkRecord } from './check-object.ts';
import { checkEnum, checkNumber, checkRef, checkString, checkVersion } from './check-scalar.ts';
import { describeEntity, ENTITY_NOUNS, isPlainObject, kindOfSchema, kindOfValue } from './describe-schema.ts';
import { createReporter } from './draft-diagnostic.ts';
import { formatModelPath } from './format-model-path.ts';
import type { EntityKind, ListSchema, Schema, UnionSchema } from './schema-dsl.ts';
import { ID_PATTERN, label, wrongType, type Declaration, type Reference, type ShapeContext } from './shape-context.ts';
import type { ModelPath } from './types.ts';
import { SegmentedList } from './segmented-list.ts';

/** Cleans a value known to be valid (a default), discarding anything it would report. */
export function cleanSilently(schema: Schema, value: unknown): unknown {
  const silent: ShapeContext = {
    reporter: createReporter(),
    declarations: new SegmentedList(),
    references: new SegmentedList(),
    owner: '',
    ownerDepth: 0,
  };
  return checkValue(schema, value, [], silent);
}

/**
 * The shape checks of clean entities of one reading, for the next (`ShapeContext.keep`): after an
 * edit the reader hands over every item of a top-level list it did not read again as the very
 * same object at the same place (reread-plain-yaml.ts), so only the edited item is checked again.
 * What an entity's check leaves — its clean value, the id it declares, the references it makes —
 * depends on the item and its place alone, and is replayed. Kept per list in arrays aligned with
 * its items (no map of 300,000 entities to hash into, or for the garbage collector to walk).
 */
export interface ShapeMemo {
  /** The reading's declarations and references, in order; the spans below point into them. */
  declarations: SegmentedList<Declaration>;
  references: SegmentedList<Reference>;
  lists: Map<string, KeptList>;
  /**
   * The references replayed from the reading before, as [from, to) index pairs into `references`:
   * valid then, and so now too while the ids are declared as they were (run-stages.ts).
   */
  replayed: number[];
  /** The reading's id registry, for the next reading to keep when its declarations are the same. */
  registry?: Map<string, Declaration>;
}

/** One top-level list of a reading: its raw items, their clean values and spans (`SPAN` numbers each). */
export interface KeptList {
  items: readonly unknown[];
  clean: unknown[];
  spans: Int32Array;
  /**
   * Filled by normalisation (normalize-scenario.ts): each clean value's normalised entity and the
   * two things besides the value it was derived from (a link's end entities, a flow's endpoints'
   * network lists), compared by identity.
   */
  normal?: unknown[];
  dependsA?: unknown[];
  dependsB?: unknown[];
}

/** A kept entity's spans: declarations from, to, references from, to; -1 when its check reported anything. */
const SPAN = 4;

/** Checks one entity of a kept list (`checkKeptList`) and keeps what it left for the next reading, when it reported nothing. */
function checkAndKeep(kind: EntityKind, schema: Schema, item: unknown, path: ModelPath, ctx: ShapeContext, now: KeptList, index: number): unknown {
  const from = ctx.declarations.length;
  const refs = ctx.references.length;
  const reported = ctx.reporter.drafts.length;
  const clean = checkEntity(kind, schema, item, path, ctx);
  if (ctx.reporter.drafts.length === reported) {
    now.spans.set([from, ctx.declarations.length, refs, ctx.references.length], index * SPAN);
    now.clean[index] = clean;
  }
  return clean;
}

function checkEntity(
  kind: EntityKind,
  schema: Schema,
  item: unknown,
  path: ModelPath,
  ctx: ShapeContext,
): unknown {
  const rawId = isPlainObject(item) ? item.id : undefined;
  const owner =
    typeof rawId === 'string' && ID_PATTERN.test(rawId)
      ? describeEntity(kind, rawId)
      : `the ${ENTITY_NOUNS[kind]} at ${formatModelPath(path)}`;
  const clean = checkValue(schema, item, path, { ...ctx, owner, ownerDepth: path.length });
  // An entity that is not even a mapping becomes one with only defaults (its error is reported).
  if (!isPlainObject(clean)) return cleanSilently(schema, {});
  if (typeof clean.id === 'string') ctx.declarations.push({ kind, id: clean.id, path: [...path, 'id'] });
  return clean;
}

function checkList(
  schema: ListSchema,
  value: unknown,
  path: ModelPath,
  ctx: ShapeContext,
): unknown[] | undefined {
  if (!Array.isArray(value)) return wrongType(schema, value, path, ctx);
  const { minItems: min, maxItems: max } = schema;
  if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
    const expected =
      min === max ? `exactly ${min}` : max === undefined ? `at least ${min}` : `at most ${max}`;
    ctx.reporter.report(
      'wrong_item_count',
      path,
      `${label(path, ctx)} must list ${expected} item${(min ?? max) === 1 ? '' : 's'}, not ${value.length}`,
    );
  }
  // The entities of a top-level list are kept for the next reading when asked to (see `ShapeMemo`).
  if (ctx.keep && schema.entity && path.length === 1) {
    const now = { items: value, clean: new Array<unknown>(value.length), spans: new Int32Array(value.length * SPAN).fill(-1) };
    ctx.keep.next.lists.set(path[0] as string, now);
    return checkKeptList(schema.entity, schema.items, value, path, ctx, now, ctx.keep.previous);
  }
  const seen = schema.unique ? new Set<string>() : undefined;
  return value.map((item: unknown, index) => {
    const itemPath = [...path, index];
    const clean = schema.entity ? checkEntity(schema.entity, schema.items, item, itemPath, ctx) : checkValue(schema.items, item, itemPath, ctx);
    if (seen && typeof clean === 'string') {
      if (seen.has(clean))
        ctx.reporter.report(
          'duplicate_item',
          itemPath,
          `${label(path, ctx)} lists \`${clean}\` more than once`,
          { hint: 'remove the repeat' },
        );
      seen.add(clean);
    }
    return clean;
  });
}

/**
 * The entities of a top-level list kept for the next reading (`ShapeMemo`): runs of items that are
 * the last reading's very objects at the same places, each checked clean then, are replayed as
 * one range of declarations and references; the other items are checked (`checkAndKeep`). A
 * region's edit leaves 300,000 entities alone, and replaying them one by one took 0.2 s.
 */
function checkKeptList(kind: EntityKind, schema: Schema, value: readonly unknown[], path: ModelPath, ctx: ShapeContext, now: KeptList, before: ShapeMemo | undefined): unknown[] {
  const then = before?.lists.get(path[0] as string);
  const out = new Array<unknown>(value.length);
  const spans = now.spans;
  for (let index = 0; index < value.length; ) {
    if (!then || then.items[index] !== value[index] || then.spans[index * SPAN]! < 0) {
      out[index] = checkAndKeep(kind, schema, value[index], [...path, index], ctx, now, index);
      index++;
      continue;
    }
    // The run goes on while the next item was also kept and its ranges follow this one's (as
    // items checked in a row leave them; anything else ends the run and starts another).
    let end = index + 1;
    while (
      end < value.length &&
      then.items[end] === value[end] &&
      then.spans[end * SPAN]! >= 0 &&
      then.spans[end * SPAN] === then.spans[(end - 1) * SPAN + 1] &&
      then.spans[end * SPAN + 2] === then.spans[(end - 1) * SPAN + 3]
    )
      end++;
    const fromD = then.spans[index * SPAN]!;
    const toD = then.spans[(end - 1) * SPAN + 1]!;
    const fromR = then.spans[index * SPAN + 2]!;
    const toR = then.spans[(end - 1) * SPAN + 3]!;
    const shiftD = ctx.declarations.length - fromD;
    const refs = ctx.references.length;
    const shiftR = refs - fromR;
    // By reference to where the reading before holds them: a region's edit replays 900,000.
    ctx.declarations.appendRange(before!.declarations, fromD, toD);
    ctx.references.appendRange(before!.references, fromR, toR);
    if (ctx.references.length > refs) {
      // Replayed ranges next to each other (a list's unchanged entities) are one range.
      const replayed = ctx.keep!.next.replayed;
      if (replayed.length > 0 && replayed[replayed.length - 1] === refs) replayed[replayed.length - 1] = ctx.references.length;
      else replayed.push(refs, ctx.references.length);
    }
    for (let i = index; i < end; i++) {
      const at = i * SPAN;
      spans[at] = then.spans[at]! + shiftD;
      spans[at + 1] = then.spans[at + 1]! + shiftD;
      spans[at + 2] = then.spans[at + 2]! + shiftR;
      spans[at + 3] = then.spans[at + 3]! + shiftR;
      out[i] = now.clean[i] = then.clean[i];
    }
    index = end;
  }
  return out;
}

function checkUnion(schema: UnionSchema, value: unknown, path: ModelPath, ctx: ShapeContext): unknown {
  const kind = kindOfValue(value);
  const option = schema.options.find(
    (candidate) => candidate.kind !== 'union' && kindOfSchema(candidate) === kind,
  );
  if (!option) return wrongType(schema, value, path, ctx);
  if (option.kind === 'enum' && schema.options.some((candidate) => candidate.kind === 'list')) {
    // `flows: f1` most likely meant a list of one id.
    return checkEnum(option, value, path, ctx, `to name one id, write a list: [${String(value)}]`);
  }
  return checkValue(option, value, path, ctx);
}

/** Checks `value` against `schema`; returns the cleaned value, or undefined when it is invalid. */
export function checkValue(schema: Schema, value: unknown, path: ModelPath, ctx: ShapeContext): unknown {
  switch (schema.kind) {
    case 'string':
      return checkString(schema, value, path, ctx);
    case 'ref':
      return checkRef(schema, value, path, ctx);
    case 'number':
      return checkNumber(schema, value, path, ctx);
    case 'boolean':
      return typeof value === 'boolean' ? value : wrongType(schema, value, path, ctx);
    case 'enum':
      return checkEnum(schema, value, path, ctx);
    case 'version':
      return checkVersion(value, path, ctx);
    case 'list':
      return checkList(schema, value, path, ctx);
    case 'object':
      return checkObject(schema, value, path, ctx);
    case 'record':
      return checkRecord(schema, value, path, ctx);
    case 'union':
      return checkUnion(schema, value, path, ctx);
  }
}
