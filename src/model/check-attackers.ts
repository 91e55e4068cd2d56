/**
 * Semantic checks of attackers and requirements (SPEC §1.1): an attacker placed nowhere, `inject`
 * without `read`, and a requirement whose flow filter or attacker list selects nothing.
 */
import type { SemanticContext } from './semantic-context.ts';
import type { Requirement } from './types.ts';

function checkAttackers(ctx: SemanticContext): void {
  ctx.model.attackers.forEach((attacker, i) => {
    const { links, devices, hosts, workloads, sites } = attacker.at;
    if (links.length + devices.length + hosts.length + workloads.length + sites.length === 0) {
      const message = `attacker \`${attacker.id}\` is placed nowhere: its \`at\` names no link, device, host, workload or site`;
      ctx.reporter.report('attacker_nowhere', ['attackers', i, 'at'], message, {
        hint: 'it sees no flow; add a position such as `links: [l1]`',
      });
    }
    if (attacker.can.includes('inject') && !attacker.can.includes('read')) {
      const message = `attacker \`${attacker.id}\` can \`inject\` but not \`read\`; an active attacker also reads what it intercepts`;
      ctx.reporter.report('inject_without_read', ['attackers', i, 'can'], message, {
        hint: 'write `can: [read, inject]`',
      });
    }
  });
}

function matchesSome(ctx: SemanticContext, requirement: Requirement): boolean {
  const filter = requirement.flows;
  if (filter === 'all' || Array.isArray(filter)) return filter === 'all' || filter.length > 0;
  return ctx.model.flows.some(
    (flow) =>
      (filter.class === undefined || flow.class === filter.class) &&
      (filter.sensitivity === undefined || flow.sensitivity === filter.sensitivity),
  );
}

function checkRequirements(ctx: SemanticContext): void {
  ctx.model.requirements.forEach((requirement, i) => {
    if (!matchesSome(ctx, requirement)) {
      ctx.reporter.report(
        'requirement_matches_nothing',
        ['requirements', i, 'flows'],
        `requirement \`${requirement.id}\` selects no flow, so it always holds`,
        {
          hint: "check the filter against the flows' `class` and `sensitivity`",
        },
      );
    }
    if (Array.isArray(requirement.against) && requirement.against.length === 0) {
      ctx.reporter.report(
        'requirement_matches_nothing',
        ['requirements', i, 'against'],
        `requirement \`${requirement.id}\` is checked against no attacker, so it always holds`,
        {
          hint: 'write `against: all` or list attacker ids',
        },
      );
    }
  });
}

/** Runs the attacker and requirement checks. */
export function checkAttackersAndRequirements(ctx: SemanticContext): void {
  checkAttackers(ctx);
  checkRequirements(ctx);
}
