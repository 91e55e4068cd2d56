/**
 * The rule contract (STYLE "Rules"): a typed object whose metadata is its documentation and whose
 * `check` reports findings through the context. Rules never throw on user data and never mutate.
 */
import type { Flow, Scenario } from '../../../model/types.ts';
import type { ScenarioIndex } from '../../scenario-index.ts';
import type { FlowDigest, FlowDigests } from './helpers/flow-digest.ts';
import type { ThroughputAnalysis } from '../../throughput/types.ts';
import type {
  ExposureList,
  FlowResult,
  FlowTrace,
  LinkStatus,
  Reason,
  RequirementResult,
  RowsOf,
  Severity,
} from '../../types.ts';

/** What a rule sees: the model, its index and every result of the exposure analysis. */
export interface RuleContext {
  scenario: Scenario;
  index: ScenarioIndex;
  /** Trace per flow id (path, hops with layer stacks). */
  traces: ReadonlyMap<string, FlowTrace>;
  /** Per-flow summaries, including innerMtu / overheadBytes (SPEC T2). */
  flows: RowsOf<FlowResult>;
  links: readonly LinkStatus[];
  exposures: ExposureList;
  requirements: readonly RequirementResult[];
  /** Throughput estimates and loads at the demanded rates (SPEC T6, T7). */
  throughput: ThroughputAnalysis;
  /** Only for these links, from rules of `scope: 'link'` (an analysis session re-running them after an edit). */
  onlyLinks?: ReadonlySet<string>;
  /**
   * With `onlyLinks`: the flows traced again since the rule last ran over `traces` (sorted by id).
   * Every other flow kept its trace object, and every link such a flow crosses is in `onlyLinks`.
   */
  retraced?: readonly string[];
  /** The scenario's flows sorted by id, when the caller has them (rules sort them otherwise). */
  sortedFlows?: readonly Flow[];
  /** `traceFacts` of each flow of `sortedFlows`, when the caller keeps them (helpers/trace-facts.ts). */
  facts?: Uint8Array;
  /** Rules' digests of flows, worked out while their traces were at hand (a one-shot analysis; helpers/flow-digest.ts). */
  digests?: FlowDigests;
  /**
   * Report one finding; severity defaults to the rule's. Reports of one rule with the same subjects
   * and message merge; `distinct` promises that no other report of this run can be the same finding
   * (one per requirement × flow × attacker), so it is not looked up.
   */
  report(finding: { subjects: string[]; message: string; reasons?: Reason[]; severity?: Severity; distinct?: boolean }): void;
}

/** A finding rule (SPEC §2.1): file name = id, metadata rendered by the UI and the CLI. */
export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  /** One sentence: when it fires. */
  description: string;
  rationale: string;
  remediation: string;
  falsePositives: string;
  /**
   * `flow`: every finding is about one flow, names it among its subjects, and depends only on that
   * flow (its fields, trace and result) and on the underlay, sites and devices. After an edit that
   * re-traces some flows and leaves those alone, an analysis session keeps the other flows'
   * findings and runs the rule for the re-traced flows only (`sortedFlows` and `flows` restricted).
   *
   * `link`: every finding is about one link of the scenario, names it among its subjects, and
   * depends only on that link (its status and load, the traces of the flows crossing it) and on
   * the underlay, sites and devices. With `onlyLinks` in the context such a rule reports only
   * for those links; after an edit that re-traces some flows, an analysis session keeps the
   * findings of links none of them crossed before or crosses now.
   */
  scope?: 'flow' | 'link';
  /**
   * What the rule reads of a flow's trace, when it reads nothing else of it (helpers/flow-digest.ts):
   * a one-shot analysis works it out for the flows it `wants` while each trace is at hand.
   */
  digest?: FlowDigest<unknown>;
  check(ctx: RuleContext): void;
}

/** A rule's documentation without its check: what UIs and reports render. */
export type RuleMetadata = Omit<Rule, 'check' | 'digest'>;
