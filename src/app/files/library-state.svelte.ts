/**
 * The scenario library (bundled examples, the user's saved scenarios, templates) and the autosave
 * of the working copy. Autosave is debounced and also flushed when the page is hidden.
 */
import { bundledScenarios, type BundledScenario } from './bundled-scenarios.ts';
import { templates, type Template } from './templates.ts';
import type { ScenarioStore, UserScenario, WorkingCopy } from './scenario-store.ts';

/** Quiet time before the working copy is written. */
const AUTOSAVE_MS = 300;

export class LibraryState {
  bundled: BundledScenario[] = bundledScenarios;
  templates: Template[] = templates;
  user = $state.raw<UserScenario[]>([]);
  /** Revision of the scenario last written to IndexedDB (the e2e waits on it). */
  savedRevision = $state(-1);
  saveError = $state<string | undefined>(undefined);

  #store: ScenarioStore;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: { copy: WorkingCopy; revision: number } | undefined;

  constructor(store: ScenarioStore) {
    this.#store = store;
  }

  async refresh(): Promise<void> {
    try {
      this.user = (await this.#store.listUserScenarios()).sort((a, b) => a.name.localeCompare(b.name));
    } catch (e) {
      this.saveError = `Could not read the library: ${String(e)}`;
    }
  }

  loadWorkingCopy(): Promise<WorkingCopy | undefined> {
    return this.#store.loadWorkingCopy().catch(() => undefined);
  }

  /** Schedules a write of the working copy. */
  autosave(copy: Omit<WorkingCopy, 'savedAt'>, revision: number): void {
    this.#pending = { copy: { ...copy, savedAt: Date.now() }, revision };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Writes the pending working copy now. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    try {
      await this.#store.saveWorkingCopy(pending.copy);
      this.savedRevision = pending.revision;
      this.saveError = undefined;
    } catch (e) {
      this.saveError = `Autosave failed: ${String(e)}`;
    }
  }

  async saveAs(name: string, text: string): Promise<void> {
    await this.#store.saveUserScenario({ name, text, savedAt: Date.now() });
    await this.refresh();
  }

  async remove(name: string): Promise<void> {
    await this.#store.deleteUserScenario(name);
    await this.refresh();
  }
}
