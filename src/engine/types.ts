/**
 * Result vocabulary of the engine: traces (paths and header stacks), exposures, findings and the
 * whole analysis. Everything here is plain structured-clone data so it can cross a worker boundary.
 */
import type { ExposureLevel, IpsecAuth, IpsecMode, ModelPath } from '../model/types.ts';
import type { ThroughputAnalysis } from './throughput/types.ts';

/** A header or payload in a packet, as drawn in the layer stack (SPEC X2). */
export type LayerKind =
  | 'eth'
  | 'ipv4'
  | 'ipv6'
  | 'udp'
  | 'tcp'
  | 'gre'
  | 'vxlan'
  | 'geneve'
  | 'esp'
  | 'wireguard'
  | 'macsec'
  | 'tls'
  | 'payload';

/** Which mechanism an encryption/authentication layer belongs to (SPEC X3). */
export type ProtectionKind = 'ipsec' | 'wireguard' | 'macsec' | 'tls';

/**
 * An encryption or authentication layer: who adds and removes it, with which cipher, and where
 * its keys come from (SPEC X3). One object is shared by every packet the same SA protects.
 */
export interface Protection {
  kind: ProtectionKind;
  /** Stable id of the SA-like thing, e.g. `ipsec:ov1:c1|c2`, `wg:mesh1:a|b`, `macsec:l1`, `tls:f1`. */
  id: string;
  /** The scenario entity that configures it (overlay, tunnel, ipsec policy, wireguard mesh, link, flow). */
  source: string;
  /** Host or device ids where the layer is added and removed (sorted pair). */
  endpoints: [string, string];
  /** For TLS: the workload ids that terminate it (root on their hosts holds the session keys). */
  endpointWorkloads?: string[];
  cipher: string;
  /** False for ESP-NULL and MACsec without `encrypt`: integrity only, hides nothing (SPEC X3). */
  confidential: boolean;
  /** IPsec only: how peers authenticate. WireGuard, MACsec and TLS use per-peer keys. */
  auth?: IpsecAuth;
  keystore?: string;
  mode?: IpsecMode;
  natT?: boolean;
}

/** One header (or the payload) of a packet on a hop. */
export interface Layer {
  kind: LayerKind;
  /** Human label: `ipv4(10.0.0.1→10.0.0.2)`, `esp(aes-gcm-256, ov1 c1↔c2)`, `geneve(vni 5, opt 8)`. */
  label: string;
  /** Fixed header bytes this layer adds on the wire (ESP: header + IV; trailer/ICV in `trailerBytes`). */
  headerBytes: number;
  /** Bytes after the protected data (ESP pad-length/next-header + ICV, MACsec ICV, WG tag). */
  trailerBytes?: number;
  /** Set on encryption/authentication layers: everything inside (later in the stack) is covered. */
  protection?: Protection;
  /** True for the flow's own layers (its IP and L4 header, TLS, payload). */
  own?: boolean;
}

/**
 * One thing wrapped around the flow's own IP packet on a hop, outermost first (SPEC X2 order,
 * reversed): MACsec, WireGuard, ESP tunnel mode, ESP transport mode, tunnel encapsulation.
 * The MTU and overhead arithmetic (SPEC T1, T2) folds over these.
 */
export type Wrap =
  | { kind: 'macsec'; protection: Protection }
  /** New outer IP + UDP + WireGuard data header and tag. */
  | { kind: 'wireguard'; protection: Protection; ipv6: boolean }
  /** ESP in tunnel mode: new outer IP (+ UDP 4500 with NAT-T) + ESP around the whole packet. */
  | { kind: 'ipsec-tunnel'; protection: Protection; ipv6: boolean }
  /** ESP in transport mode: inserted after the IP header of the packet it protects. */
  | { kind: 'ipsec-transport'; protection: Protection; ipv6: boolean }
  /** Overlay/tunnel encapsulation: outer IP + UDP + VXLAN/Geneve (+options) + inner Ethernet, or IP + GRE + Ethernet. */
  | { kind: 'encap'; type: 'vxlan' | 'geneve' | 'gre'; ipv6: boolean; optionBytes: number; source: string };

/** One link crossed by a flow, with the stack on the wire there (outermost first). */
export interface Hop {
  link: string;
  /** The node the packet leaves from and the node it arrives at on this link. */
  from: string;
  to: string;
  /** What is wrapped around the flow's own packet here, outermost first. */
  wraps: Wrap[];
  /** The full header stack on the wire, outermost first (outer Ethernet … payload). */
  stack: Layer[];
}

/** Path and header stacks of one flow (SPEC X1, X2). */
export interface FlowTrace {
  flow: string;
  /** `host:a`, `link:l1`, `device:sw` …; empty when unreachable. */
  path: string[];
  hops: Hop[];
  /** Hosts the packet passes *through the inside of* (endpoints and forwarding gateways), in path order. */
  hosts: string[];
  /** The stack as the flow's own packet exists on its source host (before any tunnel/IPsec). */
  innerStack: Layer[];
  /** True when source and destination are on the same host (path is that host alone). */
  local: boolean;
  /** Why the flow has no path, when it has none. */
  unreachable?: string;
}

