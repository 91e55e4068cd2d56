/**
 * The writer's tidy-up, driven by the same schema as the validator: drops every field equal to its
 * default and every field the format does not know, and orders fields as the schema lists them.
 */
import { cleanSilently } from './check-shape.ts';
import { isPlainObject, kindOfSchema, kindOfValue } from './describe-schema.ts';
import { deepEqual } from './deep-equal.ts';
import type { Field, Schema } from './schema-dsl.ts';

const cleanedDefaults = new WeakMap<Field, unknown>();

function cleanedDefault(field: Field): unknown {
  if (!cleanedDefaults.has(field)) cleanedDefaults.set(field, cleanSilently(field.schema, field.default));
  return cleanedDefaults.get(field);
}

/** `value` without defaults or unknown fields, fields in schema order. */
export function stripDefaults(schema: Schema, value: unknown): unknown {
  switch (schema.kind) {
    case 'list':
      return Array.isArray(value) ? value.map((item: unknown) => stripDefaults(schema.items, item)) : value;
    case 'record': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = stripDefaults(schema.values, item);
      return out;
    }
    case 'union': {
      const option = schema.options.find(
        (candidate) => candidate.kind !== 'union' && kindOfSchema(candidate) === kindOfValue(value),
      );
      return option ? stripDefaults(option, value) : value;
    }
    case 'object': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(schema.fields)) {
        const item = value[name];
        if (item === undefined || (field.default !== undefined && deepEqual(item, cleanedDefault(field))))
          continue;
        out[name] = stripDefaults(field.schema, item);
      }
      return out;
    }
    default:
      return value;
  }
}
