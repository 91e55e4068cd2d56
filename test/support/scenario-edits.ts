/**
 * Edits for the monotonicity laws: adding one protection (overlay IPsec, MACsec with `encrypt`,
 * TLS, a WireGuard mesh, `dropPlaintext`) or one piece of attacker power (a vantage, `inject`, a
 * known key store). Each edit is an arbitrary of small indices resolved against the scenario, and
 * applying it returns a fresh scenario plus the keys the new protection brings (SPEC X4, X5).
 */
import fc from 'fast-check';
import { MACSEC_CIPHERS } from '../../src/model/enums.ts';
import type { Attacker, Scenario } from '../../src/model/types.ts';
import { withKeystore } from './build-generated-scenario.ts';
import type { NewKeys } from './key-holders.ts';
import { ipsecChoice } from './scenario-choices.ts';

const target = fc.noBias(fc.nat({ max: 7 }));

/** One added protection of each kind. */
export const protectionEdits = {
  'overlay-ipsec': fc.record({ kind: fc.constant('overlay-ipsec' as const), target, ipsec: ipsecChoice }),
  'macsec-encrypt': fc.record({ kind: fc.constant('macsec-encrypt' as const), target, cipher: fc.constantFrom(...MACSEC_CIPHERS) }),
  tls: fc.record({ kind: fc.constant('tls' as const), target }),
  'wireguard-mesh': fc.record({ kind: fc.constant('wireguard-mesh' as const), members: fc.uniqueArray(target, { minLength: 2, maxLength: 4 }) }),
};
/** One added protection of any kind. */
export const protectionEdit = fc.oneof(...Object.values(protectionEdits));
/** One added protection of the kinds above. */
export type ProtectionEdit = typeof protectionEdit extends fc.Arbitrary<infer T> ? T : never;

/** The scenario after an edit, what the edit did, and the keys it introduced. */
export interface Edited {
  after: Scenario;
  /** Human description for counter-examples; `no-op` when the scenario had nothing to edit. */
  change: string;
  keys: NewKeys;
}

const at = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
const hostOf = (s: Scenario, endpoint: string): string => s.workloads.find((w) => w.id === endpoint)?.host ?? endpoint;
const NO_OP = (after: Scenario): Edited => ({ after, change: 'no-op', keys: { endpoints: [] } });

/** Applies an added protection to a copy of the scenario. */
export function addProtection(s: Scenario, edit: ProtectionEdit): Edited {
  const after = structuredClone(s);
  switch (edit.kind) {
    case 'overlay-ipsec': {
      const overlay = at(after.overlays.filter((o) => !o.ipsec), edit.target);
      if (!overlay) return NO_OP(after);
      const { auth, keystore } = withKeystore(edit.ipsec, after.keystores);
      overlay.ipsec = { cipher: edit.ipsec.cipher, auth, ...(keystore ? { keystore } : {}), natT: edit.ipsec.natT, dropPlaintext: edit.ipsec.dropPlaintext };
      return { after, change: `overlay ${overlay.id} gets ipsec ${JSON.stringify(overlay.ipsec)}`, keys: { endpoints: overlay.memberIds, ...(keystore ? { keystore } : {}) } };
    }
    case 'macsec-encrypt': {
      const link = at(after.links.filter((l) => !l.macsec?.encrypt), edit.target);
      if (!link) return NO_OP(after);
      link.macsec = { encrypt: true, cipher: edit.cipher };
      return { after, change: `link ${link.id} gets macsec ${JSON.stringify(link.macsec)}`, keys: { endpoints: [...link.between] } };
    }
    case 'tls': {
      const flow = at(after.flows.filter((f) => !f.tls), edit.target);
      if (!flow) return NO_OP(after);
      flow.tls = true;
      const workloads = [flow.from, flow.to].filter((id) => after.workloads.some((w) => w.id === id));
      return { after, change: `flow ${flow.id} gets tls`, keys: { endpoints: [hostOf(after, flow.from), hostOf(after, flow.to)], workloads } };
    }
    case 'wireguard-mesh': {
      const members = [...new Set(edit.members.map((i) => at(after.hosts, i)!.id))];
      if (members.length < 2) return NO_OP(after);
      // Appended, so an earlier mesh between the same pair keeps precedence.
      after.wireguard.push({ id: 'wgnew', members });
      return { after, change: `new wireguard mesh wgnew between ${members.join(', ')}`, keys: { endpoints: members } };
    }
  }
}

/** Turns `dropPlaintext` on for one overlay or tunnel IPsec that has it off; no new keys. */
export function dropPlaintext(s: Scenario, targetIndex: number): Edited {
  const after = structuredClone(s);
  const holders = [...after.overlays, ...after.tunnels].filter((x) => x.ipsec && !x.ipsec.dropPlaintext);
  const holder = at(holders, targetIndex);
  if (!holder?.ipsec) return NO_OP(after);
  holder.ipsec.dropPlaintext = true;
  return { after, change: `${holder.id} gets dropPlaintext: true`, keys: { endpoints: [] } };
}

/** One added piece of attacker power. */
export const powerEdit = fc.record({
  kind: fc.constantFrom('links', 'devices', 'hosts', 'workloads', 'sites', 'inject', 'knows'),
  attacker: target,
  target,
});
/** One added piece of attacker power. */
export type PowerEdit = typeof powerEdit extends fc.Arbitrary<infer T> ? T : never;

function candidates(s: Scenario, kind: PowerEdit['kind']): string[] {
  const lists: Record<Exclude<PowerEdit['kind'], 'inject'>, { id: string }[]> = {
    links: s.links, devices: s.devices, hosts: s.hosts, workloads: s.workloads, sites: s.sites, knows: s.keystores,
  };
  return kind === 'inject' ? [] : lists[kind].map((x) => x.id);
}

/** Gives one attacker more power; returns the edited copy and the attacker's id. */
export function addPower(s: Scenario, edit: PowerEdit): Edited & { attacker: string } {
  const after = structuredClone(s);
  const attacker: Attacker = at(after.attackers, edit.attacker)!;
  const done = (change: string) => ({ after, change: `${attacker.id}: ${change}`, keys: { endpoints: [] }, attacker: attacker.id });
  if (edit.kind === 'inject') {
    if (!attacker.can.includes('inject')) attacker.can.push('inject');
    return done('can inject');
  }
  const id = at(candidates(after, edit.kind), edit.target);
  if (id === undefined) return { ...NO_OP(after), attacker: attacker.id };
  const list = edit.kind === 'knows' ? attacker.knows : attacker.at[edit.kind];
  if (!list.includes(id)) list.push(id);
  return done(`${edit.kind} += ${id}`);
}
