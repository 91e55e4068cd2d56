/**
 * Result vocabulary of the throughput estimator (SPEC §3, T1–T8): per-flow estimates with the CPU
 * cost at each host, per-host crypto load and per-link load. Plain data, arrays sorted by id.
 */
import type { NicOffload } from '../../model/types.ts';
import type { RowsOf } from '../types.ts';

/** What a cost term pays for. */
export type CostTermKind = 'stack' | 'forward' | 'encap' | 'decap' | 'ipsec' | 'wireguard' | 'macsec' | 'tls';

/** One term of a host's per-packet cost for one flow (SPEC T4). */
export interface CostTerm {
  kind: CostTermKind;
  /** Protection id (`ipsec:ov1:c1|c2`), tunnel source, or the host for the stack. */
  subject: string;
  /** Human summary with the numbers: `ESP aes-gcm-256: 9100 + 1.3 c/B × 1466 B`. */
  label: string;
  cyclesPerPacket: number;
  /** True for crypto work (encryption layers), false for the stack and encapsulation. */
  crypto: boolean;
  /** True when the work spreads over the host's cores (WireGuard's cipher, SPEC T5). */
  parallel: boolean;
  /** The NIC offload that removed this term, if any (its cycles are then 0). */
  offloadedBy?: NicOffload;
  /** For crypto terms: whether this host encrypts (outbound SA) or decrypts (inbound SA). */
  direction?: 'encrypt' | 'decrypt';
}

/** Where a host sits on the flow's path. */
export type EndpointRole = 'source' | 'destination' | 'forwarder';

/** CPU cost of one flow at one host (issue: cpuCostPerEndpoint). */
export interface EndpointCost {
  host: string;
  role: EndpointRole;
  terms: CostTerm[];
  /** Cycles per packet on the flow's one core per direction (SPEC T5). */
  serialCyclesPerPacket: number;
  /** Cycles per packet spread over the host's cores (WireGuard's cipher). */
  parallelCyclesPerPacket: number;
  /** Crypto cycles per packet (every crypto term) and per payload byte. */
  cryptoCyclesPerPacket: number;
  cyclesPerByte: number;
  /** Cores the flow's crypto takes at its `rateGbps` (SPEC T7). */
  coresAtRate: number;
  /** Highest goodput this host can give the flow (SPEC T6). */
  limitGbps: number;
}

/** One limit considered for a flow: `link:<id>` or `cpu:<host>`, in Gbit/s of goodput. */
export interface FlowLimit {
  subject: string;
  gbps: number;
}

/**
 * Single-flow estimate in figures (SPEC T3, T6), one per flow in every analysis: null figures when
 * the flow has no path. The breakdown behind it (limits, cost terms, reasons) is a `FlowEstimate`,
 * computed on demand for one flow (`estimateFlowDetail`), so a 250,000-flow analysis stays small.
 */
export interface FlowSummary {
  flow: string;
  rateGbps: number;
  /** Packet size used: the flow's `packetBytes`, at most its innerMtu (SPEC §1.1 default: path MTU). */
  packetBytes: number | null;
  /** Application bytes per packet: packet minus the flow's own IP and L4 headers. */
  payloadBytes: number | null;
  innerMtu: number | null;
  /** Bytes wrapped around the packet where most (outer Ethernet excluded). */
  overheadBytes: number | null;
  /** payload / (packet + overhead + 38) on the hop where it is least (SPEC T3). */
  wireEfficiency: number | null;
  maxGbps: number | null;
  bottleneck: string | null;
}

/** Single-flow estimate with everything behind it (SPEC T3–T6, X9): limits, CPU cost terms, reasons. */
export interface FlowEstimate extends FlowSummary {
  /** Every limit, least first. */
  limits: FlowLimit[];
  cpuCostPerEndpoint: EndpointCost[];
  /** Which term dominates, why a figure is missing, what was assumed. */
  reasons: string[];
}

/** The busiest IPsec SA on a host: one SA is one core per direction (SPEC T5). */
export interface SaLoad {
  protection: string;
  /** Each direction of an IPsec pair is a separate SA with its own SPI (RFC 4301 §4.1). */
  direction: 'outbound' | 'inbound';
  coresUsed: number;
}

/** Crypto load of one host with every flow at its `rateGbps` (SPEC T7). */
export interface HostLoad {
  host: string;
  cryptoCoresUsed: number;
  coresAvailable: number;
  /** cryptoCoresUsed / coresAvailable (0 when the host has no usable core and no load). */
  utilisation: number;
  busiestSa: SaLoad | null;
  /** Over 100 % of the host's cores, or one SA over one core. */
  saturated: boolean;
  flows: string[];
}

/** Load of one link with every flow at its `rateGbps`, all encapsulation and framing included (SPEC T7). */
export interface LinkLoad {
  link: string;
  wireGbps: number;
  capacityGbps: number;
  utilisation: number;
  oversubscribed: boolean;
  flows: string[];
}

/** Impossible or unusable input met while estimating (never NaN: a figure becomes 0 and this says why). */
export interface ThroughputProblem {
  subject: string;
  message: string;
}

/** Everything the throughput estimator produces. */
export interface ThroughputAnalysis {
  /** Figures per flow, sorted by flow id (a plain list, or after a cipher edit rows made when read); `estimateFlowDetail` explains one of them. */
  flows: RowsOf<FlowSummary>;
  hosts: HostLoad[];
  links: LinkLoad[];
  problems: ThroughputProblem[];
}
