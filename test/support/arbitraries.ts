/**
 * fast-check arbitraries of Plainsight scenarios for the property tests and fuzzers: small valid
 * scenarios of every v1 entity kind (2–6 hosts, a few links, 0–2 overlays, 0–4 flows, 1–3
 * attackers), edits that add protection or attacker power, and consistent reorderings.
 */
import fc from 'fast-check';
import type { Scenario } from '../../src/model/types.ts';
import { buildGeneratedScenario } from './build-generated-scenario.ts';
import { scenarioChoices } from './scenario-choices.ts';

/** A small, valid, normalised scenario of every v1 entity kind. */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = scenarioChoices.map(buildGeneratedScenario);

/** Top-level arrays whose order is meaning, not presentation: which policy or mesh covers a pair first. */
const ORDERED_ARRAYS = new Set(['ipsec', 'wireguard']);
/**
 * Lists kept as they are: `memberIds` is sorted by normalisation, and a link's or tunnel's
 * `between` is a pair written by the user that messages quote as written (`l1 (h1 – d1)`).
 */
const SORTED_FIELDS = new Set(['memberIds', 'between']);

function shuffleDeep(value: unknown, key: string, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(value)) {
    const items = fc.tuple(...value.map((item) => shuffleDeep(item, '', depth + 1)));
    if (SORTED_FIELDS.has(key) || (depth === 1 && ORDERED_ARRAYS.has(key))) return items;
    return items.chain((list) => fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, shuffleDeep(v, k, depth + 1)] as const);
    return fc.record(Object.fromEntries(entries));
  }
  return fc.constant(value);
}

/**
 * The same scenario with every list in another order (entities, members, attacker positions,
 * known key stores, link ends…), except the lists whose order SPEC gives meaning to.
 */
export function reorderedArbitrary(s: Scenario): fc.Arbitrary<Scenario> {
  return shuffleDeep(s, '', 0) as fc.Arbitrary<Scenario>;
}
