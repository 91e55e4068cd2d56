/**
 * A large analysis travels as a skeleton plus slices; put back together it must be the very
 * analysis, and no slice may carry much more than its budget. The parsed model travels ahead of
 * the analysis the same way, its topology first.
 */
import { createPackedRows } from '../../../workers/exposure-rows.ts';
import { headsOf, listRows } from '../../support/list-rows.ts';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../src/engine/analyze-scenario.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { serializeScenario } from '../../../src/model/serialize-scenario.ts';
import {
  applyPatch,
  createModelReceiver,
  markKept,
  putSlice,
  SLICE_BUDGET,
  sliceItems,
  slicePatch,
  splitFlows,
  splitModel,
  splitTopology,
  splitResponse,
} from '../../../workers/analysis-parts.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { INVALID } from '../cli/fixtures/scenarios.ts';
import { analysisApi } from '../../../workers/analysis.api.ts';
import { rowsArray } from '../../../src/engine/row-list.ts';

describe('splitResponse / putSlice', () => {
  it('round-trips a response, leaves the original alone and keeps every slice within its budget', () => {
    const big = Array.from({ length: 45_000 }, (_, i) => ({
      id: `x${i}`,
      tags: i % 1000 === 0 ? ['a', 'b'] : [],
    }));
    const heavy = [
      { id: 'one', flows: Array.from({ length: 30_000 }, (_, i) => `f${i}`) },
      { id: 'two', flows: [] },
    ];
    const response = {
      diagnostics: [],
      model: { small: [1, 2, 3] },
      analysis: { exposures: big, throughput: { links: heavy, hosts: [] } },
    };
    const before = JSON.stringify(response);
    const split = splitResponse(response, 7)!;
    expect(split.plan.id).toBe(7);
    expect(split.skeleton.analysis.exposures).toEqual([]);
    expect(split.skeleton.model).toBe(response.model);
    expect(JSON.stringify(response)).toBe(before);
    for (const slice of split.plan.slices) {
      const items = sliceItems(response, slice);
      const cost = items.reduce<number>(
        (sum, item) =>
          sum +
          1 +
          ((item as { flows?: unknown[]; tags?: unknown[] }).flows?.length ??
            (item as { tags?: unknown[] }).tags?.length ??
            0),
        0,
      );
      // One item may exceed the budget alone (a link with 30,000 flows); otherwise a slice stays within it.
      expect(items.length === 1 || cost <= SLICE_BUDGET).toBe(true);
    }
    const received = structuredClone(split.skeleton);
    for (const slice of split.plan.slices)
      putSlice(received, slice, structuredClone(sliceItems(response, slice)));
    expect(JSON.stringify(received)).toBe(before);
  });

  it('leaves a small response whole', () => {
    expect(splitResponse({ analysis: { exposures: [1, 2, 3] } }, 1)).toBeUndefined();
  });


  it('sends a typed array whole, in the skeleton, without reading inside it', () => {
    // Packed exposures travel as typed arrays next to the large lists (packed-exposures.ts).
    const at = new Int32Array(100_000).map((_, i) => i);
    // A field on the array itself: reading the array's entries one by one would read this too.
    let read = false;
    Object.defineProperty(at, 'probe', { enumerable: true, get: () => ((read = true), 0) });
    const response = { packed: { at, attackers: ['a1'] }, analysis: { flows: Array.from({ length: 30_000 }, (_, i) => ({ id: `f${i}` })) } };
    const split = splitResponse(response, 1)!;
    expect(read).toBe(false);
    expect(split.plan.slices.every((s) => s.path.join('.') === 'analysis.flows')).toBe(true);
    expect(split.skeleton.packed.at).toBe(at);
  });
  it('after an edit, cuts lists as long as before where they were cut, marks the slices of the same objects kept, and still round-trips', () => {
    const items = Array.from({ length: 60_000 }, (_, i) => ({ id: `x${i}` }));
    const first = { analysis: { exposures: items, other: Array.from({ length: 30_000 }, (_, i) => i) } };
    const before = splitResponse(first, 1)!;
    // One item replaced by a much larger one, and the other list one longer.
    const edited = items.slice();
    edited[100] = { id: 'x100', tags: Array.from({ length: 500 }, (_, i) => `t${i}`) } as never;
    const second = { analysis: { exposures: edited, other: [...first.analysis.other, 1] } };
    const after = splitResponse(second, 2, undefined, { plan: before.plan, response: first })!;
    const cuts = (plan: typeof before.plan, path: string) => plan.slices.filter((s) => s.path.join('.') === path).map((s) => [s.start, s.end]);
    expect(cuts(after.plan, 'analysis.exposures')).toEqual(cuts(before.plan, 'analysis.exposures'));
    expect(cuts(after.plan, 'analysis.other')).toEqual(cuts(splitResponse(second, 3)!.plan, 'analysis.other'));
    // Every slice of the exposures but the edited one, and the first of the longer list (its items unchanged).
    expect(markKept(after.plan, second, { plan: before.plan, response: first })).toBe(after.plan.slices.filter((s) => s.path.join('.') === 'analysis.exposures').length - 1 + 1);
    expect(after.plan.basis).toBe(1);
    const received = structuredClone(after.skeleton);
    for (const slice of after.plan.slices) putSlice(received, slice, sliceItems(slice.kept ? first : second, slice));
    expect(JSON.stringify(received)).toBe(JSON.stringify(second));
  });
});

