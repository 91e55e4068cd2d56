/**
 * The scenario store as the store worker runs it: IndexedDB writes and reads happen there, off the
 * page's main thread. Writing a 5,000-host region's 34 MB working copy serialises it where the
 * write is made — about 0.2 s on the page for every autosave, twice that when a version also goes
 * to the history — so the page sends each text as an edit of one the worker already holds
 * (`src/model/text-edit.ts`), and the worker makes the whole text and writes it.
 *
 * Texts are numbered by the page (`SentText.id`); the worker keeps the last few it was sent or
 * read, so an edit names the text it starts from. A text it no longer holds (a restarted worker)
 * is answered with `TEXT_BASE_MISSING`, and the page sends that text whole.
 */
import { HeldTexts, type SentText } from '../../model/text-edit.ts';
import type { CommitResult, ScenarioStore, WorkingCopy } from './scenario-store.ts';

export type { SentText } from '../../model/text-edit.ts';

/** A working copy to commit, its text sent as `SentText`. */
export type SentCopy = Omit<WorkingCopy, 'generation' | 'text'> & { text: SentText };

/** What the page calls in the store worker. */
export interface StoreWorkerApi {
  /** The working copy; its text is held under `id` for the edits that follow. */
  loadWorkingCopy(id: number): Promise<WorkingCopy | undefined>;
  /** Commits the copy; `basis` names a text sent before when it is the text of `basedOn`. */
  commitWorkingCopy(copy: SentCopy, basedOn: number, basis?: number): Promise<CommitResult>;
  listHistory: ScenarioStore['listHistory'];
  loadHistory: ScenarioStore['loadHistory'];
  addHistory: ScenarioStore['addHistory'];
  listUserScenarios: ScenarioStore['listUserScenarios'];
  loadUserScenario: ScenarioStore['loadUserScenario'];
  saveUserScenario: ScenarioStore['saveUserScenario'];
  deleteUserScenario: ScenarioStore['deleteUserScenario'];
}

/**
 * Texts the worker holds: the last one sent and the one before (a commit's basis is the text of
 * the commit before it, and a write may still be on its way when the next edit arrives).
 */
const HELD = 3;

/** The store worker's API over a store (IndexedDB in the worker; any store in tests). */
export function createStoreWorkerApi(store: ScenarioStore): StoreWorkerApi {
  const held = new HeldTexts(HELD);
  return {
    async loadWorkingCopy(id) {
      const copy = await store.loadWorkingCopy();
      if (copy) held.hold(id, copy.text);
      return copy;
    },
    // Async, so a text it does not hold rejects; its text is made (and held) before the first
    // await, as the next call may already edit it.
    async commitWorkingCopy(copy, basedOn, basis) {
      const text = held.take(copy.text);
      const basisText = basis !== undefined ? held.get(basis) : undefined;
      return store.commitWorkingCopy({ ...copy, text }, basedOn, basisText);
    },
    listHistory: () => store.listHistory(),
    loadHistory: (id) => store.loadHistory(id),
    addHistory: (entry) => store.addHistory(entry),
    listUserScenarios: () => store.listUserScenarios(),
    loadUserScenario: (name) => store.loadUserScenario(name),
    saveUserScenario: (s) => store.saveUserScenario(s),
    deleteUserScenario: (name) => store.deleteUserScenario(name),
  };
}
