/**
 * Domain words for diagnostics: what a schema expects ("a whole number from 1 to 4094"), what a
 * value is ("the text \"abc\""), and what an entity is called ("IPsec policy `p1`").
 */
import type { EntityKind, NumberSchema, Schema } from './schema-dsl.ts';

/** How each entity kind is called in messages. */
export const ENTITY_NOUNS: Record<EntityKind, string> = {
  site: 'site',
  host: 'host',
  device: 'device',
  link: 'link',
  bridge: 'bridge',
  overlay: 'overlay',
  tunnel: 'tunnel',
  network: 'network',
  workload: 'workload',
  keystore: 'key store',
  ipsec: 'IPsec policy',
  wireguard: 'WireGuard mesh',
  flow: 'flow',
  attacker: 'attacker',
  requirement: 'requirement',
};

/** `host \`c1\`` */
export function describeEntity(kind: EntityKind, id: string): string {
  return `${ENTITY_NOUNS[kind]} \`${id}\``;
}

/** `a host or device`, `a network`. */
export function describeKinds(kinds: readonly EntityKind[]): string {
  const nouns = kinds.map((kind) => ENTITY_NOUNS[kind]);
  const first = nouns[0] ?? 'entity';
  const article = /^[aeiouAEIOU]/.test(first) ? 'an' : 'a';
  if (nouns.length > 3) return 'an entity';
  return `${article} ${nouns.join(' or ')}`;
}

/** Backquoted words joined for a message: `` `a`, `b` or `c` ``. */
export function listWords(words: readonly string[]): string {
  const quoted = words.map((word) => `\`${word}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** What kind of value something is, in the terms of YAML. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'list' | 'mapping' | 'empty' | 'other';

/** True for a plain `{}` object (not an array, class instance or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The YAML kind of a JavaScript value. */
export function kindOfValue(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  return isPlainObject(value) ? 'mapping' : 'other';
}

/** `the number 5`, `the text "abc"`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  switch (kindOfValue(value)) {
    case 'string': {
      const text = value as string;
      return `the text ${JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text)}`;
    }
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `\`${String(value)}\``;
    case 'list':
      return 'a list';
    case 'mapping':
      return 'a mapping';
    case 'empty':
      return 'nothing (an empty value)';
    default:
      return 'a value that is not text, a number, a list or a mapping';
  }
}

/** The YAML kind a schema accepts. */
export function kindOfSchema(schema: Exclude<Schema, { kind: 'union' }>): ValueKind {
  switch (schema.kind) {
    case 'string':
    case 'ref':
    case 'enum':
      return 'string';
    case 'number':
    case 'version':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'list':
      return 'list';
    default:
      return 'mapping';
  }
}

/** `a whole number from 1 to 4094`, `a number greater than 0`. */
export function describeNumber(schema: NumberSchema): string {
  const parts: string[] = [];
  if (schema.min !== undefined && schema.max !== undefined) parts.push(`from ${schema.min} to ${schema.max}`);
  else if (schema.min !== undefined) parts.push(`of at least ${schema.min}`);
  if (schema.above !== undefined) parts.push(`greater than ${schema.above}`);
  if (schema.max !== undefined && schema.min === undefined) parts.push(`at most ${schema.max}`);
  const noun =
    schema.multipleOf !== undefined
      ? `a multiple of ${schema.multipleOf}`
      : schema.integer
        ? 'a whole number'
        : 'a number';
  return [noun, parts.join(' and ')].filter(Boolean).join(' ');
}

/** What a schema expects, in words. */
export function describeExpected(schema: Schema): string {
  switch (schema.kind) {
    case 'string':
      return schema.format === 'id' ? 'an id' : schema.format === 'ip' ? 'an IP address' : 'text';
    case 'ref':
      return `the id of ${describeKinds(schema.targets)}`;
    case 'number':
      return describeNumber(schema);
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return schema.values.length === 1 ? listWords(schema.values) : `one of ${listWords(schema.values)}`;
    case 'version':
      return 'the number 1';
    case 'list':
      return 'a list';
    case 'union':
      return schema.options.map(describeExpected).join(' or ');
    default:
      return 'a mapping';
  }
}
