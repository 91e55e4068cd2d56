/**
 * Adding protection never helps an attacker that holds none of its keys (SPEC X5–X7).
 *
 * Why the law holds: an added layer does not move the flow (paths depend on topology only,
 * SPEC X1), so every vantage stays the same; at each vantage the attacker reads from the outermost
 * layer inward until the first layer it cannot open (X5). A new layer whose keys it lacks either
 * hides what is inside (confidential: it stops there, so the level can only drop) or hides nothing
 * (integrity-only: the reading is unchanged, X3). For tampering (X7) it must forge every
 * authenticated layer around the payload, and without the keys it cannot forge the new one,
 * integrity-only or not. "Holds the keys" is judged from SPEC X4/X5 in test/support/key-holders.ts:
 * root on (or control of) a node that terminates the layer, being a terminating workload, or
 * knowing its PSK / CA / static key store — a new overlay SA with a PSK also puts that PSK on every
 * member, which is why members' roots are excluded.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Exposure } from '../../../src/engine/types.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { scenarioArbitrary } from '../../support/arbitraries.ts';
import { checkProperty, PROPERTY_SEED, PROPERTY_TIMEOUT_MS } from '../../support/check-property.ts';
import { assertNotLower, exposureTable } from '../../support/exposure-table.ts';
import { holdsAnyKey } from '../../support/key-holders.ts';
import { scenarioToYaml } from '../../support/scenario-yaml.ts';
import { withProbeAttackers } from '../../support/probe-attackers.ts';
import { addProtection, dropPlaintext, protectionEdits, type Edited, type ProtectionEdit } from '../../support/scenario-edits.ts';

const RUNS = 150;
/** Generated scenarios plus an active tap on every link and control of every device. */
const probedScenario = scenarioArbitrary.map(withProbeAttackers);

function showEdit(...[s, edit]: [Scenario, ProtectionEdit | number]): string {
  const applied = typeof edit === 'number' ? dropPlaintext(s, edit) : addProtection(s, edit);
  return `${scenarioToYaml(s)}edit: ${applied.change}`;
}

function lawHolds(s: Scenario, edited: Edited): void {
  const keyless = new Set(edited.after.attackers.filter((a) => !holdsAnyKey(edited.after, a, edited.keys)).map((a) => a.id));
  assertNotLower(exposureTable(edited.after), exposureTable(s), (e: Exposure) => keyless.has(e.attacker));
}

function protectionLaw(kind: ProtectionEdit['kind']): void {
  checkProperty(
    fc.property(probedScenario, protectionEdits[kind], (s, edit) => lawHolds(s, addProtection(s, edit))),
    { numRuns: RUNS, show: showEdit },
  );
}

describe(`adding protection (seed ${PROPERTY_SEED})`, () => {
  it('[X5][X7] IPsec on an overlay never raises an exposure or enables tampering for an attacker without its keys', () => {
    protectionLaw('overlay-ipsec');
  }, PROPERTY_TIMEOUT_MS);

  it('[X3][X5][X7] MACsec with encrypt on a link never raises an exposure or enables tampering for an attacker without its keys', () => {
    protectionLaw('macsec-encrypt');
  }, PROPERTY_TIMEOUT_MS);

  it('[X4][X5][X7] TLS on a flow never raises an exposure or enables tampering for an attacker not root on its end hosts', () => {
    protectionLaw('tls');
  }, PROPERTY_TIMEOUT_MS);

  it('[X5][X7] a WireGuard mesh never raises an exposure or enables tampering for an attacker root on none of its members', () => {
    protectionLaw('wireguard-mesh');
  }, PROPERTY_TIMEOUT_MS);

  it('[§1.1 Overlay.ipsec] dropPlaintext changes no exposure: the analysis describes the steady state', () => {
    checkProperty(
      fc.property(probedScenario, fc.nat({ max: 7 }), (s, index) => {
        const edited = dropPlaintext(s, index);
        const [before, after] = [exposureTable(s), exposureTable(edited.after)];
        for (const [key, e] of before) {
          const other = after.get(key);
          if (JSON.stringify(e) !== JSON.stringify(other)) throw new Error(`${key} changed: ${JSON.stringify(e)} → ${JSON.stringify(other)}`);
        }
      }),
      { numRuns: RUNS, show: showEdit },
    );
  }, PROPERTY_TIMEOUT_MS);
});
