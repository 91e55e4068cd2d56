/**
 * IndexedDB persistence: the autosaved working copy (so a reload or a crash loses nothing), a
 * short history of earlier versions, and the user's own scenario library.
 *
 * Crash safety: a working copy counts as saved only once its transaction has *completed*, with
 * `durability: 'strict'` (the data is flushed to disk before `complete` fires, not merely queued —
 * https://www.w3.org/TR/IndexedDB-3/#transaction-durability-hint). Concurrent tabs: every record
 * carries a generation; a write names the generation it was based on and is refused (compare and
 * set, inside one readwrite transaction, so it is atomic) when another tab wrote in between.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type StoreNames } from 'idb';
import { isUserScenario, isWorkingCopy, isWorkingMeta, type HistoryEntry, type UserScenario, type WorkingCopy, type WorkingMeta } from './stored-records.ts';

export type { HistoryEntry, UserScenario, WorkingCopy } from './stored-records.ts';

interface PlainsightDb extends DBSchema {
  autosave: { key: string; value: WorkingCopy | WorkingMeta };
  library: { key: string; value: UserScenario };
  history: { key: number; value: HistoryEntry };
}

const DB_NAME = 'plainsight';
const WORKING_KEY = 'current';
/** The working copy's `WorkingMeta`, next to it. */
const META_KEY = 'current-meta';
/** Versions kept in the history: enough to step back through a working session. */
export const HISTORY_LIMIT = 20;
/** While editing one document, at most one history version per this interval. */
const HISTORY_SPACING_MS = 2 * 60_000;

/** Outcome of a write of the working copy. */
export type CommitResult = { generation: number } | { conflict: WorkingCopy };

/** Raised when a stored record is not what Plainsight wrote (damaged or foreign). */
export class CorruptRecordError extends Error {
  // Named, so that the store worker's page side can raise it again (an error crosses as its name and message).
  override name = 'CorruptRecordError';
}

/** User scenarios plus the number of damaged records that were left out. */
export interface LibraryListing {
  scenarios: UserScenario[];
  damaged: number;
}

/** Storage of the working copy, its history and the user library. */
export interface ScenarioStore {
  /** The working copy; throws CorruptRecordError when the record is damaged. */
  loadWorkingCopy(): Promise<WorkingCopy | undefined>;
  /**
   * Writes `copy` unless another writer moved the generation past `basedOn`. `basis`, when the
   * caller has it: the text of generation `basedOn` as it last wrote or read it, which tells
   * whether `copy` is that text again without reading the stored copy.
   */
  commitWorkingCopy(copy: Omit<WorkingCopy, 'generation'>, basedOn: number, basis?: string): Promise<CommitResult>;
  listHistory(): Promise<HistoryEntry[]>;
  addHistory(entry: Omit<HistoryEntry, 'id'>): Promise<void>;
  listUserScenarios(): Promise<LibraryListing>;
  saveUserScenario(s: UserScenario): Promise<void>;
  deleteUserScenario(name: string): Promise<void>;
}

