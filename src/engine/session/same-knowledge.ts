/**
 * Whether an attacker's rebuilt knowledge equals what it held before: then none of its exposures
 * to an unchanged flow can differ, and the session keeps them.
 */
import type { AttackerKnowledge } from '../exposure/attacker-knowledge.ts';

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Maps compared entry by entry, in order (the first reason for a key store is the one reported). */
function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  const right = [...b];
  let i = 0;
  for (const [k, v] of a) {
    const [k2, v2] = right[i++]!;
    if (k !== k2 || v !== v2) return false;
  }
  return true;
}

/** True when two knowledge records of the same attacker give the same exposures for any trace. */
export function sameKnowledge(a: AttackerKnowledge, b: AttackerKnowledge): boolean {
  return (
    a.attacker.id === b.attacker.id &&
    a.canRead === b.canRead &&
    a.canInject === b.canInject &&
    sameSet(a.links, b.links) &&
    sameSet(a.devices, b.devices) &&
    sameSet(a.hosts, b.hosts) &&
    sameSet(a.workloads, b.workloads) &&
    sameSet(a.keyNodes, b.keyNodes) &&
    sameSet(a.spoofableNetworks, b.spoofableNetworks) &&
    sameMap(a.keystores, b.keystores) &&
    sameMap(a.mirrors, b.mirrors)
  );
}
