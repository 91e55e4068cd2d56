/**
 * `plainsight generate` (issue 8): a realistic, seeded and deterministic scenario from a few
 * parameters — sites of leaf–spine racks, an OVN or OVS overlay with or without IPsec, provider
 * networks, VMs per host, flows per VM (tenant, north–south, storage and control-plane traffic),
 * and attackers. The result is a valid normalised scenario; the benchmarks analyse it.
 */
import type { Scenario } from '../model/types.ts';
import { buildAttackers, buildRequirements } from './generate-attackers.ts';
import { buildFabric } from './generate-fabric.ts';
import { buildFlows } from './generate-flows.ts';
import { resolveOptions, type GenerateOptions } from './generate-options.ts';
import { buildTenancy } from './generate-workloads.ts';
import { createRandom } from './seeded-random.ts';

export type { GenerateOptions, OverlayChoice } from './generate-options.ts';

/** Generates the scenario the options describe; the same options always give the same scenario. */
export function generateScenario(options: GenerateOptions = {}): Scenario {
  const o = resolveOptions(options);
  const rnd = createRandom(o.seed);
  const fabric = buildFabric(o);
  const tenancy = buildTenancy(o, fabric, rnd);
  const flows = buildFlows(o, tenancy, rnd);
  const overlay = o.overlay === 'none' ? 'no overlay' : `${o.overlay.toUpperCase()}${o.ipsec ? ' with IPsec' : ''}`;
  return {
    plainsight: 1,
    name: `Generated region (${o.hosts} compute hosts in ${o.sites} ${o.sites === 1 ? 'site' : 'sites'}, ${overlay}, seed ${o.seed})`,
    sites: fabric.sites,
    hosts: fabric.hosts,
    devices: fabric.devices,
    links: fabric.links,
    bridges: [],
    overlays: tenancy.overlays,
    tunnels: [],
    networks: tenancy.networks,
    workloads: tenancy.workloads,
    keystores: tenancy.keystores,
    ipsec: [],
    wireguard: [],
    flows,
    attackers: buildAttackers(o.attackers, fabric, tenancy, rnd),
    requirements: buildRequirements(),
    layout: {},
  };
}