/** Opens the IndexedDB-backed store. */
export function createIdbStore(): ScenarioStore {
  let db: Promise<IDBPDatabase<PlainsightDb>> | undefined;
  const open = (): Promise<IDBPDatabase<PlainsightDb>> =>
    // Version 3 writes `WorkingMeta` with every working copy: its stores are those of version 2,
    // and the new version shuts out tabs of older builds, whose writes would leave it behind.
    (db ??= openDB<PlainsightDb>(DB_NAME, 3, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) {
          d.createObjectStore('autosave');
          d.createObjectStore('library', { keyPath: 'name' });
        }
        if (oldVersion < 2) d.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
      },
      // A tab of a newer version wants to upgrade: let it, this tab reopens on its next call.
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        db = undefined;
      },
    }));
  return {
    async loadWorkingCopy() {
      const raw: unknown = await (await open()).get('autosave', WORKING_KEY);
      if (raw === undefined) return undefined;
      if (!isWorkingCopy(raw)) throw new CorruptRecordError('the autosaved working copy is damaged');
      return raw;
    },
    async commitWorkingCopy(copy, basedOn, basis) {
      const tx = (await open()).transaction(['autosave', 'history'], 'readwrite', { durability: 'strict' });
      const autosave = tx.objectStore('autosave');
      const history = tx.objectStore('history') as unknown as HistoryStoreLike;
      // The stored copy is read only when its meta record cannot answer: none (written by an
      // earlier version), another tab's write (a conflict returns the copy), maybe the same text
      // (no write then; without `basis` a text of the same length and file), or a version that may
      // be due for the history and whose text the caller did not name.
      const rawMeta: unknown = await autosave.get(META_KEY);
      const meta = isWorkingMeta(rawMeta) && rawMeta.generation === basedOn ? rawMeta : undefined;
      if (meta && basis === copy.text && meta.fileName === copy.fileName) {
        await tx.done;
        return { generation: meta.generation };
      }
      const mayArchive = meta !== undefined && (meta.fileName !== copy.fileName || meta.source !== copy.source || meta.savedAt - meta.historyAt >= HISTORY_SPACING_MS);
      const maySame = meta !== undefined && basis === undefined && meta.length === copy.text.length && meta.fileName === copy.fileName;
      let current: WorkingCopy | undefined;
      if (meta && mayArchive && basis !== undefined && basis.length === meta.length) {
        // The stored copy is generation `basedOn`, whose text the caller holds: the version to
        // archive is made from it and the meta record, not read back (34 MB of a 5,000-host region,
        // deserialised on the main thread in about 0.3 s).
        current = { text: basis, fileName: meta.fileName, savedAt: meta.savedAt, generation: meta.generation };
        if (meta.source !== undefined) current.source = meta.source;
      } else if (!meta || mayArchive || maySame) {
        const raw: unknown = await autosave.get(WORKING_KEY);
        current = isWorkingCopy(raw) ? raw : undefined;
      }
      // Already stored (another tab opened the same text): nothing to write, nothing to conflict.
      if (current && current.text === copy.text && current.fileName === copy.fileName) {
        await tx.done;
        return { generation: current.generation };
      }
      if (current && current.generation !== basedOn) {
        await tx.done;
        return { conflict: current };
      }
      const generation = (meta?.generation ?? current?.generation ?? 0) + 1;
      await autosave.put({ ...copy, generation }, WORKING_KEY);
      let historyAt = meta?.historyAt;
      if (current && current.text !== copy.text && (!meta || mayArchive)) historyAt = await archive(history, current, copy);
      const written: WorkingMeta = { generation, fileName: copy.fileName, savedAt: copy.savedAt, length: copy.text.length, historyAt: historyAt ?? 0 };
      if (copy.source !== undefined) written.source = copy.source;
      await autosave.put(written, META_KEY);
      await tx.done;
      return { generation };
    },
    async listHistory() {
      const all: unknown[] = await (await open()).getAll('history');
      return all.filter((e): e is HistoryEntry => isWorkingCopy(e) && typeof (e as { id?: unknown }).id === 'number').reverse();
    },
    async addHistory(entry) {
      const tx = (await open()).transaction('history', 'readwrite');
      await tx.store.add(entry as HistoryEntry);
      await trim(tx.store as unknown as HistoryStoreLike);
      await tx.done;
    },
    async listUserScenarios() {
      const all: unknown[] = await (await open()).getAll('library');
      const scenarios = all.filter(isUserScenario);
      return { scenarios, damaged: all.length - scenarios.length };
    },
    async saveUserScenario(s) {
      await (await open()).put('library', s);
    },
    async deleteUserScenario(name) {
      await (await open()).delete('library', name);
    },
  };
}

/** The history store inside any readwrite transaction that includes it. */
type HistoryStoreLike = IDBPObjectStore<PlainsightDb, ArrayLike<StoreNames<PlainsightDb>>, 'history', 'readwrite'>;

/**
 * Keeps the replaced version when another document replaces it, or when it is old enough; returns
 * `savedAt` of the newest version in the history afterwards (0: none).
 */
async function archive(store: HistoryStoreLike, current: WorkingCopy, next: Omit<WorkingCopy, 'generation'>): Promise<number> {
  const otherDocument = current.fileName !== next.fileName || current.source !== next.source;
  const last = await store.openCursor(null, 'prev');
  const lastAt = last?.value.savedAt ?? 0;
  if (!otherDocument && current.savedAt - lastAt < HISTORY_SPACING_MS) return lastAt;
  const { generation: _, ...version } = current;
  await store.add(version as HistoryEntry);
  await trim(store);
  return current.savedAt;
}

/** Deletes the oldest versions beyond HISTORY_LIMIT. */
async function trim(store: HistoryStoreLike): Promise<void> {
  let extra = (await store.count()) - HISTORY_LIMIT;
  let cursor = await store.openCursor();
  while (cursor && extra > 0) {
    await cursor.delete();
    extra--;
    cursor = await cursor.continue();
  }
}

/** An in-memory store for tests and for browsers without IndexedDB (same conflict rule). */
export function createMemoryStore(): ScenarioStore {
  let working: WorkingCopy | undefined;
  const history: HistoryEntry[] = [];
  const lib = new Map<string, UserScenario>();
  let nextId = 1;
  return {
    loadWorkingCopy: async () => working,
    async commitWorkingCopy(copy, basedOn) {
      if (working && working.text === copy.text && working.fileName === copy.fileName) return { generation: working.generation };
      if (working && working.generation !== basedOn) return { conflict: working };
      if (working && working.text !== copy.text && (working.fileName !== copy.fileName || working.source !== copy.source)) history.push({ ...working, id: nextId++ });
      working = { ...copy, generation: (working?.generation ?? 0) + 1 };
      return { generation: working.generation };
    },
    listHistory: async () => [...history].reverse(),
    addHistory: async (e) => void history.push({ ...e, id: nextId++ }),
    listUserScenarios: async () => ({ scenarios: [...lib.values()], damaged: 0 }),
    saveUserScenario: async (s) => void lib.set(s.name, s),
    deleteUserScenario: async (n) => void lib.delete(n),
  };
}
