// Bootstrap of a fuzz worker thread. Worker threads do not inherit tsx's ESM hooks, so register
// them here before importing the TypeScript entry (as workers/node-worker.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./fuzz-worker.ts');
