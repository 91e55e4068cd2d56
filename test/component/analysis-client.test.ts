import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { AnalysisClient, isSuperseded, toProgress } from '../../src/app/analysis-client.ts';

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

  it('calls that do not overlap reuse the same worker', async () => {
    const { factory, spawned } = fakeWorkers([0, 0]);
    const client = new AnalysisClient(factory);
    await client.analyze({ text: 'a' });
    await client.analyze({ text: 'b' });
    expect(spawned).toHaveLength(1);
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

  it('progress in any common shape becomes a fraction in [0, 1]', () => {
    expect(toProgress({ done: 3, total: 4, phase: 'rules' })).toEqual({ fraction: 0.75, phase: 'rules' });
    expect(toProgress(40)).toEqual({ fraction: 0.4 });
    expect(toProgress({ fraction: 2 })).toEqual({ fraction: 1, phase: undefined });
  });
});
