/**
 * Schema of the physical half of a scenario (SPEC §1.1): sites, hosts, devices, links, bridges.
 * Read by the shape validator, the writer and the JSON Schema generator (schema-dsl.ts).
 */
import { LIMITS, SCENARIO_DEFAULTS as D } from './defaults.ts';
import {
  AES_SUPPORTS,
  BRIDGE_KINDS,
  BRIDGE_ROLES,
  CALIBRATED_PRIMITIVES,
  CPU_ARCHS,
  DEVICE_KINDS,
  HOST_ROLES,
  LINK_MEDIA,
  MACSEC_CIPHERS,
  NIC_OFFLOADS,
  SITE_TRUSTS,
} from './enums.ts';
import {
  bool,
  id,
  int,
  ip,
  list,
  num,
  object,
  oneOf,
  optional,
  record,
  ref,
  required,
  text,
  withDefault,
} from './schema-builders.ts';

const positiveGbps = () => num({ above: 0 });
const mtu = () => int({ min: LIMITS.mtu.min, max: LIMITS.mtu.max });

/** A physical location and how far it is trusted. */
export const siteSchema = object(
  {
    id: required(id(), 'Unique id.'),
    name: optional(text(), 'Display name.'),
    trust: required(
      oneOf(SITE_TRUSTS),
      'trusted: operator-controlled building; shared: colocation or shared cage; untrusted: public space, carrier premises.',
    ),
  },
  { name: 'Site' },
);

/** One `openssl speed -evp` measurement: `gbps` at block size `bytes`. */
const calibrationPointSchema = object(
  {
    gbps: required(positiveGbps(), 'Single-core speed in Gbit/s.'),
    bytes: required(int({ above: 0 }), 'Block size the speed was measured at, in bytes.'),
  },
  { name: 'CalibrationPoint' },
);

const cpuSchema = object(
  {
    ghz: withDefault(
      num({ above: 0, max: LIMITS.ghz.max, hint: 'the clock is in GHz: a 2.5 GHz CPU is `ghz: 2.5`' }),
      D.cpu.ghz,
      'Clock in GHz.',
    ),
    cores: withDefault(int(LIMITS.cores), D.cpu.cores, 'Cores available for crypto.'),
    aes: withDefault(oneOf(AES_SUPPORTS), D.cpu.aes, 'AES acceleration.'),
    arch: withDefault(oneOf(CPU_ARCHS), D.cpu.arch, 'Instruction set.'),
    calibration: optional(
      record(oneOf(CALIBRATED_PRIMITIVES), calibrationPointSchema),
      'Measured crypto speeds of this CPU, by primitive.',
    ),
  },
  { name: 'Cpu' },
);

const nicSchema = object(
  {
    gbps: withDefault(positiveGbps(), D.nic.gbps, 'Line rate in Gbit/s.'),
    mtu: withDefault(mtu(), D.nic.mtu, 'IP MTU of the underlay interface.'),
    offload: withDefault(
      list(oneOf(NIC_OFFLOADS), { unique: true }),
      [],
      'Offloads that change the cost of encryption or encapsulation.',
    ),
  },
  { name: 'Nic' },
);

/** A server: hypervisor, network node, controller, storage, gateway or external endpoint. */
export const hostSchema = object(
  {
    id: required(id(), 'Unique id.'),
    name: optional(text(), 'Display name.'),
    site: required(ref(['site'], 'host_unknown_site'), 'Site the host stands in.'),
    role: required(oneOf(HOST_ROLES), 'What the host does.'),
    ip: optional(ip(), 'Underlay address used as tunnel endpoint (unique).'),
    cpu: withDefault(cpuSchema, {}, 'CPU; defaults 2.5 GHz, 16 cores, AES-NI, x86_64.'),
    nic: withDefault(nicSchema, {}, 'NIC; defaults 10 Gbit/s, MTU 1500, no offload.'),
  },
  { name: 'Host' },
);

/** Physical network gear. */
export const deviceSchema = object(
  {
    id: required(id(), 'Unique id.'),
    name: optional(text(), 'Display name.'),
    site: required(ref(['site'], 'device_unknown_site'), 'Site the device stands in.'),
    kind: required(
      oneOf(DEVICE_KINDS),
      "carrier: a third-party transport network outside the operator's control.",
    ),
  },
  { name: 'Device' },
);

const macsecSchema = object(
  {
    encrypt: withDefault(
      bool(),
      D.macsec.encrypt,
      'Encrypt the payload; false (Linux default) protects integrity only.',
    ),
    cipher: withDefault(oneOf(MACSEC_CIPHERS), D.macsec.cipher, 'MACsec cipher suite.'),
  },
  { name: 'Macsec' },
);

/** A physical connection between two hosts/devices. */
export const linkSchema = object(
  {
    id: required(id(), 'Unique id.'),
    between: required(
      list(ref(['host', 'device'], 'link_unknown_endpoint'), { minItems: 2, maxItems: 2 }),
      'The two ends: host or device ids.',
    ),
    gbps: optional(positiveGbps(), 'Rate in Gbit/s; defaults to the slower end (devices count as 100).'),
    mtu: optional(mtu(), 'IP MTU; defaults to the smaller end (devices count as 9216).'),
    medium: withDefault(oneOf(LINK_MEDIA), D.linkMedium, 'Physical medium.'),
    site: optional(
      ref(['site'], 'link_unknown_site'),
      'Site of the link; defaults to the common site of its ends, else none.',
    ),
    macsec: optional(macsecSchema, 'Hop-by-hop MACsec on this link.'),
  },
  { name: 'Link' },
);

/** An OVS / OVN / Linux bridge on a host. */
export const bridgeSchema = object(
  {
    id: required(id(), 'Unique id.'),
    host: required(ref(['host'], 'bridge_unknown_host'), 'Host the bridge runs on.'),
    kind: required(oneOf(BRIDGE_KINDS), 'Bridge implementation.'),
    role: required(
      oneOf(BRIDGE_ROLES),
      'integration (br-int), tunnel (br-tun), external (br-ex) or provider.',
    ),
    mirrorTo: optional(
      ref(['workload'], 'mirror_unknown_workload'),
      'Workload that receives a decrypted copy of every frame (SPAN).',
    ),
  },
  { name: 'Bridge' },
);
