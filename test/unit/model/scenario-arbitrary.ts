/**
 * fast-check generator of valid scenario files (as plain objects) that exercise every entity and
 * most optional fields, for the writer's round-trip law. Validity is by construction: references
 * point at generated ids, workloads on an overlay network run on a member host, and every
 * workload has at most one network, so no flow needs an explicit `network`.
 */
import fc from 'fast-check';
import {
  AES_SUPPORTS,
  BRIDGE_KINDS,
  BRIDGE_ROLES,
  CPU_ARCHS,
  DEVICE_KINDS,
  HOST_ROLES,
  IPSEC_CIPHERS,
  LINK_MEDIA,
  MACSEC_CIPHERS,
  NIC_OFFLOADS,
  SENSITIVITIES,
  SITE_TRUSTS,
  TUNNEL_TYPES,
} from '../../../src/model/enums.ts';

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
/** Drops undefined fields, as a hand-written file would simply leave them out. */
const tidy = (entity: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entity).filter(([, value]) => value !== undefined));

const cpu = fc
  .record({
    ghz: maybe(pick([1.8, 2.5, 3.1, 4.2])),
    cores: maybe(fc.integer({ min: 1, max: 128 })),
    aes: maybe(pick(AES_SUPPORTS)),
    arch: maybe(pick(CPU_ARCHS)),
  })
  .map(tidy);
const nic = fc
  .record({
    gbps: maybe(pick([1, 10, 25, 100])),
    mtu: maybe(fc.integer({ min: 1280, max: 9216 })),
    offload: maybe(fc.subarray([...NIC_OFFLOADS])),
  })
  .map(tidy);

/** A valid scenario file as a plain object. */
export const scenarioFile = fc
  .record({
    siteCount: fc.integer({ min: 1, max: 3 }),
    hostCount: fc.integer({ min: 2, max: 6 }),
    deviceCount: fc.integer({ min: 0, max: 2 }),
  })
  .chain(({ siteCount, hostCount, deviceCount }) => {
    const siteIds = Array.from({ length: siteCount }, (_, i) => `s${i}`);
    const hostIds = Array.from({ length: hostCount }, (_, i) => `h${i}`);
    const deviceIds = Array.from({ length: deviceCount }, (_, i) => `d${i}`);
    const nodes = [...hostIds, ...deviceIds];
    const pair = (ids: string[]) => fc.shuffledSubarray(ids, { minLength: 2, maxLength: 2 });
    const hosts = fc.tuple(
      ...hostIds.map((id, i) =>
        fc
          .record({
            id: fc.constant(id),
            site: pick(siteIds),
            role: pick(HOST_ROLES),
            ip: maybe(fc.constant(`10.0.0.${i + 1}`)),
            cpu: maybe(cpu),
            nic: maybe(nic),
          })
          .map(tidy),
      ),
    );
    const links = fc.array(
      fc
        .record({
          between: pair(nodes),
          gbps: maybe(pick([1, 40])),
          mtu: maybe(pick([1500, 9000])),
          medium: maybe(pick(LINK_MEDIA)),
          site: maybe(pick(siteIds)),
          macsec: maybe(
            fc.record({ encrypt: maybe(fc.boolean()), cipher: maybe(pick(MACSEC_CIPHERS)) }).map(tidy),
          ),
        })
        .map(tidy),
      { maxLength: 5 },
    );
    const overlays = fc.array(
      fc.record({
        type: pick(TUNNEL_TYPES),
        members: pair(hostIds),
        options: pick([0, 8, 16]),
        ipsec: maybe(
          fc.record({
            auth: pick(['cert', 'psk'] as const),
            cipher: maybe(pick(IPSEC_CIPHERS)),
            natT: maybe(fc.boolean()),
            dropPlaintext: maybe(fc.boolean()),
          }),
        ),
      }),
      { maxLength: 2 },
    );
    return fc
      .record({
        sites: fc.tuple(...siteIds.map((id) => fc.record({ id: fc.constant(id), trust: pick(SITE_TRUSTS) }))),
        hosts,
        devices: fc.tuple(
          ...deviceIds.map((id) =>
            fc.record({ id: fc.constant(id), site: pick(siteIds), kind: pick(DEVICE_KINDS) }),
          ),
        ),
        links,
        overlays,
        bridge: maybe(fc.record({ host: pick(hostIds), kind: pick(BRIDGE_KINDS), role: pick(BRIDGE_ROLES) })),
        policy: maybe(
          fc.record({
            ends: pair(hostIds),
            mesh: fc.boolean(),
            mode: maybe(pick(['transport', 'tunnel'] as const)),
            ports: maybe(fc.array(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 2 })),
          }),
        ),
        wireguard: maybe(pair(hostIds)),
        flows: fc.array(
          fc.record({
            ends: pair(hostIds),
            udp: fc.boolean(),
            port: maybe(fc.integer({ min: 1, max: 65535 })),
            tls: maybe(fc.boolean()),
            rateGbps: maybe(pick([0.5, 2, 10])),
            packetBytes: maybe(fc.integer({ min: 64, max: 9000 })),
            sensitivity: maybe(pick(SENSITIVITIES)),
            viaWorkloads: fc.boolean(),
          }),
          { maxLength: 4 },
        ),
        layout: fc
          .subarray(hostIds)
          .chain((ids) =>
            fc.tuple(
              ...ids.map((id) =>
                fc.tuple(
                  fc.constant(id),
                  fc.integer({ min: -500, max: 500 }),
                  fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
                ),
              ),
            ),
          ),
      })
      .map((parts) => assemble(parts, hostIds));
  });

