/** Store worker entry: the working copy, its history and the library in IndexedDB, off the page's main thread. */
import { expose } from 'comlink';
import { createIdbStore } from './scenario-store.ts';
import { createStoreWorkerApi } from './store-worker.api.ts';

// A browser without IndexedDB in workers: failing at once (an `error` event on the page's Worker)
// makes the page use its own store rather than report every save as failed.
if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this worker');
expose(createStoreWorkerApi(createIdbStore()));
