/**
 * Semantic checks of flows (SPEC §1.1 Flow.network): a network must be named when the endpoints'
 * networks leave it ambiguous, and a named network must be attached to one of the endpoints.
 */
import { endpointNetworks } from './normalize-scenario.ts';
import { resolveFlowNetwork } from './resolve-flow-network.ts';
import { isKind, listIds, type SemanticContext } from './semantic-context.ts';
import type { Flow } from './types.ts';

function isEndpoint(ctx: SemanticContext, id: string): boolean {
  return isKind(ctx, id, 'workload') || isKind(ctx, id, 'host');
}

function checkResolution(
  ctx: SemanticContext,
  flow: Flow,
  i: number,
  networksOf: (id: string) => readonly string[],
): void {
  const { problem, candidates = [] } = resolveFlowNetwork({ from: flow.from, to: flow.to }, networksOf);
  if (problem === 'shared-several') {
    const message = `flow \`${flow.id}\` needs a \`network\`: \`${flow.from}\` and \`${flow.to}\` share ${listIds(candidates)}`;
    ctx.reporter.report('flow_network_required', ['flows', i], message, {
      hint: `add \`network: ${candidates[0]}\` (or another shared network)`,
    });
  } else if (problem === 'source-several') {
    const message = `flow \`${flow.id}\` needs a \`network\`: \`${flow.from}\` is on ${listIds(candidates)} and shares none with \`${flow.to}\``;
    ctx.reporter.report('flow_network_required', ['flows', i], message, {
      hint: 'name the source network the flow leaves from',
    });
  } else if (problem === 'destination-several') {
    const message = `flow \`${flow.id}\` has no \`network\`: its source is host-level and \`${flow.to}\` is on ${listIds(candidates)}, so Plainsight carries it on the underlay`;
    ctx.reporter.report('flow_network_guessed', ['flows', i], message, {
      hint: 'name the destination network the flow enters',
    });
  }
}

/**
 * Runs the flow checks. `kept` is the last clean reading's flows, when its ids are declared as
 * now: a flow that is the very object normalised then (the same item, its endpoints on the same
 * networks, normalize-scenario.ts) passed these checks then and passes them now.
 */
export function checkFlows(ctx: SemanticContext, kept?: readonly unknown[]): void {
  const networksOf = endpointNetworks(ctx.model.workloads);
  ctx.model.flows.forEach((flow, i) => {
    if (kept?.[i] === flow) return;
    if (!isEndpoint(ctx, flow.from) || !isEndpoint(ctx, flow.to) || flow.from === flow.to) return;
    // The model's `network` is already resolved: it is undefined only when the file gave none and
    // resolution found none (underlay, or a problem reported here), and a resolved network is
    // always attached to an endpoint — so only a written one can fail the attachment check.
    const network = flow.network;
    if (network === undefined) return checkResolution(ctx, flow, i, networksOf);
    if (!isKind(ctx, network, 'network')) return;
    if (networksOf(flow.from).includes(network) || networksOf(flow.to).includes(network)) return;
    const message = `flow \`${flow.id}\` uses network \`${network}\`, but neither \`${flow.from}\` nor \`${flow.to}\` is attached to it`;
    ctx.reporter.report('flow_network_not_attached', ['flows', i, 'network'], message, {
      hint: 'attach one endpoint to the network, or name a network it is on',
    });
  });
}
