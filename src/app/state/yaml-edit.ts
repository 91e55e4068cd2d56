/**
 * Edits of the scenario *text* that keep the user's comments and formatting: every inspector,
 * palette and canvas edit becomes a change to the YAML document, so the text stays the single
 * source of truth and the YAML view, undo history and autosave need nothing else.
 */
import { isMap, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { setFieldInPlace } from './set-field-in-place.ts';
import { collections, type Collection } from './collections.ts';

/** One change to a scenario document. */
export type YamlEdit =
  | { op: 'set'; path: (string | number)[]; value: unknown }
  | { op: 'delete'; path: (string | number)[] }
  | { op: 'append'; collection: string; value: Record<string, unknown> }
  | { op: 'remove-entity'; id: string }
  | { op: 'rename'; from: string; to: string }
  /** Sets `key` (a path inside the entity) of the entity with `id`, wherever it sits in the file. */
  | { op: 'set-field'; id: string; key: string[]; value: unknown }
  | { op: 'layout'; positions: Record<string, { x: number; y: number }> };

/** Applies edits to YAML text and returns the new text (unchanged text when it does not parse). */
export function applyYamlEdits(text: string, edits: YamlEdit[]): string {
  const inPlace = editFieldsInPlace(text, edits);
  if (inPlace !== undefined) return inPlace;
  const doc = parseDocument(text || 'plainsight: 1\nname: Untitled\n');
  if (doc.errors.length > 0 || !isMap(doc.contents)) return text;
  for (const edit of edits) applyEdit(doc, edit);
  return doc.toString({ lineWidth: 0 });
}

/** Field edits as line edits (set-field-in-place.ts), or undefined when one of them needs the full parse. */
export function editFieldsInPlace(text: string, edits: YamlEdit[]): string | undefined {
  let out: string | undefined = text;
  for (const edit of edits) out = edit.op === 'set-field' && out !== undefined ? setFieldInPlace(out, edit) : undefined;
  return edits.length > 0 ? out : undefined;
}

function applyEdit(doc: Document, edit: YamlEdit): void {
  switch (edit.op) {
    case 'set':
      if (edit.value === undefined || edit.value === '') doc.deleteIn(edit.path);
      else doc.setIn(edit.path, doc.createNode(edit.value, { flow: isFlowValue(edit.value) }));
      return;
    case 'delete':
      doc.deleteIn(edit.path);
      return;
    case 'append':
      if (!isSeq(doc.getIn([edit.collection], true))) doc.setIn([edit.collection], doc.createNode([]));
      doc.addIn([edit.collection], doc.createNode(edit.value));
      return;
    case 'remove-entity':
      removeEntity(doc, edit.id);
      return;
    case 'layout':
      setLayout(doc, edit.positions);
      return;
    case 'rename':
      renameId(doc, edit.from, edit.to);
      return;
    case 'set-field': {
      const at = findEntity(doc, edit.id);
      if (at) applyEdit(doc, { op: 'set', path: [at.collection, at.index, ...edit.key], value: edit.value });
      return;
    }
  }
}

/** Short arrays of scalars stay in flow style (`between: [a, b]`), as people write them. */
function isFlowValue(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v !== 'object');
}

/** Removes the entity with `id` and every link that ends at it (a link to nothing is useless). */
function removeEntity(doc: Document, id: string): void {
  const root = doc.toJS() as Record<string, unknown>;
  for (const [key, list] of Object.entries(root)) {
    if (!Array.isArray(list)) continue;
    for (let i = list.length - 1; i >= 0; i--) {
      const item = list[i] as Record<string, unknown> | undefined;
      const dangling = key === 'links' && Array.isArray(item?.between) && item.between.includes(id);
      if (item?.id === id || dangling) doc.deleteIn([key, i]);
    }
  }
  if (doc.hasIn(['layout', id])) doc.deleteIn(['layout', id]);
}

/** Renames an id everywhere: ids are unique across the file, so every scalar equal to it is a reference. */
function renameId(doc: Document, from: string, to: string): void {
  visit(doc, {
    // Map keys are field names, never references — except in `layout:`, handled below.
    Scalar(key, node) {
      if (key !== 'key' && node.value === from) node.value = to;
    },
  });
  const layout = doc.getIn(['layout'], true);
  if (isMap(layout)) for (const pair of layout.items) if (isScalar(pair.key) && pair.key.value === from) pair.key.value = to;
}

function setLayout(doc: Document, positions: Record<string, { x: number; y: number }>): void {
  if (!isMap(doc.getIn(['layout'], true))) doc.setIn(['layout'], doc.createNode({}));
  for (const [id, p] of Object.entries(positions)) {
    const node = doc.createNode({ x: Math.round(p.x), y: Math.round(p.y) }, { flow: true });
    doc.setIn(['layout', id], node);
  }
}

export { collections, type Collection } from './collections.ts';

/** An entity as written in the file, with where it sits. */
export interface RawEntity {
  collection: Collection;
  index: number;
  value: Record<string, unknown>;
}

/** Every entity as written in the file, by id (one parse; a text that does not parse has none). */
export function readEntities(text: string): Map<string, RawEntity> {
  const out = new Map<string, RawEntity>();
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return out;
  const root = doc.toJS() as Record<string, unknown> | null;
  for (const collection of collections) {
    const list = root?.[collection];
    if (!Array.isArray(list)) continue;
    list.forEach((value: unknown, index) => {
      const id = (value as { id?: unknown } | null)?.id;
      if (typeof id === 'string') out.set(id, { collection, index, value: value as Record<string, unknown> });
    });
  }
  return out;
}

/** Finds an entity's collection and index in the YAML text (file order = model order). */
export function locateEntity(text: string, id: string): { collection: Collection; index: number } | undefined {
  return findEntity(parseDocument(text), id);
}

function findEntity(doc: Document, id: string): { collection: Collection; index: number } | undefined {
  for (const collection of collections) {
    const list = doc.getIn([collection]);
    if (!isSeq(list)) continue;
    const index = list.items.findIndex((item) => isMap(item) && item.get('id') === id);
    if (index >= 0) return { collection, index };
  }
  return undefined;
}

/** Every `id:` written in the text — a cheap scan, no YAML parse (fresh ids must avoid them all). */
export function scanIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const m of text.matchAll(/(?:^|[{,\s])id:\s*["']?([A-Za-z0-9][A-Za-z0-9._:/-]*)/gm)) if (m[1]) ids.add(m[1]);
  return ids;
}

/** The first id of the form `<prefix><n>` that is not used in `taken`. */
export function freshId(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}
