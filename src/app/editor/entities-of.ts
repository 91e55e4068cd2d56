/**
 * The model's entities as the file writes them, for the inspector: IPsec policies get their
 * `between` / `members` back from the normalised `endpoints`.
 */
import type { Scenario } from '../../model/types.ts';
import { collections, type Collection, type RawEntity } from '../state/yaml-edit.ts';

/**
 * The entity with `id`, found by a scan: a 5,000-host region has 300,000 entities, and building
 * the map of all of them whenever the inspector opened or the model changed froze the page.
 */
export function entityOf(model: Scenario | undefined, id: string | undefined): RawEntity | undefined {
  if (!model || id === undefined) return undefined;
  for (const collection of collections) {
    const index = model[collection].findIndex((e) => e.id === id);
    if (index >= 0) return rawEntity(collection, model[collection][index]!, index);
  }
  return undefined;
}

const idLists = new WeakMap<Scenario, Partial<Record<Collection, string[]>>>();

/** The ids of one collection, in file order; kept per model snapshot (pickers ask on every render). */
export function idsOf(model: Scenario | undefined, collection: Collection): readonly string[] {
  if (!model) return [];
  let lists = idLists.get(model);
  if (!lists) idLists.set(model, (lists = {}));
  return (lists[collection] ??= model[collection].map((e) => e.id));
}

function rawEntity(collection: Collection, entity: Scenario[Collection][number], index: number): RawEntity {
  let value = entity as unknown as Record<string, unknown>;
  if (collection === 'ipsec') {
    const { endpoints, mesh, ...rest } = entity as Scenario['ipsec'][number];
    value = { ...rest, ...(mesh ? { members: endpoints } : { between: endpoints }) };
  }
  return { collection, index, value };
}
