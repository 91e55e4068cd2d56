/**
 * Probe attackers: an active tap on every link and control of every device, added next to the
 * generated attackers so that a law about "every attacker" is tried at every vantage of every
 * path, not only where the few generated attackers happen to sit.
 */
import type { Attacker, Scenario } from '../../src/model/types.ts';

function probe(id: string, at: Partial<Attacker['at']>): Attacker {
  return { id, at: { links: [], devices: [], hosts: [], workloads: [], sites: [], ...at }, can: ['read', 'inject'], knows: [] };
}

/** The scenario plus `tap-<link>` and `own-<device>` attackers (read and inject, no keys). */
export function withProbeAttackers(s: Scenario): Scenario {
  const probes = [...s.links.map((l) => probe(`tap-${l.id}`, { links: [l.id] })), ...s.devices.map((d) => probe(`own-${d.id}`, { devices: [d.id] }))];
  return { ...s, attackers: [...s.attackers, ...probes] };
}
