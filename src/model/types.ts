/**
 * The Plainsight scenario vocabulary (SPEC §1), after parsing and with every default applied.
 *
 * These types describe the *normalised* model the engine reads: optional fields of the file
 * that have a default in SPEC §1 are filled in here, so the engine never re-derives a default.
 * Fields that stay optional are the ones whose absence means something (no IPsec, no MACsec…).
 */

/** Scenario format version; v1 files say `plainsight: 1`. */
export type FormatVersion = 1;

/** How far the operator trusts a physical location (SPEC §1.1 Site). */
export type SiteTrust = 'trusted' | 'shared' | 'untrusted';
/** What a host does in the cloud (SPEC §1.1 Host). */
export type HostRole = 'compute' | 'network' | 'controller' | 'storage' | 'gateway' | 'external';
/** AES acceleration of a CPU: none, AES-NI, or vector AES (VAES + VPCLMULQDQ). */
export type AesSupport = 'none' | 'aesni' | 'vaes';
/** CPU instruction set architecture. */
export type CpuArch = 'x86_64' | 'arm64';
/** NIC offloads that change the cost of encryption or encapsulation (SPEC §1.1 Host.nic). */
export type NicOffload = 'ipsec-crypto' | 'ipsec-packet' | 'tunnel-tso' | 'macsec';
/** Kind of physical network gear. */
export type DeviceKind = 'switch' | 'router' | 'firewall' | 'carrier';
/** Physical medium of a link. */
export type LinkMedium = 'copper' | 'fiber' | 'wan' | 'wireless';
/** MACsec cipher suite (IEEE 802.1AE / 802.1AEbn). */
export type MacsecCipher = 'gcm-aes-128' | 'gcm-aes-256';
/** Bridge implementation. */
export type BridgeKind = 'ovs' | 'ovn' | 'linux';
/** Bridge role (integration br-int, tunnel br-tun, external br-ex, provider). */
export type BridgeRole = 'integration' | 'tunnel' | 'external' | 'provider';
/** Tunnel encapsulation. */
export type TunnelType = 'vxlan' | 'geneve' | 'gre';
/** ESP cipher suites; `null` is ESP-NULL with HMAC-SHA-256-128 (integrity only). */
export type IpsecCipher = 'aes-gcm-128' | 'aes-gcm-256' | 'chacha20-poly1305' | 'aes-cbc-hmac-sha256' | 'null';
/** How IPsec peers authenticate and where the keys come from. */
export type IpsecAuth = 'psk' | 'cert' | 'ca' | 'static';
/** IPsec encapsulation mode. */
export type IpsecMode = 'transport' | 'tunnel';
/** Kind of logical network. */
export type NetworkKind = 'overlay' | 'vlan' | 'flat';
/** Kind of workload. */
export type WorkloadKind = 'vm' | 'container' | 'service' | 'appliance';
/** Kind of secret held by a key store. */
export type KeystoreKind = 'psk' | 'ca' | 'static' | 'vault' | 'hsm';
/** Transport protocol of a flow or selector. */
export type FlowProto = 'tcp' | 'udp';
/** How sensitive a flow's data is. */
export type Sensitivity = 'public' | 'internal' | 'confidential';
/** Attacker capability. */
export type Capability = 'read' | 'inject';
/** Exposure level of a flow to an attacker, least to most (SPEC X6). */
export type ExposureLevel = 'none' | 'metadata' | 'headers' | 'payload';

/** A physical location (SPEC §1.1). */
export interface Site {
  id: string;
  name?: string;
  trust: SiteTrust;
}

/** CPU of a host; defaults 2.5 GHz, 16 cores, AES-NI, x86_64 (SPEC §1.1). */
export interface Cpu {
  ghz: number;
  cores: number;
  aes: AesSupport;
  arch: CpuArch;
  /** Measured crypto speeds for this CPU (issue: own-hardware calibration), keyed by cipher. */
  calibration?: CpuCalibration;
}

/** Crypto primitives whose speed a user can measure with `openssl speed -evp <name>`. */
export type CalibratedPrimitive = 'aes-128-gcm' | 'aes-256-gcm' | 'chacha20-poly1305' | 'aes-128-cbc' | 'aes-256-cbc' | 'sha256';

/** Single-core crypto speed measured on the user's hardware (`openssl speed`), per primitive. */
export type CpuCalibration = Partial<Record<CalibratedPrimitive, { gbps: number; bytes: number }>>;

/** NIC of a host; defaults 10 Gbit/s, MTU 1500, no offload (SPEC §1.1). */
export interface Nic {
  gbps: number;
  mtu: number;
  offload: NicOffload[];
}

/** A server: hypervisor, network node, controller, storage, gateway or external endpoint. */
export interface Host {
  id: string;
  name?: string;
  site: string;
  role: HostRole;
  ip?: string;
  cpu: Cpu;
  nic: Nic;
}

/** Physical network gear (SPEC §1.1 Device). */
export interface Device {
  id: string;
  name?: string;
  site: string;
  kind: DeviceKind;
}

/** MACsec on one link (hop by hop). `encrypt` defaults to false: integrity only. */
export interface Macsec {
  encrypt: boolean;
  cipher: MacsecCipher;
}

/** A physical connection between two hosts/devices, defaults resolved (SPEC §1.1 Link). */
export interface Link {
  id: string;
  between: [string, string];
  gbps: number;
  mtu: number;
  medium: LinkMedium;
  /** The site the link lies in; undefined when its ends are in different sites (no site). */
  site?: string;
  macsec?: Macsec;
}

/** An OVS / OVN / Linux bridge on a host. */
export interface Bridge {
  id: string;
  host: string;
  kind: BridgeKind;
  role: BridgeRole;
  mirrorTo?: string;
}

