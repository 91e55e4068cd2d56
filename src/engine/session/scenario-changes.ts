/**
 * What changed between two versions of a scenario, entity kind by entity kind, and which flows
 * and attackers the change can reach: the keys of the analysis session's caches. A scenario is
 * compared by identity first (an editor replaces only the entities it edits) and by value second.
 */
import { deepEqual } from '../../model/deep-equal.ts';
import type { Flow, IpsecCipher, IpsecPolicy, Overlay, Scenario, Tunnel } from '../../model/types.ts';
import { sameEspShape } from '../exposure/header-sizes.ts';
import { indexScenario, type ScenarioIndex } from '../scenario-index.ts';

/** Entity lists of a scenario. */
export type EntityKind = 'sites' | 'hosts' | 'devices' | 'links' | 'bridges' | 'overlays' | 'tunnels' | 'networks' | 'workloads' | 'keystores' | 'ipsec' | 'wireguard' | 'flows' | 'attackers' | 'requirements';

const KINDS: readonly EntityKind[] = ['sites', 'hosts', 'devices', 'links', 'bridges', 'overlays', 'tunnels', 'networks', 'workloads', 'keystores', 'ipsec', 'wireguard', 'flows', 'attackers', 'requirements'];

/**
 * Changes that re-route everything: the underlay (paths, forwarding roles, MTUs, MACsec) and the
 * `ipsec:` policies and WireGuard meshes, which apply by position along any path.
 */
const GLOBAL: readonly EntityKind[] = ['hosts', 'devices', 'links', 'ipsec', 'wireguard'];

/** Changes that can change what an attacker holds (positions, key stores, mirrors, spoofing). */
const KNOWLEDGE: readonly EntityKind[] = ['sites', 'bridges', 'overlays', 'tunnels', 'networks', 'workloads', 'keystores'];

/** One kind's changes: ids added, removed or edited (none when only the order changed). */
export interface KindChange {
  ids: Set<string>;
  /** The same ids in the same order: entities were edited, none added, removed or moved. */
  sameIds: boolean;
}

/** What an edit can reach. */
export interface ScenarioChanges {
  kinds: Map<EntityKind, KindChange>;
  /** Re-analyse from scratch: the underlay, policies or meshes changed. */
  global: boolean;
  /** Attacker knowledge must be rebuilt for every attacker. */
  knowledge: boolean;
  /** Flows whose path or stacks can differ (their ids; made when first read). */
  readonly flows: Set<string>;
  /** Whether `flows` holds a flow, without making the set. */
  touches(flow: Flow): boolean;
  /** Attackers added or edited. */
  attackers: Set<string>;
  /**
   * Set when the edit changed nothing but the IPsec cipher of overlays, explicit tunnels or
   * `ipsec:` policies, each to one of the same ESP sizes and confidentiality (`sameEspShape`):
   * source id → new cipher. Such an edit is not `global`: no path or stack changes shape.
   */
  ciphers?: Map<string, IpsecCipher>;
}

/** Whether two entity lists hold the same ids in the same order (the entities may differ). */
export function sameIdsInOrder(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  return a.length === b.length && a.every((e, i) => b[i]!.id === e.id);
}

function kindChange(prev: readonly { id: string }[], next: readonly { id: string }[]): KindChange | undefined {
  if (prev === next) return undefined;
  const ids = new Set<string>();
  const sameIds = sameIdsInOrder(prev, next);
  if (sameIds) {
    // The same ids in the same order (an edit, or the file read again): compare entity by entity
    // in place, without a map of the old list.
    for (let i = 0; i < next.length; i++) if (prev[i] !== next[i] && !deepEqual(prev[i], next[i])) ids.add(next[i]!.id);
    return ids.size > 0 ? { ids, sameIds } : undefined;
  }
  const before = new Map(prev.map((e) => [e.id, e]));
  for (const e of next) {
    const old = before.get(e.id);
    if (old !== e && (old === undefined || !deepEqual(old, e))) ids.add(e.id);
    before.delete(e.id);
  }
  for (const id of before.keys()) ids.add(id);
  // Not the same ids in order: something was added, removed or moved (then `ids` may be empty).
  return { ids, sameIds };
}

