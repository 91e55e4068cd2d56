/**
 * Prints a model path the way users read it in messages: `links[3].between[1]`.
 */
import type { ModelPath } from './types.ts';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['links', 3, 'between', 1]` → `links[3].between[1]`; odd keys are quoted (`layout["h/1"]`). */
export function formatModelPath(path: ModelPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
