/**
 * YAML editing calls for the edit worker: parsing a large scenario with comments preserved takes
 * longer than a frame (about 0.7–1.3 s for a 1,000-host file on a 2-core machine), so it never
 * runs on the main thread.
 */
import { applyYamlEdits, readEntities, type RawEntity, type YamlEdit } from '../state/yaml-edit.ts';

/** The edit worker's API. */
export const yamlEditApi = {
  /** Applies edits to the text; unchanged text when it does not parse. */
  async apply(text: string, edits: YamlEdit[]): Promise<string> {
    return applyYamlEdits(text, edits);
  },
  /** The entities with these ids as written in the file. */
  async read(text: string, ids: string[]): Promise<RawEntity[]> {
    const all = readEntities(text);
    return ids.flatMap((id) => all.get(id) ?? []);
  },
};

/** Type of the edit worker's API. */
export type YamlEditApi = typeof yamlEditApi;
