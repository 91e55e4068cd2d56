/**
 * Requirements (SPEC §1.1 Requirement): for every selected flow × attacker, the exposure must not
 * exceed `maxExposure`, and with `noTamper` the attacker must not be able to tamper.
 */
import type { Flow, Requirement } from '../../model/types.ts';
import type { Exposure, RequirementResult } from '../types.ts';
import { LEVEL_RANK } from './expose-flow.ts';

function selectsFlow(req: Requirement, flow: Flow): boolean {
  const f = req.flows;
  if (f === 'all') return true;
  if (Array.isArray(f)) return f.includes(flow.id);
  return (f.class === undefined || f.class === flow.class) && (f.sensitivity === undefined || f.sensitivity === flow.sensitivity);
}

/** Evaluates every requirement against the exposures that were computed (possibly for a subset of attackers). */
export function evaluateRequirements(
  requirements: readonly Requirement[],
  flows: readonly Flow[],
  exposures: readonly Exposure[],
): RequirementResult[] {
  const byFlow = new Map<string, Exposure[]>();
  for (const e of exposures) {
    const list = byFlow.get(e.flow);
    if (list) list.push(e);
    else byFlow.set(e.flow, [e]);
  }
  const results = requirements.map((req): RequirementResult => {
    const against = req.against === 'all' ? undefined : new Set(req.against);
    const failures: RequirementResult['failures'] = [];
    for (const flow of flows) {
      if (!selectsFlow(req, flow)) continue;
      for (const e of byFlow.get(flow.id) ?? []) {
        if (against && !against.has(e.attacker)) continue;
        const tooDeep = LEVEL_RANK[e.level] > LEVEL_RANK[req.maxExposure];
        if (tooDeep || (req.noTamper && e.tamper)) failures.push({ flow: e.flow, attacker: e.attacker, level: e.level, tamper: e.tamper });
      }
    }
    failures.sort((a, b) => (a.flow === b.flow ? cmp(a.attacker, b.attacker) : cmp(a.flow, b.flow)));
    return { id: req.id, pass: failures.length === 0, failures };
  });
  return results.sort((a, b) => cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