type Parts = {
  sites: object[];
  hosts: object[];
  devices: object[];
  links: object[];
  overlays: {
    type: string;
    members: string[];
    options: number;
    ipsec?: { auth: 'cert' | 'psk'; cipher?: string; natT?: boolean; dropPlaintext?: boolean };
  }[];
  bridge?: { host: string; kind: string; role: string };
  policy?: { ends: string[]; mesh: boolean; mode?: string; ports?: number[] };
  wireguard?: string[];
  flows: {
    ends: string[];
    udp: boolean;
    port?: number;
    tls?: boolean;
    rateGbps?: number;
    packetBytes?: number;
    sensitivity?: string;
    viaWorkloads: boolean;
  }[];
  layout: [string, number, number][];
};

function assemble(parts: Parts, hostIds: string[]): Record<string, unknown> {
  const overlays = parts.overlays.map((o, i) =>
    tidy({
      id: `o${i}`,
      type: o.type,
      members: o.members,
      geneveOptionBytes: o.type === 'geneve' ? o.options : undefined,
      ipsec: o.ipsec && tidy({ ...o.ipsec, keystore: o.ipsec.auth === 'psk' ? 'ks' : undefined }),
    }),
  );
  const networks = overlays.map((o) => ({ id: `n-${String(o.id)}`, kind: 'overlay', overlay: o.id }));
  // One workload per overlay member on its overlay network, and a host service on every host.
  const workloads = [
    ...parts.overlays.flatMap((o, i) =>
      o.members.map((host) => ({ id: `vm-${i}-${host}`, host, networks: [`n-o${i}`] })),
    ),
    ...hostIds.map((host) => ({ id: `svc-${host}`, host, networks: [], kind: 'service' })),
  ];
  const flows = parts.flows.map((f, i) => {
    const [from, to] = f.viaWorkloads ? f.ends.map((host) => `svc-${host}`) : f.ends;
    return tidy({
      id: `f${i}`,
      from,
      to,
      proto: f.udp ? 'udp' : undefined,
      port: f.port,
      tls: f.tls,
      rateGbps: f.rateGbps,
      packetBytes: f.packetBytes,
      sensitivity: f.sensitivity,
      class: i % 2 === 0 ? 'db' : undefined,
    });
  });
  const policy =
    parts.policy &&
    tidy({
      id: 'p1',
      [parts.policy.mesh ? 'members' : 'between']: parts.policy.ends,
      mode: parts.policy.mode,
      auth: 'cert',
      selector: parts.policy.ports?.map((port) => ({ proto: 'tcp', port })),
    });
  return tidy({
    plainsight: 1,
    name: 'Generated',
    sites: parts.sites,
    hosts: parts.hosts,
    devices: parts.devices,
    links: parts.links.map((link, i) => ({ id: `l${i}`, ...link })),
    bridges: parts.bridge ? [{ id: 'br1', ...parts.bridge }] : undefined,
    overlays,
    networks,
    workloads,
    keystores: [{ id: 'ks', kind: 'psk', location: 'offline' }],
    ipsec: policy ? [policy] : undefined,
    wireguard: parts.wireguard ? [{ id: 'wg', members: parts.wireguard }] : undefined,
    flows,
    attackers: [{ id: 'tap', at: { hosts: [hostIds[0]] }, can: ['read', 'inject'], knows: ['ks'] }],
    requirements: [
      { id: 'r1', flows: { class: 'db' }, against: 'all', maxExposure: 'headers', noTamper: true },
    ],
    layout: Object.fromEntries(parts.layout.map(([id, x, y]) => [id, { x, y }])),
  });
}
