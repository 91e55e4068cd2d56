/**
 * JSON Schema (draft 2020-12) of the scenario format, generated from the same declarative schema
 * the validator reads, for editors (YAML language servers) and other tools. The generated file is
 * committed as scenarios/plainsight.schema.json; a test keeps it equal to this output. Only
 * error-level rules are expressed: warnings (repeated list items, fields that do not apply to a
 * kind) are not schema violations.
 */
import { describeKinds } from './describe-schema.ts';
import type { ObjectSchema, Schema } from './schema-dsl.ts';
import { scenarioSchema } from './schema.ts';

type JsonSchema = Record<string, unknown>;

/** The id pattern of SPEC §1, as JSON Schema writes regular expressions. */
const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:/-]*$';

function numberSchema(schema: Extract<Schema, { kind: 'number' }>): JsonSchema {
  return {
    type: schema.integer ? 'integer' : 'number',
    ...(schema.min !== undefined && { minimum: schema.min }),
    ...(schema.above !== undefined && { exclusiveMinimum: schema.above }),
    ...(schema.max !== undefined && { maximum: schema.max }),
    ...(schema.multipleOf !== undefined && { multipleOf: schema.multipleOf }),
  };
}

function objectSchema(schema: ObjectSchema, defs: Map<string, JsonSchema>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, field] of Object.entries(schema.fields)) {
    const plain =
      field.default !== undefined && (typeof field.default !== 'object' || Array.isArray(field.default));
    properties[name] = {
      description: field.description,
      ...convert(field.schema, defs),
      ...(plain && { default: field.default }),
    };
  }
  const required = Object.entries(schema.fields)
    .filter(([, field]) => field.required)
    .map(([name]) => name);
  const rules: JsonSchema[] = [];
  if (schema.exactlyOne) rules.push({ oneOf: schema.exactlyOne.map((name) => ({ required: [name] })) });
  if (schema.atLeastOne) rules.push({ anyOf: schema.atLeastOne.map((name) => ({ required: [name] })) });
  for (const rule of schema.requiredWhen ?? []) {
    rules.push({
      if: { properties: { [rule.when]: { enum: rule.is } }, required: [rule.when] },
      then: { required: [rule.field] },
    });
  }
  return {
    type: 'object',
    properties,
    ...(required.length > 0 && { required }),
    additionalProperties: false,
    ...(rules.length > 0 && { allOf: rules }),
  };
}

function convert(schema: Schema, defs: Map<string, JsonSchema>): JsonSchema {
  switch (schema.kind) {
    case 'string':
      return schema.format === 'id'
        ? { type: 'string', pattern: ID_PATTERN }
        : schema.format === 'ip'
          ? { type: 'string', anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] }
          : { type: 'string' };
    case 'ref': {
      const id = { type: 'string', pattern: ID_PATTERN, $comment: `id of ${describeKinds(schema.targets)}` };
      return schema.keywords ? { anyOf: [id, { enum: schema.keywords }] } : id;
    }
    case 'number':
      return numberSchema(schema);
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { enum: schema.values };
    case 'version':
      return { const: schema.value };
    case 'list':
      return {
        type: 'array',
        items: convert(schema.items, defs),
        ...(schema.minItems !== undefined && { minItems: schema.minItems }),
        ...(schema.maxItems !== undefined && { maxItems: schema.maxItems }),
      };
    case 'record': {
      const keys = schema.keys.kind === 'enum' ? { enum: schema.keys.values } : { pattern: ID_PATTERN };
      return { type: 'object', propertyNames: keys, additionalProperties: convert(schema.values, defs) };
    }
    case 'union':
      return { anyOf: schema.options.map((option) => convert(option, defs)) };
    case 'object': {
      if (!schema.name) return objectSchema(schema, defs);
      if (!defs.has(schema.name)) {
        defs.set(schema.name, {});
        defs.set(schema.name, objectSchema(schema, defs));
      }
      return { $ref: `#/$defs/${schema.name}` };
    }
  }
}

/** The JSON Schema of the scenario format. */
export function buildJsonSchema(): Record<string, unknown> {
  const defs = new Map<string, JsonSchema>();
  const root = objectSchema(scenarioSchema, defs);
  const sortedDefs = Object.fromEntries([...defs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Plainsight scenario (format version 1)',
    description:
      'A network encryption planning scenario: sites, hosts, links, overlays, IPsec, WireGuard, MACsec, TLS, flows, attackers and requirements.',
    ...root,
    $defs: sortedDefs,
  };
}
