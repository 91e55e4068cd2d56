/**
 * Turns random choices (scenario-choices.ts) into a normalised, valid-by-construction `Scenario`:
 * ids are unique (`h1`, `l2`, `ov1`…), every reference resolves, overlay `memberIds` match the
 * selector, workloads sit only on overlay networks whose overlay includes their host, IPsec with
 * `psk`/`ca`/`static` always names a key store, and flow networks are resolved as SPEC §1.1 says
 * (an explicit choice where the rule is ambiguous). Optional fields are absent, never undefined,
 * so the model equals what the parser would produce from the same file.
 */
import type { Flow, IpsecAuth, Keystore, Link, Network, Overlay, Scenario, TunnelIpsec, Workload } from '../../src/model/types.ts';
import { defaultCpu } from './model-defaults.ts';
import type { IpsecChoice, ScenarioChoices } from './scenario-choices.ts';

const at = <T>(list: readonly T[], index: number): T => list[index % list.length]!;
const unique = (list: readonly string[]): string[] => [...new Set(list)];
const pickIds = (list: readonly string[], indices: readonly number[]): string[] => (list.length === 0 ? [] : unique(indices.map((i) => at(list, i))));
/** SPEC §1.1 Link: a device end counts as 100 Gbit/s and MTU 9216. */
const DEVICE_END = { gbps: 100, mtu: 9216 };

/** IPsec authentication with a fitting key store (SPEC §1.2: psk, ca and static need one), else `cert`. */
export function withKeystore(choice: IpsecChoice, keystores: readonly Keystore[]): { auth: IpsecAuth; keystore?: string } {
  if (choice.auth === 'cert') return { auth: 'cert' };
  // SPEC §1.2: psk, ca and static need a key store; use one of a fitting kind, else certificates.
  const fitting = keystores.filter((k) => k.kind === choice.auth || k.kind === 'vault' || k.kind === 'hsm');
  return fitting.length === 0 ? { auth: 'cert' } : { auth: choice.auth, keystore: at(fitting, choice.keystore).id };
}

function tunnelIpsec(choice: IpsecChoice | undefined, keystores: readonly Keystore[]): { ipsec?: TunnelIpsec } {
  if (!choice) return {};
  return { ipsec: { cipher: choice.cipher, ...withKeystore(choice, keystores), natT: choice.natT, dropPlaintext: choice.dropPlaintext } };
}

function buildLinks(c: ScenarioChoices, s: Scenario): Link[] {
  const [hosts, devices] = [s.hosts.map((h) => h.id), s.devices.map((d) => d.id)];
  // Hosts other than network/gateway ones do not forward (SPEC X1), so a fabric of devices keeps flows routable.
  const nodes = c.devicesFirst ? [...devices, ...hosts] : [...hosts, ...devices];
  const pairs: [string, string][] = c.links.slice(0, nodes.length - 1).map((l, i) => [nodes[i + 1]!, at(nodes, l.to % (i + 1))]);
  for (const extra of c.extraLinks) {
    const a = at(nodes, extra.a);
    const b = at(nodes, extra.b === extra.a ? extra.b + 1 : extra.b);
    if (a !== b) pairs.push([a, b]);
  }
  const end = (id: string) => s.hosts.find((h) => h.id === id) ?? { ...DEVICE_END, ...s.devices.find((d) => d.id === id)! };
  return pairs.map(([a, b], i): Link => {
    const [ea, eb] = [end(a), end(b)];
    const [na, nb] = ['nic' in ea ? ea.nic : ea, 'nic' in eb ? eb.nic : eb];
    const choice = c.links[i];
    const link: Link = { id: `l${i + 1}`, between: [a, b], gbps: Math.min(na.gbps, nb.gbps), mtu: choice?.mtu ?? Math.min(na.mtu, nb.mtu), medium: choice?.medium ?? 'fiber' };
    if (ea.site === eb.site) link.site = ea.site;
    if (choice?.macsec) link.macsec = { ...choice.macsec };
    return link;
  });
}