describe('markKept with patches', () => {
  const flows = Array.from({ length: 50_000 }, (_, i) => ({ id: `f${i}`, path: [`host:a${i % 7}`, 'link:l1', 'host:b'], maxGbps: 10, bottleneck: 'cpu:a' }));
  const first = { analysis: { flows } };
  const before = splitResponse(first, 1)!;
  const plan = () => splitResponse(first, 2, undefined, { plan: before.plan, response: first })!.plan;

  it('sends the changed scalar fields of a slice whose items differ only there, and the receiver rebuilds the items', () => {
    // A cipher edit: most flows get a new estimate, their paths stay the very same arrays.
    const edited = flows.map((f, i) => (i % 3 === 0 ? f : { ...f, maxGbps: 9.5, bottleneck: i % 2 ? 'cpu:b' : f.bottleneck }));
    edited[7] = { ...flows[7]!, maxGbps: Number.NaN };
    const second = { analysis: { flows: edited } };
    const after = plan();
    expect(markKept(after, second, { plan: before.plan, response: first }, { patches: true })).toBe(0);
    expect(after.basis).toBe(1);
    expect(after.slices.every((s) => s.patch !== undefined)).toBe(true);
    expect(new Set(after.slices.flatMap((s) => s.patch!))).toEqual(new Set(['maxGbps', 'bottleneck']));
    const received = { analysis: { flows: [] as unknown[] } };
    for (const slice of after.slices) {
      // What crosses to the page: the patch, and the page's own copy of the last result.
      const patch = structuredClone(slicePatch(second, first, slice));
      expect(patch.at.length).toBeLessThan(slice.end - slice.start);
      putSlice(received, slice, applyPatch(sliceItems(structuredClone(first), slice), slice.patch!, patch));
    }
    expect(received).toEqual(second);
  });

  it('sends the items whole when a list or object inside them changed, their keys differ, or too many fields changed', () => {
    const cases = [
      flows.map((f, i) => (i === 10 ? { ...f, path: [...f.path] } : f)),
      flows.map((f, i) => (i === 10 ? { bottleneck: f.bottleneck, id: f.id, path: f.path, maxGbps: 1 } : f)),
      flows.map((f, i) => (i === 10 ? { ...f, extra: 1 } : f)),
      flows.map((f, i) => (i === 10 ? { id: f.id, path: f.path, maxGbps: 1 } : f)),
      flows.map((f, i) => (i === 10 ? { id: 'g', path: f.path, maxGbps: 1, bottleneck: 'x', more: 2 } : i === 11 ? { ...f, maxGbps: 3 } : f)),
    ];
    for (const edited of cases) {
      const after = plan();
      markKept(after, { analysis: { flows: edited } }, { plan: before.plan, response: first }, { patches: true });
      const first10 = after.slices.find((s) => s.start <= 10 && 10 < s.end)!;
      expect(first10.patch).toBeUndefined();
      expect(first10.kept).toBeUndefined();
    }
    // Without `patches`, a changed slice is sent whole as before.
    const after = plan();
    markKept(after, { analysis: { flows: flows.map((f) => ({ ...f, maxGbps: 1 })) } }, { plan: before.plan, response: first });
    expect(after.slices.some((s) => s.patch)).toBe(false);
  });
});

