// The entry of a comparison worker thread: a worker does not inherit the TypeScript loader of the
// thread that started it, so it registers tsx's hooks itself (as bin/plainsight.mjs does for the
// CLI) before loading the TypeScript side.
import { register } from 'tsx/esm/api';

register();
await import('./comparison-worker.ts');
