/**
 * The model's entities by id, shaped as the file writes them, for the inspector: IPsec policies
 * get their `between` / `members` back from the normalised `endpoints`.
 */
import type { Scenario } from '../../model/types.ts';
import { collections, type RawEntity } from '../state/yaml-edit.ts';

/** Entities by id with their collection and index (model order = file order). */
export function entitiesOf(model: Scenario | undefined): Map<string, RawEntity> {
  const out = new Map<string, RawEntity>();
  if (!model) return out;
  for (const collection of collections) {
    model[collection].forEach((entity, index) => {
      let value = entity as unknown as Record<string, unknown>;
      if (collection === 'ipsec') {
        const { endpoints, mesh, ...rest } = entity as Scenario['ipsec'][number];
        value = { ...rest, ...(mesh ? { members: endpoints } : { between: endpoints }) };
      }
      out.set(entity.id, { collection, index, value });
    });
  }
  return out;
}
