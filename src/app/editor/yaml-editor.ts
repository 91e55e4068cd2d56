/**
 * Where YAML edits run: in the edit worker in the app, in the calling thread in tests (jsdom has
 * no Worker). Edits are never cancelled — each one is a user action that must land.
 */
import * as Comlink from 'comlink';
import { yamlEditApi, type YamlEditApi } from './yaml-edit.api.ts';

/** Applies edits to YAML text and reads entities as written. */
export type YamlEditor = Pick<YamlEditApi, 'apply' | 'read'>;

/** The in-thread editor (tests, and browsers where the worker cannot start). */
export const inThreadEditor: YamlEditor = yamlEditApi;

/** An editor backed by a module worker, started on first use. */
export function createWorkerEditor(): YamlEditor {
  let remote: Comlink.Remote<YamlEditApi> | undefined;
  const api = (): Comlink.Remote<YamlEditApi> =>
    (remote ??= Comlink.wrap<YamlEditApi>(new Worker(new URL('./yaml-edit.worker.ts', import.meta.url), { type: 'module' })));
  return {
    apply: (text, edits) => api().apply(text, edits),
    read: (text, ids) => api().read(text, ids),
  };
}
