/**
 * The scenario library (bundled examples, the user's saved scenarios, templates, history) and the
 * autosave of the working copy. Every change is written shortly after it is made (and at once when
 * the page is hidden); `savedRevision` moves only when the write's transaction has completed, so
 * "saved" on screen means on disk. A write that another tab overtook is refused and becomes a
 * `conflict` the user resolves; a write that fails (quota) keeps the edit in memory and retries.
 */
import { bundledScenarios, type BundledScenario } from './bundled-scenarios.ts';
import { templates, type Template } from './templates.ts';
import { CorruptRecordError, type HistoryEntry, type HistorySummary, type ScenarioStore, type UserScenario, type UserScenarioSummary, type WorkingCopy } from './scenario-store.ts';
import { describeStorageError } from './storage-error.ts';

/** Quiet time before the working copy is written. */
const AUTOSAVE_MS = 300;
/** Tabs announce their writes on this channel, so the others learn of them at once. */
const CHANNEL = 'plainsight-autosave';

type Copy = Omit<WorkingCopy, 'savedAt' | 'generation'>;

export class LibraryState {
  bundled: BundledScenario[] = bundledScenarios;
  templates: Template[] = templates;
  /** The user's saved scenarios, by name, without their texts (`loadUserScenario` reads one). */
  user = $state.raw<UserScenarioSummary[]>([]);
  /** The history's versions, newest first, without their texts (`loadHistory` reads one). */
  history = $state.raw<HistorySummary[]>([]);
  /** Revision of the scenario last written to IndexedDB (the e2e waits on it). */
  savedRevision = $state(-1);
  saveError = $state<string | undefined>(undefined);
  /** Something the user should know about stored data (a damaged record, a replaced copy). */
  notice = $state<string | undefined>(undefined);
  /** Another tab saved this scenario since this tab last did; set until the user chooses. */
  conflict = $state.raw<WorkingCopy | undefined>(undefined);

  #store: ScenarioStore;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: { copy: Copy; revision: number } | undefined;
  #generation = 0;
  /** Text of the working copy as this tab last read or wrote it. */
  #synced: string | undefined;
  #tab = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());
  #channel: BroadcastChannel | undefined;

  constructor(store: ScenarioStore) {
    this.#store = store;
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (e: MessageEvent<{ tab: string; generation: number }>) => {
      if (e.data.tab !== this.#tab && e.data.generation !== this.#generation) void this.#noticeOtherTab();
    };
  }

  /**
   * Adds a message to the notice. Reads of the library and of the working copy run side by side
   * at start-up, and both can find a damaged record: each message must stay readable, whichever
   * read finishes last. Dismissing the banner clears them all.
   */
  note(message: string): void {
    if (this.notice === undefined) this.notice = message;
    else if (!this.notice.includes(message)) this.notice = `${this.notice} ${message}`;
  }

  async refresh(): Promise<void> {
    try {
      const { scenarios, damaged } = await this.#store.listUserScenarios();
      this.user = scenarios.sort((a, b) => a.name.localeCompare(b.name));
      if (damaged > 0) this.note(`${damaged} saved scenario${damaged === 1 ? '' : 's'} in this browser could not be read (damaged record) and ${damaged === 1 ? 'is' : 'are'} hidden; the others are intact.`);
      this.history = await this.#store.listHistory();
    } catch (e) {
      this.saveError = `Could not read the library: ${describeStorageError(e)}`;
    }
  }

  /** One saved scenario with its text; undefined (and a message) when it cannot be read. */
  loadUserScenario(name: string): Promise<UserScenario | undefined> {
    return this.#readOne(() => this.#store.loadUserScenario(name), `The saved scenario “${name}” could not be read`, 'the saved scenario');
  }

  /** One version of the history with its text; undefined (and a message) when it cannot be read. */
  loadHistory(id: number): Promise<HistoryEntry | undefined> {
    return this.#readOne(() => this.#store.loadHistory(id), 'That earlier version could not be read', 'the earlier version');
  }

  /** A record listed without its text, read whole: a missing or damaged one is noted, a failed read reported. */
  async #readOne<T>(read: () => Promise<T | undefined>, missing: string, what: string): Promise<T | undefined> {
    try {
      const record = await read();
      if (!record) this.note(`${missing} (gone, or a damaged record); the others are intact.`);
      return record;
    } catch (e) {
      this.saveError = `Could not read ${what}: ${describeStorageError(e)}`;
      return undefined;
    }
  }

