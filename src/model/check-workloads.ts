/**
 * Semantic checks of workloads (SPEC §1.2): a workload on an overlay network whose overlay does
 * not include its host, a workload on a provider network its host has no link to reach, and a VM
 * or container attached to no network at all.
 */
import { isKind, type SemanticContext } from './semantic-context.ts';
import type { Network, Overlay, Workload } from './types.ts';

function checkOverlayReach(
  ctx: SemanticContext,
  workload: Workload,
  i: number,
  network: Network,
  j: number,
  overlays: ReadonlyMap<string, Set<string>>,
): void {
  const members = network.overlay === undefined ? undefined : overlays.get(network.overlay);
  if (!members || members.has(workload.host)) return;
  const message = `workload \`${workload.id}\` is on network \`${network.id}\`, carried by overlay \`${network.overlay}\`, but its host \`${workload.host}\` is not a member of that overlay`;
  ctx.reporter.report('workload_host_not_in_overlay', ['workloads', i, 'networks', j], message, {
    hint: `add \`${workload.host}\` to the members of \`${network.overlay}\``,
  });
}

/** Hosts of the workloads on each network, to tell whether a provider network spans hosts. */
function hostsPerNetwork(workloads: readonly Workload[]): Map<string, Set<string>> {
  const hosts = new Map<string, Set<string>>();
  for (const workload of workloads) {
    for (const network of workload.networks) {
      const set = hosts.get(network) ?? new Set<string>();
      set.add(workload.host);
      hosts.set(network, set);
    }
  }
  return hosts;
}

/** Runs the workload checks. */
export function checkWorkloads(ctx: SemanticContext): void {
  const { model, reporter } = ctx;
  const networks = new Map(model.networks.map((network) => [network.id, network]));
  const overlays = new Map(
    model.overlays.map((overlay: Overlay) => [overlay.id, new Set(overlay.memberIds)]),
  );
  const linked = new Set(model.links.flatMap((link) => link.between));
  const spread = hostsPerNetwork(model.workloads);
  model.workloads.forEach((workload, i) => {
    if (!isKind(ctx, workload.host, 'host')) return;
    if (workload.networks.length === 0 && workload.kind !== 'service') {
      const message = `workload \`${workload.id}\` (a ${workload.kind}) is attached to no network; only \`service\` workloads use the host's own address`;
      reporter.report('workload_without_network', ['workloads', i, 'networks'], message, {
        hint: 'attach it to a network, or make it `kind: service`',
      });
    }
    workload.networks.forEach((id, j) => {
      const network = networks.get(id);
      if (!network || !isKind(ctx, id, 'network')) return;
      if (network.kind === 'overlay') checkOverlayReach(ctx, workload, i, network, j, overlays);
      else if (!linked.has(workload.host) && (spread.get(id)?.size ?? 0) > 1) {
        const message = `workload \`${workload.id}\` is on ${network.kind} network \`${id}\`, which spans several hosts, but its host \`${workload.host}\` has no link to reach it`;
        reporter.report('workload_network_unreachable', ['workloads', i, 'networks', j], message, {
          hint: `add a link from \`${workload.host}\``,
        });
      }
    });
  });
}