function networksOf(s: Scenario, overlays: ReadonlySet<string>): string[] {
  return s.networks.filter((n) => n.overlay !== undefined && overlays.has(n.overlay)).map((n) => n.id);
}

/** Overlays whose tunnels changed: an explicit tunnel with `overlay` replaces that overlay's pair. */
function tunnelOverlays(prev: Scenario, next: Scenario, ids: ReadonlySet<string>): string[] {
  return [...prev.tunnels, ...next.tunnels].filter((t) => ids.has(t.id) && t.overlay !== undefined).map((t) => t.overlay!);
}

/**
 * Whether a flow starts or ends at one of the workloads, or uses or reaches one of the networks:
 * the test behind `ScenarioChanges.flows`. The workloads on those networks are read from each
 * version's list once (one list when an edit left it alone).
 */
function flowTest(workloads: ReadonlySet<string>, networks: ReadonlySet<string>, s: readonly Scenario[]): (flow: Flow) => boolean {
  const onNetworks = new Set<string>(workloads);
  if (networks.size > 0) {
    for (let i = 0; i < s.length; i++) {
      if (i > 0 && s[i]!.workloads === s[i - 1]!.workloads) continue;
      for (const w of s[i]!.workloads) if (w.networks.some((n) => networks.has(n))) onNetworks.add(w.id);
    }
  }
  return (f) => onNetworks.has(f.from) || onNetworks.has(f.to) || (f.network !== undefined && networks.has(f.network));
}

/** The ids of the flows of `flows` that `touches` holds for, or that `edited` names. */
function flowsTouching(flows: readonly Flow[], touches: (flow: Flow) => boolean, edited: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  // An index loop: read once per edit, this loop runs before V8 optimises it, and `for … of` then
  // allocates a result object per flow (2 MB per 1,000 hosts).
  for (let i = 0; i < flows.length; i++) if (touches(flows[i]!)) found.add(flows[i]!.id);
  for (const id of edited) found.add(id);
  return found;
}

/** The new cipher when `b` differs from `a` in that cipher alone, to one of the same ESP shape. */
function newCipher<T>(a: T, b: T, cipherOf: (x: T) => IpsecCipher | undefined, withCipher: (x: T, cipher: IpsecCipher) => T): IpsecCipher | undefined {
  const from = cipherOf(a);
  const to = cipherOf(b);
  if (from === undefined || to === undefined || from === to || !sameEspShape(from, to)) return undefined;
  return deepEqual(withCipher(a, to), b) ? to : undefined;
}

/** An overlay's or explicit tunnel's new cipher (see `newCipher`). */
function tunnelCipher(a: Overlay | Tunnel, b: Overlay | Tunnel): IpsecCipher | undefined {
  return newCipher(a, b, (x) => x.ipsec?.cipher, (x, cipher) => ({ ...x, ipsec: { ...x.ipsec!, cipher } }));
}

/** An `ipsec:` policy's new cipher (see `newCipher`). */
function policyCipher(a: IpsecPolicy, b: IpsecPolicy): IpsecCipher | undefined {
  return newCipher(a, b, (x) => x.cipher, (x, cipher) => ({ ...x, cipher }));
}

/** Sources whose cipher alone changed (see `ScenarioChanges.ciphers`), or undefined when the edit is anything else. */
function cipherEdits(prev: Scenario, next: Scenario, kinds: ReadonlyMap<EntityKind, KindChange>): Map<string, IpsecCipher> | undefined {
  if (kinds.size === 0) return undefined;
  const ciphers = new Map<string, IpsecCipher>();
  for (const [kind, change] of kinds) {
    if ((kind !== 'overlays' && kind !== 'tunnels' && kind !== 'ipsec') || !change.sameIds) return undefined;
    for (let i = 0; i < next[kind].length; i++) {
      const id = next[kind][i]!.id;
      if (!change.ids.has(id)) continue;
      const cipher = kind === 'ipsec' ? policyCipher(prev.ipsec[i]!, next.ipsec[i]!) : tunnelCipher(prev[kind][i]!, next[kind][i]!);
      if (cipher === undefined) return undefined;
      ciphers.set(id, cipher);
    }
  }
  return ciphers;
}

