/** Node `worker_threads` entry: the same analysis API, over comlink's Node adapter. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { analysisApi } from './analysis.api.ts';

if (!parentPort) throw new Error('analysis.node-worker.ts runs only inside a worker thread');
expose(analysisApi, nodeEndpoint(parentPort));
