/**
 * The records Plainsight keeps in IndexedDB, and guards that tell a record Plainsight wrote from a
 * damaged or foreign one — a bad record must produce a message, never a crash or a blank page.
 */

/** The working copy as last autosaved. */
export interface WorkingCopy {
  text: string;
  fileName: string;
  source?: string;
  savedAt: number;
  /** Bumped by every write; a tab writes only over the generation it last saw (see scenario-store). */
  generation: number;
}

/** An earlier version of the working copy. */
export interface HistoryEntry {
  id: number;
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether `v` has the fields of a working copy (records of older versions have no generation: 0). */
export function isWorkingCopy(v: unknown): v is WorkingCopy {
  if (!isObject(v) || typeof v.text !== 'string' || typeof v.fileName !== 'string' || typeof v.savedAt !== 'number') return false;
  if (v.source !== undefined && typeof v.source !== 'string') return false;
  if (v.generation === undefined) v.generation = 0;
  return typeof v.generation === 'number';
}

/** Whether `v` is a library record. */
export function isUserScenario(v: unknown): v is UserScenario {
  return isObject(v) && typeof v.name === 'string' && typeof v.text === 'string' && typeof v.savedAt === 'number';
}
