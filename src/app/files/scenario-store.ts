/**
 * IndexedDB persistence: the autosaved working copy (so a reload or a crash loses nothing) and the
 * user's own scenario library. One small database, two object stores.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** The working copy as last autosaved. */
export interface WorkingCopy {
  text: string;
  fileName: string;
  source?: string;
  savedAt: number;
}

/** A scenario the user saved into the library. */
export interface UserScenario {
  name: string;
  text: string;
  savedAt: number;
}

interface PlainsightDb extends DBSchema {
  autosave: { key: string; value: WorkingCopy };
  library: { key: string; value: UserScenario };
}

const DB_NAME = 'plainsight';
const WORKING_KEY = 'current';

/** Storage of the working copy and the user library. */
export interface ScenarioStore {
  loadWorkingCopy(): Promise<WorkingCopy | undefined>;
  saveWorkingCopy(copy: WorkingCopy): Promise<void>;
  listUserScenarios(): Promise<UserScenario[]>;
  saveUserScenario(s: UserScenario): Promise<void>;
  deleteUserScenario(name: string): Promise<void>;
}

/** Opens the IndexedDB-backed store. */
export function createIdbStore(): ScenarioStore {
  let db: Promise<IDBPDatabase<PlainsightDb>> | undefined;
  const open = (): Promise<IDBPDatabase<PlainsightDb>> =>
    (db ??= openDB<PlainsightDb>(DB_NAME, 1, {
      upgrade(d) {
        d.createObjectStore('autosave');
        d.createObjectStore('library', { keyPath: 'name' });
      },
    }));
  return {
    async loadWorkingCopy() {
      return (await open()).get('autosave', WORKING_KEY);
    },
    async saveWorkingCopy(copy) {
      await (await open()).put('autosave', copy, WORKING_KEY);
    },
    async listUserScenarios() {
      return (await open()).getAll('library');
    },
    async saveUserScenario(s) {
      await (await open()).put('library', s);
    },
    async deleteUserScenario(name) {
      await (await open()).delete('library', name);
    },
  };
}

/** An in-memory store for tests and for browsers without IndexedDB. */
export function createMemoryStore(): ScenarioStore {
  let working: WorkingCopy | undefined;
  const lib = new Map<string, UserScenario>();
  return {
    loadWorkingCopy: async () => working,
    saveWorkingCopy: async (c) => void (working = c),
    listUserScenarios: async () => [...lib.values()],
    saveUserScenario: async (s) => void lib.set(s.name, s),
    deleteUserScenario: async (n) => void lib.delete(n),
  };
}
