/**
 * Small named topologies that rule tests start from, so each case states only its twist.
 * Every function returns a fresh builder; ids are the ones the test titles talk about.
 */
import type { SiteTrust } from '../../src/model/types.ts';
import { scenario, type LinkInput, type OverlayInput, type ScenarioBuilder } from './model-builder.ts';

/**
 * Hosts c1 and c2 in site dc1 behind switch sw1: links l1 (c1–sw1) and l2 (sw1–c2), both MTU 1500
 * (the smaller of the NIC default 1500 and the device default 9216, SPEC §1.1 Link); `links` applies to both.
 */
export function twoHosts(trust: SiteTrust = 'trusted', links: LinkInput = {}): ScenarioBuilder {
  return scenario()
    .site('dc1', trust)
    .host('c1', { site: 'dc1' })
    .host('c2', { site: 'dc1' })
    .device('sw1', { site: 'dc1' })
    .link('l1', ['c1', 'sw1'], links)
    .link('l2', ['sw1', 'c2'], links);
}

/** Host c1 in dc1 and host c2 in dc2, both trusted, joined directly by link wan (which belongs to no site). */
export function twoSites(wan: LinkInput = {}): ScenarioBuilder {
  return scenario()
    .site('dc1')
    .site('dc2')
    .host('c1', { site: 'dc1' })
    .host('c2', { site: 'dc2' })
    .link('wan', ['c1', 'c2'], { medium: 'wan', ...wan });
}

/**
 * Adds Geneve overlay ov1 over c1 and c2, overlay network n1, and VMs vm1 on c1 and vm2 on c2.
 * Pass `ipsec` to protect the overlay (SPEC §1.1 Overlay.ipsec).
 */
export function withOverlayVms(builder: ScenarioBuilder, ipsec?: OverlayInput['ipsec']): ScenarioBuilder {
  return builder
    .overlay('ov1', ['c1', 'c2'], ipsec ? { ipsec } : {})
    .network('n1', { kind: 'overlay', overlay: 'ov1' })
    .workload('vm1', { host: 'c1', networks: ['n1'] })
    .workload('vm2', { host: 'c2', networks: ['n1'] });
}

/**
 * North–south: VM vm1 on compute c1 (site dc1) in IPsec overlay ov1 with gateway gw1; c1 – sw1 – gw1
 * over links l1, l2 inside dc1, and gw1 – ext1 over link up into untrusted site inet (so `up` has no site).
 */
export function northSouth(): ScenarioBuilder {
  return scenario()
    .site('dc1')
    .site('inet', 'untrusted')
    .host('c1', { site: 'dc1' })
    .host('gw1', { site: 'dc1', role: 'gateway' })
    .host('ext1', { site: 'inet', role: 'external' })
    .device('sw1', { site: 'dc1' })
    .link('l1', ['c1', 'sw1'])
    .link('l2', ['sw1', 'gw1'])
    .link('up', ['gw1', 'ext1'], { medium: 'wan' })
    .overlay('ov1', ['c1', 'gw1'], { ipsec: {} })
    .network('n1', { kind: 'overlay', overlay: 'ov1' })
    .workload('vm1', { host: 'c1', networks: ['n1'] });
}

/** Site-to-site: c1 – a1 – gw1 in dc1, gw1 – wan – gw2 between sites, gw2 – b1 – c2 in dc2 (gateways forward). */
export function siteToSite(): ScenarioBuilder {
  return scenario()
    .site('dc1')
    .site('dc2')
    .host('c1', { site: 'dc1' })
    .host('gw1', { site: 'dc1', role: 'gateway' })
    .host('gw2', { site: 'dc2', role: 'gateway' })
    .host('c2', { site: 'dc2' })
    .link('a1', ['c1', 'gw1'])
    .link('wan', ['gw1', 'gw2'], { medium: 'wan' })
    .link('b1', ['gw2', 'c2']);
}
