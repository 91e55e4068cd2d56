/**
 * Two hosts joined by one link, as a published benchmark ran them: the same CPU clock, cores, NIC,
 * MTU, protection and packet size, expressed as a normalised Plainsight scenario.
 */
import type {
  AesSupport,
  CpuArch,
  Flow,
  Host,
  IpsecCipher,
  IpsecMode,
  IpsecPolicy,
  NicOffload,
  Scenario,
} from '../../../model/types.ts';

/** One end of the benchmark. */
export interface BenchHost {
  ghz: number;
  cores: number;
  aes?: AesSupport;
  arch?: CpuArch;
  offload?: NicOffload[];
}

/** The protection between the two hosts. */
export type BenchProtection =
  { kind: 'none' } | { kind: 'wireguard' } | { kind: 'ipsec'; mode: IpsecMode; cipher: IpsecCipher };

/** A benchmark setup: two hosts, a link of `gbps` and `mtu`, `streams` flows (one SA each for IPsec). */
export interface BenchSetup {
  a: BenchHost;
  b: BenchHost;
  gbps: number;
  mtu: number;
  protection: BenchProtection;
  proto?: 'tcp' | 'udp';
  packetBytes?: number;
  streams?: number;
}

function host(id: string, h: BenchHost, gbps: number, mtu: number): Host {
  return {
    id,
    site: 'lab',
    role: 'compute',
    cpu: { ghz: h.ghz, cores: h.cores, aes: h.aes ?? 'aesni', arch: h.arch ?? 'x86_64' },
    nic: { gbps, mtu, offload: h.offload ?? [] },
  };
}

function flow(i: number, setup: BenchSetup): Flow {
  const f: Flow = {
    id: `stream${i}`,
    from: 'a',
    to: 'b',
    proto: setup.proto ?? 'tcp',
    port: 5000 + i,
    tls: false,
    rateGbps: 1,
    sensitivity: 'internal',
  };
  if (setup.packetBytes !== undefined) f.packetBytes = setup.packetBytes;
  return f;
}

function policies(setup: BenchSetup, streams: number): IpsecPolicy[] {
  const p = setup.protection;
  if (p.kind !== 'ipsec') return [];
  // One SA per stream, as benchmarks with N tunnels run them (selector = the stream's port).
  return Array.from({ length: streams }, (_, i) => ({
    id: `sa${i}`,
    endpoints: ['a', 'b'],
    mesh: false,
    mode: p.mode,
    cipher: p.cipher,
    auth: 'psk' as const,
    keystore: 'psk1',
    natT: false,
    selector: [{ proto: setup.proto ?? 'tcp', port: 5000 + i }],
  }));
}

/** Builds the benchmark as a scenario with flows `stream0…`. */
export function benchScenario(name: string, setup: BenchSetup): Scenario {
  const streams = setup.streams ?? 1;
  return {
    plainsight: 1,
    name,
    sites: [{ id: 'lab', trust: 'trusted' }],
    hosts: [host('a', setup.a, setup.gbps, setup.mtu), host('b', setup.b, setup.gbps, setup.mtu)],
    devices: [],
    links: [
      { id: 'wire', between: ['a', 'b'], gbps: setup.gbps, mtu: setup.mtu, medium: 'copper', site: 'lab' },
    ],
    bridges: [],
    overlays: [],
    tunnels: [],
    networks: [],
    workloads: [],
    keystores: setup.protection.kind === 'ipsec' ? [{ id: 'psk1', kind: 'psk' }] : [],
    ipsec: policies(setup, streams),
    wireguard: setup.protection.kind === 'wireguard' ? [{ id: 'wg', members: ['a', 'b'] }] : [],
    flows: Array.from({ length: streams }, (_, i) => flow(i, setup)),
    attackers: [],
    requirements: [],
    layout: {},
  };
}