function buildOverlays(c: ScenarioChoices, s: Scenario): Overlay[] {
  const hostIds = s.hosts.map((h) => h.id);
  return c.overlays.map((o, i): Overlay => {
    const m = o.members;
    const members = 'all' in m ? [...hostIds] : 'hosts' in m ? pickIds(hostIds, m.hosts.length > 0 ? m.hosts : [0]) : 'roles' in m ? { roles: [...m.roles] } : { sites: pickIds(s.sites.map((x) => x.id), m.sites.length > 0 ? m.sites : [0]) };
    const memberIds = Array.isArray(members)
      ? [...members].sort()
      : s.hosts.filter((h) => ('roles' in members ? members.roles!.includes(h.role) : members.sites!.includes(h.site))).map((h) => h.id).sort();
    // SPEC §1.1 Overlay: Geneve carries one 8-byte option as OVN does unless told otherwise; other types none.
    const geneveOptionBytes = o.type === 'geneve' ? (o.optionBytes ?? 8) : 0;
    return { id: `ov${i + 1}`, type: o.type, members, memberIds, geneveOptionBytes, ...tunnelIpsec(o.ipsec, s.keystores) };
  });
}

function buildNetworks(c: ScenarioChoices, s: Scenario): Network[] {
  return c.networks.map((n, i): Network => {
    const base = { id: `n${i + 1}`, portSecurity: n.portSecurity };
    if (n.kind === 'overlay' && s.overlays.length > 0) return { ...base, kind: 'overlay', overlay: at(s.overlays, n.overlay).id };
    return { ...base, kind: n.kind === 'overlay' ? 'vlan' : n.kind };
  });
}

function buildWorkloads(c: ScenarioChoices, s: Scenario): Workload[] {
  return c.workloads.map((w, i): Workload => {
    // Placed on a member of its first network's overlay when there is one, so overlay traffic is common.
    const first = w.networks.length > 0 ? at(s.networks, w.networks[0]!) : undefined;
    const members = first?.kind === 'overlay' ? s.overlays.find((o) => o.id === first.overlay)!.memberIds : [];
    const host = members.length > 0 ? at(members, w.host) : at(s.hosts, w.host).id;
    // SPEC §1.2: a workload may sit on an overlay network only if the overlay includes its host.
    const reachable = s.networks.filter((n) => n.kind !== 'overlay' || s.overlays.find((o) => o.id === n.overlay)!.memberIds.includes(host));
    const networks = pickIds(reachable.map((n) => n.id), w.networks);
    // SPEC §1.1 Workload: a service with `networks: []` uses host networking.
    return { id: `w${i + 1}`, host, networks, kind: networks.length === 0 ? 'service' : w.kind };
  });
}

/** SPEC §1.1 Flow.network: the one shared network, else the source's, else the destination's; an explicit pick when several. */
function flowNetwork(s: Scenario, from: string, to: string, choice: number): string | undefined {
  const nets = (id: string) => s.workloads.find((w) => w.id === id)?.networks ?? [];
  const shared = nets(from).filter((n) => nets(to).includes(n));
  const candidates = [shared, nets(from), nets(to)].find((list) => list.length > 0);
  return candidates ? at(candidates, choice) : undefined;
}

function buildFlows(c: ScenarioChoices, s: Scenario): Flow[] {
  const endpoint = (e: { workload: boolean; index: number }, offset = 0) =>
    e.workload && s.workloads.length > 0 ? at(s.workloads, e.index + offset).id : at(s.hosts, e.index + offset).id;
  return c.flows.map((f, i): Flow => {
    const from = endpoint(f.from);
    // A flow to itself is no flow: the next endpoint of the same kind instead (there are at least two of each).
    const to = endpoint(f.to) === from ? endpoint(f.to, 1) : endpoint(f.to);
    const network = flowNetwork(s, from, to, f.network);
    const optional = { ...(network !== undefined ? { network } : {}), ...(f.port !== undefined ? { port: f.port } : {}), ...(f.class !== undefined ? { class: f.class } : {}) };
    return { id: `f${i + 1}`, from, to, proto: f.proto, tls: f.tls, rateGbps: 1, sensitivity: f.sensitivity, ...optional };
  });
}

function buildSecurity(c: ScenarioChoices, s: Scenario): void {
  const nodes = [...s.hosts.map((h) => h.id), ...s.devices.map((d) => d.id)];
  s.ipsec = c.ipsec.map((p, i) => {
    const ends = pickIds(nodes, p.ends);
    while (ends.length < 2) ends.push(nodes.find((n) => !ends.includes(n))!);
    const selector = p.selector === undefined ? ('all' as const) : [{ proto: p.selector }];
    const { auth, keystore } = withKeystore(p.ipsec, s.keystores);
    const key = keystore !== undefined ? { keystore } : {};
    return { id: `p${i + 1}`, endpoints: ends, mesh: ends.length > 2 || p.mesh, mode: p.mode, cipher: p.ipsec.cipher, auth, ...key, natT: p.ipsec.natT, selector };
  });
  s.wireguard = c.wireguard.map((m, i) => ({ id: `wg${i + 1}`, members: pickIds(s.hosts.map((h) => h.id), [...m, 0, 1]) }));
  s.attackers = c.attackers.map((a, i) => ({
    id: `a${i + 1}`,
    at: { links: pickIds(s.links.map((l) => l.id), a.links), devices: pickIds(s.devices.map((d) => d.id), a.devices), hosts: pickIds(s.hosts.map((h) => h.id), a.hosts), workloads: pickIds(s.workloads.map((w) => w.id), a.workloads), sites: pickIds(s.sites.map((x) => x.id), a.sites) },
    can: a.inject ? ['read', 'inject'] : ['read'],
    knows: pickIds(s.keystores.map((k) => k.id), a.knows),
  }));
}

