/**
 * Builds the app's state objects and their worker client.
 */
import { AnalysisClient } from './analysis-client.ts';
import type { AppContext } from './context.ts';
import { createIdbStore, createMemoryStore, type ScenarioStore } from './files/scenario-store.ts';
import { LibraryState } from './files/library-state.svelte.ts';
import { connectStoreWorker, createWorkerStore } from './files/worker-store.ts';
import { AnalysisState } from './state/analysis-state.svelte.ts';
import { ScenarioState } from './state/scenario-state.svelte.ts';
import { SelectionState } from './state/selection-state.svelte.ts';
import { ViewState } from './state/view-state.svelte.ts';
import { createWorkerEditor, inThreadEditor, type YamlEditor } from './editor/yaml-editor.ts';

/** Creates the app context; tests pass their own client and store. */
export function createAppContext(options: { client?: AnalysisClient; store?: ScenarioStore; editor?: YamlEditor } = {}): AppContext {
  const client = options.client ?? new AnalysisClient();
  const store = options.store ?? defaultStore();
  return {
    client,
    scenario: new ScenarioState({ editor: options.editor ?? (typeof Worker === 'undefined' ? inThreadEditor : createWorkerEditor()) }),
    analysis: new AnalysisState(client),
    selection: new SelectionState(),
    view: new ViewState(),
    library: new LibraryState(store),
    canvas: {},
  };
}

/** IndexedDB, from the store worker where workers run (else on the page); memory where there is no IndexedDB. */
function defaultStore(): ScenarioStore {
  if (typeof indexedDB === 'undefined') return createMemoryStore();
  if (typeof Worker === 'undefined') return createIdbStore();
  return createWorkerStore(connectStoreWorker, createIdbStore);
}
