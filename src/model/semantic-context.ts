/**
 * What the semantic checks share: the (possibly blank-filled) model, the id registry and the
 * reporter, plus a lookup that tells whether an id names an entity of a given kind — checks skip
 * anything whose references are already reported as unknown, so one mistake gives one diagnostic.
 */
import type { Declaration } from './shape-context.ts';
import type { Reporter } from './draft-diagnostic.ts';
import type { EntityKind } from './schema-dsl.ts';
import type { Scenario } from './types.ts';

/** Input of every semantic check. */
export interface SemanticContext {
  model: Scenario;
  registry: ReadonlyMap<string, Declaration>;
  reporter: Reporter;
}

/** True when `id` is declared by an entity of `kind`. */
export function isKind(ctx: SemanticContext, id: string | undefined, kind: EntityKind): boolean {
  return id !== undefined && ctx.registry.get(id)?.kind === kind;
}

/** Backquoted ids joined for a message: `` `a`, `b` and `c` `` (at most `limit`, then "…"). */
export function listIds(ids: readonly string[], limit = 5): string {
  const shown = ids.slice(0, limit).map((id) => `\`${id}\``);
  if (ids.length > limit) return `${shown.join(', ')} and ${ids.length - limit} more`;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
