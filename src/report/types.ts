/**
 * The report vocabulary: everything a scenario report shows, computed once by `buildReport` and
 * rendered to HTML, Markdown or JSON. Plain structured-clone data, so an app worker can build it
 * and the main thread (or the CLI) can render it.
 */
import type { RuleMetadata } from '../engine/exposure/rules/rule.ts';
import type { Comparison } from '../engine/throughput/compare-protections.ts';
import type { Analysis, FlowTrace, Layer, LinkStatusValue, Severity } from '../engine/types.ts';
import type { AesSupport, CpuArch, ExposureLevel, NicOffload, Scenario } from '../model/types.ts';

/** What a report is built from: the file as the user wrote it, its parsed model and the date line. */
export interface ReportInput {
  /** The scenario file's text, byte for byte: it is fingerprinted and printed as the appendix. */
  text: string;
  fileName: string;
  /** The valid, normalised model parsed from `text`. */
  model: Scenario;
  /** The date printed on the report (`YYYY-MM-DD`); the only line that changes between runs. */
  date: string;
  /** Plainsight version printed next to the date (results depend on the engine version). */
  version?: string;
  /** Restrict exposures and requirements to these attackers (as `analyze --attacker`). */
  attackers?: string[];
  /**
   * Only these rows of the protection comparison (SPEC T8): the caller works out the others
   * elsewhere (the CLI, in a worker thread) and joins them in (`mergeComparisons`).
   */
  comparisonRows?: readonly string[];
  /**
   * The whole protection comparison of this model, worked out elsewhere (over every attacker, as
   * `compareProtections(model)`): the app's two workers; the report then only analyses the model.
   */
  comparison?: Comparison;
  /**
   * The analysis of this model over these attackers, with its flows' traces, made elsewhere (the
   * app's analysis session, which holds them for the text on screen): the report then analyses
   * nothing itself.
   */
  analysed?: { analysis: Analysis; traces: ReadonlyMap<string, FlowTrace> };
}

/** Where the report comes from, so it can be matched to the exact file. */
export interface ReportSource {
  fileName: string;
  /** SHA-256 of the file text (UTF-8), 64 hex digits. */
  sha256: string;
  date: string;
  version?: string;
}

/** The worst thing one attacker achieves over all flows (SPEC X6, X7). */
export interface AttackerSummary {
  attacker: string;
  name?: string;
  worst: ExposureLevel;
  /** Flows at the worst level. */
  flows: string[];
  /** Flows the attacker can tamper with. */
  tamperFlows: string[];
}

/** The executive summary: counts a reader takes in at a glance. */
export interface ExecutiveSummary {
  linkCounts: Record<LinkStatusValue, number>;
  linkTotal: number;
  plaintextLinks: string[];
  requirementTotal: number;
  failedRequirements: string[];
  findingCounts: Record<Severity, number>;
  attackers: AttackerSummary[];
  /** Slowest single flow as configured (SPEC T6), if any flow has a path. */
  slowestFlow: { flow: string; gbps: number; bottleneck: string | null } | null;
  /** Smallest inner MTU over the flows that leave their host (SPEC T2). */
  minInnerMtu: number | null;
}

/** Consecutive hops of a flow that carry the same header stack. */
export interface StackSegment {
  links: string[];
  /** Outermost first, as on the wire (SPEC X2). */
  stack: Layer[];
  /** True when no confidentiality layer covers the flow's payload here (SPEC X8). */
  payloadPlaintext: boolean;
}

/** A flow's path with its header stack wherever the stack changes. */
export interface PathDiagram {
  flow: string;
  from: string;
  to: string;
  /** Path elements (`host:a`, `link:l1`, `device:sw`), empty when unreachable (SPEC X1). */
  path: string[];
  local: boolean;
  unreachable?: string;
  segments: StackSegment[];
}

/** One host's CPU and NIC as the throughput model uses them (SPEC §1.1 defaults applied). */
export interface CpuProfile {
  host: string;
  ghz: number;
  cores: number;
  aes: AesSupport;
  arch: CpuArch;
  /** Primitives measured with `openssl speed` on this host; empty = model constants. */
  calibrated: string[];
  nicGbps: number;
  nicMtu: number;
  offload: NicOffload[];
}

/** Documentation of a rule that fired, from the rule registry. */
export type RuleDoc = RuleMetadata;

/** Everything a report shows. */
export interface ReportModel {
  title: string;
  source: ReportSource;
  scenarioText: string;
  scenario: Scenario;
  analysis: Analysis;
  comparison: Comparison;
  summary: ExecutiveSummary;
  /** The diagrams drawn: the first `MAX_DIAGRAMS` flows by flow id. */
  paths: PathDiagram[];
  /** The other flows' ids, by flow id: listed, not drawn. */
  pathsNotDrawn: string[];
  cpuProfiles: CpuProfile[];
  /** Rules that fired, in registry order. */
  rules: RuleDoc[];
}
