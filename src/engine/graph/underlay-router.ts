/**
 * Underlay shortest paths (SPEC X1): fewest hops over links through hosts and devices, where hosts
 * other than the two ends forward only with role `network` or `gateway`; among equally short
 * paths, the one whose link-id sequence read from the source is smallest, compared id by id.
 *
 * One breadth-first search per *destination* gives hop distances from every node; the path from
 * any source is then read greedily (smallest link id that gets one hop closer), which yields the
 * lexicographically smallest sequence. Distance arrays are cached per destination.
 *
 * A host that does not forward and has a single link to a node that does (a compute host on its
 * leaf switch) is only ever entered or left over that link: every path to it is the path to its
 * switch plus that link, and every path from it that link plus the path from its switch — the
 * greedy reading picks the same steps, as the distances to the host are those to the switch plus
 * one. So paths between such hosts are read between their switches, once per pair of switches,
 * and only forwarding nodes (and hosts with several links) need distance arrays: a 5,000-host
 * region needs a few hundred searches instead of 5,000, and a greedy walk per pair of leaves
 * instead of one per pair of hosts.
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
  /** Per node: its one neighbour when it is a host that does not forward and has a single link to a node that does, else -1. */
  single: Int32Array;
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
  const single = new Int32Array(ids.length).fill(-1);
  adjacency.forEach((adjacent, i) => {
    if (!forwards[i] && adjacent.length === 1 && forwards[adjacent[0]!.node]) single[i] = adjacent[0]!.node;
  });
  return { ids, number, forwards, adjacency, single };
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

/** A path as node numbers and links, read between two nodes (shared by every path through them: never changed). */
interface Walk {
  nodes: number[];
  links: Link[];
}

/**
 * Creates a router over the scenario's hosts, devices and links. With `reduce: false` every path
 * is read from its own destination's distances (the plain reading the reduced one must equal; tests).
 */
export function createUnderlayRouter(index: ScenarioIndex, options: { reduce?: boolean } = {}): UnderlayRouter {
  const table = buildNodeTable(index);
  const single = options.reduce === false ? new Int32Array(table.ids.length).fill(-1) : table.single;
  const cache = new Map<number, Int32Array>();
  const distTo = (target: number): Int32Array => {
    let dist = cache.get(target);
    if (!dist) {
      dist = distancesTo(table, target);
      cache.set(target, dist);
    }
    return dist;
  };
  /** Hops from node a to node b (see the module comment for why single-linked hosts add one). */
  const hops = (a: number, b: number): number | undefined => {
    if (a === b) return 0;
    const sb = single[b]!;
    const sa = single[a]!;
    if (sb === a || sa === b) return 1;
    if (sb >= 0 || sa >= 0) {
      const d = hops(sa >= 0 ? sa : a, sb >= 0 ? sb : b);
      return d === undefined ? undefined : d + (sa >= 0 ? 1 : 0) + (sb >= 0 ? 1 : 0);
    }
    const d = distTo(b)[a]!;
    return d < 0 ? undefined : d;
  };
  /** The greedy reading from a to b over b's distances. */
  const read = (a: number, b: number): Walk | undefined => {
    const dist = distTo(b);
    if (dist[a]! < 0) return undefined;
    const nodes = [a];
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
      nodes.push(step.node);
      u = step.node;
    }
    return { nodes, links };
  };
  // Readings between two nodes that are not single-linked hosts (switches, mostly), per source and destination.
  const walks = new Map<number, Map<number, Walk | null>>();
  const between = (a: number, b: number): Walk | undefined => {
    let byTarget = walks.get(a);
    if (!byTarget) walks.set(a, (byTarget = new Map()));
    let walk = byTarget.get(b);
    if (walk === undefined) byTarget.set(b, (walk = read(a, b) ?? null));
    return walk ?? undefined;
  };
  const path = (from: string, to: string): UnderlayPath | undefined => {
    const a = table.number.get(from);
    const b = table.number.get(to);
    if (a === undefined || b === undefined) return undefined;
    if (a === b) return { nodes: [from], links: [] };
    const sa = single[a]!;
    const sb = single[b]!;
    // One end hangs off the other: the single link between them.
    if (sa === b || sb === a) return { nodes: [from, to], links: [table.adjacency[sa === b ? a : b]![0]!.link] };
    // Else the path read between the nodes the ends hang off, with the ends' links around it.
    const firstLink = sa >= 0 ? table.adjacency[a]![0]!.link : undefined;
    const lastLink = sb >= 0 ? table.adjacency[b]![0]!.link : undefined;
    const inner = between(firstLink ? sa : a, lastLink ? sb : b);
    if (!inner) return undefined;
    const count = inner.nodes.length + (firstLink ? 1 : 0) + (lastLink ? 1 : 0);
    const nodes = new Array<string>(count);
    const links = new Array<Link>(count - 1);
    let n = 0;
    let l = 0;
    if (firstLink) {
      nodes[n++] = from;
      links[l++] = firstLink;
    }
    for (let i = 0; i < inner.nodes.length; i++) nodes[n++] = table.ids[inner.nodes[i]!]!;
    for (let i = 0; i < inner.links.length; i++) links[l++] = inner.links[i]!;
    if (lastLink) {
      nodes[n] = to;
      links[l] = lastLink;
    }
    return { nodes, links };
  };
  const distance = (from: string, to: string): number | undefined => {
    const a = table.number.get(from);
    const b = table.number.get(to);
    return a === undefined || b === undefined ? undefined : hops(a, b);
  };
  return { path, distance };
}
