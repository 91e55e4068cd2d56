import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { AnalysisClient, isSuperseded, toProgress, type ModelUpdate, type Progress } from '../../src/app/analysis-client.ts';
import { indexExposures } from '../../src/app/lens/exposure-format.ts';
import { AnalysisState } from '../../src/app/state/analysis-state.svelte.ts';
import { generateScenario } from '../../src/generate/generate-scenario.ts';
import { serializeScenario } from '../../src/model/serialize-scenario.ts';
import { setFieldInPlace } from '../../src/app/state/set-field-in-place.ts';
import { parseScenario } from '../../src/model/parse-scenario.ts';
import { splitModel, type ModelMessage } from '../../workers/analysis-parts.ts';
import { analysisApi } from '../../workers/analysis.api.ts';
import { compareProtections } from '../../src/engine/throughput/compare-protections.ts';
import { ALTERNATIVE_IDS, comparesSideBySide } from '../../src/engine/throughput/comparison-halves.ts';
import { TEXT_BASE_MISSING } from '../../src/model/text-edit.ts';
import { readableExposures } from '../../workers/exposure-summary.ts';
import { comparisonOf, type PackedParts } from '../../workers/packed-comparison.ts';
import { OutcomeRows } from '../../src/engine/exposure/exposure-table.ts';
import type { Scenario } from '../../src/model/types.ts';
import { headsOf, listRows } from '../support/list-rows.ts';
import { analysis, model } from './fixtures/two-hosts.ts';

const LEVELS = ['payload', 'headers', 'metadata', 'none'];

/** A stand-in worker: a MessageChannel whose far end exposes a fake analysis API. */
function fakeWorkers(delays: number[]) {
  const spawned: { terminated: boolean }[] = [];
  let call = 0;
  const factory = () => {
    const { port1, port2 } = new MessageChannel();
    const api = {
      async flowDetail(req: { text?: string }, flowId: string) {
        return { trace: { flow: flowId, text: req.text, worker: spawned.length } };
      },
      async analyze(req: { text?: string }, onProgress?: (p: unknown) => Promise<void>) {
        const delay = delays[call++] ?? 0;
        await onProgress?.({ phase: 'paths', done: 1, total: 2 });
        await new Promise((r) => setTimeout(r, delay));
        return { diagnostics: [], text: req.text };
      },
    };
    Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
    const record = { terminated: false };
    spawned.push(record);
    const worker = Object.assign(port1, {
      terminate() {
        record.terminated = true;
        port1.close();
        port2.close();
      },
    });
    port1.start();
    return worker as unknown as Worker;
  };
  return { factory, spawned };
}

/** A worker whose `analyze` sends the model ahead, as the real one does, and answers without it. */
function modelAheadWorker(big: Scenario) {
  return () => {
    const { port1, port2 } = new MessageChannel();
    const api = {
      async analyze(_req: unknown, _onProgress: unknown, onModel: (m: ModelMessage) => Promise<void>) {
        await Promise.all(splitModel(big).map((m) => onModel(m)));
        return { diagnostics: [], analysis };
      },
    };
    Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
    port1.start();
    return Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
  };
}

/** A worker that runs the real analysis API in this thread, as the app's worker does in its own. */
/** A client over real workers (`realWorker`), counting the workers it starts. */
function countingClient(): { client: AnalysisClient; spawned: () => number } {
  let spawned = 0;
  return { client: new AnalysisClient(() => (spawned++, realWorker())), spawned: () => spawned };
}

function realWorker() {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(analysisApi, port2 as unknown as Comlink.Endpoint);
  port1.start();
  return Object.assign(port1, { terminate: () => (port1.close(), port2.close()) }) as unknown as Worker;
}

/**
 * The lists reachable from `root` through enumerable properties (typed arrays aside), and how many
 * exposure-shaped objects they hold in all: what the page would hold if it had unpacked.
 */
function reachable(root: unknown): { longestList: number; exposures: number } {
  const seen = new Set<object>();
  const todo: unknown[] = [root];
  let longestList = 0;
  let exposures = 0;
  while (todo.length > 0) {
    const value = todo.pop();
    // The rows over the packed outcomes are where the pairs that say something are meant to be.
    if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value) || value instanceof OutcomeRows) continue;
    seen.add(value);
    if (Array.isArray(value)) longestList = Math.max(longestList, value.length);
    else if ('flow' in value && 'attacker' in value && 'vantages' in value && 'reasons' in value) exposures++;
    todo.push(...Object.values(value));
  }
  return { longestList, exposures };
}

