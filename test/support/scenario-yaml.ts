/**
 * Prints a normalised scenario as a scenario file, for counter-examples: the YAML a user could
 * paste into `plainsight analyze` to reproduce a failing property.
 */
import { stringify } from 'yaml';
import type { Scenario } from '../../src/model/types.ts';
import { toFileDocument } from './to-file-document.ts';

/** The scenario as YAML (file form, SPEC §1). */
export function scenarioToYaml(s: Scenario): string {
  return stringify(toFileDocument(s), { lineWidth: 0 });
}
