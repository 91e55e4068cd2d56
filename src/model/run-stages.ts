/**
 * Stages 2 and 3 of validation (SPEC §1.2) on a plain value: shape, then semantics. Both always
 * run, so one pass reports every problem; the normalised model is returned alongside (it is only
 * trustworthy when no error was reported).
 */
import { checkAttackersAndRequirements } from './check-attackers.ts';
import { checkFlows } from './check-flows.ts';
import { checkKeystores } from './check-keystores.ts';
import { checkObject } from './check-object.ts';
import { checkOverlays } from './check-overlays.ts';
import { checkReferences, registerIds } from './check-references.ts';
import type { Declaration, Reference, ShapeContext } from './shape-context.ts';
import { SegmentedList } from './segmented-list.ts';
import { checkTopology } from './check-topology.ts';
import { checkWorkloads } from './check-workloads.ts';
import { isPlainObject } from './describe-schema.ts';
import type { ShapeMemo } from './check-shape.ts';
import type { Reporter } from './draft-diagnostic.ts';
import { normalizeScenario } from './normalize-scenario.ts';
import { scenarioSchema, type ShapedScenario } from './schema.ts';
import type { SemanticContext } from './semantic-context.ts';
import type { Scenario } from './types.ts';

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameDeclaration(a: Declaration, b: Declaration): boolean {
  return a === b || (a.id === b.id && a.kind === b.kind && samePath(a.path, b.path));
}

/**
 * Whether two readings declare the same ids, of the same kinds, at the same places, in the same
 * order (the declarations replayed from the reading before are its very objects, not looked at).
 */
function sameDeclarations(before: SegmentedList<Declaration>, now: SegmentedList<Declaration>): boolean {
  return now.sameAs(before, sameDeclaration);
}

/** The references outside the replayed ranges ([from, to) pairs, ascending). */
function freshReferences(references: SegmentedList<Reference>, replayed: readonly number[]): Reference[] {
  const fresh: Reference[] = [];
  const add = (reference: Reference): void => void fresh.push(reference);
  let at = 0;
  for (let k = 0; k < replayed.length; k += 2) {
    references.forEachIn(at, replayed[k]!, add);
    at = replayed[k + 1]!;
  }
  references.forEachIn(at, references.length, add);
  return fresh;
}

/**
 * Runs the shape and semantic stages; returns the (possibly blank-filled) normalised model. With
 * `keep`, what the shape checks of clean entities leave is put in `keep.next` for the reading of
 * the next edit, and what `keep.previous` kept is replayed for the raw items that are the same
 * objects at the same place (check-shape.ts `ShapeMemo`).
 */
export function runStages(value: unknown, reporter: Reporter, options: { keep?: { previous?: ShapeMemo; next?: ShapeMemo } } = {}): Scenario | undefined {
  if (!isPlainObject(value)) {
    reporter.report('not_a_mapping', [], 'the scenario is not a mapping of fields', {
      hint: 'a scenario starts with `plainsight: 1` and `name: …`',
    });
    return undefined;
  }
  const shape: ShapeContext = {
    reporter,
    declarations: new SegmentedList<Declaration>(),
    references: new SegmentedList<Reference>(),
    owner: 'the scenario',
    ownerDepth: 0,
  };
  if (options.keep) {
    options.keep.next = { declarations: shape.declarations, references: shape.references, lists: new Map(), replayed: [] };
    shape.keep = { ...(options.keep.previous ? { previous: options.keep.previous } : {}), next: options.keep.next };
  }
  const shaped = checkObject(scenarioSchema, value, [], shape) as ShapedScenario;
  // After an edit that declares every id as the reading before did (the last reading is always a
  // clean one), its registry still holds, and so do the references replayed from it: only the
  // edited entity's references are checked, and flows normalised as before are not checked again.
  const before = options.keep?.previous;
  const same = before?.registry !== undefined && sameDeclarations(before.declarations, shape.declarations);
  const registry = same ? before.registry! : registerIds(shape.declarations, reporter);
  if (options.keep?.next) options.keep.next.registry = registry;
  checkReferences(same ? freshReferences(shape.references, options.keep!.next!.replayed) : shape.references, registry, reporter);
  const model = normalizeScenario(shaped, options.keep);
  const ctx: SemanticContext = { model, registry, reporter };
  checkTopology(ctx);
  checkOverlays(ctx);
  checkWorkloads(ctx);
  checkKeystores(ctx);
  checkFlows(ctx, same ? before.lists.get('flows')?.normal : undefined);
  checkAttackersAndRequirements(ctx);
  return model;
}
