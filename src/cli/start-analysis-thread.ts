/**
 * Runs the analysis API in a Node worker thread through Comlink, so a big analysis does not block
 * the CLI's thread (progress still arrives through a `Comlink.proxy` callback).
 */
import { Worker } from 'node:worker_threads';
import { releaseProxy, wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { AnalysisApi } from '../../workers/analysis.api.ts';

/** A running analysis thread: call `api`, then `dispose()` to end it. */
export interface AnalysisThread {
  api: Remote<AnalysisApi>;
  dispose(): Promise<void>;
}

/** Starts a worker thread serving the analysis API. */
export function startAnalysisThread(): AnalysisThread {
  // The .mjs bootstrap registers tsx inside the thread; see workers/node-worker.mjs.
  const worker = new Worker(new URL('../../workers/node-worker.mjs', import.meta.url));
  const api = wrap<AnalysisApi>(nodeEndpoint(worker));
  return {
    api,
    async dispose() {
      api[releaseProxy]();
      await worker.terminate();
    },
  };
}
