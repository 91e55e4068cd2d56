/**
 * The random choices a generated scenario is built from: small records of enum values, booleans
 * and small natural numbers. References are indices taken modulo the number of candidates when
 * the scenario is built (build-generated-scenario.ts), so every combination of choices is valid
 * and shrinking any one of them still yields a valid scenario — which is what makes fast-check's
 * shrunk counter-examples short and readable.
 */
import fc from 'fast-check';
import {
  BRIDGE_KINDS,
  BRIDGE_ROLES,
  DEVICE_KINDS,
  HOST_ROLES,
  IPSEC_AUTHS,
  IPSEC_CIPHERS,
  IPSEC_MODES,
  KEYSTORE_KINDS,
  LINK_MEDIA,
  MACSEC_CIPHERS,
  NETWORK_KINDS,
  SENSITIVITIES,
  SITE_TRUSTS,
  TUNNEL_TYPES,
  WORKLOAD_KINDS,
} from '../../src/model/enums.ts';

/** An index into some list of candidates, resolved modulo its length. */
const pick = () => fc.noBias(fc.nat({ max: 7 }));
/** A few distinct indices (a subset of candidates). */
const picks = (maxLength: number) => fc.uniqueArray(pick(), { maxLength });
/** Optional in the model sense: the key is absent rather than undefined. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/** IPsec settings shared by overlays, tunnels and policies. */
export const ipsecChoice = fc.record({
  cipher: fc.constantFrom(...IPSEC_CIPHERS),
  auth: fc.constantFrom(...IPSEC_AUTHS),
  keystore: pick(),
  natT: fc.boolean(),
  dropPlaintext: fc.boolean(),
});

const hostChoice = fc.record({
  site: pick(),
  role: fc.constantFrom(...HOST_ROLES),
  ip: fc.constantFrom('none', 'v4', 'v6'),
  // Common NIC MTUs: Ethernet 1500, jumbo 9000, the IPv6 minimum 1280 (RFC 8200 §5).
  mtu: fc.constantFrom(1500, 9000, 1280),
  gbps: fc.constantFrom(10, 25, 100),
});

const linkChoice = fc.record({
  /** Index of an earlier node the link attaches to (a spanning tree, mostly a star around the first node). */
  to: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, pick()),
  medium: fc.constantFrom(...LINK_MEDIA),
  macsec: maybe(fc.record({ encrypt: fc.boolean(), cipher: fc.constantFrom(...MACSEC_CIPHERS) })),
  mtu: maybe(fc.constantFrom(1400, 9216)),
});

const overlayChoice = fc.record({
  type: fc.constantFrom(...TUNNEL_TYPES),
  members: fc.oneof(
    { weight: 3, arbitrary: fc.record({ hosts: fc.uniqueArray(pick(), { minLength: 2, maxLength: 6 }) }) },
    { weight: 2, arbitrary: fc.record({ all: fc.constant(true) }) },
    fc.record({ roles: fc.uniqueArray(fc.constantFrom(...HOST_ROLES), { minLength: 1, maxLength: 3 }) }),
    fc.record({ sites: picks(2) }),
  ),
  // RFC 8926 §3.4: Geneve options are whole 4-byte words; 8 is OVN's one option (the default).
  optionBytes: maybe(fc.constantFrom(0, 8, 12)),
  ipsec: maybe(ipsecChoice),
});

/** A flow endpoint: mostly a workload (overlay and VLAN traffic), sometimes a host (host-level traffic). */
const endpoint = fc.record({ workload: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)), index: pick() });

const flowChoice = fc.record({
  from: endpoint,
  to: endpoint,
  network: pick(),
  proto: fc.constantFrom('tcp', 'udp'),
  port: maybe(fc.constantFrom(443, 5432, 5672)),
  tls: fc.boolean(),
  sensitivity: fc.constantFrom(...SENSITIVITIES),
  class: maybe(fc.constantFrom('tenant', 'api', 'db', 'migration')),
});

