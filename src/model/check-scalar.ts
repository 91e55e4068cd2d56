/**
 * Shape checks of single values: text, ids, IP addresses, references, numbers with their bounds,
 * enum words and the format version.
 */
import { describeExpected, describeNumber, describeValue } from './describe-schema.ts';
import { didYouMean } from './did-you-mean.ts';
import { isIpAddress } from './is-ip-address.ts';
import type { EnumSchema, NumberSchema, RefSchema, StringSchema } from './schema-dsl.ts';
import { ID_PATTERN, label, wrongType, type Reference, type ShapeContext } from './shape-context.ts';
import type { ModelPath } from './types.ts';

function checkId(value: string, path: ModelPath, ctx: ShapeContext, target?: 'key'): boolean {
  if (ID_PATTERN.test(value)) return true;
  const message = `${label(path, ctx)} is not a valid id: \`${value}\``;
  const hint = 'ids start with a letter or digit and contain only letters, digits and . _ : / -';
  ctx.reporter.report('invalid_id', path, message, target ? { hint, target } : { hint });
  return false;
}

/** Checks text, an id or an IP address. */
export function checkString(
  schema: StringSchema,
  value: unknown,
  path: ModelPath,
  ctx: ShapeContext,
): string | undefined {
  if (typeof value !== 'string') return wrongType(schema, value, path, ctx);
  if (schema.format === 'id' && !checkId(value, path, ctx)) return undefined;
  if (schema.format === 'ip' && !isIpAddress(value)) {
    ctx.reporter.report(
      'invalid_ip',
      path,
      `${label(path, ctx)} is not an IPv4 or IPv6 address: \`${value}\``,
      { hint: 'write the address alone, such as 192.0.2.10 or 2001:db8::10, without a /prefix' },
    );
    return undefined;
  }
  return value;
}

/** Checks an id that must name another entity and records it for the semantic stage. */
export function checkRef(
  schema: RefSchema,
  value: unknown,
  path: ModelPath,
  ctx: ShapeContext,
  target?: 'key',
): string | undefined {
  if (typeof value !== 'string') return wrongType(schema, value, path, ctx);
  if (schema.keywords?.includes(value)) return value;
  if (!checkId(value, path, ctx, target)) return undefined;
  const reference: Reference = { schema, id: value, path, owner: ctx.owner, ownerDepth: ctx.ownerDepth };
  if (target) reference.target = target;
  ctx.references.push(reference);
  return value;
}

/** Checks a finite number against its bounds, whole-ness and step. */
export function checkNumber(
  schema: NumberSchema,
  value: unknown,
  path: ModelPath,
  ctx: ShapeContext,
): number | undefined {
  if (typeof value !== 'number') return wrongType(schema, value, path, ctx);
  const fits =
    Number.isFinite(value) &&
    (!schema.integer || Number.isInteger(value)) &&
    (schema.min === undefined || value >= schema.min) &&
    (schema.above === undefined || value > schema.above) &&
    (schema.max === undefined || value <= schema.max) &&
    (schema.multipleOf === undefined || value % schema.multipleOf === 0);
  if (fits) return value;
  const hint = schema.hint ? { hint: schema.hint } : undefined;
  if (!Number.isFinite(value)) {
    // YAML spells these .inf, -.inf and .nan.
    const written = Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    ctx.reporter.report(
      'out_of_range',
      path,
      `${label(path, ctx)} must be a finite number, not ${written}`,
      hint,
    );
  } else {
    ctx.reporter.report(
      'out_of_range',
      path,
      `${label(path, ctx)} must be ${describeNumber(schema)}, not ${value}`,
      hint,
    );
  }
  return undefined;
}

/** Checks one word of a fixed list; `fallbackHint` is shown when no listed word is close. */
export function checkEnum(
  schema: EnumSchema,
  value: unknown,
  path: ModelPath,
  ctx: ShapeContext,
  fallbackHint?: string,
): string | undefined {
  if (typeof value !== 'string') return wrongType(schema, value, path, ctx);
  if (schema.values.includes(value)) return value;
  const message = `${label(path, ctx)} must be ${describeExpected(schema)}, not \`${value}\``;
  const hint = didYouMean(value, schema.values) ?? fallbackHint;
  ctx.reporter.report('invalid_enum', path, message, hint ? { hint } : undefined);
  return undefined;
}

/** Checks the format version (`plainsight: 1`). */
export function checkVersion(value: unknown, path: ModelPath, ctx: ShapeContext): 1 | undefined {
  if (value === 1) return 1;
  const written = typeof value === 'number' ? String(value) : describeValue(value);
  const message = `this file is for format version ${written}; Plainsight reads format version 1`;
  ctx.reporter.report('unsupported_version', path, message, {
    hint: 'write `plainsight: 1` and check the file against the version 1 format',
  });
  return undefined;
}
