/**
 * Who holds which keys, worked out from SPEC X4/X5 directly (not from the engine), so the
 * monotonicity laws can say "for attackers that hold none of the new keys" without trusting the
 * code under test.
 */
import type { Attacker, Scenario } from '../../src/model/types.ts';

/**
 * Nodes whose keys an attacker holds (SPEC X4): hosts it is root on, devices it controls, and the
 * devices of the sites it has physical access to (SPEC §1.1 Attacker.at.sites).
 */
export function keyNodesOf(s: Scenario, attacker: Attacker): Set<string> {
  const sites = new Set(attacker.at.sites);
  const siteDevices = s.devices.filter((d) => sites.has(d.site)).map((d) => d.id);
  return new Set([...attacker.at.hosts, ...attacker.at.devices, ...siteDevices]);
}

/** Nodes whose IKE secrets or SAs hold a PSK or static key store (SPEC X4: "every PSK or static key store used by a tunnel or policy that ends there"). */
function usersOf(s: Scenario, keystore: string): string[] {
  const shared = (auth: string): boolean => auth === 'psk' || auth === 'static';
  const users: string[] = [];
  for (const o of s.overlays) if (o.ipsec?.keystore === keystore && shared(o.ipsec.auth)) users.push(...o.memberIds);
  for (const t of s.tunnels) if (t.ipsec?.keystore === keystore && shared(t.ipsec.auth)) users.push(...t.between);
  for (const p of s.ipsec) if (p.keystore === keystore && shared(p.auth)) users.push(...p.endpoints);
  return users;
}

/** Whether the attacker knows a key store: `knows`, the store located on a key node, or used there (SPEC X4, X5). */
export function knowsKeystore(s: Scenario, attacker: Attacker, keystore: string): boolean {
  if (attacker.knows.includes(keystore)) return true;
  const nodes = keyNodesOf(s, attacker);
  const location = s.keystores.find((k) => k.id === keystore)?.location;
  if (location !== undefined && nodes.has(location)) return true;
  return usersOf(s, keystore).some((node) => nodes.has(node));
}

/** The keys of a new protection: the nodes that terminate it and the key store it uses, if any. */
export interface NewKeys {
  /** Nodes holding its session keys (SA endpoints, link ends, TLS end hosts, mesh members). */
  endpoints: string[];
  /** Workloads that terminate it (TLS endpoints). */
  workloads?: string[];
  keystore?: string;
}

/** Whether the attacker holds any of the new keys (SPEC X4, X5), judged in the scenario after the edit. */
export function holdsAnyKey(s: Scenario, attacker: Attacker, keys: NewKeys): boolean {
  const nodes = keyNodesOf(s, attacker);
  if (keys.endpoints.some((node) => nodes.has(node))) return true;
  if (keys.workloads?.some((w) => attacker.at.workloads.includes(w))) return true;
  return keys.keystore !== undefined && knowsKeystore(s, attacker, keys.keystore);
}
