/**
 * Shape checks of mappings: known fields, unknown fields (with "did you mean"), required fields,
 * defaults, the "exactly one / at least one of" groups and fields that depend on a sibling.
 */
import { checkRef } from './check-scalar.ts';
import { checkValue, cleanSilently } from './check-shape.ts';
import { label, wrongType, type ShapeContext } from './shape-context.ts';
import { isPlainObject, listWords } from './describe-schema.ts';
import { didYouMean } from './did-you-mean.ts';
import type { Field, ObjectSchema, RecordSchema } from './schema-dsl.ts';
import type { ModelPath } from './types.ts';

const fieldNames = new WeakMap<ObjectSchema, string[]>();

function namesOf(schema: ObjectSchema): string[] {
  let names = fieldNames.get(schema);
  if (!names) fieldNames.set(schema, (names = Object.keys(schema.fields)));
  return names;
}

/** The cleaned form of a field's default: `{}` becomes the mapping with its own defaults filled. */
function defaultOf(field: Field): unknown {
  if (Array.isArray(field.default)) return [...(field.default as unknown[])];
  return isPlainObject(field.default) ? cleanSilently(field.schema, field.default) : field.default;
}

function reportUnknownFields(
  schema: ObjectSchema,
  value: Record<string, unknown>,
  path: ModelPath,
  ctx: ShapeContext,
): void {
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(schema.fields, key) || value[key] === undefined) continue;
    const names = namesOf(schema);
    const where = ctx.ownerDepth === path.length ? ctx.owner : label(path, ctx);
    const hint = didYouMean(key, names) ?? `known fields: ${names.join(', ')}`;
    ctx.reporter.report('unknown_field', [...path, key], `unknown field \`${key}\` in ${where}`, {
      hint,
      target: 'key',
    });
  }
}

function checkGroups(
  schema: ObjectSchema,
  value: Record<string, unknown>,
  path: ModelPath,
  ctx: ShapeContext,
): void {
  const group = schema.exactlyOne ?? schema.atLeastOne;
  if (!group) return;
  const present = group.filter((name) => value[name] !== undefined);
  if (present.length === 0) {
    const which = schema.exactlyOne ? listWords(group) : `${listWords(group)} (or both)`;
    ctx.reporter.report('missing_field', path, `${label(path, ctx)} needs ${which}`);
  } else if (schema.exactlyOne && present.length > 1) {
    const message = `${label(path, ctx)} has both ${listWords(present).replace(' or ', ' and ')}; give only one`;
    ctx.reporter.report('conflicting_fields', [...path, present[1]!], message, { target: 'key' });
  }
}

function checkConditions(
  schema: ObjectSchema,
  value: Record<string, unknown>,
  out: Record<string, unknown>,
  path: ModelPath,
  ctx: ShapeContext,
): void {
  for (const rule of schema.requiredWhen ?? []) {
    const when = out[rule.when];
    if (typeof when === 'string' && rule.is.includes(when) && value[rule.field] === undefined) {
      const message = `${label(path, ctx)} has \`${rule.when}: ${when}\` and so needs \`${rule.field}\``;
      ctx.reporter.report('missing_field', [...path, rule.field], message);
    }
  }
  for (const rule of schema.onlyWhen ?? []) {
    const when = out[rule.when];
    if (out[rule.field] === undefined || typeof when !== 'string' || rule.is.includes(when)) continue;
    const message = `\`${rule.field}\` is ignored: it applies only when \`${rule.when}\` is ${listWords(rule.is)}, and ${label(path, ctx)} has \`${rule.when}: ${when}\``;
    ctx.reporter.report('field_not_applicable', [...path, rule.field], message, {
      target: 'key',
      hint: `remove \`${rule.field}\``,
    });
    delete out[rule.field];
  }
}

/** Checks a mapping with known fields; returns the cleaned mapping with defaults filled. */
export function checkObject(
  schema: ObjectSchema,
  value: unknown,
  path: ModelPath,
  ctx: ShapeContext,
): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return wrongType(schema, value, path, ctx);
  reportUnknownFields(schema, value, path, ctx);
  const grouped = schema.exactlyOne ?? schema.atLeastOne ?? [];
  const out: Record<string, unknown> = {};
  for (const name of namesOf(schema)) {
    const field = schema.fields[name]!;
    const raw = value[name];
    let clean = raw === undefined ? undefined : checkValue(field.schema, raw, [...path, name], ctx);
    if (raw === undefined && field.required && !grouped.includes(name)) {
      ctx.reporter.report(
        'missing_field',
        [...path, name],
        `${label(path, ctx)} has no \`${name}\`, which is required`,
        { hint: field.description },
      );
    }
    if (clean === undefined && field.default !== undefined) clean = defaultOf(field);
    if (clean !== undefined) out[name] = clean;
  }
  checkGroups(schema, value, path, ctx);
  checkConditions(schema, value, out, path, ctx);
  return out;
}

function checkKey(schema: RecordSchema, key: string, path: ModelPath, ctx: ShapeContext): boolean {
  const keys = schema.keys;
  if (keys.kind === 'enum') {
    if (keys.values.includes(key)) return true;
    const message = `${label(path.slice(0, -1), ctx)} has the key \`${key}\`; keys must be ${listWords(keys.values)}`;
    const hint = didYouMean(key, keys.values);
    ctx.reporter.report('invalid_enum', path, message, hint ? { hint, target: 'key' } : { target: 'key' });
    return false;
  }
  if (keys.kind === 'ref') return checkRef(keys, key, path, ctx, 'key') !== undefined;
  // Plain text keys accept anything.
  return true;
}

/** Checks a mapping from keys (ids or enum words) to values of one schema. */
export function checkRecord(
  schema: RecordSchema,
  value: unknown,
  path: ModelPath,
  ctx: ShapeContext,
): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return wrongType(schema, value, path, ctx);
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (raw === undefined) continue;
    const keyPath = [...path, key];
    if (!checkKey(schema, key, keyPath, ctx)) continue;
    const clean = checkValue(schema.values, raw, keyPath, ctx);
    if (clean !== undefined) out[key] = clean;
  }
  return out;
}
