/**
 * Semantic checks of meshes and explicit tunnels (SPEC §1.1 Overlay, Tunnel, IPsec policy,
 * WireGuard): member selectors that select nothing, meshes too small to carry anything, external
 * hosts inside an overlay, explicit tunnels outside their overlay, and two explicit tunnels for
 * the same overlay and host pair.
 */
import { isKind, listIds, type SemanticContext } from './semantic-context.ts';
import type { Host, Overlay } from './types.ts';

function checkMembership(
  ctx: SemanticContext,
  overlay: Overlay,
  i: number,
  hosts: ReadonlyMap<string, Host>,
): void {
  const path = ['overlays', i, 'members'];
  const selector = overlay.members;
  if (!Array.isArray(selector) && overlay.memberIds.length === 0) {
    const unknownSite = (selector.sites ?? []).some((site) => !isKind(ctx, site, 'site'));
    if (!unknownSite)
      ctx.reporter.report(
        'overlay_selector_empty',
        path,
        `the \`members\` selector of overlay \`${overlay.id}\` matches no host`,
        { hint: 'check the roles and sites: with both, a host must match both' },
      );
    return;
  }
  const allKnown = !Array.isArray(selector) || selector.every((id) => isKind(ctx, id, 'host'));
  if (overlay.memberIds.length < 2 && allKnown) {
    const count = overlay.memberIds.length;
    ctx.reporter.report(
      'too_few_members',
      path,
      `overlay \`${overlay.id}\` has ${count} member${count === 1 ? '' : 's'}; a tunnel mesh needs at least 2`,
    );
  }
  const external = overlay.memberIds.filter((id) => hosts.get(id)?.role === 'external');
  if (external.length > 0) {
    const message = `overlay \`${overlay.id}\` includes ${listIds(external)}, which ${external.length === 1 ? 'is an `external` host' : 'are `external` hosts'} outside the cloud`;
    ctx.reporter.report('overlay_external_member', path, message, {
      hint: 'external endpoints are reached through a gateway, not as tunnel members',
    });
  }
}

function checkTunnels(ctx: SemanticContext, overlays: ReadonlyMap<string, Overlay>): void {
  const seen = new Map<string, number>();
  ctx.model.tunnels.forEach((tunnel, i) => {
    const overlay = tunnel.overlay === undefined ? undefined : overlays.get(tunnel.overlay);
    if (overlay) {
      const members = new Set(overlay.memberIds);
      tunnel.between.forEach((end, j) => {
        if (!isKind(ctx, end, 'host') || members.has(end)) return;
        const message = `tunnel \`${tunnel.id}\` replaces a tunnel of overlay \`${overlay.id}\`, but \`${end}\` is not a member of that overlay`;
        ctx.reporter.report('tunnel_not_in_overlay', ['tunnels', i, 'between', j], message, {
          hint: `add \`${end}\` to the overlay's members, or drop \`overlay:\` for a standalone tunnel`,
        });
      });
    }
    const [a, b] = tunnel.between;
    if (a === '' || b === '' || a === b) return;
    // Unordered pair, as the engine's tunnelKey(): a tunnel a→b also replaces b→a. Standalone
    // tunnels of different types are distinct ports (OVS runs a GRE and a Geneve port to one peer).
    const scopeKey = tunnel.overlay ?? `standalone:${tunnel.type}`;
    const key = `${scopeKey}#${a < b ? `${a}|${b}` : `${b}|${a}`}`;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, i);
      return;
    }
    const scope = tunnel.overlay === undefined ? `standalone ${tunnel.type}` : `overlay \`${tunnel.overlay}\``;
    const message = `tunnel \`${tunnel.id}\` is a second explicit tunnel between \`${a}\` and \`${b}\` (${scope}), after \`${ctx.model.tunnels[earlier]!.id}\``;
    ctx.reporter.report('duplicate_tunnel', ['tunnels', i, 'between'], message, {
      related: ['tunnels', earlier, 'between'],
      hint: 'keep one tunnel per host pair and overlay',
    });
  });
}

/** IPsec meshes and WireGuard meshes with fewer than two distinct known members protect nothing. */
function checkMeshSizes(ctx: SemanticContext): void {
  const report = (members: readonly string[], path: (string | number)[], owner: string) => {
    const distinct = new Set(members);
    if (distinct.size >= 2 || members.some((id) => !ctx.registry.has(id))) return;
    ctx.reporter.report(
      'too_few_members',
      path,
      `${owner} has ${distinct.size} member${distinct.size === 1 ? '' : 's'}; a mesh needs at least 2`,
    );
  };
  ctx.model.ipsec.forEach((policy, i) => {
    if (policy.mesh) report(policy.endpoints, ['ipsec', i, 'members'], `IPsec policy \`${policy.id}\``);
  });
  ctx.model.wireguard.forEach((mesh, i) =>
    report(mesh.members, ['wireguard', i, 'members'], `WireGuard mesh \`${mesh.id}\``),
  );
}

/** Runs the mesh and tunnel checks. */
export function checkOverlays(ctx: SemanticContext): void {
  const hosts = new Map(ctx.model.hosts.map((host) => [host.id, host]));
  ctx.model.overlays.forEach((overlay, i) => checkMembership(ctx, overlay, i, hosts));
  checkTunnels(ctx, new Map(ctx.model.overlays.map((overlay) => [overlay.id, overlay])));
  checkMeshSizes(ctx);
}
