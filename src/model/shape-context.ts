/**
 * What the shape stage carries while it walks a value: the reporter, the ids declared and
 * referenced so far, and the entity being checked, so messages read "`nic.gbps` of host `c1`".
 */
import { describeExpected, describeValue } from './describe-schema.ts';
import type { Reporter } from './draft-diagnostic.ts';
import { formatModelPath } from './format-model-path.ts';
import type { EntityKind, RefSchema, Schema } from './schema-dsl.ts';
import type { ModelPath } from './types.ts';
import type { ShapeMemo } from './check-shape.ts';
import type { SegmentedList } from './segmented-list.ts';

/** Pattern every id matches (SPEC §1). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;

/** An id declared by an entity, at `hosts[2].id`. */
export interface Declaration {
  kind: EntityKind;
  id: string;
  path: ModelPath;
}

/** An id used where it must name an entity of `schema.targets`. */
export interface Reference {
  schema: RefSchema;
  id: string;
  path: ModelPath;
  /** The id is a mapping key (layout), not a value. */
  target?: 'key';
  /** The entity the reference belongs to, for messages (see `label`). */
  owner: string;
  ownerDepth: number;
}

/** State of one shape walk. */
export interface ShapeContext {
  reporter: Reporter;
  declarations: SegmentedList<Declaration>;
  references: SegmentedList<Reference>;
  /** The entity being checked in words (`host \`c1\``); field labels are relative to it. */
  owner: string;
  ownerDepth: number;
  /** Keep what clean entities' checks leave for the next reading (`next`), and replay what `previous` kept (check-shape.ts). */
  keep?: { previous?: ShapeMemo; next: ShapeMemo };
}

/** "`nic.gbps` of host `c1`": a field named relative to the entity that owns it. */
export function label(path: ModelPath, ctx: Pick<ShapeContext, 'owner' | 'ownerDepth'>): string {
  const relative = path.slice(ctx.ownerDepth);
  const field = relative.length > 0 ? `\`${formatModelPath(relative)}\`` : undefined;
  if (ctx.ownerDepth === 0) return field ?? 'the scenario';
  return field ? `${field} of ${ctx.owner}` : ctx.owner;
}

/** Words people write for booleans; YAML 1.2 reads only `true` and `false` unquoted as booleans. */
const BOOLEAN_WORDS = new Map([
  ['true', 'true'],
  ['false', 'false'],
  ['yes', 'true'],
  ['no', 'false'],
  ['on', 'true'],
  ['off', 'false'],
]);

function typeHint(schema: Schema, value: unknown): string | undefined {
  const expects = schema.kind === 'union' ? schema.options.map((option) => option.kind) : [schema.kind];
  if (value === null || value === undefined) return 'write a value after the colon, or leave the field out';
  if (
    (typeof value === 'number' || typeof value === 'boolean') &&
    (expects.includes('string') || expects.includes('ref'))
  )
    // The plain value may have lost leading zeros (`01` reads as 1), so do not echo it.
    return 'YAML read this as a number or true/false: write the text in quotes';
  if (typeof value === 'string' && expects.includes('list')) return `write a list: [${value}]`;
  if (typeof value === 'string' && expects.includes('boolean') && BOOLEAN_WORDS.has(value.toLowerCase())) {
    const word = BOOLEAN_WORDS.get(value.toLowerCase());
    return word === value
      ? `write ${word} without quotes`
      : `write ${word}: YAML 1.2 reads \`${value}\` as text`;
  }
  if (
    typeof value === 'string' &&
    expects.includes('number') &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  )
    return `write ${value} without quotes`;
  return undefined;
}

/** Reports a value of the wrong kind and returns undefined (the value is dropped). */
export function wrongType(schema: Schema, value: unknown, path: ModelPath, ctx: ShapeContext): undefined {
  const hint = typeHint(schema, value);
  const message = `${label(path, ctx)} must be ${describeExpected(schema)}, not ${describeValue(value)}`;
  ctx.reporter.report('wrong_type', path, message, hint ? { hint } : undefined);
  return undefined;
}
