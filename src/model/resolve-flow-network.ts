/**
 * Which network a flow uses when the file does not say (SPEC §1.1 Flow.network): the only network
 * both endpoints share; else, sharing none, the source's only network; a host-level source (a host,
 * or a workload without networks) takes the destination's only network; otherwise the underlay.
 */

/** The resolved network, or why it could not be resolved, with the networks in question. */
export interface FlowNetworkResolution {
  /** Undefined means the underlay (host-level traffic) or an unresolved ambiguity. */
  network?: string;
  /**
   * `shared-several`: the endpoints share several networks; `source-several`: they share none and
   * the source has several (both need `network:`). `destination-several`: a host-level source and
   * a destination on several networks — the underlay is used, which is likely not what was meant.
   */
  problem?: 'shared-several' | 'source-several' | 'destination-several';
  candidates?: string[];
}

/** Resolves a flow's network from its endpoints' networks (`networksOf` is [] for host-level ends). */
export function resolveFlowNetwork(
  flow: { from: string; to: string; network?: string },
  networksOf: (endpoint: string) => readonly string[],
): FlowNetworkResolution {
  if (flow.network !== undefined) return { network: flow.network };
  const source = [...new Set(networksOf(flow.from))];
  const destination = new Set(networksOf(flow.to));
  const shared = source.filter((network) => destination.has(network));
  if (shared.length === 1) return { network: shared[0]! };
  if (shared.length > 1) return { problem: 'shared-several', candidates: shared };
  if (source.length === 1) return { network: source[0]! };
  if (source.length > 1) return { problem: 'source-several', candidates: source };
  if (destination.size === 1) return { network: [...destination][0]! };
  if (destination.size > 1) return { problem: 'destination-several', candidates: [...destination] };
  return {};
}
