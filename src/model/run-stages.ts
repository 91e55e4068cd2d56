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
import type { ShapeContext } from './shape-context.ts';
import { checkTopology } from './check-topology.ts';
import { checkWorkloads } from './check-workloads.ts';
import { isPlainObject } from './describe-schema.ts';
import type { ShapeMemo } from './check-shape.ts';
import type { Reporter } from './draft-diagnostic.ts';
import { normalizeScenario } from './normalize-scenario.ts';
import { scenarioSchema, type ShapedScenario } from './schema.ts';
import type { SemanticContext } from './semantic-context.ts';
import type { Scenario } from './types.ts';

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
    declarations: [],
    references: [],
    owner: 'the scenario',
    ownerDepth: 0,
  };
  if (options.keep) {
    options.keep.next = { declarations: shape.declarations, references: shape.references, lists: new Map() };
    shape.keep = { ...(options.keep.previous ? { previous: options.keep.previous } : {}), next: options.keep.next };
  }
  const shaped = checkObject(scenarioSchema, value, [], shape) as ShapedScenario;
  const registry = registerIds(shape.declarations, reporter);
  checkReferences(shape.references, registry, reporter);
  const model = normalizeScenario(shaped, options.keep);
  const ctx: SemanticContext = { model, registry, reporter };
  checkTopology(ctx);
  checkOverlays(ctx);
  checkWorkloads(ctx);
  checkKeystores(ctx);
  checkFlows(ctx);
  checkAttackersAndRequirements(ctx);
  return model;
}
