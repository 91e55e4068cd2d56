/**
 * Underlay shortest paths (SPEC X1): fewest hops over links through hosts and devices, where hosts
 * other than the two ends forward only with role `network` or `gateway`; among equally short
 * paths, the one whose link-id sequence read from the source is smallest, compared id by id.
 *
 * One breadth-first search per *destination* gives hop distances from every node; the path from
 * any source is then read greedily (smallest link id that gets one hop closer), which yields the
 * lexicographically smallest sequence. Distance arrays are cached per destination, so a scenario
 * with N hosts costs at most N searches however many flows it has.
 */
import type { Link } from '../../model/types.ts';
import type { ScenarioIndex } from '../scenario-index.ts';

/** An underlay path: the node ids from source to destination and the links between them. */
export interface UnderlayPath {
  nodes: string[];
  links: Link[];
}

/** Path finder over one scenario's underlay; caches one distance array per destination. */
export interface UnderlayRouter {
  /** The chosen path from `from` to `to`, or undefined when none exists. */
  path(from: string, to: string): UnderlayPath | undefined;
  /** Hop count from `from` to `to`, or undefined when unreachable. */
  distance(from: string, to: string): number | undefined;
}

interface NodeTable {
  ids: string[];
  number: Map<string, number>;
  forwards: Uint8Array;
  adjacency: { link: Link; node: number }[][];
}

function buildNodeTable(index: ScenarioIndex): NodeTable {
  const ids = [...index.hosts.keys(), ...index.devices.keys()];
  const number = new Map(ids.map((id, i) => [id, i]));
  const forwards = new Uint8Array(ids.length);
  ids.forEach((id, i) => {
    const host = index.hosts.get(id);
    forwards[i] = !host || host.role === 'network' || host.role === 'gateway' ? 1 : 0;
  });
  const adjacency = ids.map((id) =>
    (index.adjacency.get(id) ?? []).flatMap((adj) => {
      const node = number.get(adj.node);
      return node === undefined ? [] : [{ link: adj.link, node }];
    }),
  );
  return { ids, number, forwards, adjacency };
}

function distancesTo(table: NodeTable, target: number): Int32Array {
  const dist = new Int32Array(table.ids.length).fill(-1);
  const queue = new Int32Array(table.ids.length);
  let head = 0;
  let tail = 0;
  dist[target] = 0;
  queue[tail++] = target;
  while (head < tail) {
    const u = queue[head++]!;
    // Only the destination itself and forwarding nodes relay; other hosts are leaves.
    if (u !== target && !table.forwards[u]) continue;
    for (const { node } of table.adjacency[u]!) {
      if (dist[node] !== -1) continue;
      dist[node] = dist[u]! + 1;
      queue[tail++] = node;
    }
  }
  return dist;
}

/** Creates a router over the scenario's hosts, devices and links. */
export function createUnderlayRouter(index: ScenarioIndex): UnderlayRouter {
  const table = buildNodeTable(index);
  const cache = new Map<number, Int32Array>();
  const distTo = (target: number): Int32Array => {
    let dist = cache.get(target);
    if (!dist) {
      dist = distancesTo(table, target);
      cache.set(target, dist);
    }
    return dist;
  };
  const distance = (from: string, to: string): number | undefined => {
    const a = table.number.get(from);
    const b = table.number.get(to);
    if (a === undefined || b === undefined) return undefined;
    const d = distTo(b)[a]!;
    return d < 0 ? undefined : d;
  };
  const path = (from: string, to: string): UnderlayPath | undefined => {
    const a = table.number.get(from);
    const b = table.number.get(to);
    if (a === undefined || b === undefined) return undefined;
    const dist = distTo(b);
    if (dist[a]! < 0) return undefined;
    const nodes = [from];
    const links: Link[] = [];
    let u = a;
    while (u !== b) {
      const want = dist[u]! - 1;
      // Adjacency is sorted by link id, so the first step that gets closer is the smallest.
      const adjacent: { link: Link; node: number }[] = table.adjacency[u]!;
      let step: { link: Link; node: number } = adjacent[0]!;
      for (const candidate of adjacent) {
        const v: number = candidate.node;
        if (dist[v] === want && (v === b || table.forwards[v] === 1)) {
          step = candidate;
          break;
        }
      }
      links.push(step.link);
      nodes.push(table.ids[step.node]!);
      u = step.node;
    }
    return { nodes, links };
  };
  return { path, distance };
}
