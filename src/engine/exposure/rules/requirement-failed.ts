/**
 * requirement-failed: a requirement does not hold; one finding per failing flow × attacker
 * (SPEC §1.1 Requirement, §2.1).
 */
import type { ExposureLevel, Requirement } from '../../../model/types.ts';
import type { RequirementResult } from '../../types.ts';
import { exposureLookup } from '../exposure-lookup.ts';
import type { Rule } from './rule.ts';

/** Exposure levels, least to most (SPEC X6). */
const LEVELS: readonly ExposureLevel[] = ['none', 'metadata', 'headers', 'payload'];

/** How a user reads each level in a sentence. */
const SEES: Readonly<Record<ExposureLevel, string>> = {
  none: 'nothing',
  metadata: 'its metadata',
  headers: 'its inner headers',
  payload: 'its payload',
};

type Failure = RequirementResult['failures'][number];

function describeFailure(requirement: Requirement | undefined, failure: Failure): string {
  const parts: string[] = [];
  const allowed = requirement?.maxExposure;
  if (allowed === undefined || LEVELS.indexOf(failure.level) > LEVELS.indexOf(allowed)) {
    parts.push(`sees ${SEES[failure.level]}${allowed === undefined ? '' : ` (at most ${allowed} allowed)`}`);
  }
  if (failure.tamper && requirement?.noTamper !== false) parts.push('can tamper with it (noTamper)');
  return parts.length > 0 ? parts.join(' and ') : `sees ${SEES[failure.level]}`;
}

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const requirementFailed: Rule = {
  id: 'requirement-failed',
  title: 'Requirement does not hold',
  severity: 'high',
  description:
    'A requirement does not hold: some attacker sees more of a flow than allowed, or can tamper with it.',
  rationale:
    'Requirements are the CI gate: the stated security target of the design (SPEC §1.1). Each failing flow × ' +
    'attacker pair is a concrete way the target is missed, with the vantage and the layers opened as reasons.',
  remediation:
    'Follow the reasons: protect the hops where the flow is readable (TLS, IPsec, WireGuard, MACsec with encrypt), ' +
    'move keys out of the attacker’s reach, or, if the target was too strict, relax the requirement deliberately.',
  falsePositives:
    'Attackers or requirements that no longer reflect the threat model; the finding is exactly as good as they are.',
  check(ctx) {
    // Only a pair that sees something or can tamper fails a requirement: the fallback index holds those alone.
    const exposureOf = exposureLookup(ctx.exposures, (e) => e.level !== 'none' || e.tamper);
    const requirements = new Map(ctx.scenario.requirements.map((r) => [r.id, r]));
    for (const result of ctx.requirements) {
      const requirement = requirements.get(result.id);
      for (const failure of result.failures) {
        const exposure = exposureOf(failure.flow, failure.attacker);
        // A requirement lists each flow × attacker pair once, and its id is a subject.
        ctx.report({
          distinct: true,
          subjects: [result.id, failure.flow, failure.attacker],
          message:
            `Requirement ${result.id} fails for flow ${failure.flow}: attacker ${failure.attacker} ` +
            `${describeFailure(requirement, failure)}.`,
          reasons: exposure?.reasons ?? [],
        });
      }
    }
  },
};
