/**
 * What changed between two analyses of a scenario: link statuses (SPEC X8), exposures per
 * flow × attacker (X6, X7), findings, requirements and throughput (T2, T6, T7). Plain data.
 */
import type { LinkStatusValue, Severity } from '../../engine/types.ts';
import type { ExposureLevel } from '../../model/types.ts';
import type { ReportSource } from '../types.ts';

/** How a value moved: worse and better for the security posture, or just different. */
export type Direction = 'worse' | 'better' | 'changed' | 'added' | 'removed';

/** A link whose status changed, or that exists on one side only. */
export interface LinkChange {
  link: string;
  before: LinkStatusValue | null;
  after: LinkStatusValue | null;
  direction: Direction;
}

/** What an attacker sees of a flow on one side. */
export interface ExposureState {
  level: ExposureLevel;
  tamper: boolean;
}

/** A flow × attacker pair whose exposure changed. */
export interface ExposureChange {
  flow: string;
  attacker: string;
  before: ExposureState | null;
  after: ExposureState | null;
  direction: Direction;
}

/** A finding as the diff lists it. */
export interface FindingRef {
  rule: string;
  severity: Severity;
  subjects: string[];
  message: string;
}

/** The same rule and subjects on both sides, with another message or severity. */
export interface FindingChange {
  before: FindingRef;
  after: FindingRef;
}

/** A requirement whose result changed (null: absent on that side). */
export interface RequirementChange {
  id: string;
  before: boolean | null;
  after: boolean | null;
  direction: Direction;
}

/** Throughput figures of a flow on one side. */
export interface FlowFigures {
  maxGbps: number | null;
  bottleneck: string | null;
  innerMtu: number | null;
  overheadBytes: number | null;
}

/** A flow whose estimate, MTU, overhead or bottleneck changed. */
export interface FlowChange {
  flow: string;
  before: FlowFigures | null;
  after: FlowFigures | null;
}

/** A host whose crypto load changed (cores used at the demanded rates, SPEC T7). */
export interface HostLoadChange {
  host: string;
  beforeCores: number | null;
  afterCores: number | null;
  beforeSaturated: boolean;
  afterSaturated: boolean;
}

/** Everything that changed, each list sorted by id. */
export interface ScenarioDiff {
  links: LinkChange[];
  exposures: ExposureChange[];
  findingsAdded: FindingRef[];
  findingsRemoved: FindingRef[];
  findingsChanged: FindingChange[];
  requirements: RequirementChange[];
  flows: FlowChange[];
  hosts: HostLoadChange[];
  /** Worse link statuses, worse exposures and requirements that stopped holding. */
  regressions: number;
  /** Better link statuses, better exposures and requirements that now hold. */
  improvements: number;
}

/** One side of a diff report. */
export interface DiffSide {
  name: string;
  source: ReportSource;
}

/** A diff with where both sides come from. */
export interface DiffReport {
  before: DiffSide;
  after: DiffSide;
  date: string;
  version?: string;
  diff: ScenarioDiff;
}
