/**
 * Vocabulary of the deployment importer: what each status-command parser extracts, the problems
 * it reports, and the result of merging many hosts' outputs into one scenario.
 */
import type { IpsecCipher, IpsecMode, Scenario } from '../model/types.ts';

/** One line of an input file; `no` is 1-based and survives splitting a file into sections. */
export interface Line {
  no: number;
  text: string;
}

/** How bad an import problem is: `error` loses data, `warning` needs a look, `info` is a note. */
export type ImportSeverity = 'error' | 'warning' | 'info';

/** A problem with an input file (never a network risk): stable snake_case code and line numbers. */
export interface ImportDiagnostic {
  file: string;
  /** First line concerned (1-based); absent for problems about the whole file. */
  line?: number;
  /** Last line of a run of lines (inclusive), when more than one. */
  endLine?: number;
  code: string;
  message: string;
  severity: ImportSeverity;
}

/** A parser's diagnostic before the importer knows which file it came from. */
export type LineProblem = Omit<ImportDiagnostic, 'file'>;

/** Every parser returns what it understood plus what it did not, by line. */
export interface Parsed<T> {
  value: T;
  problems: LineProblem[];
}

/** An OVSDB column value: a string atom, a set, or a map (OVS `{k=v}`). */
export type OvsdbValue = string | string[] | Record<string, string>;

/** A row of an OVSDB table as printed by `list`, `--format=json list` or `--format=csv list`. */
export interface OvsdbRecord {
  line: number;
  columns: Record<string, OvsdbValue>;
}

/** A port's interface as `ovs-vsctl show` or `list Interface` prints it. */
export interface OvsInterface {
  name: string;
  line: number;
  bridge?: string;
  type: string;
  options: Record<string, string>;
}

/** A bridge of `ovs-vsctl show` with its interfaces' names. */
export interface OvsBridge {
  name: string;
  line: number;
  interfaces: string[];
}

/** What `ovs-vsctl show` describes. */
export interface OvsShow {
  uuid?: string;
  bridges: OvsBridge[];
  interfaces: OvsInterface[];
  ovsVersion?: string;
}

/** An `Encap` of an OVN chassis. */
export interface SbEncap {
  type: string;
  ip?: string;
  options: Record<string, string>;
  line: number;
}

/** A chassis of `ovn-sbctl show`. */
export interface SbChassis {
  name: string;
  line: number;
  hostname?: string;
  encaps: SbEncap[];
  portBindings: string[];
}

/** A traffic selector: `src 10.0.0.1/32 dst 10.0.0.2/32 proto udp dport 6081`. */
export interface XfrmSelector {
  src: string;
  dst: string;
  proto?: string;
  sport?: number;
  dport?: number;
}

/** The ESP algorithm of an SA, with the key's length but never the key itself. */
export interface SaCipher {
  /** As printed: `rfc4106(gcm(aes))`, `AES_GCM_16-256`, `cbc(aes)+hmac(sha256)`. */
  alg: string;
  keyBits?: number;
  /** The matching scenario cipher; undefined when unknown or not expressible. */
  cipher?: IpsecCipher;
}

/** One kernel SA from `ip xfrm state`. */
export interface XfrmState {
  line: number;
  src: string;
  dst: string;
  proto: string;
  mode?: IpsecMode | 'beet';
  reqid?: string;
  cipher?: SaCipher;
  natT: boolean;
  mark?: string;
  dir?: 'in' | 'out';
  selector?: XfrmSelector;
  /** True when the output printed key material (the importer warns; the key is not kept). */
  keyShown: boolean;
}

/** One kernel policy from `ip xfrm policy`. */
export interface XfrmPolicy {
  line: number;
  selector: XfrmSelector;
  dir: 'in' | 'out' | 'fwd' | 'socket-in' | 'socket-out';
  action: 'allow' | 'block';
  mark?: string;
  /** The ESP/AH templates: the SA the kernel requires for matching packets. */
  templates: { src: string; dst: string; proto: string; mode?: string; optional: boolean }[];
}

/** One CHILD_SA (or routed connection) reported by an IKE daemon. */
export interface IkeChild {
  line: number;
  name: string;
  /** `INSTALLED` (SA up), `ROUTED` (trap policy only, no SA yet), `REKEYING`, … */
  state: string;
  mode?: IpsecMode;
  natT: boolean;
  cipher?: SaCipher;
  localTs?: string;
  remoteTs?: string;
}

/** One IKE SA, with its CHILD_SAs. */
export interface IkeSa {
  line: number;
  name: string;
  state: string;
  localAddress?: string;
  remoteAddress?: string;
  localId?: string;
  remoteId?: string;
  /** `psk`, `pubkey` when the daemon says how peers authenticate. */
  auth?: 'psk' | 'pubkey';
}

/** What an IKE daemon's status (swanctl or `ipsec status[all]`) tells. */
export interface IkeStatus {
  sas: IkeSa[];
  children: IkeChild[];
}

/** One tunnel of `ovs-appctl -t ovs-monitor-ipsec tunnels/show`. */
export interface MonitorTunnel {
  line: number;
  name: string;
  state?: string;
  type?: string;
  localIp?: string;
  remoteIp?: string;
  skbMark?: string;
  localName?: string;
  remoteName?: string;
  remoteCert?: string;
  caCert?: string;
  /** The PSK tunnels/show printed in clear: used only for its fingerprint, never copied out. */
  psk?: string;
  customOptions: Record<string, string>;
}

/** Result scenario and report of `importDeployment`. */
export interface ImportResult {
  scenario: Scenario;
  diagnostics: ImportDiagnostic[];
  findings: ImportFinding[];
  summary: ImportSummary;
  /** What was recognised in each file and which host it describes (for the import preview). */
  sources: ImportSource[];
}

/** An inconsistency between the imported outputs (issue 6 part 3), worded like an engine finding. */
export interface ImportFinding {
  /** Rule-like kebab-case id, e.g. `ipsec-one-sided`. */
  id: string;
  severity: 'high' | 'medium' | 'low' | 'info';
  /** Scenario ids (hosts, tunnels, key stores) and addresses concerned, sorted. */
  subjects: string[];
  message: string;
}

/** Counts, and what the outputs could not tell, for the user to add. */
export interface ImportSummary {
  hosts: number;
  tunnels: number;
  sas: number;
  missing: string[];
}

/** Which formats were recognised in one input file and which host it belongs to. */
export interface ImportSource {
  file: string;
  formats: string[];
  host?: string;
}
