/**
 * Structural mutations of a scenario document (plain data, as a YAML or JSON parser returns it):
 * deleted and duplicated fields and entities, wrong types, dangling references, references to the
 * entity itself or to an entity of the wrong kind, real object cycles, nasty values. Each
 * mutation names its target by an index into the document's fields, resolved modulo their
 * number, so any sequence of mutations applies to any document.
 */
import fc from 'fast-check';
import type { Json } from '../support/to-file-document.ts';
import { nastyValue } from './nasty-values.ts';

type Container = Json[] | { [key: string]: Json };
interface Slot {
  parent: Container;
  key: string | number;
  /** The id of the nearest enclosing entity, for self-references. */
  entity?: string;
}

/** Mutation kinds; `cycle` makes a real object cycle and only suits object inputs. */
export type MutationOp = 'delete' | 'duplicate' | 'replace' | 'dangle' | 'self-reference' | 'other-reference' | 'retype' | 'cycle';

/** One mutation: what to do, where, and with what. */
export interface Mutation {
  op: MutationOp;
  at: number;
  other: number;
  value: Json;
}

/**
 * A short sequence of mutations. Object inputs take real cycles and 20,000-level nesting; inputs
 * that go through a YAML writer first take neither (the writer would loop or overflow, not the parser).
 */
export function mutationsArbitrary(input: 'object' | 'text'): fc.Arbitrary<Mutation[]> {
  const cycles = input === 'object';
  const ops: MutationOp[] = ['delete', 'duplicate', 'replace', 'dangle', 'self-reference', 'other-reference', 'retype', ...(cycles ? ['cycle' as const] : [])];
  const mutation = fc.record({ op: fc.constantFrom(...ops), at: fc.nat(), other: fc.nat(), value: nastyValue(cycles ? 20_000 : 70) });
  return fc.array(mutation, { minLength: 1, maxLength: 4 });
}

const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';
/** Slots deeper than this are not visited: enough for every scenario field, safe for deep values. */
const MAX_DEPTH = 8;

/** Every field and list item of the document, breadth first, without following cycles. */
function slotsOf(root: Container): { slots: Slot[]; ids: string[] } {
  const slots: Slot[] = [];
  const ids: string[] = [];
  const seen = new Set<Container>([root]);
  let level: { node: Container; entity?: string }[] = [{ node: root }];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { node, entity } of level) {
      const own = !Array.isArray(node) && typeof node.id === 'string' ? node.id : entity;
      if (own !== undefined && own !== entity) ids.push(own);
      for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) {
        slots.push({ parent: node, key, ...(own !== undefined ? { entity: own } : {}) });
        const child = (node as Record<string | number, Json>)[key];
        if (isContainer(child) && !seen.has(child)) {
          seen.add(child);
          next.push({ node: child, ...(own !== undefined ? { entity: own } : {}) });
        }
      }
    }
    level = next;
  }
  return { slots, ids };
}

function get(slot: Slot): Json {
  return (slot.parent as Record<string | number, Json>)[slot.key]!;
}

function set(slot: Slot, value: Json): void {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

function retype(value: Json): Json {
  if (typeof value === 'string') return Number.isNaN(Number(value)) ? [value] : Number(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  if (isContainer(value)) return Object.values(value);
  return value === null ? {} : String(value);
}

function applyOne(root: Container, m: Mutation): void {
  const { slots, ids } = slotsOf(root);
  const slot = slots[m.at % Math.max(1, slots.length)];
  if (!slot) return;
  const { parent, key } = slot;
  const value = get(slot);
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return;
    case 'duplicate':
      // Arrays get the item twice (duplicate ids); objects get the field under a near-miss name too.
      // The copy is shared, not cloned, like a YAML alias: cloning a 20,000-level value could overflow.
      if (Array.isArray(parent)) parent.splice(key as number, 0, value);
      else parent[`${String(key)}${m.other % 2 === 0 ? 's' : 'x'}`] = value;
      return;
    case 'replace':
      return set(slot, m.value);
    case 'dangle':
      return set(slot, typeof value === 'string' ? `ghost-${value}` : m.value);
    case 'self-reference':
      return set(slot, slot.entity ?? m.value);
    case 'other-reference':
      return set(slot, ids.length > 0 ? ids[m.other % ids.length]! : m.value);
    case 'retype':
      return set(slot, retype(value));
    case 'cycle':
      // A real cycle: the field now contains the document itself.
      return set(slot, root as Json);
  }
}

/** Applies mutations to the document in place (pass a fresh one) and returns it. */
export function mutateDocument(document: { [key: string]: Json }, mutations: readonly Mutation[]): { [key: string]: Json } {
  for (const m of mutations) applyOne(document, m);
  return document;
}
