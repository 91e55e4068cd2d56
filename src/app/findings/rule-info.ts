/**
 * Rule metadata (title, rationale, remediation, false positives) for the findings panel. Only the
 * metadata fields are kept; the rules' `check` functions never run on the main thread.
 */
import { rules } from '../../engine/exposure/rules/index.ts';
import type { RuleMetadata } from '../../engine/exposure/rules/rule.ts';
import type { Severity } from '../../engine/types.ts';

/** What the panel shows about a rule. */
export type RuleInfo = RuleMetadata;

/** Metadata by rule id. */
export const ruleInfo: ReadonlyMap<string, RuleInfo> = new Map(
  rules.map(({ id, title, severity, description, rationale, remediation, falsePositives }) => [id, { id, title, severity, description, rationale, remediation, falsePositives }]),
);

/** Severities, most severe first. */
export const severities: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
