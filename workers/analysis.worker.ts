/** Browser Web Worker entry: exposes the analysis API (kept apart so Node never runs `expose`). */
import { expose } from 'comlink';
import { analysisApi } from './analysis.api.ts';

expose(analysisApi);