/** A machine-readable reason (SPEC X9); `text` is for humans, the rest for UIs. */
export interface Reason {
  text: string;
  /** The vantage: `link:l1`, `device:sw`, `host:c1`, `workload:vm1`, `mirror:br1`. */
  vantage?: string;
  /** The layer opened or that stopped the attacker. */
  protection?: string;
  /** Why it was opened: root on an endpoint, a known static key, MITM with PSK/CA, integrity-only. */
  via?: 'root' | 'static-key' | 'mitm-psk' | 'mitm-ca' | 'integrity-only' | 'terminated' | 'endpoint';
  /** Key store involved, if any. */
  keystore?: string;
}

/** What one attacker sees of one flow (SPEC X6, X7). */
export interface Exposure {
  flow: string;
  attacker: string;
  level: ExposureLevel;
  tamper: boolean;
  /** The vantages where the attacker touches the flow's path. */
  vantages: string[];
  reasons: Reason[];
}

/** What an exposure decides, without its vantages and reasons: what the page holds of every pair. */
export type ExposureHead = Pick<Exposure, 'flow' | 'attacker' | 'level' | 'tamper'>;

/**
 * A list of an analysis's rows, read like a readonly array: a plain array, or a table that makes
 * its rows when they are read (`ExposureTable`; a cipher edit's flows, `PatchedRows`).
 */
export interface RowsOf<T> extends Iterable<T> {
  readonly length: number;
  at(i: number): T | undefined;
  map<U>(f: (row: T, i: number) => U): U[];
  flatMap<U>(f: (row: T, i: number) => U | readonly U[]): U[];
  filter(keep: (row: T, i: number) => boolean): T[];
  find(match: (row: T, i: number) => boolean): T | undefined;
  findIndex(match: (row: T, i: number) => boolean): number;
  some(match: (row: T, i: number) => boolean): boolean;
  every(match: (row: T, i: number) => boolean): boolean;
  forEach(visit: (row: T, i: number) => void): void;
  slice(start?: number, end?: number): T[];
}

/**
 * The exposures of an analysis, read like a list: the engine's `ExposureTable` (which makes its
 * plain `none` pairs when read) or a plain `Exposure[]` (small hand-made analyses).
 */
export type ExposureList = RowsOf<Exposure>;

/** Attacker-independent status of a link (SPEC X8). */
export type LinkStatusValue = 'plaintext' | 'headers' | 'encrypted' | 'idle';

/** Status of one link and the flows behind it. */
export interface LinkStatus {
  id: string;
  status: LinkStatusValue;
  /** Flows whose payload (plaintext) or inner headers (headers) are readable on it. */
  flows: string[];
}

/** Per-flow summary in the analysis result (SPEC §4). */
export interface FlowResult {
  id: string;
  path: string[];
  plaintextLinks: string[];
  /** Largest IP packet of the endpoints that crosses every link unfragmented (SPEC T2). */
  innerMtu: number | null;
  /** Bytes wrapped around the full-size packet where most (SPEC T2). */
  overheadBytes: number | null;
  /** Estimated single-flow maximum in Gbit/s (SPEC T6); null without a path. */
  maxGbps?: number | null;
  bottleneck?: string | null;
  unreachable?: string;
}

/** Finding severity, most to least severe. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** A risk found by a rule (SPEC §2.1). */
export interface Finding {
  rule: string;
  severity: Severity;
  /** Entity ids the finding is about, sorted. */
  subjects: string[];
  message: string;
  reasons: Reason[];
}

/** Whether a requirement holds, and which flow × attacker pairs break it. */
export interface RequirementResult {
  id: string;
  pass: boolean;
  failures: { flow: string; attacker: string; level: ExposureLevel; tamper: boolean }[];
}

/** Everything the exposure analysis produces; arrays sorted by id (exposures by flow, attacker). */
export interface ExposureAnalysis {
  links: LinkStatus[];
  /** A plain list, or after a cipher edit rows made when read (`PatchedRows`). */
  flows: RowsOf<FlowResult>;
  exposures: ExposureList;
  findings: Finding[];
  requirements: RequirementResult[];
}

/** Options of an analysis run. */
export interface AnalysisOptions {
  /** Restrict exposures and requirement checks to these attackers. */
  attackers?: string[];
}

/** A source position for a subject, used by UIs and diagnostics to point at the file. */
export interface SubjectLocation {
  id: string;
  path: ModelPath;
}

/** The complete result of analysing one scenario (SPEC §4 JSON shape, plus detail for UIs). */
export interface Analysis extends ExposureAnalysis {
  plainsight: 1;
  scenario: { name: string; description?: string };
  /** Per-flow estimates, host and link loads (SPEC §3). */
  throughput: ThroughputAnalysis;
}