  /** The autosaved working copy, remembering its generation; a damaged record gives a notice. */
  async loadWorkingCopy(): Promise<WorkingCopy | undefined> {
    try {
      const copy = await this.#store.loadWorkingCopy();
      this.#generation = copy?.generation ?? 0;
      this.#synced = copy?.text;
      return copy;
    } catch (e) {
      if (e instanceof CorruptRecordError)
        this.note('The autosaved working copy in this browser is damaged and could not be opened; the default example is shown instead, and your next edit replaces the damaged record. Your saved scenarios and history are intact.');
      else this.saveError = `Could not read the autosaved working copy: ${describeStorageError(e)}`;
      return undefined;
    }
  }

  /** Schedules a write of the working copy. */
  autosave(copy: Copy, revision: number): void {
    this.#pending = { copy, revision };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Writes the pending working copy now (nothing while a conflict waits for the user). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    const pending = this.#pending;
    if (!pending || this.conflict) return;
    this.#pending = undefined;
    try {
      // `#synced` is the text of `#generation`: the store need not read it back to compare.
      const result = await this.#store.commitWorkingCopy({ ...pending.copy, savedAt: Date.now() }, this.#generation, this.#synced);
      if ('conflict' in result) {
        this.#pending ??= pending;
        this.conflict = result.conflict;
        return;
      }
      this.#generation = result.generation;
      this.#synced = pending.copy.text;
      this.savedRevision = pending.revision;
      this.saveError = undefined;
      this.#channel?.postMessage({ tab: this.#tab, generation: result.generation });
    } catch (e) {
      // Keep the edit for the next attempt (the next edit or the page being hidden retries it).
      this.#pending ??= pending;
      this.saveError = describeStorageError(e);
    }
  }

  /** The other tab's version wins: this tab's text goes to the history first, then theirs is returned to open. */
  async takeTheirs(mine: Copy): Promise<WorkingCopy | undefined> {
    const theirs = this.conflict;
    if (!theirs) return undefined;
    await this.#store.addHistory({ ...mine, savedAt: Date.now() }).catch(() => undefined);
    this.#generation = theirs.generation;
    this.#synced = theirs.text;
    this.#pending = undefined;
    this.conflict = undefined;
    await this.refresh();
    return theirs;
  }

  /** This tab's text wins: the other tab's version goes to the history, then this one is written. */
  async keepMine(): Promise<void> {
    const theirs = this.conflict;
    if (!theirs) return;
    const { generation, ...version } = theirs;
    await this.#store.addHistory(version).catch(() => undefined);
    // Written over theirs: the stored copy of that generation is their text.
    this.#generation = generation;
    this.#synced = theirs.text;
    this.conflict = undefined;
    await this.flush();
    await this.refresh();
  }

  async #noticeOtherTab(): Promise<void> {
    const copy = await this.#store.loadWorkingCopy().catch(() => undefined);
    if (!copy || copy.generation === this.#generation) return;
    // The other tab stored what this tab already has (it opened the same file): just catch up.
    if (copy.text === this.#synced && !this.#pending) this.#generation = copy.generation;
    else this.conflict = copy;
  }

  async saveAs(name: string, text: string): Promise<void> {
    await this.#store.saveUserScenario({ name, text, savedAt: Date.now() });
    await this.refresh();
  }

  async remove(name: string): Promise<void> {
    await this.#store.deleteUserScenario(name);
    await this.refresh();
  }

  dispose(): void {
    this.#channel?.close();
  }
}
