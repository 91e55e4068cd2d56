/**
 * A fluent builder of *normalised* scenarios for tests: state what matters, the SPEC §1.1 defaults
 * fill the rest. `scenario().site('dc1').host('c1', { site: 'dc1' })…build()`.
 */
import type {
  Attacker,
  AttackerPosition,
  Capability,
  Device,
  Flow,
  Host,
  IpsecPolicy,
  Keystore,
  KeystoreKind,
  Link,
  MemberSelector,
  Network,
  Overlay,
  Requirement,
  Scenario,
  SiteTrust,
  Tunnel,
  TunnelIpsec,
  Workload,
} from '../../src/model/types.ts';
import {
  defaultCpu,
  defaultNic,
  resolveFlowNetwork,
  resolveLink,
  resolveMembers,
  tunnelIpsec,
} from './model-defaults.ts';

type Input<T, Required extends keyof T = never> = Partial<Omit<T, 'id'>> & Pick<T, Required>;
export type LinkInput = Partial<Omit<Link, 'id' | 'between'>>;
export type OverlayInput = Partial<Omit<Overlay, 'id' | 'ipsec' | 'memberIds'>> & {
  ipsec?: Partial<TunnelIpsec>;
};
export type TunnelInput = Partial<Omit<Tunnel, 'id' | 'between' | 'ipsec'>> & {
  ipsec?: Partial<TunnelIpsec>;
};
export type PolicyInput = Partial<Omit<IpsecPolicy, 'id' | 'endpoints'>>;
/** Read-only arrays accepted, so `as const` tables can be passed straight in. */
export type AttackerInput = Partial<Omit<Attacker, 'id' | 'at' | 'can' | 'knows'>> & {
  at: { readonly [K in keyof AttackerPosition]?: readonly string[] };
  can?: readonly Capability[];
  knows?: readonly string[];
};

/** Fluent scenario builder; every method returns the builder, `build()` resolves the defaults. */
export class ScenarioBuilder {
  private readonly s: Scenario;
  private readonly links: (LinkInput & Pick<Link, 'id' | 'between'>)[] = [];
  private readonly members = new Map<string, MemberSelector>();

  constructor(name: string) {
    this.s = {
      plainsight: 1,
      name,
      sites: [],
      hosts: [],
      devices: [],
      links: [],
      bridges: [],
      overlays: [],
      tunnels: [],
      networks: [],
      workloads: [],
      keystores: [],
      ipsec: [],
      wireguard: [],
      flows: [],
      attackers: [],
      requirements: [],
      layout: {},
    };
  }

  site(id: string, trust: SiteTrust = 'trusted'): this {
    this.s.sites.push({ id, trust });
    return this;
  }

  host(id: string, input: Input<Host, 'site'>): this {
    const cpu = { ...defaultCpu, ...input.cpu };
    const nic = { ...defaultNic, ...input.nic };
    this.s.hosts.push({ role: 'compute', ...input, id, cpu, nic });
    return this;
  }

  device(id: string, input: Input<Device, 'site'>): this {
    this.s.devices.push({ kind: 'switch', ...input, id });
    return this;
  }

  link(id: string, between: [string, string], input: LinkInput = {}): this {
    this.links.push({ ...input, id, between });
    return this;
  }

  overlay(id: string, members: MemberSelector, input: OverlayInput = {}): this {
    const type = input.type ?? 'geneve';
    // SPEC §1.1 Overlay: Geneve carries one 8-byte option as OVN does; other types have none.
    const geneveOptionBytes = input.geneveOptionBytes ?? (type === 'geneve' ? 8 : 0);
    const overlay: Overlay = {
      ...input,
      id,
      type,
      members,
      memberIds: [],
      geneveOptionBytes,
      ipsec: undefined,
    };
    if (input.ipsec) overlay.ipsec = tunnelIpsec(input.ipsec);
    else delete overlay.ipsec;
    this.members.set(id, members);
    this.s.overlays.push(overlay);
    return this;
  }

  tunnel(id: string, between: [string, string], input: TunnelInput = {}): this {
    const type = input.type ?? 'geneve';
    const geneveOptionBytes = input.geneveOptionBytes ?? (type === 'geneve' ? 8 : 0);
    const tunnel: Tunnel = { ...input, id, type, between, geneveOptionBytes, ipsec: undefined };
    if (input.ipsec) tunnel.ipsec = tunnelIpsec(input.ipsec);
    else delete tunnel.ipsec;
    this.s.tunnels.push(tunnel);
    return this;
  }

  network(id: string, input: Input<Network> = {}): this {
    // SPEC §1.1 Network: portSecurity defaults to true (Neutron default).
    this.s.networks.push({ kind: 'overlay', portSecurity: true, ...input, id });
    return this;
  }

  workload(id: string, input: Input<Workload, 'host'>): this {
    this.s.workloads.push({ networks: [], kind: 'vm', ...input, id });
    return this;
  }

  keystore(id: string, kind: KeystoreKind, location?: string): this {
    const keystore: Keystore = location === undefined ? { id, kind } : { id, kind, location };
    this.s.keystores.push(keystore);
    return this;
  }

  ipsec(id: string, endpoints: string[], input: PolicyInput = {}): this {
    const policy: IpsecPolicy = {
      mesh: endpoints.length > 2,
      mode: 'transport',
      cipher: 'aes-gcm-256',
      auth: 'cert',
      natT: false,
      selector: 'all',
      ...input,
      id,
      endpoints,
    };
    this.s.ipsec.push(policy);
    return this;
  }

  wireguard(id: string, members: string[]): this {
    this.s.wireguard.push({ id, members });
    return this;
  }

  flow(id: string, input: Input<Flow, 'from' | 'to'>): this {
    // SPEC §1.1 Flow: proto tcp, rateGbps 1, sensitivity confidential by default.
    this.s.flows.push({ proto: 'tcp', tls: false, rateGbps: 1, sensitivity: 'confidential', ...input, id });
    return this;
  }

  attacker(id: string, input: AttackerInput): this {
    const p = input.at;
    const at: AttackerPosition = {
      links: [...(p.links ?? [])],
      devices: [...(p.devices ?? [])],
      hosts: [...(p.hosts ?? [])],
      workloads: [...(p.workloads ?? [])],
      sites: [...(p.sites ?? [])],
    };
    // SPEC §1.1 Attacker: `can: [read]` is the passive attacker; `knows` is empty unless keys leaked.
    const can = [...(input.can ?? ['read'])];
    this.s.attackers.push({ ...input, id, at, can, knows: [...(input.knows ?? [])] });
    return this;
  }

  requirement(id: string, input: Input<Requirement, 'maxExposure'>): this {
    this.s.requirements.push({ flows: 'all', against: 'all', noTamper: false, ...input, id });
    return this;
  }

  /** Resolves link defaults, overlay members and flow networks; returns a fresh scenario. */
  build(): Scenario {
    const s = structuredClone(this.s);
    s.links = this.links.map((link) => resolveLink(s, link));
    for (const overlay of s.overlays)
      overlay.memberIds = resolveMembers(s, this.members.get(overlay.id) ?? []);
    for (const flow of s.flows) {
      const network = resolveFlowNetwork(s, flow);
      if (network === undefined) delete flow.network;
      else flow.network = network;
    }
    return s;
  }
}

/** Starts a scenario; the empty build is the "empty scenario" every rule must accept. */
export function scenario(name = 'test scenario'): ScenarioBuilder {
  return new ScenarioBuilder(name);
}