const attackerChoice = fc.record({
  links: picks(2),
  devices: picks(1),
  hosts: picks(2),
  workloads: picks(2),
  sites: picks(1),
  inject: fc.boolean(),
  knows: picks(1),
});

/** Overlay networks are where overlay IPsec matters, so they come up most often. */
const networkKind = fc.oneof({ weight: 3, arbitrary: fc.constant('overlay' as const) }, fc.constantFrom(...NETWORK_KINDS));

/** Every choice of one generated scenario. */
export const scenarioChoices = fc.record({
  sites: fc.array(fc.constantFrom(...SITE_TRUSTS), { minLength: 1, maxLength: 3 }),
  hosts: fc.array(hostChoice, { minLength: 2, maxLength: 6 }),
  devices: fc.array(fc.record({ site: pick(), kind: fc.constantFrom(...DEVICE_KINDS) }), { minLength: 1, maxLength: 2 }),
  /** Whether hosts hang off the devices first (a switched fabric) or off each other (a chain of hosts). */
  devicesFirst: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
  // Enough links for a spanning tree of the at most 8 nodes (SPEC §1.2 wants every workload's host
  // linked); flows still go unreachable through hosts that do not forward (SPEC X1).
  links: fc.array(linkChoice, { minLength: 7, maxLength: 7 }),
  extraLinks: fc.array(fc.record({ a: pick(), b: pick() }), { maxLength: 2 }),
  bridges: fc.array(fc.record({ host: pick(), kind: fc.constantFrom(...BRIDGE_KINDS), role: fc.constantFrom(...BRIDGE_ROLES), mirrorTo: maybe(pick()) }), { maxLength: 2 }),
  overlays: fc.oneof({ weight: 3, arbitrary: fc.array(overlayChoice, { minLength: 1, maxLength: 2 }) }, fc.array(overlayChoice, { maxLength: 0 })),
  tunnels: fc.array(fc.record({ type: fc.constantFrom(...TUNNEL_TYPES), a: pick(), b: pick(), overlay: maybe(pick()), ipsec: maybe(ipsecChoice) }), { maxLength: 1 }),
  networks: fc.array(fc.record({ kind: networkKind, overlay: pick(), portSecurity: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  workloads: fc.array(fc.record({ host: pick(), networks: fc.oneof({ weight: 4, arbitrary: fc.uniqueArray(pick(), { minLength: 1, maxLength: 2 }) }, fc.constant([])), kind: fc.constantFrom(...WORKLOAD_KINDS) }), { minLength: 2, maxLength: 5 }),
  keystores: fc.array(fc.record({ kind: fc.constantFrom(...KEYSTORE_KINDS), location: maybe(fc.oneof(pick(), fc.constant('offline' as const))) }), { maxLength: 2 }),
  ipsec: fc.array(fc.record({ ends: picks(3), mesh: fc.boolean(), mode: fc.constantFrom(...IPSEC_MODES), ipsec: ipsecChoice, selector: maybe(fc.constantFrom('tcp', 'udp', 'gre', 'any')) }), { maxLength: 2 }),
  wireguard: fc.array(picks(4), { maxLength: 1 }),
  flows: fc.array(flowChoice, { minLength: 1, maxLength: 4 }),
  attackers: fc.array(attackerChoice, { minLength: 1, maxLength: 3 }),
  requirements: fc.array(fc.record({ maxExposure: fc.constantFrom('none', 'metadata', 'headers', 'payload'), noTamper: fc.boolean(), flows: fc.constantFrom('all', 'list', 'filter'), against: fc.boolean() }), { maxLength: 2 }),
  layout: fc.boolean(),
  description: fc.boolean(),
});

/** The choices of one generated scenario. */
export type ScenarioChoices = typeof scenarioChoices extends fc.Arbitrary<infer T> ? T : never;
/** The IPsec choices of an overlay, tunnel or policy. */
export type IpsecChoice = typeof ipsecChoice extends fc.Arbitrary<infer T> ? T : never;
