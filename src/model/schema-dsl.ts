/**
 * A small declarative schema language for the scenario format. schema.ts describes every entity,
 * field, enum, bound, default and reference once in it; the shape validator (check-shape.ts), the
 * writer (strip-defaults.ts) and the JSON Schema generator (json-schema.ts) all read that one
 * description, so they cannot drift apart.
 */
import type { DiagnosticCode } from './diagnostic-codes.ts';

/** The kinds of entity that own an id in the scenario's single id namespace (SPEC §1). */
export type EntityKind =
  | 'site'
  | 'host'
  | 'device'
  | 'link'
  | 'bridge'
  | 'overlay'
  | 'tunnel'
  | 'network'
  | 'workload'
  | 'keystore'
  | 'ipsec'
  | 'wireguard'
  | 'flow'
  | 'attacker'
  | 'requirement';

/** Free text, an id (`format: 'id'`) or an IP address (`format: 'ip'`). */
export interface StringSchema {
  kind: 'string';
  format?: 'id' | 'ip';
}

/** The id of another entity; unknown ids are reported with `code` in the semantic stage. */
export interface RefSchema {
  kind: 'ref';
  targets: readonly EntityKind[];
  code: DiagnosticCode;
  /** Words that are not ids but are accepted in the same place (`offline`). */
  keywords?: readonly string[];
}

/** A finite number, optionally whole, with inclusive/exclusive bounds and a step. */
export interface NumberSchema {
  kind: 'number';
  integer?: boolean;
  min?: number;
  /** Exclusive lower bound (`gbps > 0`). */
  above?: number;
  max?: number;
  multipleOf?: number;
  /** Shown with an out-of-range value (a likely unit mistake). */
  hint?: string;
}

/** `true` or `false`. */
export interface BooleanSchema {
  kind: 'boolean';
}

/** One of a fixed list of words. */
export interface EnumSchema<V extends string = string> {
  kind: 'enum';
  values: readonly V[];
}

/** The format version: `plainsight: 1`. */
export interface VersionSchema {
  kind: 'version';
  value: 1;
}

/** A list; `entity` marks a list of entities whose `id`s are declared in the namespace. */
export interface ListSchema<I extends Schema = Schema> {
  kind: 'list';
  items: I;
  minItems?: number;
  maxItems?: number;
  /** Repeated items are pointless (a warning names the repeat). */
  unique?: boolean;
  entity?: EntityKind;
}

/** A list of entities of one kind (`hosts`); `id`s are declared in the namespace. */
export type EntityListSchema<I extends Schema = Schema> = ListSchema<I> & { entity: EntityKind };

/** One field of a mapping: its schema, whether it is required, its default and what it means. */
export interface Field<S extends Schema = Schema> {
  schema: S;
  description: string;
  required?: boolean;
  default?: unknown;
}

/** `field` only makes sense when the sibling field `when` is one of `is`. */
export interface FieldCondition {
  field: string;
  when: string;
  is: readonly string[];
}

/** A mapping with known fields (any other key is an `unknown_field`). */
export interface ObjectSchema<F extends Record<string, Field> = Record<string, Field>> {
  kind: 'object';
  /** Name of the definition in the JSON Schema (`Host`). */
  name?: string;
  fields: F;
  /** Exactly one of these fields must be present (`between` | `members`). */
  exactlyOne?: readonly string[];
  /** At least one of these fields must be present. */
  atLeastOne?: readonly string[];
  /** Required when the condition holds. */
  requiredWhen?: readonly FieldCondition[];
  /** Ignored, with a warning, when the condition does not hold. */
  onlyWhen?: readonly FieldCondition[];
}

/** A mapping from keys (ids or enum words) to values of one schema. */
export interface RecordSchema<V extends Schema = Schema> {
  kind: 'record';
  keys: StringSchema | EnumSchema | RefSchema;
  values: V;
}

/** One of several schemas, told apart by the kind of YAML value (text, list or mapping). */
export interface UnionSchema<O extends readonly Schema[] = readonly Schema[]> {
  kind: 'union';
  options: O;
}

/** Any schema node. */
export type Schema =
  | StringSchema
  | RefSchema
  | NumberSchema
  | BooleanSchema
  | EnumSchema
  | VersionSchema
  | ListSchema
  | ObjectSchema
  | RecordSchema
  | UnionSchema;

/**
 * The TypeScript type of a value that passed the shape stage. Invalid parts are dropped, so every
 * field without a default may be undefined, and an invalid list item stays as an undefined slot
 * (model paths keep their indexes) — except in entity lists, where it becomes an empty entity.
 */
export type Infer<S> = S extends { kind: 'string' | 'ref' }
  ? string
  : S extends { kind: 'number' }
    ? number
    : S extends { kind: 'boolean' }
      ? boolean
      : S extends { kind: 'enum'; values: readonly (infer V)[] }
        ? V
        : S extends { kind: 'version' }
          ? 1
          : S extends { kind: 'list'; items: infer I }
            ? S extends { entity: EntityKind }
              ? Infer<I>[]
              : (Infer<I> | undefined)[]
            : S extends { kind: 'object'; fields: infer F }
              ? InferFields<F>
              : S extends { kind: 'record'; values: infer V }
                ? Record<string, Infer<V>>
                : S extends { kind: 'union'; options: readonly (infer O)[] }
                  ? Infer<O>
                  : never;

type InferFields<F> = {
  [K in keyof F]: F[K] extends Field<infer S>
    ? F[K] extends { default: unknown }
      ? Infer<S>
      : Infer<S> | undefined
    : never;
};
