/**
 * Semantic checks of the physical and addressing layer (SPEC §1.2): links, tunnels, policies and
 * flows that connect something to itself, duplicate underlay addresses, repeated VNIs and VLANs.
 */
import { describeEntity } from './describe-schema.ts';
import type { SemanticContext } from './semantic-context.ts';
import type { ModelPath } from './types.ts';

function checkSelfConnections(ctx: SemanticContext): void {
  const { model, reporter } = ctx;
  model.links.forEach((link, i) => {
    const [a, b] = link.between;
    if (a !== '' && a === b)
      reporter.report(
        'link_to_itself',
        ['links', i, 'between', 1],
        `link \`${link.id}\` connects \`${a}\` to itself`,
        { hint: 'a link joins two different hosts or devices' },
      );
  });
  model.tunnels.forEach((tunnel, i) => {
    const [a, b] = tunnel.between;
    if (a !== '' && a === b)
      reporter.report(
        'tunnel_to_itself',
        ['tunnels', i, 'between', 1],
        `tunnel \`${tunnel.id}\` runs from \`${a}\` to itself`,
      );
  });
  model.ipsec.forEach((policy, i) => {
    const [a, b] = policy.endpoints;
    if (!policy.mesh && a !== undefined && a !== '' && a === b) {
      reporter.report(
        'ipsec_to_itself',
        ['ipsec', i, 'between', 1],
        `IPsec policy \`${policy.id}\` protects traffic from \`${a}\` to itself`,
      );
    }
  });
  model.flows.forEach((flow, i) => {
    if (flow.from !== '' && flow.from === flow.to)
      reporter.report(
        'flow_to_itself',
        ['flows', i, 'to'],
        `flow \`${flow.id}\` goes from \`${flow.from}\` to itself`,
        { hint: 'flows are one-directional between two different endpoints' },
      );
  });
}

function checkHostAddresses(ctx: SemanticContext): void {
  const first = new Map<string, number>();
  ctx.model.hosts.forEach((host, i) => {
    if (host.ip === undefined) return;
    const key = host.ip.toLowerCase();
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return;
    }
    const other = ctx.model.hosts[earlier]!;
    const message = `${describeEntity('host', host.id)} has the underlay address \`${host.ip}\` of ${describeEntity('host', other.id)}`;
    ctx.reporter.report('host_ip_duplicate', ['hosts', i, 'ip'], message, {
      related: ['hosts', earlier, 'ip'],
      hint: 'tunnel endpoints need distinct addresses',
    });
  });
}

/** Reports the second and later networks whose `key` (VNI within an overlay, VLAN id) repeats. */
function reportRepeats(
  ctx: SemanticContext,
  code: 'duplicate_vni' | 'duplicate_vlan',
  keyOf: (index: number) => string | undefined,
  describe: (index: number) => string,
): void {
  const first = new Map<string, number>();
  ctx.model.networks.forEach((network, i) => {
    const key = keyOf(i);
    if (key === undefined) return;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return;
    }
    const field = code === 'duplicate_vni' ? 'vni' : 'vlan';
    const path: ModelPath = ['networks', i, field];
    const message = `${describeEntity('network', network.id)} uses ${describe(i)}, as does ${describeEntity('network', ctx.model.networks[earlier]!.id)}`;
    ctx.reporter.report(code, path, message, {
      related: ['networks', earlier, field],
      hint: 'their traffic would be indistinguishable on the wire',
    });
  });
}

/** Runs the topology checks. */
export function checkTopology(ctx: SemanticContext): void {
  checkSelfConnections(ctx);
  checkHostAddresses(ctx);
  const networks = ctx.model.networks;
  reportRepeats(
    ctx,
    'duplicate_vni',
    (i) =>
      networks[i]!.vni === undefined || networks[i]!.overlay === undefined
        ? undefined
        : `${networks[i]!.overlay}#${networks[i]!.vni}`,
    (i) => `VNI ${networks[i]!.vni} in overlay \`${networks[i]!.overlay}\``,
  );
  reportRepeats(
    ctx,
    'duplicate_vlan',
    (i) => (networks[i]!.vlan === undefined ? undefined : String(networks[i]!.vlan)),
    (i) => `VLAN ${networks[i]!.vlan}`,
  );
}