/** IPsec protection of overlay or explicit tunnels, as OVS/OVN configure it (ESP transport). */
export interface TunnelIpsec {
  cipher: IpsecCipher;
  auth: IpsecAuth;
  keystore?: string;
  natT: boolean;
  dropPlaintext: boolean;
}

/** Overlay member selection: explicit host ids, or selectors over roles and/or sites. */
export type MemberSelector = string[] | { roles?: HostRole[]; sites?: string[] };

/** A full mesh of tunnels between members; never materialised pairwise (SPEC §1.1 Overlay). */
export interface Overlay {
  id: string;
  type: TunnelType;
  /** The selector as written in the file. */
  members: MemberSelector;
  /** Resolved member host ids, sorted. */
  memberIds: string[];
  /** Geneve option bytes (default 8 as OVN; 0 for other types). */
  geneveOptionBytes: number;
  ipsec?: TunnelIpsec;
}

/** An explicit tunnel; with `overlay` it replaces that overlay's tunnel for the pair. */
export interface Tunnel {
  id: string;
  type: TunnelType;
  between: [string, string];
  overlay?: string;
  geneveOptionBytes: number;
  ipsec?: TunnelIpsec;
}

/** A logical network (SPEC §1.1 Network). */
export interface Network {
  id: string;
  kind: NetworkKind;
  overlay?: string;
  vlan?: number;
  vni?: number;
  portSecurity: boolean;
  /** Workload MTU as written; undefined = the largest that fits (SPEC T2). */
  mtu?: number;
}

/** A VM, container, host service or appliance. */
export interface Workload {
  id: string;
  name?: string;
  host: string;
  networks: string[];
  kind: WorkloadKind;
}

/** Where a secret lives (SPEC §1.1 Keystore). `location` is a host/device id or `offline`. */
export interface Keystore {
  id: string;
  kind: KeystoreKind;
  location?: string;
}

/** Traffic selector of an IPsec policy; `port` matches the destination port. */
export interface Selector {
  proto: FlowProto | 'gre' | 'any';
  port?: number;
}

/** Host-to-host or gateway-to-gateway IPsec not tied to an overlay (SPEC §1.1 IPsec policy). */
export interface IpsecPolicy {
  id: string;
  /** Endpoints: the two of `between`, or every member of the mesh, in file order. */
  endpoints: string[];
  /** True when written as `members` (full mesh). */
  mesh: boolean;
  mode: IpsecMode;
  cipher: IpsecCipher;
  auth: IpsecAuth;
  keystore?: string;
  natT: boolean;
  /** `all` or a list of selectors. */
  selector: 'all' | Selector[];
}

/** A WireGuard mesh between hosts. */
export interface WireguardMesh {
  id: string;
  members: string[];
}

/** Traffic that matters (SPEC §1.1 Flow), defaults resolved. */
export interface Flow {
  id: string;
  from: string;
  to: string;
  /** Resolved network id; undefined for host-level (underlay) flows. */
  network?: string;
  proto: FlowProto;
  port?: number;
  tls: boolean;
  rateGbps: number;
  /** Typical packet size; undefined = path MTU. */
  packetBytes?: number;
  class?: string;
  sensitivity: Sensitivity;
}

/** Where an attacker sits (SPEC §1.1 Attacker.at). */
export interface AttackerPosition {
  links: string[];
  devices: string[];
  hosts: string[];
  workloads: string[];
  sites: string[];
}

/** An attacker position with capabilities and stolen keys. */
export interface Attacker {
  id: string;
  name?: string;
  at: AttackerPosition;
  can: Capability[];
  knows: string[];
}

/** Flow selection of a requirement. */
export type FlowFilter = 'all' | string[] | { class?: string; sensitivity?: Sensitivity };

/** What must hold: the CI gate (SPEC §1.1 Requirement). */
export interface Requirement {
  id: string;
  flows: FlowFilter;
  against: 'all' | string[];
  maxExposure: ExposureLevel;
  noTamper: boolean;
}

/** Canvas position of an element. */
export interface LayoutPoint {
  x: number;
  y: number;
}

/** A whole scenario, normalised. Entity arrays keep file order. */
export interface Scenario {
  plainsight: FormatVersion;
  name: string;
  description?: string;
  sites: Site[];
  hosts: Host[];
  devices: Device[];
  links: Link[];
  bridges: Bridge[];
  overlays: Overlay[];
  tunnels: Tunnel[];
  networks: Network[];
  workloads: Workload[];
  keystores: Keystore[];
  ipsec: IpsecPolicy[];
  wireguard: WireguardMesh[];
  flows: Flow[];
  attackers: Attacker[];
  requirements: Requirement[];
  layout: Record<string, LayoutPoint>;
}

/** Path into the model or file, e.g. `['links', 3, 'between', 1]`. */
export type ModelPath = (string | number)[];

/** Severity of a diagnostic. Warnings do not stop analysis; errors do. */
export type DiagnosticSeverity = 'error' | 'warning';

/** A problem with the scenario *file* (never a network risk): stable snake_case code. */
export interface Diagnostic {
  code: string;
  severity: DiagnosticSeverity;
  message: string;
  path: ModelPath;
  /** 1-based line and column of the offending node; absent only when the file has no position for it. */
  line?: number;
  column?: number;
  /** 1-based end position (exclusive) for editors. */
  endLine?: number;
  endColumn?: number;
  /** A suggestion such as "did you mean `between`?". */
  hint?: string;
}

/** Result of parsing: a model only when there are no error diagnostics. */
export interface ParseResult {
  model?: Scenario;
  diagnostics: Diagnostic[];
}
