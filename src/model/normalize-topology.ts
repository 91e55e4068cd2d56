/**
 * Normalisation of the physical entities (SPEC §1.1): sites, hosts, devices, links and bridges,
 * with link rate, MTU and site derived from the link's ends. Works on the shape stage's output;
 * a value the shape stage dropped becomes a blank sentinel that later checks skip.
 */
import { SCENARIO_DEFAULTS } from './defaults.ts';
import type { ShapedScenario } from './schema.ts';
import type { Bridge, CpuCalibration, Device, Host, Link, Site } from './types.ts';

/** One entity of a list as the shape stage left it. */
export type Shaped<K extends keyof ShapedScenario> = ShapedScenario[K] extends (infer T)[] ? T : never;

/** A value the shape stage rejected stays blank; a model with blanks always has an error. */
export function blank<T extends string>(value: T | undefined): T {
  return (value ?? '') as T;
}

/** Blank-filled copy of a list of ids. */
export function blanks(values: readonly (string | undefined)[] | undefined): string[] {
  return (values ?? []).map((value) => value ?? '');
}

/** Copies `source` without its undefined fields, so optional fields are absent, not undefined. */
export function compact<T extends object>(source: T): T {
  const out = {} as T;
  for (const key of Object.keys(source) as (keyof T)[]) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/** Normalises a site. */
export function normalizeSite(site: Shaped<'sites'>): Site {
  return compact({ id: blank(site.id), name: site.name, trust: blank(site.trust) });
}

function calibrationOf(cpu: Shaped<'hosts'>['cpu']): CpuCalibration | undefined {
  if (!cpu.calibration) return undefined;
  const out: CpuCalibration = {};
  for (const [primitive, point] of Object.entries(cpu.calibration)) {
    if (point.gbps !== undefined && point.bytes !== undefined)
      out[primitive as keyof CpuCalibration] = { gbps: point.gbps, bytes: point.bytes };
  }
  return out;
}

/** Normalises a host; CPU and NIC defaults are already filled by the shape stage. */
export function normalizeHost(host: Shaped<'hosts'>): Host {
  const { cpu, nic } = host;
  return compact({
    id: blank(host.id),
    name: host.name,
    site: blank(host.site),
    role: blank(host.role),
    ip: host.ip,
    cpu: compact({
      ghz: cpu.ghz,
      cores: cpu.cores,
      aes: cpu.aes,
      arch: cpu.arch,
      calibration: calibrationOf(cpu),
    }),
    nic: { gbps: nic.gbps, mtu: nic.mtu, offload: blanks(nic.offload) as Host['nic']['offload'] },
  });
}

/** Normalises a device. */
export function normalizeDevice(device: Shaped<'devices'>): Device {
  return compact({
    id: blank(device.id),
    name: device.name,
    site: blank(device.site),
    kind: blank(device.kind),
  });
}

/** What a link needs to know about the node at each of its ends. */
export interface LinkEnd {
  gbps: number;
  mtu: number;
  site?: string;
}

/** The ends' view of hosts and devices: host NIC values, devices at 100 Gbit/s and MTU 9216. */
export function linkEnds(hosts: readonly Host[], devices: readonly Device[]): Map<string, LinkEnd> {
  const ends = new Map<string, LinkEnd>();
  for (const device of devices) ends.set(device.id, { ...SCENARIO_DEFAULTS.deviceNic, site: device.site });
  for (const host of hosts) ends.set(host.id, { gbps: host.nic.gbps, mtu: host.nic.mtu, site: host.site });
  return ends;
}

/** What a link's ends imply: the smaller rate and MTU, and their common site if they share one. */
export function deriveLinkDefaults(
  between: readonly [string, string],
  ends: ReadonlyMap<string, LinkEnd>,
): LinkEnd {
  const [a, b] = [ends.get(between[0]), ends.get(between[1])];
  // An unknown end (already reported) counts as a default host NIC, so no NaN leaks in.
  const fallback = SCENARIO_DEFAULTS.nic;
  const gbps = Math.min(a?.gbps ?? fallback.gbps, b?.gbps ?? fallback.gbps);
  const mtu = Math.min(a?.mtu ?? fallback.mtu, b?.mtu ?? fallback.mtu);
  return a?.site !== undefined && a.site === b?.site ? { gbps, mtu, site: a.site } : { gbps, mtu };
}

/** Normalises a link: gbps and mtu default to the smaller end, site to the ends' common site. */
export function normalizeLink(link: Shaped<'links'>, ends: ReadonlyMap<string, LinkEnd>): Link {
  const between: [string, string] = [blank(link.between?.[0]), blank(link.between?.[1])];
  const derived = deriveLinkDefaults(between, ends);
  const macsec = link.macsec ? { encrypt: link.macsec.encrypt, cipher: link.macsec.cipher } : undefined;
  return compact({
    id: blank(link.id),
    between,
    gbps: link.gbps ?? derived.gbps,
    mtu: link.mtu ?? derived.mtu,
    medium: link.medium,
    site: link.site ?? derived.site,
    macsec,
  });
}

/** Normalises a bridge. */
export function normalizeBridge(bridge: Shaped<'bridges'>): Bridge {
  return compact({
    id: blank(bridge.id),
    host: blank(bridge.host),
    kind: blank(bridge.kind),
    role: blank(bridge.role),
    mirrorTo: bridge.mirrorTo,
  });
}
