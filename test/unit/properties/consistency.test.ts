/**
 * The parts of one analysis agree with each other: link statuses (SPEC X8) with what a keyless
 * passive tap reads (X5, X6), flows' `plaintextLinks` with both, and `exposures` is the complete,
 * sorted flow × attacker table of SPEC §4.
 *
 * Why: a read-only attacker that sits only on a link holds no node's keys and knows no key store,
 * so at that link it opens exactly the integrity-only layers (X3, X5) — which is what X8 means by
 * "no confidentiality layer around it". Its deepest view over the flows crossing the link is
 * therefore the link's status: `payload` ⇔ plaintext, `headers` ⇔ headers, `metadata` ⇔ encrypted,
 * `none` (no flow crosses) ⇔ idle.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyzeScenario } from '../../../src/engine/analyze-scenario.ts';
import type { Analysis, LinkStatusValue } from '../../../src/engine/types.ts';
import type { Attacker, ExposureLevel, Scenario } from '../../../src/model/types.ts';
import { scenarioArbitrary } from '../../support/arbitraries.ts';
import { checkProperty, PROPERTY_SEED, PROPERTY_TIMEOUT_MS } from '../../support/check-property.ts';
import { levelRank } from '../../support/exposure-table.ts';
import { scenarioToYaml } from '../../support/scenario-yaml.ts';

const RUNS = 150;
const STATUS_OF: Record<ExposureLevel, LinkStatusValue> = { payload: 'plaintext', headers: 'headers', metadata: 'encrypted', none: 'idle' };

function readOnlyTap(id: string, links: string[]): Attacker {
  return { id, at: { links, devices: [], hosts: [], workloads: [], sites: [] }, can: ['read'], knows: [] };
}

/** The scenario plus a keyless read-only tap on every link (`ro-<link>`) and on every flow's whole path (`ro-path-<flow>`). */
function withTaps(s: Scenario): { tapped: Scenario; analysis: Analysis } {
  const perLink = s.links.map((l) => readOnlyTap(`ro-${l.id}`, [l.id]));
  const plain = analyzeScenario(s);
  const perPath = plain.flows.map((f) => readOnlyTap(`ro-path-${f.id}`, f.path.filter((p) => p.startsWith('link:')).map((p) => p.slice(5))));
  const tapped = { ...s, attackers: [...s.attackers, ...perLink, ...perPath] };
  return { tapped, analysis: analyzeScenario(tapped) };
}

function tapLevel(a: Analysis, attacker: string, flow: string): ExposureLevel {
  const e = a.exposures.find((x) => x.attacker === attacker && x.flow === flow);
  if (!e) throw new Error(`no exposure of ${flow} to ${attacker}`);
  return e.level;
}

describe(`consistency of one analysis (seed ${PROPERTY_SEED})`, () => {
  it('[X8][X5] a link is plaintext / headers / encrypted / idle exactly when a keyless read-only tap on it sees payload / headers / metadata / nothing of its flows', () => {
    checkProperty(
      fc.property(scenarioArbitrary, (s) => {
        const { analysis } = withTaps(s);
        for (const link of analysis.links) {
          const deepest = analysis.flows.map((f) => tapLevel(analysis, `ro-${link.id}`, f.id)).reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a), 'none' as ExposureLevel);
          if (link.status !== STATUS_OF[deepest]) throw new Error(`link ${link.id} is ${link.status}, but a read-only tap on it sees ${deepest}`);
        }
      }),
      { numRuns: RUNS, show: scenarioToYaml },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('[X8][X6] a flow whose every link is encrypted shows a keyless read-only tap on its whole path at most metadata', () => {
    checkProperty(
      fc.property(scenarioArbitrary, (s) => {
        const { analysis } = withTaps(s);
        const status = new Map(analysis.links.map((l) => [l.id, l.status]));
        for (const flow of analysis.flows) {
          const links = flow.path.filter((p) => p.startsWith('link:')).map((p) => p.slice(5));
          if (links.length === 0 || !links.every((l) => status.get(l) === 'encrypted')) continue;
          const level = tapLevel(analysis, `ro-path-${flow.id}`, flow.id);
          if (levelRank(level) > levelRank('metadata')) throw new Error(`flow ${flow.id} crosses only encrypted links but a tap on them sees ${level}`);
        }
      }),
      { numRuns: RUNS, show: scenarioToYaml },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("[§4][X8] a flow's plaintextLinks are exactly the links of its path where a keyless read-only tap reads its payload", () => {
    checkProperty(
      fc.property(scenarioArbitrary, (s) => {
        const { analysis } = withTaps(s);
        for (const flow of analysis.flows) {
          const links = [...new Set(flow.path.filter((p) => p.startsWith('link:')).map((p) => p.slice(5)))];
          const expected = links.filter((l) => tapLevel(analysis, `ro-${l}`, flow.id) === 'payload');
          if (JSON.stringify([...flow.plaintextLinks].sort()) !== JSON.stringify(expected.sort())) {
            throw new Error(`flow ${flow.id}: plaintextLinks ${JSON.stringify(flow.plaintextLinks)}, taps read the payload on ${JSON.stringify(expected)}`);
          }
        }
      }),
      { numRuns: RUNS, show: scenarioToYaml },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('[X3][X5] a TLS flow is never exposed beyond headers to an attacker that is neither root on one of its end hosts nor one of its end workloads', () => {
    checkProperty(
      fc.property(scenarioArbitrary, (s) => {
        const analysis = analyzeScenario(s);
        const hostOf = (id: string): string => s.workloads.find((w) => w.id === id)?.host ?? id;
        for (const flow of s.flows.filter((f) => f.tls)) {
          // TLS keys live only in its two endpoints (SPEC X3) and in root on their hosts (X4); no key store opens them (X5).
          const holders = s.attackers.filter((a) => a.at.hosts.some((h) => h === hostOf(flow.from) || h === hostOf(flow.to)) || a.at.workloads.some((w) => w === flow.from || w === flow.to));
          for (const e of analysis.exposures.filter((x) => x.flow === flow.id && !holders.some((a) => a.id === x.attacker))) {
            if (e.level === 'payload') throw new Error(`TLS flow ${flow.id}: ${e.attacker} reads the payload (${e.reasons.map((r) => r.text).join('; ')})`);
          }
        }
      }),
      { numRuns: RUNS, show: scenarioToYaml },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('[§4] exposures has exactly one entry per flow × attacker, sorted by flow then attacker, also for a chosen subset of attackers', () => {
    const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    checkProperty(
      fc.property(scenarioArbitrary, fc.boolean(), (s, subset) => {
        const chosen = subset ? s.attackers.filter((_, i) => i % 2 === 0).map((a) => a.id) : undefined;
        const analysis = analyzeScenario(s, chosen ? { attackers: chosen } : {});
        const flows = s.flows.map((f) => f.id).sort(cmp);
        const attackers = (chosen ?? s.attackers.map((a) => a.id)).sort(cmp);
        const expected = flows.flatMap((f) => attackers.map((a) => `${f} ${a}`));
        const actual = analysis.exposures.map((e) => `${e.flow} ${e.attacker}`);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`exposures ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
        if (analysis.flows.length !== s.flows.length || analysis.links.length !== s.links.length) throw new Error('flows or links missing from the analysis');
      }),
      { numRuns: RUNS, show: (s, subset) => `${scenarioToYaml(s)}attackers subset: ${subset}` },
    );
  }, PROPERTY_TIMEOUT_MS);
});
