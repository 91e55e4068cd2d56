/** Store worker entry: the working copy, its history and the library in IndexedDB, off the page's main thread. */
import { expose } from 'comlink';
import { createIdbStore } from './scenario-store.ts';
import { createStoreWorkerApi } from './store-worker.api.ts';

expose(createStoreWorkerApi(createIdbStore()));
