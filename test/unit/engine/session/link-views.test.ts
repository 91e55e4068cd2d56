/**
 * Link statuses kept per link (SPEC X8): built from all traces they are `linkStatuses`; after
 * flows are traced again, moving only those flows gives the statuses of a pass over every trace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTraces } from '../../../../src/engine/exposure/build-traces.ts';
import { linkStatuses } from '../../../../src/engine/exposure/link-statuses.ts';
import { indexScenario } from '../../../../src/engine/scenario-index.ts';
import { buildLinkViews, statusesOf, updateLinkStatuses } from '../../../../src/engine/session/link-views.ts';
import { generateScenario } from '../../../../src/generate/generate-scenario.ts';
import { parseScenario } from '../../../../src/model/parse-scenario.ts';
import type { Scenario } from '../../../../src/model/types.ts';

const traced = (s: Scenario) => buildTraces(s, indexScenario(s));

describe('link views', () => {
  it('[X8] give every example scenario the statuses of one pass over all traces', () => {
    for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))) {
      const scenario = parseScenario(readFileSync(`scenarios/${file}`, 'utf8')).model!;
      const traces = traced(scenario);
      expect(statusesOf(buildLinkViews(scenario, traces.values())), file).toEqual(linkStatuses(scenario, traces.values()));
    }
  });

  it('[X8] after workloads move, moving their flows alone gives the full statuses (flows added and removed too)', () => {
    const before = generateScenario({ hosts: 24, hostsPerRack: 8, sites: 2, overlay: 'none', workloadsPerHost: 3, flowsPerWorkload: 3, seed: 5 });
    const computes = before.hosts.filter((h) => h.role === 'compute');
    const moved = new Set(before.workloads.filter((w) => w.kind === 'vm').slice(0, 6).map((w) => w.id));
    const after: Scenario = {
      ...before,
      workloads: before.workloads.map((w, i) => (moved.has(w.id) ? { ...w, host: computes[(i * 7) % computes.length]!.id } : w)),
      flows: [...before.flows.slice(1), { ...before.flows[0]!, id: 'f-new', tls: !before.flows[0]!.tls }],
    };
    const old = traced(before);
    const now = traced(after);
    const views = buildLinkViews(before, old.values());
    const changed = [...new Set([...old.keys(), ...now.keys()])].filter((id) => JSON.stringify(old.get(id)) !== JSON.stringify(now.get(id)));
    expect(changed.length).toBeGreaterThan(6);
    const { links, touched } = updateLinkStatuses(views, statusesOf(views), changed.map((id) => ({ before: old.get(id), after: now.get(id) })));
    expect(links).toEqual(linkStatuses(after, now.values()));
    expect(touched.size).toBeGreaterThan(0);
    expect(touched.size).toBeLessThan(after.links.length);
  });
});