describe('analysisApi.analyze with inParts', () => {
  it('a 200-host region comes as a skeleton and slices that add up to the analysis', async () => {
    const text = serializeScenario(generateScenario({ hosts: 200 }));
    const whole = await analysisApi.analyze({ text });
    const skeleton = await analysisApi.analyze({ text, inParts: true });
    expect(skeleton.parts?.slices.length).toBeGreaterThan(1);
    expect(skeleton.analysis?.exposures).toEqual([]);
    const { parts, ...received } = structuredClone(skeleton);
    for (let i = 0; i < parts!.slices.length; i++)
      putSlice(received as never, parts!.slices[i]!, (await analysisApi.analysisPart(parts!.id, i)) as unknown[]);
    // The exposures come packed: the plain `none` pairs (most of them) stay behind, and the page makes one when asked for it.
    const { packed, findings, loads, ...rest } = received;
    expect(packed!.at.length).toBeLessThan(whole.analysis!.exposures.length / 2);
    // Each pair's level and tamper bit; its vantages and reasons stay in the worker (`exposureDetail`).
    expect(listRows(createPackedRows(packed!, rowsArray(rest.analysis!.flows)))).toEqual(headsOf(whole.analysis!.exposures));
    rest.analysis!.exposures = [];
    // Each finding without its reasons, counted, in the analysis's order; `analysis.findings` came empty.
    const wholeFindings = whole.analysis!.findings;
    expect(rest.analysis!.findings).toEqual([]);
    expect(JSON.stringify(findings)).toBe(
      JSON.stringify(wholeFindings.map(({ rule, severity, subjects, message, reasons }) => ({ rule, severity, subjects, message, reasonCount: reasons.length }))),
    );
    rest.analysis!.findings = wholeFindings;
    // Each host and link load without the ids of its flows, counted; the throughput's lists came empty.
    const { hosts, links } = whole.analysis!.throughput;
    expect(links.some((l) => l.flows.length > 100)).toBe(true);
    expect(rest.analysis!.throughput.hosts).toEqual([]);
    expect(rest.analysis!.throughput.links).toEqual([]);
    expect(JSON.stringify(loads)).toBe(
      JSON.stringify({
        hosts: hosts.map(({ flows, ...load }) => ({ ...load, flowCount: flows.length })),
        links: links.map(({ flows, ...load }) => ({ ...load, flowCount: flows.length })),
      }),
    );
    rest.analysis!.throughput = whole.analysis!.throughput;
    expect(JSON.stringify(rest)).toBe(JSON.stringify({ ...whole, analysis: { ...whole.analysis!, exposures: [] } }));
    // The reasons of a finding, from the session of this very text; past the end, none.
    const most = wholeFindings.reduce((best, f, i) => (f.reasons.length > wholeFindings[best]!.reasons.length ? i : best), 0);
    expect(wholeFindings[most]!.reasons.length).toBeGreaterThan(10);
    expect(await analysisApi.findingReasons({ text }, most)).toEqual(wholeFindings[most]!.reasons);
    expect(await analysisApi.findingReasons({ text }, wholeFindings.length)).toBeUndefined();
    const seen = whole.analysis!.exposures.find((e) => e.reasons.length > 0)!;
    expect(await analysisApi.exposureDetail({ text }, seen.flow, seen.attacker)).toEqual(seen);
    expect(await analysisApi.exposureDetail({ text }, seen.flow, 'no-such-attacker')).toBeUndefined();
    expect(await analysisApi.exposureDetail({ text }, 'no-such-flow', seen.attacker)).toBeUndefined();
    // A text this worker has not analysed: that flow alone is traced, and the pair reads the same.
    const other = serializeScenario(generateScenario({ hosts: 20 }));
    const pair = analyzeScenario(parseScenario(other).model!).exposures.find((e) => e.level === 'payload')!;
    expect(await analysisApi.exposureDetail({ text: other }, pair.flow, pair.attacker)).toEqual(pair);
    // Its findings' reasons: that text analysed once, here, for every question about it.
    const otherFindings = analyzeScenario(parseScenario(other).model!).findings;
    const last = otherFindings.length - 1;
    expect(otherFindings[last]!.reasons.length).toBeGreaterThan(0);
    expect(await analysisApi.findingReasons({ text: other }, last)).toEqual(otherFindings[last]!.reasons);
    expect(await analysisApi.findingReasons({ text: other }, 0)).toEqual(otherFindings[0]!.reasons);
    expect(await analysisApi.findingReasons({ text: 'name: [' }, 0)).toBeUndefined();
    await expect(analysisApi.analysisPart(parts!.id + 1, 0)).rejects.toThrow(/no longer available/);
  });
});

