/**
 * What the human-readable formatters render: the analysis result plus the scenario it came from
 * (link ends, sites, flow endpoints and requirement wording live only in the scenario).
 */
import type { Scenario } from '../../model/types.ts';
import type { Analysis } from '../../engine/types.ts';

/** An analysis and the scenario it describes. */
export interface Report {
  analysis: Analysis;
  scenario: Scenario;
  /** Why each flow's estimate is what it is (first reason = the binding limit and its dominant term). */
  throughputWhy?: Record<string, string[]>;
}

/** Documentation of a finding rule, as the rule registry holds it. */
export interface RuleInfo {
  title: string;
  remediation: string;
}

/** Rendering options shared by the text and Markdown formatters. */
export interface FormatOptions {
  /** Colour with ANSI escapes (text only); the CLI sets it for a TTY without NO_COLOR. */
  color?: boolean;
  /** Column to wrap at (text only); defaults to 100. */
  width?: number;
  /** Looks up a rule's title and remediation; findings of unknown rules render without them. */
  ruleInfo?: (ruleId: string) => RuleInfo | undefined;
}

/** Default wrap column of the text report. */
export const DEFAULT_WIDTH = 100;
