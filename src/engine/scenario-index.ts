/**
 * Lookup tables over a scenario, built once per analysis in O(entities): maps by id, overlay
 * membership sets, explicit-tunnel overrides and the underlay adjacency. Never materialises an
 * overlay's N² tunnels.
 */
import type {
  Attacker,
  Bridge,
  Device,
  Flow,
  Host,
  IpsecPolicy,
  Keystore,
  Link,
  Network,
  Overlay,
  Scenario,
  Site,
  Tunnel,
  WireguardMesh,
  Workload,
} from '../model/types.ts';

/** One underlay adjacency: the link and the node at its other end. */
export interface Adjacent {
  link: Link;
  node: string;
}

/** Indexed view of a scenario used by every analysis. */
export interface ScenarioIndex {
  sites: Map<string, Site>;
  hosts: Map<string, Host>;
  devices: Map<string, Device>;
  links: Map<string, Link>;
  bridges: Map<string, Bridge>;
  overlays: Map<string, Overlay>;
  tunnels: Map<string, Tunnel>;
  networks: Map<string, Network>;
  workloads: Map<string, Workload>;
  keystores: Map<string, Keystore>;
  policies: Map<string, IpsecPolicy>;
  wireguard: Map<string, WireguardMesh>;
  flows: Map<string, Flow>;
  attackers: Map<string, Attacker>;
  /** Member host ids per overlay id. */
  overlayMembers: Map<string, Set<string>>;
  /** Explicit tunnels by overlay id (or '' for standalone) and unordered host pair key. */
  tunnelByPair: Map<string, Tunnel>;
  /** Underlay adjacency per host/device id, sorted by link id. */
  adjacency: Map<string, Adjacent[]>;
  /** Workloads per host id. */
  workloadsByHost: Map<string, Workload[]>;
  /** Bridges per host id. */
  bridgesByHost: Map<string, Bridge[]>;
  /** Wireguard meshes per member host id. */
  wireguardByHost: Map<string, WireguardMesh[]>;
  /** Member sets per WireGuard mesh id. */
  wireguardMembers: Map<string, Set<string>>;
}