describe('splitModel / createModelReceiver: the model ahead of its analysis', () => {
  // Generic records stand in for a scenario: the split knows only that a model has `flows`.
  const model = {
    name: 'region',
    hosts: [{ id: 'h1' }, { id: 'h2' }],
    workloads: Array.from({ length: 6_000 }, (_, i) => ({ id: `vm${i}`, host: 'h1', networks: ['n'] })),
    flows: Array.from({ length: 5_000 }, (_, i) => ({ id: `f${i}`, from: 'vm0', to: 'vm1', port: 443 })),
  };

  /** Delivers every message as a worker would (structured clone) and records what is reported. */
  function deliver(messages: ReturnType<typeof splitModel>) {
    const reports: { model: typeof model; complete: boolean; flowCount: number; flowsThen: number }[] = [];
    const receive = createModelReceiver<typeof model>((m, complete, flowCount) =>
      reports.push({ model: m, complete, flowCount, flowsThen: m.flows.length }),
    );
    for (const message of messages) receive(structuredClone(message));
    return reports;
  }

  /** The first message, which is the head. */
  function headOf(messages: ReturnType<typeof splitModel>) {
    const head = messages[0];
    if (head?.kind !== 'head') throw new Error('the head comes first');
    return head;
  }

  it('reports the topology (no flows yet, their count known) and then the whole model, equal to the original', () => {
    const before = JSON.stringify(model);
    const messages = splitModel(model);
    const head = messages[0]!;
    if (head.kind !== 'head') throw new Error('the head comes first');
    // The workloads are large enough to travel in slices of their own, ahead of the flows.
    expect(head.topology).toBeGreaterThan(0);
    expect(head.slices.slice(0, head.topology).every((s) => s.path.join('.') === 'model.workloads')).toBe(
      true,
    );
    expect(head.slices.slice(head.topology).every((s) => s.path.join('.') === 'model.flows')).toBe(true);
    const reports = deliver(messages);
    expect(reports.map((r) => [r.complete, r.flowCount, r.flowsThen])).toEqual([
      [false, 5_000, 0],
      [true, 5_000, 5_000],
    ]);
    expect(reports[0]!.model.workloads).toHaveLength(6_000);
    // The topology handed out first never changes under its reader as the flows arrive.
    expect(reports[0]!.model.flows).toEqual([]);
    expect(JSON.stringify(reports[1]!.model)).toBe(before);
    expect(JSON.stringify(model)).toBe(before);
  });

  it('after an edit, cuts the lists as long as before where they were cut without reading their items, and sends only the slices that changed', () => {
    const first = splitModel(model);
    const firstSlices = headOf(first).slices;
    // One flow edited (and much larger than before), the rest the very same objects.
    const flows = model.flows.slice();
    flows[10] = { ...flows[10]!, note: 'x'.repeat(10), tags: Array.from({ length: 50 }, (_, i) => `t${i}`) } as never;
    // A flow far from the edit whose fields must not be read: its slice is the same as before.
    const probe = { ...model.flows[4_500]! };
    let reads = 0;
    Object.defineProperty(probe, 'probe', { enumerable: true, get: () => ++reads });
    const previousModel = { ...model, flows: model.flows.map((f, i) => (i === 4_500 ? probe : f)) };
    const previous = { model: previousModel, slices: headOf(splitModel(previousModel)).slices };
    const readsBefore = reads;
    const edited = { ...previousModel, flows: previousModel.flows.map((f, i) => (i === 10 ? flows[10]! : f)) };
    const messages = splitModel(edited, previous);
    expect(reads).toBe(readsBefore);
    const head = headOf(messages);
    const cuts = (slices: typeof firstSlices) => slices.map((s) => [s.path.join('.'), s.start, s.end]);
    expect(cuts(head.slices)).toEqual(cuts(firstSlices));
    // Only the slice with the edited flow travels; the receiver takes the rest from the model before.
    const sent = messages.filter((m) => m.kind === 'slice');
    expect(sent).toHaveLength(1);
    const slice = head.slices[(sent[0] as Extract<(typeof messages)[number], { kind: 'slice' }>).index]!;
    expect(slice.path.join('.')).toBe('model.flows');
    expect(slice.start <= 10 && 10 < slice.end).toBe(true);
    const reports: (typeof model)[] = [];
    const receive = createModelReceiver<typeof model>((m, complete) => void (complete && reports.push(m)), previousModel);
    for (const message of messages) receive(structuredClone(message));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.flows[10]).toEqual(flows[10]);
    expect(reports[0]!.flows).toHaveLength(edited.flows.length);
    expect(reports[0]!.workloads).toEqual(previousModel.workloads);
  });

  it('keeps a slice of flat model records within the budget, counting their fields', () => {
    const messages = splitModel(model);
    for (const m of messages)
      if (m.kind === 'slice') expect(m.items.length * 5).toBeLessThanOrEqual(SLICE_BUDGET);
  });

  it('reports a model without flows once, whole', () => {
    const small = { name: 'tiny', hosts: [{ id: 'h1' }], flows: [] as { id: string }[] };
    const reports = deliver(splitModel(small));
    expect(reports.map((r) => [r.complete, r.flowCount])).toEqual([[true, 0]]);
    expect(reports[0]!.model).toEqual(small);
  });

  it('refuses a slice that arrives out of order rather than building a wrong model', () => {
    const [head, , second] = splitModel(model);
    const receive = createModelReceiver(() => {});
    receive(head!);
    expect(() => receive(second!)).toThrow(/out of order/);
  });

  it('a topology sent before its flows were read: reported once with the count it was sent with, then whole', () => {
    const before = JSON.stringify(model);
    const topology = splitTopology({ ...model, flows: [] }, 5_000);
    const head = headOf(topology);
    expect([head.flowsLater, head.flowCount, head.slices.length]).toEqual([true, 5_000, head.topology]);
    const flows = splitFlows(model, head.slices);
    // The flows' slices are numbered after the topology's, and the whole list is what the next edit compares with.
    expect(flows.messages[0]).toMatchObject({ kind: 'flows', flowCount: 5_000 });
    expect(flows.messages.slice(1).map((m) => (m.kind === 'slice' ? m.index : -1))).toEqual(
      flows.slices.slice(head.topology).map((_, i) => head.topology + i),
    );
    expect(flows.slices.map((s) => [s.path.join('.'), s.start, s.end])).toEqual(
      headOf(splitModel(model)).slices.map((s) => [s.path.join('.'), s.start, s.end]),
    );
    const reports = deliver([...topology, ...flows.messages]);
    expect(reports.map((r) => [r.complete, r.flowCount, r.flowsThen])).toEqual([
      [false, 5_000, 0],
      [true, 5_000, 5_000],
    ]);
    expect(JSON.stringify(reports[1]!.model)).toBe(before);
  });

  it('a topology whose file lists no flows: reported, then whole once the (empty) flows are listed', () => {
    const small = { name: 'tiny', hosts: [{ id: 'h1' }], flows: [] as { id: string }[] };
    const topology = splitTopology(small, 0);
    expect(deliver(topology).map((r) => [r.complete, r.flowCount])).toEqual([[false, 0]]);
    const reports = deliver([...topology, ...splitFlows(small, headOf(topology).slices).messages]);
    expect(reports.map((r) => [r.complete, r.flowCount])).toEqual([
      [false, 0],
      [true, 0],
    ]);
    expect(reports[1]!.model).toEqual(small);
  });

  it('refuses flows listed before their topology is complete', () => {
    const topology = splitTopology({ ...model, flows: [] }, 5_000);
    const receive = createModelReceiver(() => {});
    receive(topology[0]!);
    expect(() => receive(splitFlows(model, headOf(topology).slices).messages[0]!)).toThrow(
      /before their topology was complete/,
    );
  });
});

