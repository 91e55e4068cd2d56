/**
 * The page's side of the store worker (store-worker.api.ts): a `ScenarioStore` whose IndexedDB
 * work runs in a worker. Each working copy's text goes as an edit of the last text the worker was
 * sent or handed (whole the first time, and again should the worker not hold it), so an autosave of
 * a 34 MB region costs the page the comparison of two strings instead of serialising the copy.
 *
 * Should the worker fail to start or die, every call from then on (the failed one included) goes
 * to the store made by `fallback` on the page itself: an edit is never lost for want of a worker.
 */
import * as Comlink from 'comlink';
import { TextSender } from '../../model/text-edit.ts';
import { CorruptRecordError, type CommitResult, type ScenarioStore, type WorkingCopy } from './scenario-store.ts';
import type { StoreWorkerApi } from './store-worker.api.ts';

/** The store worker's API as the page reaches it, and a promise that rejects should the worker fail. */
export interface StoreConnection {
  api: { [K in keyof StoreWorkerApi]: (...args: Parameters<StoreWorkerApi[K]>) => Promise<Awaited<ReturnType<StoreWorkerApi[K]>>> };
  failed: Promise<never>;
}

/** The store worker could not start or stopped. */
export class StoreWorkerFailed extends Error {}

/** Starts the store worker. */
export function connectStoreWorker(): StoreConnection {
  const worker = new Worker(new URL('./store.worker.ts', import.meta.url), { type: 'module' });
  const failed = new Promise<never>((_, reject) => {
    const fail = (event: Event): void => reject(new StoreWorkerFailed(`the storage worker stopped (${event instanceof ErrorEvent ? event.message : event.type})`));
    worker.addEventListener('error', fail, { once: true });
    worker.addEventListener('messageerror', fail, { once: true });
  });
  // Observed by every call through `Promise.race`; this keeps a failure nobody waits on quiet.
  failed.catch(() => undefined);
  return { api: Comlink.wrap<StoreWorkerApi>(worker), failed };
}

/** A store that works in the store worker `connect` starts (on first use), else in `fallback`'s. */
export function createWorkerStore(connect: () => StoreConnection, fallback: () => ScenarioStore): ScenarioStore {
  let connection: StoreConnection | undefined;
  let direct: ScenarioStore | undefined;
  /** Sends each text as an edit of the one the worker was last sent or handed. */
  const texts = new TextSender();

  async function call<T>(inWorker: (api: StoreConnection['api']) => Promise<T>, onPage: (store: ScenarioStore) => Promise<T>): Promise<T> {
    if (!direct && !connection) {
      try {
        connection = connect();
      } catch {
        // No worker can be made here (`new Worker` refused): the page stores by itself.
        direct = fallback();
      }
    }
    if (!direct) {
      try {
        return await Promise.race([inWorker(connection!.api), connection!.failed]);
      } catch (error) {
        if (!(error instanceof StoreWorkerFailed)) throw error;
        direct = fallback();
      }
    }
    return onPage(direct);
  }

  return {
    loadWorkingCopy: () =>
      call(
        async (api) => {
          const id = texts.nextId();
          let copy: WorkingCopy | undefined;
          try {
            copy = await api.loadWorkingCopy(id);
          } catch (error) {
            // An error reaches the page as its name and message: a damaged record is told apart by name.
            if (error instanceof Error && !(error instanceof CorruptRecordError) && error.name === 'CorruptRecordError') throw new CorruptRecordError(error.message);
            throw error;
          }
          if (copy) texts.held(id, copy.text);
          return copy;
        },
        (store) => store.loadWorkingCopy(),
      ),
    commitWorkingCopy: (copy, basedOn, basis) =>
      call(
        (api): Promise<CommitResult> => {
          // The caller's basis is nearly always the text sent last (the commit before succeeded).
          const basisId = basis !== undefined ? texts.idOf(basis) : undefined;
          return texts.send(copy.text, (text) => api.commitWorkingCopy({ ...copy, text }, basedOn, basisId));
        },
        (store) => store.commitWorkingCopy(copy, basedOn, basis),
      ),
    listHistory: () => call((api) => api.listHistory(), (store) => store.listHistory()),
    loadHistory: (id) => call((api) => api.loadHistory(id), (store) => store.loadHistory(id)),
    addHistory: (entry) => call((api) => api.addHistory(entry), (store) => store.addHistory(entry)),
    listUserScenarios: () => call((api) => api.listUserScenarios(), (store) => store.listUserScenarios()),
    loadUserScenario: (name) => call((api) => api.loadUserScenario(name), (store) => store.loadUserScenario(name)),
    saveUserScenario: (s) => call((api) => api.saveUserScenario(s), (store) => store.saveUserScenario(s)),
    deleteUserScenario: (name) => call((api) => api.deleteUserScenario(name), (store) => store.deleteUserScenario(name)),
  };
}
