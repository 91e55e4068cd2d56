/**
 * Editing commands shared by the palette, the keyboard and the canvas: add an entity with sensible
 * defaults, link two nodes, delete, copy and paste. Each becomes one YAML edit = one undo step.
 */
import type { AppContext } from './context.ts';
import { freshId, scanIds, type Collection, type RawEntity, type YamlEdit } from './state/yaml-edit.ts';
import { defaultEntity } from './editor/default-entity.ts';

/** Adds an entity of `collection`, using the selection for its references; selects it. */
export function addEntity(app: AppContext, collection: Collection): string | undefined {
  const entity = defaultEntity(collection, app.analysis.model, app.selection.ids, scanIds(app.scenario.text));
  if (!entity) return undefined;
  const id = entity.id as string;
  void app.scenario.edit([{ op: 'append', collection, value: entity }]).then((ok) => {
    if (!ok) return;
    app.selection.select([id]);
    app.view.sideTab = 'inspector';
  });
  return id;
}

/** Links the two selected hosts/devices with a new physical link. */
export function connectSelection(app: AppContext): boolean {
  const model = app.analysis.model;
  if (!model) return false;
  const nodes = new Set([...model.hosts.map((h) => h.id), ...model.devices.map((d) => d.id)]);
  const ends = app.selection.ids.filter((id) => nodes.has(id));
  if (ends.length !== 2) return false;
  const taken = scanIds(app.scenario.text);
  const base = `l-${ends[0]}-${ends[1]}`;
  const linkId = taken.has(base) ? freshId(`${base}-`, taken) : base;
  void app.scenario.edit([{ op: 'append', collection: 'links', value: { id: linkId, between: ends } }]).then((ok) => ok && app.selection.select([linkId]));
  return true;
}

/** Deletes the selected entities (links ending at a deleted node go too). */
export function deleteSelection(app: AppContext): void {
  const known = scanIds(app.scenario.text);
  const edits: YamlEdit[] = app.selection.ids.filter((id) => known.has(id)).map((id) => ({ op: 'remove-entity', id }));
  if (edits.length === 0) return;
  app.selection.clear();
  void app.scenario.edit(edits);
}

let clipboard: RawEntity[] = [];

/** Copies the selected entities as written in the file (read in the edit worker). */
export async function copySelection(app: AppContext): Promise<number> {
  clipboard = await app.scenario.editor.read(app.scenario.text, app.selection.ids);
  return clipboard.length;
}

/** Pastes the copied entities with fresh ids; references among them follow the renaming. */
export function paste(app: AppContext): void {
  if (clipboard.length === 0) return;
  const taken = scanIds(app.scenario.text);
  const renamed = new Map<string, string>();
  for (const { value } of clipboard) {
    const fresh = freshId(`${String(value.id)}-copy`, taken);
    taken.add(fresh);
    renamed.set(String(value.id), fresh);
  }
  const rename = (v: unknown): unknown =>
    typeof v === 'string' ? (renamed.get(v) ?? v) : Array.isArray(v) ? v.map(rename) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x)])) : v;
  const edits: YamlEdit[] = clipboard.map(({ collection, value }) => ({ op: 'append', collection, value: rename(value) as Record<string, unknown> }));
  void app.scenario.edit(edits).then((ok) => ok && app.selection.select([...renamed.values()]));
}
