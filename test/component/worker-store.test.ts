/**
 * The store worker and the page's side of it, on an in-memory IndexedDB: texts travel as edits of
 * the last one sent, a worker that lost its texts gets the text whole, a basis the worker holds
 * spares it reading the stored copy, and a worker that fails hands every call to the page's store.
 * Expected texts and generations are the store's rules (scenario-store.test.ts) applied by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { CorruptRecordError, createIdbStore, type ScenarioStore } from '../../src/app/files/scenario-store.ts';
import { createStoreWorkerApi, type SentText, type StoreWorkerApi } from '../../src/app/files/store-worker.api.ts';
import { createWorkerStore, StoreWorkerFailed, type StoreConnection } from '../../src/app/files/worker-store.ts';

const T = 1_700_000_000_000;
const MIN = 60_000;
const NEVER = new Promise<never>(() => undefined);

const copy = (text: string, savedAt: number) => ({ text, fileName: 'dc.yaml', savedAt });

async function commit(store: ScenarioStore, c: ReturnType<typeof copy>, basedOn: number, basis?: string): Promise<number> {
  const result = await store.commitWorkingCopy(c, basedOn, basis);
  if (!('generation' in result)) throw new Error(`conflict with generation ${result.conflict.generation}`);
  return result.generation;
}

/** A worker API over IndexedDB that records the texts it is sent. */
function recordingApi(): { api: StoreWorkerApi; sent: SentText[] } {
  const api = createStoreWorkerApi(createIdbStore());
  const sent: SentText[] = [];
  return {
    sent,
    api: {
      ...api,
      commitWorkingCopy(c, basedOn, basis) {
        sent.push(c.text);
        return api.commitWorkingCopy(c, basedOn, basis);
      },
    },
  };
}