describe('analysisApi.analyze with onModel', () => {
  it('sends the model before any progress of the analysis and leaves it out of the response', async () => {
    const text = serializeScenario(generateScenario({ hosts: 40 }));
    const events: string[] = [];
    let received: Scenario | undefined;
    const receive = createModelReceiver<Scenario>((m, complete) => {
      events.push(complete ? 'model' : 'topology');
      if (complete) received = m;
    });
    const response = await analysisApi.analyze(
      { text, fileName: 'region.yaml' },
      () => void events.push('progress'),
      (message) => receive(structuredClone(message)),
    );
    expect(events.slice(0, 2)).toEqual(['topology', 'model']);
    expect(events.slice(2).every((e) => e === 'progress')).toBe(true);
    expect(response.model).toBeUndefined();
    expect(response.analysis?.flows).toHaveLength(2_000);
    expect(JSON.stringify(received)).toBe(
      JSON.stringify(parseScenario(text, { fileName: 'region.yaml' }).model),
    );
  });

  it('sends the topology of a file being opened while its flows are read, then the flows (topologyFirst)', async () => {
    // Another region than the one before: an edit of the last text would be read where it changed.
    const text = serializeScenario(generateScenario({ hosts: 30 }));
    const whole = parseScenario(text).model!;
    const events: string[] = [];
    const kinds: string[] = [];
    let topology: Scenario | undefined;
    let received: Scenario | undefined;
    const receive = createModelReceiver<Scenario>((m, complete, flowCount) => {
      events.push(`${complete ? 'model' : 'topology'} ${flowCount}`);
      if (complete) received = m;
      else topology = m;
    });
    const response = await analysisApi.analyze(
      { text, fileName: 'opened.yaml', topologyFirst: 1_000 },
      () => void events.push('progress'),
      (message) => (kinds.push(message.kind), receive(structuredClone(message))),
    );
    expect(whole.flows.length).toBeGreaterThan(1_000);
    expect(events.slice(0, 2)).toEqual([`topology ${whole.flows.length}`, `model ${whole.flows.length}`]);
    expect(kinds[0]).toBe('head');
    expect(kinds.filter((k) => k === 'flows')).toHaveLength(1);
    expect(JSON.stringify(topology)).toBe(JSON.stringify({ ...whole, flows: [] }));
    expect(JSON.stringify(received)).toBe(JSON.stringify(whole));
    expect(response.analysis?.flows).toHaveLength(whole.flows.length);
  });

  it('a file being opened with fewer flows than asked for: read in one go, its model sent as for an edit', async () => {
    const text = serializeScenario(generateScenario({ hosts: 5 }));
    const flowCount = parseScenario(text).model!.flows.length;
    const kinds: string[] = [];
    const reports: boolean[] = [];
    const receive = createModelReceiver<Scenario>((_m, complete) => void reports.push(complete));
    await analysisApi.analyze({ text, topologyFirst: flowCount + 1 }, undefined, (m) => (kinds.push(m.kind), receive(structuredClone(m))));
    expect(kinds).not.toContain('flows');
    expect(reports.at(-1)).toBe(true);
  });

  it('a file being opened whose flows are invalid: its topology went ahead, the answer has the problems and no model', async () => {
    const text = serializeScenario(generateScenario({ hosts: 4 })).replace(/^(flows:\n(?:.*\n)*?\s+from: )\S+/m, '$1no-such-workload');
    const reports: boolean[] = [];
    const receive = createModelReceiver<Scenario>((_m, complete) => void reports.push(complete));
    const response = await analysisApi.analyze({ text, topologyFirst: 0 }, undefined, (m) => receive(structuredClone(m)));
    expect(reports).toEqual([false]);
    expect(response.model).toBeUndefined();
    expect(response.diagnostics.some((d) => d.severity === 'error' && d.message.includes('no-such-workload'))).toBe(true);
    expect(response.diagnostics).toEqual(parseScenario(text, { fileName: 'scenario.yaml' }).diagnostics);
  });

  it('sends nothing for an invalid file, and the model along with an analysis already at hand', async () => {
    const calls: unknown[] = [];
    const invalid = await analysisApi.analyze({ text: INVALID }, undefined, (m) => void calls.push(m));
    expect(invalid.model).toBeUndefined();
    expect(calls).toEqual([]);
    const text = serializeScenario(generateScenario({ hosts: 4 }));
    await analysisApi.analyze({ text });
    // The session holds this text's analysis: it answers at once, model included, as before.
    const again = await analysisApi.analyze({ text }, undefined, (m) => void calls.push(m));
    expect(calls).toEqual([]);
    expect(again.model?.hosts.length).toBeGreaterThan(0);
  });
});
