/**
 * Semantic checks driven by the schema: one id namespace for the whole file (`duplicate_id`), and
 * every reference naming an entity of the right kind (each reference field reports its own code,
 * such as `link_unknown_endpoint`). Lookups go through one Map, so this is linear in the file.
 */
import { label, type Declaration, type Reference } from './shape-context.ts';
import { describeKinds, ENTITY_NOUNS } from './describe-schema.ts';
import { didYouMean } from './did-you-mean.ts';
import type { Reporter } from './draft-diagnostic.ts';
import type { EntityKind } from './schema-dsl.ts';
import type { SegmentedList } from './segmented-list.ts';

/** Suggestions compare against every id of a kind; after this many misses, stop suggesting. */
const SUGGESTION_BUDGET = 100;

/** Registers every declared id, reporting the second and later uses of one; returns id → first declaration. */
export function registerIds(
  declarations: Pick<SegmentedList<Declaration>, 'forEach'>,
  reporter: Reporter,
): Map<string, Declaration> {
  const registry = new Map<string, Declaration>();
  declarations.forEach((declaration) => {
    const first = registry.get(declaration.id);
    if (!first) {
      registry.set(declaration.id, declaration);
      return;
    }
    const message = `id \`${declaration.id}\` of this ${ENTITY_NOUNS[declaration.kind]} is already used by a ${ENTITY_NOUNS[first.kind]}`;
    reporter.report('duplicate_id', declaration.path, message, {
      related: first.path,
      hint: 'every id is unique across the whole file: rename one of them',
    });
  });
  return registry;
}

function nouns(kinds: readonly EntityKind[]): string {
  return kinds.length > 3 ? 'entity' : kinds.map((kind) => ENTITY_NOUNS[kind]).join(' or ');
}

/** Checks that each reference names an entity of one of its target kinds. */
export function checkReferences(
  references: Pick<SegmentedList<Reference>, 'forEach'>,
  registry: ReadonlyMap<string, Declaration>,
  reporter: Reporter,
): void {
  let idsByKind: Map<EntityKind, string[]> | undefined;
  let budget = SUGGESTION_BUDGET;
  references.forEach((reference) => {
    const { schema, id } = reference;
    const found = registry.get(id);
    if (found && schema.targets.includes(found.kind)) return;
    const details = reference.target ? { target: reference.target } : {};
    if (found) {
      const message = `${subject(reference)} \`${id}\`, which is a ${ENTITY_NOUNS[found.kind]}, not ${describeKinds(schema.targets)}`;
      reporter.report(schema.code, reference.path, message, details);
      return;
    }
    idsByKind ??= groupIds(registry);
    const candidates = schema.targets.flatMap((kind) => idsByKind!.get(kind) ?? []);
    const hint = budget-- > 0 ? didYouMean(id, candidates) : undefined;
    const message = `${subject(reference)} \`${id}\`, but there is no ${nouns(schema.targets)} with that id`;
    reporter.report(schema.code, reference.path, message, hint ? { ...details, hint } : details);
  });
}

/** "`site` of host `c1` names" for a value; "`layout` has an entry for" for a mapping key. */
function subject(reference: Reference): string {
  if (reference.target === 'key') return `${label(reference.path.slice(0, -1), reference)} has an entry for`;
  return `${label(reference.path, reference)} names`;
}

function groupIds(registry: ReadonlyMap<string, Declaration>): Map<EntityKind, string[]> {
  const groups = new Map<EntityKind, string[]>();
  for (const { kind, id } of registry.values()) {
    const list = groups.get(kind);
    if (list) list.push(id);
    else groups.set(kind, [id]);
  }
  return groups;
}
