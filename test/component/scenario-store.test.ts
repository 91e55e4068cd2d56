/**
 * The IndexedDB store of the working copy and its history (issue 7), on an in-memory IndexedDB.
 * Expectations are the store's rules worked out by hand: a write names the generation it is based
 * on, the same text is not written again, a replaced version goes to the history when the document
 * changes or when the last kept version is two minutes older than it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { createIdbStore, type ScenarioStore } from '../../src/app/files/scenario-store.ts';

const T = 1_700_000_000_000;
const MIN = 60_000;

const copy = (text: string, savedAt: number, fileName = 'dc.yaml', source?: string) => ({ text, fileName, savedAt, ...(source !== undefined ? { source } : {}) });

/** Commits and expects a generation back (not a conflict). */
async function commit(store: ScenarioStore, c: ReturnType<typeof copy>, basedOn: number, basis?: string): Promise<number> {
  const result = await store.commitWorkingCopy(c, basedOn, basis);
  if (!('generation' in result)) throw new Error(`conflict with generation ${result.conflict.generation}`);
  return result.generation;
}

/** The history's texts, newest first, each version read on its own (the list holds no text). */
async function historyTexts(store: ScenarioStore): Promise<string[]> {
  const texts: string[] = [];
  for (const h of await store.listHistory()) texts.push((await store.loadHistory(h.id))!.text);
  return texts;
}

/**
 * Opens the database as an older build did (its version, stores of version 2, no meta records or
 * summaries) and stores the records given: a working copy, history versions, saved scenarios.
 */
function seedOlder(version: 2 | 3, records: { current?: object; versions?: object[]; saved?: object[] }): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open('plainsight', version);
    r.onupgradeneeded = () => {
      r.result.createObjectStore('autosave');
      r.result.createObjectStore('library', { keyPath: 'name' });
      r.result.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
    };
    r.onsuccess = () => {
      const tx = r.result.transaction(['autosave', 'history', 'library'], 'readwrite');
      if (records.current) tx.objectStore('autosave').put(records.current, 'current');
      for (const v of records.versions ?? []) tx.objectStore('history').add(v);
      for (const v of records.saved ?? []) tx.objectStore('library').put(v);
      tx.oncomplete = () => {
        r.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    r.onerror = () => reject(r.error);
  });
}

/** Records every read of a record (`get`, `getAll`, a cursor) as `<store>.<method>` from now on. */
function recordReads(): string[] {
  const reads: string[] = [];
  for (const method of ['get', 'getAll', 'openCursor'] as const) {
    const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      reads.push(`${this.name}.${method}`);
      return original.apply(this, args);
    } as never);
  }
  return reads;
}