/**
 * `next` with every entity that equals (by value) the one of `prev` at the same place, or of the
 * same id, replaced by that object of `prev`, and a list wholly equal replaced by `prev`'s list. A
 * file read again after an edit has new objects throughout; shared, the entities an edit left
 * alone are compared by identity from then on, and a receiver that holds the last model keeps them.
 */
export function shareUnchanged(prev: Scenario, next: Scenario): Scenario {
  const out = { ...next } as Scenario;
  for (const kind of KINDS) {
    const before = prev[kind] as readonly { id: string }[];
    const change = kindChange(before, next[kind]);
    // Nothing changed (the same list, or equal entities in the same order): the last list itself.
    if (!change) {
      (out as unknown as Record<string, unknown>)[kind] = before;
      continue;
    }
    const byId = change.sameIds ? undefined : new Map(before.map((e) => [e.id, e]));
    (out as unknown as Record<string, unknown>)[kind] = (next[kind] as readonly { id: string }[]).map((e, i) =>
      change.ids.has(e.id) ? e : (byId ? byId.get(e.id)! : before[i]!),
    );
  }
  return out;
}

/** Compares two versions of a scenario. */
export function scenarioChanges(prev: Scenario, next: Scenario): ScenarioChanges {
  const kinds = new Map<EntityKind, KindChange>();
  for (const kind of KINDS) {
    const change = kindChange(prev[kind], next[kind]);
    if (change) kinds.set(kind, change);
  }
  const ids = (kind: EntityKind): Set<string> => kinds.get(kind)?.ids ?? new Set();
  const overlays = new Set([...ids('overlays'), ...tunnelOverlays(prev, next, ids('tunnels'))]);
  const networks = new Set([...ids('networks'), ...networksOf(prev, overlays), ...networksOf(next, overlays)]);
  const edited = ids('flows');
  const test = flowTest(ids('workloads'), networks, [prev, next]);
  const touches = (flow: Flow): boolean => test(flow) || edited.has(flow.id);
  const ciphers = cipherEdits(prev, next, kinds);
  // The set is made when first read: a cipher edit of a region's overlay reaches nearly every flow,
  // and picks them from the session's sorted list with `touches` instead (250,000 ids at 5,000 hosts).
  let flows: Set<string> | undefined;
  return {
    kinds,
    global: !ciphers && GLOBAL.some((k) => kinds.has(k)),
    knowledge: KNOWLEDGE.some((k) => kinds.has(k)),
    get flows(): Set<string> {
      return (flows ??= flowsTouching(next.flows, test, edited));
    },
    touches,
    attackers: ids('attackers'),
    ...(ciphers ? { ciphers } : {}),
  };
}

/**
 * The index of `next` after an edit of `prev.scenario` (`changes`), for an analysis session, which
 * consumes its last state: tables of lists the edit left alone are taken over, and the flow and
 * workload maps by id are edited in place where those lists kept their ids in order.
 */
export function indexAfter(prev: { scenario: Scenario; index: ScenarioIndex }, next: Scenario, changes: ScenarioChanges): ScenarioIndex {
  const flows = changes.kinds.get('flows');
  const workloads = changes.kinds.get('workloads');
  const edited = {
    ...(flows?.sameIds ? { flows: flows.ids } : {}),
    ...(workloads?.sameIds ? { workloads: workloads.ids } : {}),
  };
  return indexScenario(next, { scenario: prev.scenario, index: prev.index, edited });
}
