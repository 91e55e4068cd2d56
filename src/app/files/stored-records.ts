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

/**
 * Written with every working copy, in the same transaction: what a later write needs to know of
 * the stored copy without reading its text (a 5,000-host region is 34 MB, read and deserialised on
 * the main thread).
 */
export interface WorkingMeta {
  generation: number;
  fileName: string;
  source?: string;
  savedAt: number;
  /** The stored text's length: a new text of another length is another text. */
  length: number;
  /** `savedAt` of the newest version in the history when the copy was written (0: none). */
  historyAt: number;
}

/** An earlier version of the working copy. */
export interface HistoryEntry {
  id: number;
  text: string;
  fileName: string;
  source?: string;
  savedAt: number;
}

/**
 * What the history lists of a version, kept beside it (store `historyMeta`, same id): listing the
 * history must not read the texts (twenty versions of a 5,000-host region are 680 MB).
 */
export interface HistorySummary {
  id: number;
  fileName: string;
  source?: string;
  savedAt: number;
  /** The version's length in characters. */
  length: number;
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

/** Whether `v` is the record written with the working copy (a damaged one is treated as missing). */
export function isWorkingMeta(v: unknown): v is WorkingMeta {
  if (!isObject(v) || typeof v.fileName !== 'string' || (v.source !== undefined && typeof v.source !== 'string')) return false;
  return typeof v.generation === 'number' && typeof v.savedAt === 'number' && typeof v.length === 'number' && typeof v.historyAt === 'number';
}

/** Whether `v` is a history version (with the id it is stored under). */
export function isHistoryEntry(v: unknown): v is HistoryEntry {
  if (!isObject(v) || typeof v.id !== 'number' || typeof v.text !== 'string' || typeof v.fileName !== 'string' || typeof v.savedAt !== 'number') return false;
  return v.source === undefined || typeof v.source === 'string';
}

/** Whether `v` is a history summary record (a damaged one is left out of the list). */
export function isHistorySummary(v: unknown): v is HistorySummary {
  if (!isObject(v) || typeof v.id !== 'number' || typeof v.fileName !== 'string' || (v.source !== undefined && typeof v.source !== 'string')) return false;
  return typeof v.savedAt === 'number' && typeof v.length === 'number';
}

/** The summary of a history version. */
export function historySummaryOf(entry: HistoryEntry): HistorySummary {
  const summary: HistorySummary = { id: entry.id, fileName: entry.fileName, savedAt: entry.savedAt, length: entry.text.length };
  if (entry.source !== undefined) summary.source = entry.source;
  return summary;
}

/** What the library lists of a saved scenario, kept beside it (store `libraryMeta`, same name). */
export interface UserScenarioSummary {
  name: string;
  savedAt: number;
  /** The scenario's length in characters. */
  length: number;
}

/** The summary of a saved scenario. */
export function librarySummaryOf(s: UserScenario): UserScenarioSummary {
  return { name: s.name, savedAt: s.savedAt, length: s.text.length };
}

/** Whether `v` is a library summary record. */
export function isUserScenarioSummary(v: unknown): v is UserScenarioSummary {
  return isObject(v) && typeof v.name === 'string' && typeof v.savedAt === 'number' && typeof v.length === 'number';
}

/** Whether `v` is a library record. */
export function isUserScenario(v: unknown): v is UserScenario {
  return isObject(v) && typeof v.name === 'string' && typeof v.text === 'string' && typeof v.savedAt === 'number';
}
