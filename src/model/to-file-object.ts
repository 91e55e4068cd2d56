/**
 * The way back from the normalised model to the file format: fields only the model has (resolved
 * overlay members, policy endpoints) become file fields again, and values the parser would derive
 * anyway (link rate, MTU and site; Geneve option bytes; a flow's network) are left out.
 */
import { isPlainObject } from './describe-schema.ts';
import { geneveOptionBytesOf } from './normalize-overlay.ts';
import { endpointNetworks } from './normalize-scenario.ts';
import { deriveLinkDefaults, linkEnds, type LinkEnd } from './normalize-topology.ts';
import { resolveFlowNetwork } from './resolve-flow-network.ts';
import type { Flow, IpsecPolicy, Link, Overlay, Scenario, Tunnel } from './types.ts';

function mapEntities(
  raw: Record<string, unknown>,
  key: string,
  convert: (entity: Record<string, unknown>) => Record<string, unknown>,
): void {
  const list = raw[key];
  if (Array.isArray(list))
    raw[key] = list.map((item: unknown) => (isPlainObject(item) ? convert(item) : item));
}

/** The model's `geneveOptionBytes: 0` of a VXLAN/GRE mesh is no Geneve setting: drop it. */
function withoutZeroOptions(entity: Record<string, unknown>): Record<string, unknown> {
  if (entity.type === 'geneve' || entity.geneveOptionBytes !== 0) return entity;
  const { geneveOptionBytes: _zero, ...rest } = entity;
  return rest;
}

/**
 * Accepts a normalised model where a file object is expected: drops `memberIds` and the zero
 * Geneve options of other encapsulations, and turns a policy's `endpoints`/`mesh` into `between`
 * or `members`. Anything else is left for validation.
 */
export function acceptModelFields(raw: unknown): unknown {
  if (!isPlainObject(raw)) return raw;
  const out = { ...raw };
  mapEntities(out, 'overlays', ({ memberIds: _derived, ...overlay }) => withoutZeroOptions(overlay));
  mapEntities(out, 'tunnels', withoutZeroOptions);
  mapEntities(out, 'ipsec', (policy) => {
    if (!('endpoints' in policy) || 'between' in policy || 'members' in policy) return policy;
    const { endpoints, mesh, ...rest } = policy;
    return { ...rest, [mesh === true ? 'members' : 'between']: endpoints };
  });
  return out;
}

function linkToFile(link: Link, ends: ReadonlyMap<string, LinkEnd>): Partial<Link> {
  const derived = deriveLinkDefaults(link.between, ends);
  const { gbps, mtu, site, ...rest } = link;
  return {
    ...rest,
    ...(gbps !== derived.gbps && { gbps }),
    ...(mtu !== derived.mtu && { mtu }),
    ...(site !== derived.site && { site }),
  };
}

function tunnelToFile<T extends Overlay | Tunnel>(entity: T): Partial<T> {
  const { geneveOptionBytes, ...rest } = entity;
  return geneveOptionBytes === geneveOptionBytesOf(entity.type, undefined)
    ? (rest as Partial<T>)
    : ({ ...rest, geneveOptionBytes } as Partial<T>);
}

function policyToFile({ endpoints, mesh, ...rest }: IpsecPolicy): Record<string, unknown> {
  return { ...rest, [mesh ? 'members' : 'between']: endpoints };
}

function flowToFile(flow: Flow, networksOf: (id: string) => readonly string[]): Partial<Flow> {
  const { network, ...rest } = flow;
  const derived = resolveFlowNetwork({ from: flow.from, to: flow.to }, networksOf);
  return derived.problem === undefined && derived.network === network ? rest : flow;
}

/** The file form of a model, ready for stripDefaults (which drops the constant defaults). */
export function toFileObject(model: Scenario): Record<string, unknown> {
  const ends = linkEnds(model.hosts, model.devices);
  const networksOf = endpointNetworks(model.workloads);
  return {
    ...model,
    links: model.links.map((link) => linkToFile(link, ends)),
    overlays: model.overlays.map(({ memberIds: _derived, ...overlay }) => tunnelToFile(overlay as Overlay)),
    tunnels: model.tunnels.map(tunnelToFile),
    ipsec: model.ipsec.map(policyToFile),
    flows: model.flows.map((flow) => flowToFile(flow, networksOf)),
  };
}