/** Unordered key of a node pair, used for tunnels and SAs. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Key of an explicit tunnel lookup: overlay id ('' when standalone) and host pair. */
export function tunnelKey(overlay: string | undefined, a: string, b: string): string {
  return `${overlay ?? ''}#${pairKey(a, b)}`;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  // Set one by one: a list of [id, item] pairs first is an array per entity (300,000 in a region).
  const map = new Map<string, T>();
  for (let i = 0; i < items.length; i++) map.set(items[i]!.id, items[i]!);
  return map;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function buildAdjacency(scenario: Scenario): Map<string, Adjacent[]> {
  const adjacency = new Map<string, Adjacent[]>();
  const add = (from: string, adj: Adjacent): void => {
    const list = adjacency.get(from);
    if (list) list.push(adj);
    else adjacency.set(from, [adj]);
  };
  for (const link of scenario.links) {
    const [a, b] = link.between;
    if (a === b) continue;
    add(a, { link, node: b });
    add(b, { link, node: a });
  }
  for (const list of adjacency.values()) list.sort((x, y) => (x.link.id < y.link.id ? -1 : x.link.id > y.link.id ? 1 : 0));
  return adjacency;
}

/** The previous version of a scenario and its index, whose tables are kept where the entity list is the same object. */
export interface IndexReuse {
  scenario: Scenario;
  index: ScenarioIndex;
  /**
   * The entities an edit changed in lists that kept their ids in order (session/scenario-changes.ts),
   * for an owner that is done with the previous index (an analysis session consumes its last
   * state): the flow and workload maps by id are then edited in place rather than built again.
   */
  edited?: { flows?: ReadonlySet<string>; workloads?: ReadonlySet<string> };
}

/**
 * The map by id of `list`, the previous version's map with the `edited` entities set in place when
 * few changed (a 5,000-host region's 250,000 flows took a fifth of a second to map again per edit).
 */
function editedById<T extends { id: string }>(list: readonly T[], before: Map<string, T>, edited: ReadonlySet<string>): Map<string, T> {
  if (before.size !== list.length || edited.size * 8 > list.length) return byId(list);
  for (let i = 0; i < list.length; i++) if (edited.has(list[i]!.id)) before.set(list[i]!.id, list[i]!);
  return before;
}

function wireguardTables(scenario: Scenario): Pick<ScenarioIndex, 'wireguardByHost' | 'wireguardMembers'> {
  const wireguardByHost = new Map<string, WireguardMesh[]>();
  for (const mesh of scenario.wireguard) {
    for (const member of mesh.members) {
      const list = wireguardByHost.get(member);
      if (list) list.push(mesh);
      else wireguardByHost.set(member, [mesh]);
    }
  }
  return { wireguardByHost, wireguardMembers: new Map(scenario.wireguard.map((m) => [m.id, new Set(m.members)])) };
}

function tunnelTable(scenario: Scenario): Map<string, Tunnel> {
  const tunnelByPair = new Map<string, Tunnel>();
  for (const tunnel of scenario.tunnels) {
    tunnelByPair.set(tunnelKey(tunnel.overlay, tunnel.between[0], tunnel.between[1]), tunnel);
  }
  return tunnelByPair;
}

/**
 * Builds the lookup tables of a (valid, normalised) scenario. With `reuse`, tables built from an
 * entity list that is the very same array as in the previous version are taken over (an analysis
 * session re-indexes a 50,000-flow scenario after an edit of one workload in microseconds).
 */
export function indexScenario(scenario: Scenario, reuse?: IndexReuse): ScenarioIndex {
  const kept = <K extends keyof Scenario, T>(kind: K, build: () => T, take: (index: ScenarioIndex) => T): T =>
    reuse && reuse.scenario[kind] === scenario[kind] ? take(reuse.index) : build();
  const links = scenario.links;
  return {
    sites: kept('sites', () => byId(scenario.sites), (i) => i.sites),
    hosts: kept('hosts', () => byId(scenario.hosts), (i) => i.hosts),
    devices: kept('devices', () => byId(scenario.devices), (i) => i.devices),
    links: kept('links', () => byId(links), (i) => i.links),
    bridges: kept('bridges', () => byId(scenario.bridges), (i) => i.bridges),
    overlays: kept('overlays', () => byId(scenario.overlays), (i) => i.overlays),
    tunnels: kept('tunnels', () => byId(scenario.tunnels), (i) => i.tunnels),
    networks: kept('networks', () => byId(scenario.networks), (i) => i.networks),
    workloads: kept('workloads', () => (reuse?.edited?.workloads ? editedById(scenario.workloads, reuse.index.workloads, reuse.edited.workloads) : byId(scenario.workloads)), (i) => i.workloads),
    keystores: kept('keystores', () => byId(scenario.keystores), (i) => i.keystores),
    policies: kept('ipsec', () => byId(scenario.ipsec), (i) => i.policies),
    wireguard: kept('wireguard', () => byId(scenario.wireguard), (i) => i.wireguard),
    flows: kept('flows', () => (reuse?.edited?.flows ? editedById(scenario.flows, reuse.index.flows, reuse.edited.flows) : byId(scenario.flows)), (i) => i.flows),
    attackers: kept('attackers', () => byId(scenario.attackers), (i) => i.attackers),
    overlayMembers: kept('overlays', () => new Map(scenario.overlays.map((o) => [o.id, new Set(o.memberIds)])), (i) => i.overlayMembers),
    tunnelByPair: kept('tunnels', () => tunnelTable(scenario), (i) => i.tunnelByPair),
    adjacency: kept('links', () => buildAdjacency(scenario), (i) => i.adjacency),
    workloadsByHost: kept('workloads', () => groupBy(scenario.workloads, (w) => w.host), (i) => i.workloadsByHost),
    bridgesByHost: kept('bridges', () => groupBy(scenario.bridges, (b) => b.host), (i) => i.bridgesByHost),
    ...kept('wireguard', () => wireguardTables(scenario), (i) => ({ wireguardByHost: i.wireguardByHost, wireguardMembers: i.wireguardMembers })),
  };
}