describe('the store worker', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => vi.restoreAllMocks());

  it('is sent each text as the stretch that changed, and stores the whole texts', async () => {
    const { api, sent } = recordingApi();
    const store = createWorkerStore(() => ({ api, failed: NEVER }), () => expect.fail('no fallback'));
    const region = `flows:\n${'  - id: f\n    port: 5432\n'.repeat(200)}`;
    let g = await commit(store, copy(region, T), 0);
    const edited = region.replace('5432', '5433');
    g = await commit(store, copy(edited, T + 1000), g, region);
    expect(sent[0]).toEqual({ id: expect.any(Number), text: region });
    // `flows:\n` (7) + `  - id: f\n` (10) + `    port: 543` (13) are kept; one character replaced.
    expect(sent[1]).toEqual({ id: expect.any(Number), base: (sent[0] as { id: number }).id, edit: { at: 30, removed: 1, inserted: '3' } });
    expect((await createIdbStore().loadWorkingCopy())?.text).toBe(edited);
    expect(g).toBe(2);
  });

  it('continues from the loaded working copy with an edit of it', async () => {
    await commit(createIdbStore(), copy('opened text', T), 0);
    const { api, sent } = recordingApi();
    const store = createWorkerStore(() => ({ api, failed: NEVER }), () => expect.fail('no fallback'));
    const loaded = await store.loadWorkingCopy();
    expect(loaded).toMatchObject({ text: 'opened text', generation: 1 });
    await commit(store, copy('opened text!', T + 1000), 1, 'opened text');
    expect(sent).toEqual([{ id: expect.any(Number), base: expect.any(Number), edit: { at: 11, removed: 0, inserted: '!' } }]);
    expect((await createIdbStore().loadWorkingCopy())?.text).toBe('opened text!');
  });

  it('sends the text whole to a worker that no longer holds the one the edit starts from, across a real message channel', async () => {
    const channels: MessageChannel[] = [];
    const connect = (): StoreConnection => {
      const channel = new MessageChannel();
      channels.push(channel);
      Comlink.expose(createStoreWorkerApi(createIdbStore()), channel.port1);
      return { api: Comlink.wrap<StoreWorkerApi>(channel.port2), failed: NEVER };
    };
    const worker = connect();
    const store = createWorkerStore(() => worker, () => expect.fail('no fallback'));
    let g = await commit(store, copy('a: 1\n', T), 0);
    // The worker was restarted: its successor holds no text.
    worker.api = connect().api;
    g = await commit(store, copy('a: 2\n', T + 1000), g, 'a: 1\n');
    g = await commit(store, copy('a: 3\n', T + 2000), g, 'a: 2\n');
    expect(g).toBe(3);
    expect((await createIdbStore().loadWorkingCopy())?.text).toBe('a: 3\n');
    for (const c of channels) {
      c.port1.close();
      c.port2.close();
    }
  });

  it('raises a damaged working copy as such on the page, though only its name and message cross the channel', async () => {
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.open('plainsight', 3);
      r.onupgradeneeded = () => {
        for (const name of ['autosave', 'library']) r.result.createObjectStore(name, name === 'library' ? { keyPath: 'name' } : undefined);
        r.result.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
      };
      r.onsuccess = () => {
        const tx = r.result.transaction('autosave', 'readwrite');
        tx.objectStore('autosave').put('not a record', 'current');
        tx.oncomplete = () => (r.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    const channel = new MessageChannel();
    Comlink.expose(createStoreWorkerApi(createIdbStore()), channel.port1);
    const store = createWorkerStore(() => ({ api: Comlink.wrap<StoreWorkerApi>(channel.port2), failed: NEVER }), () => expect.fail('no fallback'));
    await expect(store.loadWorkingCopy()).rejects.toBeInstanceOf(CorruptRecordError);
    channel.port1.close();
    channel.port2.close();
  });

  it('archives the replaced version from the text it holds, without reading the stored copy back', async () => {
    const { api } = recordingApi();
    const store = createWorkerStore(() => ({ api, failed: NEVER }), () => expect.fail('no fallback'));
    const g = await commit(store, copy('v1', T), 0);
    const keys: unknown[] = [];
    const get = IDBObjectStore.prototype.get;
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      keys.push(key);
      return get.call(this, key);
    });
    // v1 is due for the empty history; the page names it as the text it replaces.
    expect(await commit(store, copy('v2', T + 3 * MIN), g, 'v1')).toBe(2);
    expect(keys).toEqual(['current-meta']);
    vi.restoreAllMocks();
    const [version] = await store.listHistory();
    expect((await store.loadHistory(version!.id))?.text).toBe('v1');
  });

  it('hands the failed call and every later one to the page’s own store when the worker fails', async () => {
    let fail: (error: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    // A worker that never answers, then reports that it stopped.
    const silent = new Proxy({}, { get: () => () => new Promise(() => undefined) }) as StoreConnection['api'];
    let fallbacks = 0;
    const store = createWorkerStore(
      () => ({ api: silent, failed }),
      () => {
        fallbacks++;
        return createIdbStore();
      },
    );
    const first = store.commitWorkingCopy(copy('kept', T), 0);
    fail(new StoreWorkerFailed('the storage worker stopped (error)'));
    expect(await first).toEqual({ generation: 1 });
    expect(await commit(store, copy('kept too', T + 1000), 1, 'kept')).toBe(2);
    expect(fallbacks).toBe(1);
    expect((await createIdbStore().loadWorkingCopy())?.text).toBe('kept too');
  });

  it('stores on the page when no worker can be made at all', async () => {
    const store = createWorkerStore(
      () => {
        throw new DOMException('Worker is not allowed here', 'SecurityError');
      },
      () => createIdbStore(),
    );
    expect(await commit(store, copy('saved anyway', T), 0)).toBe(1);
    expect((await createIdbStore().loadWorkingCopy())?.text).toBe('saved anyway');
  });

  it('passes storage errors on rather than falling back', async () => {
    const { api } = recordingApi();
    const broken = { ...api, saveUserScenario: () => Promise.reject(new Error('QuotaExceededError')) };
    const store = createWorkerStore(() => ({ api: broken, failed: NEVER }), () => expect.fail('no fallback'));
    await expect(store.saveUserScenario({ name: 'x', text: 'y', savedAt: T })).rejects.toThrow('QuotaExceededError');
  });
});
