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
import {
  isHistoryEntry,
  isHistorySummary,
  isUserScenario,
  isUserScenarioSummary,
  isWorkingCopy,
  isWorkingMeta,
  librarySummaryOf,
  historySummaryOf,
  type HistoryEntry,
  type HistorySummary,
  type UserScenario,
  type UserScenarioSummary,
  type WorkingCopy,
  type WorkingMeta,
} from './stored-records.ts';

export type { HistoryEntry, HistorySummary, UserScenario, UserScenarioSummary, WorkingCopy } from './stored-records.ts';

interface PlainsightDb extends DBSchema {
  autosave: { key: string; value: WorkingCopy | WorkingMeta };
  library: { key: string; value: UserScenario };
  history: { key: number; value: HistoryEntry };
  historyMeta: { key: number; value: HistorySummary };
  libraryMeta: { key: string; value: UserScenarioSummary };
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

/** The user's scenarios (without their texts) plus the number of damaged records that were left out. */
export interface LibraryListing {
  scenarios: UserScenarioSummary[];
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
  /** The versions in the history, newest first, without their texts. */
  listHistory(): Promise<HistorySummary[]>;
  /** One version of the history with its text; undefined when it is gone or damaged. */
  loadHistory(id: number): Promise<HistoryEntry | undefined>;
  addHistory(entry: Omit<HistoryEntry, 'id'>): Promise<void>;
  listUserScenarios(): Promise<LibraryListing>;
  /** One saved scenario with its text; undefined when it is gone or damaged. */
  loadUserScenario(name: string): Promise<UserScenario | undefined>;
  saveUserScenario(s: UserScenario): Promise<void>;
  deleteUserScenario(name: string): Promise<void>;
}

/** Opens the IndexedDB-backed store. */
export function createIdbStore(): ScenarioStore {
  let db: Promise<IDBPDatabase<PlainsightDb>> | undefined;
  const open = (): Promise<IDBPDatabase<PlainsightDb>> =>
    // Version 3 writes `WorkingMeta` with every working copy, version 4 a `HistorySummary` with
    // every history version (those of an older database's versions are made in the upgrade),
    // version 5 a `UserScenarioSummary` with every saved scenario (an older one's are made when
    // the library is first listed); a new version shuts out tabs of older builds, whose writes
    // would leave these records behind.
    (db ??= openDB<PlainsightDb>(DB_NAME, 5, {
      upgrade(d, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          d.createObjectStore('autosave');
          d.createObjectStore('library', { keyPath: 'name' });
        }
        if (oldVersion < 2) d.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
        if (oldVersion < 4) {
          const meta = d.createObjectStore('historyMeta', { keyPath: 'id' });
          // Should a damaged record stop it, the history lists fewer versions; the upgrade goes on.
          if (oldVersion >= 2) summarise(tx.objectStore('history'), meta).catch(() => undefined);
        }
        if (oldVersion < 5) d.createObjectStore('libraryMeta', { keyPath: 'name' });
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
      const tx = (await open()).transaction(['autosave', 'history', 'historyMeta'], 'readwrite', { durability: 'strict' });
      const autosave = tx.objectStore('autosave');
      const history = historyOf(tx);
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
      const all: unknown[] = await (await open()).getAll('historyMeta');
      return all.filter(isHistorySummary).reverse();
    },
    async loadHistory(id) {
      const entry: unknown = await (await open()).get('history', id);
      return isHistoryEntry(entry) && entry.id === id ? entry : undefined;
    },
    async addHistory(entry) {
      const tx = (await open()).transaction(['history', 'historyMeta'], 'readwrite');
      const history = historyOf(tx);
      await addVersion(history, entry);
      await trim(history);
      await tx.done;
    },
    async listUserScenarios() {
      const tx = (await open()).transaction(['library', 'libraryMeta'], 'readwrite');
      const [names, known] = await Promise.all([tx.objectStore('library').getAllKeys(), tx.objectStore('libraryMeta').getAll()]);
      const byName = new Map(known.filter(isUserScenarioSummary).map((m) => [m.name, m]));
      const scenarios: UserScenarioSummary[] = [];
      let damaged = 0;
      for (const name of names) {
        const summary = byName.get(name);
        if (summary) {
          scenarios.push(summary);
          continue;
        }
        // A record without its summary (saved by an older version, or damaged): read once, summarised.
        const record: unknown = await tx.objectStore('library').get(name);
        if (!isUserScenario(record)) {
          damaged++;
          continue;
        }
        const made = librarySummaryOf(record);
        await tx.objectStore('libraryMeta').put(made);
        scenarios.push(made);
      }
      await tx.done;
      return { scenarios, damaged };
    },
    async loadUserScenario(name) {
      const record: unknown = await (await open()).get('library', name);
      return isUserScenario(record) && record.name === name ? record : undefined;
    },
    async saveUserScenario(s) {
      const tx = (await open()).transaction(['library', 'libraryMeta'], 'readwrite');
      await tx.objectStore('library').put(s);
      await tx.objectStore('libraryMeta').put(librarySummaryOf(s));
      await tx.done;
    },
    async deleteUserScenario(name) {
      const tx = (await open()).transaction(['library', 'libraryMeta'], 'readwrite');
      await tx.objectStore('library').delete(name);
      await tx.objectStore('libraryMeta').delete(name);
      await tx.done;
    },
  };
}

/** The history's two stores inside a readwrite transaction: the versions, and their summaries by the same id. */
interface HistoryStores {
  versions: IDBPObjectStore<PlainsightDb, ArrayLike<StoreNames<PlainsightDb>>, 'history', 'readwrite'>;
  summaries: IDBPObjectStore<PlainsightDb, ArrayLike<StoreNames<PlainsightDb>>, 'historyMeta', 'readwrite'>;
}

function historyOf(tx: { objectStore(name: 'history'): unknown; objectStore(name: 'historyMeta'): unknown }): HistoryStores {
  return { versions: tx.objectStore('history') as HistoryStores['versions'], summaries: tx.objectStore('historyMeta') as HistoryStores['summaries'] };
}

/** Adds a version and its summary. */
async function addVersion(history: HistoryStores, entry: Omit<HistoryEntry, 'id'>): Promise<void> {
  const id = await history.versions.add(entry as HistoryEntry);
  await history.summaries.put(historySummaryOf({ ...entry, id }));
}

/** Writes the summary of every version (the upgrade of a database from before the summaries). */
async function summarise(
  versions: IDBPObjectStore<PlainsightDb, ArrayLike<StoreNames<PlainsightDb>>, 'history', 'versionchange'>,
  summaries: IDBPObjectStore<PlainsightDb, ArrayLike<StoreNames<PlainsightDb>>, 'historyMeta', 'versionchange'>,
): Promise<void> {
  for (let cursor = await versions.openCursor(); cursor; cursor = await cursor.continue()) {
    const entry: unknown = cursor.value;
    if (isHistoryEntry(entry) && entry.id === cursor.primaryKey) await summaries.put(historySummaryOf(entry));
  }
}

/**
 * Keeps the replaced version when another document replaces it, or when it is old enough; returns
 * `savedAt` of the newest version in the history afterwards (0: none).
 */
async function archive(history: HistoryStores, current: WorkingCopy, next: Omit<WorkingCopy, 'generation'>): Promise<number> {
  const otherDocument = current.fileName !== next.fileName || current.source !== next.source;
  // The newest version's summary: reading the version itself would read its text.
  const last = await history.summaries.openCursor(null, 'prev');
  const lastAt = last?.value.savedAt ?? 0;
  if (!otherDocument && current.savedAt - lastAt < HISTORY_SPACING_MS) return lastAt;
  const { generation: _, ...version } = current;
  await addVersion(history, version);
  await trim(history);
  return current.savedAt;
}

/** Deletes the oldest versions beyond HISTORY_LIMIT (ids grow with every version), summaries with them. */
async function trim(history: HistoryStores): Promise<void> {
  const extra = (await history.versions.count()) - HISTORY_LIMIT;
  if (extra <= 0) return;
  // Keys only: a cursor over the versions would read each one's text.
  for (const id of await history.versions.getAllKeys(null, extra)) {
    await history.versions.delete(id);
    await history.summaries.delete(id);
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
    listHistory: async () => history.map(historySummaryOf).reverse(),
    loadHistory: async (id) => history.find((e) => e.id === id),
    addHistory: async (e) => void history.push({ ...e, id: nextId++ }),
    listUserScenarios: async () => ({ scenarios: [...lib.values()].map(librarySummaryOf), damaged: 0 }),
    loadUserScenario: async (name) => lib.get(name),
    saveUserScenario: async (s) => void lib.set(s.name, s),
    deleteUserScenario: async (n) => void lib.delete(n),
  };
}