describe('AnalysisClient (latest-wins, real cancellation)', () => {
  it('a newer analysis supersedes a running one: the old call rejects and its worker is terminated', async () => {
    const { factory, spawned } = fakeWorkers([200, 0]);
    const client = new AnalysisClient(factory);
    const first = client.analyze({ text: 'old' });
    await new Promise((r) => setTimeout(r, 20));
    const second = client.analyze({ text: 'new' });
    await expect(first).rejects.toSatisfy(isSuperseded);
    await expect(second).resolves.toMatchObject({ text: 'new' });
    expect(spawned.map((s) => s.terminated)).toEqual([true, false]);
    client.dispose();
  });

  it('tells the analysis worker to hold its idle-time work while the user is busy, a message per 150 ms at most', async () => {
    const holds: number[] = [];
    let spawned = 0;
    const client = new AnalysisClient(() => {
      spawned++;
      const { port1, port2 } = new MessageChannel();
      Comlink.expose(
        {
          async analyze() {
            return { diagnostics: [] };
          },
          async holdIdleWork(ms: number) {
            holds.push(ms);
          },
        },
        port2 as unknown as Comlink.Endpoint,
      );
      port1.start();
      return Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
    });
    // No worker yet: nothing to tell, and none is started for it.
    client.holdIdleWork();
    expect(spawned).toBe(0);
    await client.analyze({ text: 'a' });
    // A drag's pointer events, one a frame: one message.
    for (let i = 0; i < 5; i++) client.holdIdleWork();
    await new Promise((r) => setTimeout(r, 200));
    expect(holds).toEqual([600]);
    client.holdIdleWork();
    await new Promise((r) => setTimeout(r, 20));
    expect(holds).toEqual([600, 600]);
    expect(spawned).toBe(1);
    client.dispose();
  });

  it('a worker started ahead of the first analysis is the one that analyses, and is started once', async () => {
    const { factory, spawned } = fakeWorkers([0]);
    const client = new AnalysisClient(factory);
    client.prestart();
    client.prestart();
    expect(spawned).toHaveLength(1);
    await expect(client.analyze({ text: 'a' })).resolves.toMatchObject({ text: 'a' });
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.terminated).toBe(false);
    client.dispose();
    // Where no worker can be made, starting one ahead does nothing; the analysis reports the failure as before.
    const refusing = new AnalysisClient(() => {
      throw new Error('no workers here');
    });
    refusing.prestart();
    await expect(refusing.analyze({ text: 'a' })).rejects.toThrow('no workers here');
  });

  it('flow detail asks the idle analysis worker, and a worker of its own while an analysis runs', async () => {
    const { factory, spawned } = fakeWorkers([0, 300]);
    const client = new AnalysisClient(factory);
    await client.analyze({ text: 'a' });
    expect(await client.flowDetail({ text: 'a' }, 'f1')).toMatchObject({ trace: { flow: 'f1', worker: 1 } });
    expect(spawned).toHaveLength(1);
    const running = client.analyze({ text: 'b' });
    await new Promise((r) => setTimeout(r, 20));
    await client.flowDetail({ text: 'a' }, 'f2');
    expect(spawned).toHaveLength(2);
    expect(spawned.map((s) => s.terminated)).toEqual([false, false]);
    await running;
    client.dispose();
  });

  it('sends a text as an edit of the last one sent to that worker; whole the first time and to a worker that does not hold it', async () => {
    const requests: { text?: string; textId?: number; textEdit?: { base: number; at: number; removed: number; inserted: string } }[] = [];
    let forgotten = false;
    const factory = () => {
      const { port1, port2 } = new MessageChannel();
      const api = {
        async analyze(req: (typeof requests)[number]) {
          requests.push(req);
          // A worker that lost what it was sent (restarted): it asks for the text whole, once.
          if (forgotten && req.textEdit) {
            forgotten = false;
            throw new Error(TEXT_BASE_MISSING);
          }
          return { diagnostics: [] };
        },
        async flowDetail(req: (typeof requests)[number]) {
          requests.push(req);
          return {};
        },
      };
      Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
      port1.start();
      return Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
    };
    const client = new AnalysisClient(factory);
    const a = 'plainsight: 1\nname: A\n';
    const b = 'plainsight: 1\nname: B\n';
    const c = 'plainsight: 1\nname: Cc\n';
    await client.analyze({ text: a });
    await client.analyze({ text: b });
    await client.flowDetail({ text: b }, 'f1');
    forgotten = true;
    await client.analyze({ text: c });
    const [first, second, detail, edit, again] = requests;
    expect(first).toMatchObject({ text: a, textId: expect.any(Number) });
    expect(second).toEqual({ inParts: true, textId: expect.any(Number), textEdit: { base: first!.textId, at: 20, removed: 1, inserted: 'B' } });
    expect(detail).toEqual({ textId: expect.any(Number), textEdit: { base: second!.textId, at: 0, removed: 0, inserted: '' } });
    expect(edit).toEqual({ inParts: true, textId: expect.any(Number), textEdit: { base: detail!.textId, at: 20, removed: 1, inserted: 'Cc' } });
    expect(again).toMatchObject({ text: c, textId: edit!.textId });
    expect(requests).toHaveLength(5);
    client.dispose();
  });

  it('calls that do not overlap reuse the same worker', async () => {
    const { factory, spawned } = fakeWorkers([0, 0]);
    const client = new AnalysisClient(factory);
    await client.analyze({ text: 'a' });
    await client.analyze({ text: 'b' });
    expect(spawned).toHaveLength(1);
    client.dispose();
  });

  it('the protection comparison is worked out by two workers, a half each, and joined in table order (SPEC T8)', async () => {
    const { client, spawned } = countingClient();
    const text = serializeScenario(model);
    const comparison = await client.compare({ text });
    // Each half in a worker of its own, so that both cores work on it.
    expect(spawned()).toBe(2);
    expect(comparison).toEqual(compareProtections(parseScenario(text).model as Scenario));
    expect(comparison?.alternatives.map((a) => a.id)).toEqual(ALTERNATIVE_IDS);
    // A region too large for two halves at once (a 5,000-host region's 250,000 flows) gets one worker.
    expect(comparesSideBySide(50_000)).toBe(true);
    expect(comparesSideBySide(250_000)).toBe(false);
    // Another text of the same scenario (the table of this very text is kept, see below).
    const one = await client.compare({ text: `${text}\n# the same scenario\n` }, 'whole', false);
    expect(spawned()).toBe(3);
    expect(one).toEqual(comparison);
    client.dispose();
  });

  it('a comparison too large for two workers lets its one worker go once the table is made; side by side, the two stay', async () => {
    const terminated: number[] = [];
    let spawned = 0;
    const client = new AnalysisClient(() => {
      const n = spawned++;
      const worker = realWorker();
      const terminate = worker.terminate.bind(worker);
      return Object.assign(worker, { terminate: () => (terminated.push(n), terminate()) });
    });
    const text = serializeScenario(model);
    const expected = compareProtections(parseScenario(text).model as Scenario);
    expect(await client.compare({ text }, 'compare', true)).toEqual(expected);
    expect([spawned, terminated]).toEqual([2, []]);
    const edited = `${text}\n# edited\n`;
    expect(await client.compare({ text: edited }, 'whole', false)).toEqual(expected);
    expect([spawned, terminated]).toEqual([3, [2]]);
    // The next table on that channel starts a worker again, sent the whole text.
    const again = `${text}\n# edited again\n`;
    expect(await client.compare({ text: again }, 'whole', false)).toEqual(expected);
    expect([spawned, terminated]).toEqual([4, [2, 3]]);
    client.dispose();
  });

  it('a comparison of the text last compared is the table already worked out: the report export after the comparison view starts no worker', async () => {
    const { client, spawned } = countingClient();
    const text = serializeScenario(model);
    const first = await client.compare({ text, fileName: 'a.yaml' });
    expect(spawned()).toBe(2);
    expect(await client.compare({ text, fileName: 'a.yaml' }, 'export')).toBe(first);
    expect(spawned()).toBe(2);
    // Another text (an edit) is worked out again, and is then the one kept.
    const edited = `${text}\n# edited\n`;
    const second = await client.compare({ text: edited, fileName: 'a.yaml' }, 'export');
    expect(spawned()).toBe(4);
    expect(second).not.toBe(first);
    expect(second).toEqual(compareProtections(parseScenario(edited).model as Scenario));
    expect(await client.compare({ text: edited, fileName: 'a.yaml' })).toBe(second);
    expect(spawned()).toBe(4);
    client.dispose();
  });

  it('a report of the text the analysis worker holds is made there, starting no worker; another text goes to an export worker', async () => {
    const { client, spawned } = countingClient();
    const text = serializeScenario(model);
    await client.analyze({ text, fileName: 'a.yaml' });
    expect(spawned()).toBe(1);
    const request = { fileName: 'a.yaml', stem: 'a', date: '2026-01-02', format: 'html' as const };
    const held = await client.reportFiles({ ...request, text });
    expect(spawned()).toBe(1);
    expect(held.files?.map((f) => f.name)).toEqual(['a-report.html']);
    // A text the analysis worker has not analysed: the export worker parses and analyses it.
    const other = await client.reportFiles({ ...request, text: `${text}\n# edited\n` });
    expect(spawned()).toBe(2);
    expect(other.files?.map((f) => f.name)).toEqual(['a-report.html']);
    client.dispose();
  });

  it('a report takes the table of the comparison view as the packed parts the page received, not as the unpacked lists', async () => {
    // Workers that run the real API and note the table each report request carries.
    const carried: unknown[] = [];
    const client = new AnalysisClient(() => {
      const { port1, port2 } = new MessageChannel();
      const api = { ...analysisApi, reportFiles: (r: Parameters<typeof analysisApi.reportFiles>[0]) => (carried.push(r.comparison), analysisApi.reportFiles(r)) };
      Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
      port1.start();
      return Object.assign(port1, { terminate: () => (port1.close(), port2.close()) }) as unknown as Worker;
    });
    const text = serializeScenario(model);
    const comparison = (await client.compare({ text, fileName: 'a.yaml' }))!;
    const request = { text, fileName: 'a.yaml', stem: 'a', date: '2026-01-02', format: 'html' as const };
    const viaParts = await client.reportFiles({ ...request, comparison });
    expect(viaParts.files?.map((f) => f.name)).toEqual(['a-report.html']);
    expect(carried).toHaveLength(1);
    const sent = carried[0] as PackedParts;
    // One part per worker that made a half, its lists as positions, and together the very table.
    expect(sent.packedParts).toHaveLength(2);
    // (Another realm's Uint32Array: the worker's end of the channel is Node's, the test's jsdom.)
    for (const part of sent.packedParts) for (const a of part.alternatives) for (const e of a.exposure) expect(Object.prototype.toString.call(e.payload)).toBe('[object Uint32Array]');
    expect(comparisonOf(sent)).toEqual(comparison);
    // The lists were moved to the worker as copies: the page still has its own for the next export.
    await client.reportFiles({ ...request, format: 'md' });
    await client.reportFiles({ ...request, comparison });
    expect(carried).toHaveLength(3);
    expect(carried[2]).toEqual(sent);
    // A table this client did not put together (a copy) goes as it is.
    await client.reportFiles({ ...request, comparison: structuredClone(comparison) });
    expect(carried[3]).toEqual(comparison);
    client.dispose();
  });

  it('progress arrives through a Comlink proxy as a fraction', async () => {
    const { factory } = fakeWorkers([0]);
    const client = new AnalysisClient(factory);
    const seen: number[] = [];
    await client.analyze({ text: 'a' }, (p) => seen.push(p.fraction));
    expect(seen).toEqual([0.5]);
    client.dispose();
  });

  it('the model arrives ahead of the analysis, topology first, and the result carries it as before', async () => {
    const flows = Array.from({ length: 4_000 }, (_, i) => ({ ...model.flows[0]!, id: `f${i}` }));
    const big: Scenario = { ...model, flows };
    const client = new AnalysisClient(modelAheadWorker(big));
    const updates: [boolean, number, number][] = [];
    const result = await client.analyze({ text: 'big' }, undefined, (u: ModelUpdate) =>
      updates.push([u.complete, u.flowCount, u.model.flows.length]),
    );
    expect(updates).toEqual([
      [false, 4_000, 0],
      [true, 4_000, 4_000],
    ]);
    expect(result.model).toEqual(big);
    expect(result.analysis).toEqual(analysis);
    client.dispose();
  });

  it('a result in parts is put back in plan order with a few slices asked for ahead, whatever order they come back in', async () => {
    const exposures = Array.from({ length: 10 }, (_, i) => ({ flow: `f${i}` }));
    let inFlight = 0;
    let most = 0;
    const factory = () => {
      const { port1, port2 } = new MessageChannel();
      const api = {
        async analyze() {
          const slices = exposures.map((_, i) => ({ path: ['analysis', 'exposures'], start: i, end: i + 1 }));
          return { diagnostics: [], model, analysis: { exposures: [] }, parts: { id: 1, slices } };
        },
        async analysisPart(_id: number, index: number) {
          most = Math.max(most, ++inFlight);
          // Later slices answer sooner: the client must not append in arrival order.
          await new Promise((r) => setTimeout(r, 20 - index * 2));
          inFlight--;
          return [exposures[index]];
        },
      };
      Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
      port1.start();
      return Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
    };
    const client = new AnalysisClient(factory);
    const result = await client.analyze({ text: 'parts' });
    expect(result.analysis?.exposures).toEqual(exposures);
    expect(result.parts).toBeUndefined();
    expect(most).toBe(4);
    client.dispose();
  });

  it('a packed result stays packed on the page: its pairs are read by position, and nothing holds a list of them all', async () => {
    const text = serializeScenario(generateScenario({ hosts: 60 }));
    const whole = (await analysisApi.analyze({ text })).analysis!;
    const pairs = whole.exposures.length;
    const state = new AnalysisState(new AnalysisClient(realWorker));
    await state.run(text, 'region.yaml');
    const shown = state.analysis!;
    expect(state.error).toBeUndefined();
    expect(Array.isArray(shown.exposures)).toBe(false);
    expect(shown.exposures.length).toBe(pairs);
    // No exposure object is held (the rows make each pair from the packed outcomes), and no list is as long as all pairs.
    const held = reachable({ model: state.model, analysis: shown, summary: state.summary });
    expect(held.exposures).toBe(0);
    expect(held.longestList).toBeGreaterThanOrEqual(whole.flows.length);
    expect(held.longestList).toBeLessThan(pairs);
    // What the views read from it is what they read from the engine's list.
    expect(listRows(shown.exposures)).toEqual(headsOf(whole.exposures));
    const attackers = [...new Set(whole.exposures.map((e) => e.attacker))];
    expect(readableExposures(shown.exposures, state.summary!, attackers)).toEqual(
      headsOf(whole.exposures.filter((e) => e.level === 'payload' || e.level === 'headers' || e.tamper).sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level))),
    );
    const index = indexExposures(shown);
    for (const e of whole.exposures.filter((_, i) => i % 7 === 0)) expect(index.get(e.flow, e.attacker)).toEqual(headsOf([e])[0]);
    expect(index.get('no-such-flow', attackers[0]!)).toBeUndefined();
  });

  it('after an edit, the slices that repeat the last result are kept on the page, and the result is the worker’s own', async () => {
    let fetched = 0;
    let patches = 0;
    let modelSlices = 0;
    const counting = {
      ...analysisApi,
      async analysisPart(id: number, index: number, whole?: boolean) {
        fetched++;
        const part = await analysisApi.analysisPart(id, index, whole);
        if (!Array.isArray(part)) patches++;
        return part;
      },
      analyze(request: Parameters<typeof analysisApi.analyze>[0], onProgress?: never, onModel?: (m: ModelMessage) => Promise<void>) {
        const counted = onModel && ((m: ModelMessage) => (m.kind === 'slice' && modelSlices++, onModel(m)));
        return analysisApi.analyze(request, onProgress, counted);
      },
    };
    const worker = () => {
      const { port1, port2 } = new MessageChannel();
      Comlink.expose(counting, port2 as unknown as Comlink.Endpoint);
      port1.start();
      return Object.assign(port1, { terminate: () => (port1.close(), port2.close()) }) as unknown as Worker;
    };
    const client = new AnalysisClient(worker);
    let text = serializeScenario(generateScenario({ hosts: 150, seed: 5 }));
    const seen: ModelUpdate[] = [];
    await client.analyze({ text, fileName: 'region.yaml' }, undefined, (m) => seen.push(m));
    const all = fetched;
    const allModel = modelSlices;
    expect(all).toBeGreaterThan(5);
    expect(allModel).toBeGreaterThan(3);
    const flow = generateScenario({ hosts: 150, seed: 5 }).flows[3]!;
    const edits = [
      setFieldInPlace(text, { id: flow.id, key: ['port'], value: 8443 })!,
      // The cipher swap renames an SA in most exposures' reasons: few slices repeat.
      setFieldInPlace(setFieldInPlace(text, { id: flow.id, key: ['port'], value: 8443 })!, { id: 'ovn', key: ['ipsec'], value: { cipher: 'aes-gcm-128', auth: 'ca', keystore: 'ovn-ca', natT: false, dropPlaintext: true } })!,
      // And back, on a page whose last result was put together from patches.
      setFieldInPlace(setFieldInPlace(text, { id: flow.id, key: ['port'], value: 8443 })!, { id: 'ovn', key: ['ipsec'], value: { cipher: 'chacha20-poly1305', auth: 'ca', keystore: 'ovn-ca', natT: false, dropPlaintext: true } })!,
    ];
    for (const [n, next] of edits.entries()) {
      fetched = 0;
      patches = 0;
      modelSlices = 0;
      text = next;
      seen.length = 0;
      const result = await client.analyze({ text, fileName: 'region.yaml' }, undefined, (m) => seen.push(m));
      const shown = result.analysis!;
      if (n === 0) expect(fetched).toBeLessThan(all / 2);
      // The cipher costs the overlay's flows again: their summaries travel as patches of the last ones.
      if (n >= 1) expect(patches).toBeGreaterThan(0);
      // One flow or one overlay changed: one model slice travels, the others are kept.
      expect(modelSlices).toBeLessThanOrEqual(1);
      // What the page holds is what the worker computed for this text, list by list, and its model is the file's.
      const whole = (await analysisApi.analyze({ text, fileName: 'region.yaml' })).analysis!;
      expect(listRows(shown.exposures)).toEqual(headsOf(whole.exposures));
      const loadsApart = { hosts: [], links: [] };
      expect({ ...shown, exposures: [], findings: [], throughput: { ...shown.throughput, ...loadsApart } }).toEqual({ ...whole, exposures: [], findings: [], throughput: { ...whole.throughput, ...loadsApart } });
      // The host and link loads without the ids of their flows, counted.
      expect(shown.throughput.hosts).toEqual(whole.throughput.hosts.map(({ flows, ...load }) => ({ ...load, flowCount: flows.length })));
      expect(shown.throughput.links).toEqual(whole.throughput.links.map(({ flows, ...load }) => ({ ...load, flowCount: flows.length })));
      // Each finding without its reasons, counted; the reasons of one come when asked for.
      expect(shown.findings).toEqual(whole.findings.map(({ rule, severity, subjects, message, reasons }) => ({ rule, severity, subjects, message, reasonCount: reasons.length })));
      const most = whole.findings.reduce((best, f, i) => (f.reasons.length > whole.findings[best]!.reasons.length ? i : best), 0);
      expect(whole.findings[most]!.reasons.length).toBeGreaterThan(10);
      expect(await client.findingReasons({ text }, most)).toEqual(whole.findings[most]!.reasons);
      expect(await client.findingReasons({ text }, whole.findings.length)).toBeUndefined();
      expect(result.model).toEqual(parseScenario(text).model);
      expect(seen.at(-1)).toEqual({ model: result.model, complete: true, flowCount: result.model!.flows.length });
    }
    client.dispose();
    // Four analyses of a 150-host region through a real worker API: seconds on a loaded 2-core machine.
  }, 30_000);

  it('the real worker reports the link statuses ahead with the paths phase, and they are the analysis’s own', async () => {
    const client = new AnalysisClient(realWorker);
    // A file open already, as in the app: the region opened next is analysed afresh, in the worker's session.
    await client.analyze({ text: serializeScenario(generateScenario({ hosts: 12, seed: 9 })) });
    const text = serializeScenario(generateScenario({ hosts: 60, seed: 4 }));
    const seen: Progress[] = [];
    const result = await client.analyze({ text, fileName: 'region.yaml' }, (p) => seen.push(p));
    const ahead = seen.filter((p) => p.links !== undefined);
    expect(ahead.map((p) => p.phase)).toEqual(['paths']);
    expect(ahead[0]!.links).toEqual(result.analysis!.links);
    expect(ahead[0]!.links!.some((l) => l.status === 'plaintext')).toBe(true);
    client.dispose();
  });

  it('progress in any common shape becomes a fraction in [0, 1]', () => {
    expect(toProgress({ done: 3, total: 4, phase: 'rules' })).toEqual({ fraction: 0.75, phase: 'rules' });
    expect(toProgress(40)).toEqual({ fraction: 0.4 });
    expect(toProgress({ fraction: 2 })).toEqual({ fraction: 1, phase: undefined });
  });
});