/** Builds the normalised scenario the choices describe. */
export function buildGeneratedScenario(c: ScenarioChoices): Scenario {
  const s: Scenario = { plainsight: 1, name: 'generated scenario', sites: [], hosts: [], devices: [], links: [], bridges: [], overlays: [], tunnels: [], networks: [], workloads: [], keystores: [], ipsec: [], wireguard: [], flows: [], attackers: [], requirements: [], layout: {} };
  if (c.description) s.description = 'Generated by the Plainsight property tests.';
  s.sites = c.sites.map((trust, i) => ({ id: `s${i + 1}`, trust }));
  s.hosts = c.hosts.map((h, i) => {
    // Documentation-style private addresses: RFC 1918 10/8 and RFC 4193 fd00::/8, unique by index.
    const ip = h.ip === 'v4' ? { ip: `10.0.0.${i + 1}` } : h.ip === 'v6' ? { ip: `fd00::${i + 1}` } : {};
    return { id: `h${i + 1}`, site: at(s.sites, h.site).id, role: h.role, ...ip, cpu: { ...defaultCpu }, nic: { gbps: h.gbps, mtu: h.mtu, offload: [] } };
  });
  s.devices = c.devices.map((d, i) => ({ id: `d${i + 1}`, site: at(s.sites, d.site).id, kind: d.kind }));
  const nodes = [...s.hosts.map((h) => h.id), ...s.devices.map((d) => d.id)];
  s.keystores = c.keystores.map((k, i) => ({ id: `k${i + 1}`, kind: k.kind, ...(k.location === undefined ? {} : { location: k.location === 'offline' ? 'offline' : at(nodes, k.location) }) }));
  s.links = buildLinks(c, s);
  s.overlays = buildOverlays(c, s);
  s.tunnels = c.tunnels.map((t, i) => {
    // A second host other than the first: offsets 1 … n-1 from it (SPEC §1.2: no tunnel to itself).
    const first = t.a % s.hosts.length;
    const [a, b] = [s.hosts[first]!.id, at(s.hosts, first + 1 + (t.b % (s.hosts.length - 1))).id];
    const overlay = t.overlay === undefined || s.overlays.length === 0 ? undefined : at(s.overlays, t.overlay);
    const within = overlay && overlay.memberIds.includes(a) && overlay.memberIds.includes(b) ? { overlay: overlay.id } : {};
    return { id: `t${i + 1}`, type: t.type, between: [a, b] as [string, string], ...within, geneveOptionBytes: t.type === 'geneve' ? 8 : 0, ...tunnelIpsec(t.ipsec, s.keystores) };
  });
  s.networks = buildNetworks(c, s);
  s.workloads = buildWorkloads(c, s);
  s.bridges = c.bridges.map((b, i) => {
    const mirror = b.mirrorTo === undefined || s.workloads.length === 0 ? {} : { mirrorTo: at(s.workloads, b.mirrorTo).id };
    return { id: `b${i + 1}`, host: at(s.hosts, b.host).id, kind: b.kind, role: b.role, ...mirror };
  });
  s.flows = buildFlows(c, s);
  buildSecurity(c, s);
  s.requirements = c.requirements.map((r, i) => ({
    id: `r${i + 1}`,
    flows: r.flows === 'list' && s.flows.length > 0 ? [s.flows[0]!.id] : r.flows === 'filter' ? { sensitivity: 'confidential' as const } : ('all' as const),
    against: r.against ? [s.attackers[0]!.id] : ('all' as const),
    maxExposure: r.maxExposure,
    noTamper: r.noTamper,
  }));
  if (c.layout) s.layout = Object.fromEntries(s.hosts.map((h, i) => [h.id, { x: 120 * i, y: 80 }]));
  return s;
}