describe('the IndexedDB working copy', () => {
  beforeEach(() => {
    // A fresh, empty IndexedDB for every test.
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => vi.restoreAllMocks());

  it('counts generations up, and a reload reads the last write', async () => {
    const store = createIdbStore();
    expect(await store.loadWorkingCopy()).toBeUndefined();
    expect(await commit(store, copy('a', T), 0)).toBe(1);
    expect(await commit(store, copy('bb', T + 1), 1)).toBe(2);
    expect(await commit(store, copy('cc', T + 2), 2)).toBe(3);
    const reloaded = await createIdbStore().loadWorkingCopy();
    expect(reloaded).toMatchObject({ text: 'cc', fileName: 'dc.yaml', generation: 3 });
  });

  it('refuses a write based on an older generation and hands back what the other tab stored', async () => {
    const store = createIdbStore();
    await commit(store, copy('a', T), 0);
    await commit(store, copy('b', T + 1), 1);
    const result = await store.commitWorkingCopy(copy('mine', T + 2), 1);
    expect(result).toEqual({ conflict: expect.objectContaining({ text: 'b', generation: 2 }) });
    expect((await store.loadWorkingCopy())?.text).toBe('b');
  });

  it('does not write the same text again, whatever generation it names and whether the caller says what it last wrote', async () => {
    const store = createIdbStore();
    await commit(store, copy('abc', T), 0);
    expect(await commit(store, copy('abc', T + 1), 1)).toBe(1);
    expect(await commit(store, copy('abc', T + 1), 1, 'abc')).toBe(1);
    expect(await commit(store, copy('abc', T + 2), 0)).toBe(1);
    // Same length, other text: written, with or without the text it replaces named.
    expect(await commit(store, copy('abd', T + 3), 1)).toBe(2);
    expect(await commit(store, copy('abe', T + 4), 2, 'abd')).toBe(3);
    // Another file of the same text is another document.
    expect(await commit(store, copy('abe', T + 5, 'other.yaml'), 3, 'abe')).toBe(4);
  });

  it('a write over its own last write reads only the small record, not the stored text', async () => {
    const store = createIdbStore();
    await commit(store, copy('x'.repeat(10), T), 0);
    // The first version replaced goes to the (empty) history.
    await commit(store, copy('x'.repeat(11), T + 500), 1, 'x'.repeat(10));
    const keys: unknown[] = [];
    const get = IDBObjectStore.prototype.get;
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      keys.push(key);
      return get.call(this, key);
    });
    // Inspector edits keep the length (a port 5432 → 5433): the text each replaces is named.
    await commit(store, copy('y'.repeat(11), T + 1000), 2, 'x'.repeat(11));
    await commit(store, copy('z'.repeat(11), T + 2000), 3, 'y'.repeat(11));
    expect(keys).toEqual(['current-meta', 'current-meta']);
    // Another tab's write (an older generation named): the stored copy is read to hand it back.
    await store.commitWorkingCopy(copy('w', T + 3000), 1);
    expect(keys.slice(2)).toEqual(['current-meta', 'current']);
  });

  it('archives the replaced version from the text the caller names, without reading the stored copy back', async () => {
    const store = createIdbStore();
    let g = await commit(store, copy('opened', T, 'dc.yaml', 'file'), 0);
    const keys: unknown[] = [];
    const get = IDBObjectStore.prototype.get;
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      keys.push(key);
      return get.call(this, key);
    });
    // The first edit after opening: the opened version is due for the (empty) history.
    g = await commit(store, copy('edited', T + 3 * MIN, 'dc.yaml', 'file'), g, 'opened');
    // A minute later: the version it replaces was saved three minutes after the newest kept one.
    await commit(store, copy('edited again', T + 4 * MIN, 'dc.yaml', 'file'), g, 'edited');
    expect(keys).toEqual(['current-meta', 'current-meta']);
    vi.restoreAllMocks();
    const history = await store.listHistory();
    expect(history.map(({ fileName, source, savedAt, length }) => ({ fileName, source, savedAt, length }))).toEqual([
      { fileName: 'dc.yaml', source: 'file', savedAt: T + 3 * MIN, length: 'edited'.length },
      { fileName: 'dc.yaml', source: 'file', savedAt: T, length: 'opened'.length },
    ]);
    expect(await historyTexts(store)).toEqual(['edited', 'opened']);
    expect((await store.loadWorkingCopy())?.text).toBe('edited again');
  });

  it('reads the stored copy to archive it when the text named is not the one stored (another length)', async () => {
    const store = createIdbStore();
    const g = await commit(store, copy('stored', T), 0);
    await commit(store, copy('next', T + 3 * MIN), g, 'not what was stored');
    expect((await historyTexts(store))).toEqual(['stored']);
  });

  it('keeps a replaced version when the document changes, and at most one every two minutes while editing one', async () => {
    const store = createIdbStore();
    let g = await commit(store, copy('v1', T), 0);
    // No version kept yet: v1 goes to the history.
    g = await commit(store, copy('v2', T + 1 * MIN), g);
    // v2 was saved one minute after v1, the newest kept version: not kept.
    g = await commit(store, copy('v3', T + 1.5 * MIN), g);
    // v3: 1.5 minutes after v1: not kept.
    g = await commit(store, copy('v4', T + 3 * MIN), g);
    // v4: 3 minutes after v1: kept.
    g = await commit(store, copy('v5', T + 5 * MIN), g);
    // Another document replaces v5: kept whatever its age.
    await commit(store, copy('other', T + 5.1 * MIN, 'other.yaml'), g);
    expect(await historyTexts(store)).toEqual(['v5', 'v4', 'v1']);
  });

  it('a version put in the history by hand (the other tab’s text kept) counts for the two minutes', async () => {
    const store = createIdbStore();
    let g = await commit(store, copy('v1', T), 0);
    g = await commit(store, copy('v2', T + 1 * MIN), g);
    await store.addHistory({ text: 'theirs', fileName: 'dc.yaml', savedAt: T + 2.5 * MIN });
    // v3 replaces v2 (saved at 1 min): the newest kept version is now from 2.5 min, so v2 is not kept.
    g = await commit(store, copy('v3', T + 4 * MIN), g);
    // v4 replaces v3 (saved at 4 min, 1.5 minutes after 2.5): not kept either.
    g = await commit(store, copy('v4', T + 5 * MIN), g);
    // v5 replaces v4 (saved at 5 min, 2.5 minutes after): kept.
    await commit(store, copy('v5', T + 6 * MIN), g);
    expect((await historyTexts(store))).toEqual(['v4', 'theirs', 'v1']);
  });

  it('lists the history from its summaries, never reading a version until one is asked for', async () => {
    const store = createIdbStore();
    let g = await commit(store, copy('v1', T), 0);
    const reads = recordReads();
    // v1 and v2 are archived (the first version, then three minutes on), and the list is read.
    g = await commit(store, copy('v2', T + 3 * MIN), g, 'v1');
    await commit(store, copy('v3', T + 6 * MIN), g, 'v2');
    const list = await store.listHistory();
    expect(reads.filter((r) => r.startsWith('history.'))).toEqual([]);
    expect(list.map((h) => [h.savedAt, h.length])).toEqual([
      [T + 3 * MIN, 2],
      [T, 2],
    ]);
    expect((await store.loadHistory(list[1]!.id))?.text).toBe('v1');
    expect(reads.filter((r) => r.startsWith('history.'))).toEqual(['history.get']);
    expect(await store.loadHistory(999)).toBeUndefined();
  });

  it('keeps the newest twenty versions, and their summaries only', async () => {
    const store = createIdbStore();
    for (let i = 1; i <= 22; i++) await store.addHistory({ text: `v${i}`, fileName: 'dc.yaml', savedAt: T + i });
    const list = await store.listHistory();
    expect(list).toHaveLength(20);
    expect(list.map((h) => h.savedAt)).toEqual(Array.from({ length: 20 }, (_, k) => T + 22 - k));
    // v1 and v2 (ids 1 and 2) are gone with their summaries.
    expect(await store.loadHistory(1)).toBeUndefined();
    expect((await store.loadHistory(3))?.text).toBe('v3');
  });

  it('lists saved scenarios from their summaries, and reads one only when it is asked for', async () => {
    const store = createIdbStore();
    await store.saveUserScenario({ name: 'baseline', text: 'plainsight: 1\n', savedAt: T });
    await store.saveUserScenario({ name: 'after', text: 'plainsight: 1\nname: x\n', savedAt: T + 1 });
    const reads = recordReads();
    expect(await store.listUserScenarios()).toEqual({
      scenarios: [
        { name: 'after', savedAt: T + 1, length: 22 },
        { name: 'baseline', savedAt: T, length: 14 },
      ],
      damaged: 0,
    });
    expect(reads).toEqual(['libraryMeta.getAll']);
    expect((await store.loadUserScenario('baseline'))?.text).toBe('plainsight: 1\n');
    await store.deleteUserScenario('baseline');
    expect((await store.listUserScenarios()).scenarios.map((u) => u.name)).toEqual(['after']);
    expect(await store.loadUserScenario('baseline')).toBeUndefined();
  });

  it('lists an older database’s saved scenarios (summarised once, on the first listing) and counts a damaged one', async () => {
    await seedOlder(3, { saved: [{ name: 'kept', text: 'abc', savedAt: T }, { name: 'broken', text: 42 }] });
    const store = createIdbStore();
    expect(await store.listUserScenarios()).toEqual({ scenarios: [{ name: 'kept', savedAt: T, length: 3 }], damaged: 1 });
    const reads: string[] = [];
    const get = IDBObjectStore.prototype.get;
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      reads.push(String(key));
      return get.call(this, key);
    });
    // The second listing reads only the damaged record again.
    expect(await store.listUserScenarios()).toEqual({ scenarios: [{ name: 'kept', savedAt: T, length: 3 }], damaged: 1 });
    expect(reads).toEqual(['broken']);
  });

  it('opens a database of version 3 (history without summaries): its versions are listed and read', async () => {
    await seedOlder(3, {
      versions: [
        { text: 'first version', fileName: 'a.yaml', savedAt: T },
        { text: 'second', fileName: 'b.yaml', source: 'template:minimal', savedAt: T + MIN },
      ],
    });
    const store = createIdbStore();
    expect(await store.listHistory()).toEqual([
      { id: 2, fileName: 'b.yaml', source: 'template:minimal', savedAt: T + MIN, length: 6 },
      { id: 1, fileName: 'a.yaml', savedAt: T, length: 13 },
    ]);
    expect(await historyTexts(store)).toEqual(['second', 'first version']);
  });

  it('opens a database of the previous version: its working copy loads, and writes go on from its generation', async () => {
    await seedOlder(2, { current: { text: 'old', fileName: 'dc.yaml', savedAt: T, generation: 4 } });
    const store = createIdbStore();
    expect(await store.loadWorkingCopy()).toMatchObject({ text: 'old', generation: 4 });
    expect(await store.commitWorkingCopy(copy('stale', T + 1), 3)).toEqual({ conflict: expect.objectContaining({ text: 'old' }) });
    expect(await commit(store, copy('new', T + 3 * MIN), 4)).toBe(5);
    expect(await commit(store, copy('newer', T + 3.5 * MIN), 5)).toBe(6);
    // `old` was replaced with no version kept before it: kept. `new` was saved three minutes after
    // `old`, the newest kept version: kept too.
    expect((await historyTexts(store))).toEqual(['new', 'old']);
    // `newer` (saved half a minute after `new`) is not.
    await commit(store, copy('newest', T + 4 * MIN), 6);
    expect((await historyTexts(store))).toEqual(['new', 'old']);
  });
});
