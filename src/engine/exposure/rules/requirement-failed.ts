/**
 * requirement-failed: a requirement does not hold; one finding per failing flow × attacker
 * (SPEC §1.1 Requirement, §2.1).
 */
import type { ExposureLevel, Requirement } from '../../../model/types.ts';
import type { Exposure, RequirementResult } from '../../types.ts';
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

/**
 * The exposures behind the failures, by flow and attacker: a pass over all exposures that builds
 * nothing for the (usually vast) majority of flow × attacker pairs that fail no requirement.
 */
function failingExposures(
  results: readonly RequirementResult[],
  exposures: readonly Exposure[],
): Map<string, Map<string, Exposure | undefined>> {
  const wanted = new Map<string, Map<string, Exposure | undefined>>();
  for (const result of results) {
    for (const f of result.failures) {
      const byAttacker = wanted.get(f.flow);
      if (byAttacker) byAttacker.set(f.attacker, undefined);
      else wanted.set(f.flow, new Map([[f.attacker, undefined]]));
    }
  }
  if (wanted.size === 0) return wanted;
  for (let i = 0; i < exposures.length; i++) {
    const e = exposures[i]!;
    const byAttacker = wanted.get(e.flow);
    if (byAttacker?.has(e.attacker)) byAttacker.set(e.attacker, e);
  }
  return wanted;
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
    const exposures = failingExposures(ctx.requirements, ctx.exposures);
    const requirements = new Map(ctx.scenario.requirements.map((r) => [r.id, r]));
    for (const result of ctx.requirements) {
      const requirement = requirements.get(result.id);
      for (const failure of result.failures) {
        const exposure = exposures.get(failure.flow)?.get(failure.attacker);
        ctx.report({
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
