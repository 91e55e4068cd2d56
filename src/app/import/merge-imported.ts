/**
 * Merging an imported deployment into the open scenario: every imported entity whose id the open
 * file does not use yet is appended to its collection, as written by the importer. Ids are one
 * namespace across the file (SPEC §1), so an id already present — whatever its kind — is kept as
 * the user wrote it and the imported entity is skipped (the user's edits win).
 */
import { collections, type Collection, type YamlEdit } from '../state/yaml-edit.ts';

/** An entity as written in the imported file. */
export interface ImportedEntity {
  collection: string;
  value: Record<string, unknown>;
}

/** The edits of a merge, and what it adds or leaves out. */
export interface MergePlan {
  edits: YamlEdit[];
  /** Ids appended, in file order. */
  added: string[];
  /** Ids already in the open scenario, left as they are. */
  skipped: string[];
}

const known = new Set<string>(collections);

/** Plans the merge of `entities` into a file whose ids are `taken` (one append per new entity). */
export function planMerge(entities: readonly ImportedEntity[], taken: ReadonlySet<string>): MergePlan {
  const plan: MergePlan = { edits: [], added: [], skipped: [] };
  const seen = new Set(taken);
  for (const { collection, value } of entities) {
    const id = value.id;
    if (typeof id !== 'string' || !known.has(collection)) continue;
    if (seen.has(id)) {
      plan.skipped.push(id);
      continue;
    }
    seen.add(id);
    plan.added.push(id);
    plan.edits.push({ op: 'append', collection: collection as Collection, value });
  }
  return plan;
}
