/**
 * Builders of the schema language (schema-dsl.ts): `required(ref(['host'], 'bridge_unknown_host'),
 * 'Host the bridge runs on.')` reads as the field it declares.
 */
import type { DiagnosticCode } from './diagnostic-codes.ts';
import type {
  BooleanSchema,
  EntityKind,
  EnumSchema,
  Field,
  ListSchema,
  NumberSchema,
  ObjectSchema,
  RecordSchema,
  RefSchema,
  Schema,
  StringSchema,
  UnionSchema,
  VersionSchema,
} from './schema-dsl.ts';

/** Free text. */
export const text = (): StringSchema => ({ kind: 'string' });
/** An id (`^[A-Za-z0-9][A-Za-z0-9._:/-]*$`, SPEC §1). */
export const id = (): StringSchema => ({ kind: 'string', format: 'id' });
/** An IPv4 or IPv6 address. */
export const ip = (): StringSchema => ({ kind: 'string', format: 'ip' });
/** The id of an entity of one of `targets`. */
export const ref = (
  targets: readonly EntityKind[],
  code: DiagnosticCode,
  keywords?: readonly string[],
): RefSchema => (keywords ? { kind: 'ref', targets, code, keywords } : { kind: 'ref', targets, code });
/** A finite number with bounds. */
export const num = (bounds: Omit<NumberSchema, 'kind' | 'integer'> = {}): NumberSchema => ({
  kind: 'number',
  ...bounds,
});
/** A whole number with bounds. */
export const int = (bounds: Omit<NumberSchema, 'kind' | 'integer'> = {}): NumberSchema => ({
  kind: 'number',
  integer: true,
  ...bounds,
});
/** `true` or `false`. */
export const bool = (): BooleanSchema => ({ kind: 'boolean' });
/** One of `values`. */
export const oneOf = <V extends string>(values: readonly V[]): EnumSchema<V> => ({ kind: 'enum', values });
/** The format version field. */
export const version = (): VersionSchema => ({ kind: 'version', value: 1 });
/** A list of `items`. */
export const list = <I extends Schema>(
  items: I,
  options: Omit<ListSchema<I>, 'kind' | 'items'> = {},
): ListSchema<I> => ({
  kind: 'list',
  items,
  ...options,
});
/** A mapping from keys to values. */
export const record = <V extends Schema>(keys: RecordSchema['keys'], values: V): RecordSchema<V> => ({
  kind: 'record',
  keys,
  values,
});
/** One of several schemas told apart by value kind. */
export const union = <const O extends readonly Schema[]>(...options: O): UnionSchema<O> => ({
  kind: 'union',
  options,
});
/** A mapping with known fields and optional cross-field rules. */
export const object = <F extends Record<string, Field>>(
  fields: F,
  rules: Omit<ObjectSchema<F>, 'kind' | 'fields'> = {},
): ObjectSchema<F> => ({
  kind: 'object',
  fields,
  ...rules,
});

/** A required field. */
export const required = <S extends Schema>(
  schema: S,
  description: string,
): Field<S> & { required: true } => ({ schema, description, required: true });
/** An optional field whose absence means something (no default). */
export const optional = <S extends Schema>(schema: S, description: string): Field<S> => ({
  schema,
  description,
});
/** An optional field with a default value (`{}` for mappings: their own fields' defaults apply). */
export const withDefault = <S extends Schema>(
  schema: S,
  value: unknown,
  description: string,
): Field<S> & { default: unknown } => ({
  schema,
  description,
  default: value,
});
