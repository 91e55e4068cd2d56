// Bootstrap of the Node analysis worker thread. Worker threads do not inherit tsx's ESM hooks,
// so register them here before importing the TypeScript entry (tsx#354, nodejs/node#47747).
import { register } from 'tsx/esm/api';

register();
await import('./analysis.node-worker.ts');
