/**
 * More attacker power never lowers an exposure or takes tampering away (SPEC X4–X7).
 *
 * Why the law holds: an attacker's knowledge is pooled over all its positions (X5), its exposure is
 * the deepest view at any vantage (X6), and it can tamper when at any vantage it can forge every
 * authenticated layer (X7). A new vantage adds places to look and (root on a host, control of a
 * device, a site's devices) keys; `inject` adds the man-in-the-middle ways of opening PSK/CA layers
 * (X5) and is what tampering needs; a known key store only opens more layers. Each of these can only
 * move the first unopenable layer of a stack outward-to-inward, never back. The other attackers are
 * not touched by the edit, so their exposures must stay exactly the same.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Scenario } from '../../../src/model/types.ts';
import { scenarioArbitrary } from '../../support/arbitraries.ts';
import { checkProperty, PROPERTY_SEED, PROPERTY_TIMEOUT_MS } from '../../support/check-property.ts';
import { assertNotLower, exposureTable } from '../../support/exposure-table.ts';
import { scenarioToYaml } from '../../support/scenario-yaml.ts';
import { addPower, powerEdit, type PowerEdit } from '../../support/scenario-edits.ts';

const RUNS = 150;

function showEdit(...[s, edit]: [Scenario, PowerEdit]): string {
  return `${scenarioToYaml(s)}edit: ${addPower(s, edit).change}`;
}

function powerLaw(kinds: PowerEdit['kind'][]): void {
  const edits = powerEdit.filter((e) => kinds.includes(e.kind));
  checkProperty(
    fc.property(scenarioArbitrary, edits, (s, edit) => {
      const edited = addPower(s, edit);
      const [before, after] = [exposureTable(s), exposureTable(edited.after)];
      assertNotLower(before, after, (e) => e.attacker === edited.attacker);
      for (const [key, e] of before) {
        if (e.attacker !== edited.attacker && JSON.stringify(e) !== JSON.stringify(after.get(key))) throw new Error(`${key} of an untouched attacker changed`);
      }
    }),
    { numRuns: RUNS, show: showEdit },
  );
}

describe(`adding attacker power (seed ${PROPERTY_SEED})`, () => {
  it('[X4][X6] a new vantage (link, device, host, workload or site) never lowers an exposure or turns tampering off', () => {
    powerLaw(['links', 'devices', 'hosts', 'workloads', 'sites']);
  }, PROPERTY_TIMEOUT_MS);

  it('[X5][X7] the inject capability never lowers an exposure or turns tampering off', () => {
    powerLaw(['inject']);
  }, PROPERTY_TIMEOUT_MS);

  it('[X5] a known key store never lowers an exposure or turns tampering off', () => {
    powerLaw(['knows']);
  }, PROPERTY_TIMEOUT_MS);
});
