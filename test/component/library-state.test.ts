/**
 * Start-up reads the working copy and the library side by side; when both records are damaged,
 * the notice must say so for both, whichever read finishes last (issue 7: nothing is lost, and
 * the user is told).
 */
import { describe, expect, it } from 'vitest';
import { LibraryState } from '../../src/app/files/library-state.svelte.ts';
import { CorruptRecordError, type ScenarioStore } from '../../src/app/files/scenario-store.ts';

/** A store whose working copy and library listing are damaged, each read finishing when the test says. */
function damagedStore() {
  const gates: Record<'copy' | 'list', () => void> = { copy: () => {}, list: () => {} };
  const gate = (name: 'copy' | 'list') => new Promise<void>((resolve) => (gates[name] = resolve));
  const store: ScenarioStore = {
    async loadWorkingCopy() {
      await gate('copy');
      throw new CorruptRecordError('damaged');
    },
    async listUserScenarios() {
      await gate('list');
      return { scenarios: [], damaged: 1 };
    },
    listHistory: async () => [],
    loadHistory: async () => undefined,
    loadUserScenario: async () => undefined,
    commitWorkingCopy: async () => ({ ok: true, generation: 1 }) as never,
    addHistory: async () => {},
    saveUserScenario: async () => {},
    deleteUserScenario: async () => {},
  };
  return { store, gates };
}

describe('LibraryState notices', () => {
  for (const last of ['copy', 'list'] as const) {
    it(`keeps both damaged-record messages when the ${last === 'copy' ? 'working copy' : 'library'} read ends last`, async () => {
      const { store, gates } = damagedStore();
      const library = new LibraryState(store);
      const copy = library.loadWorkingCopy();
      const list = library.refresh();
      await Promise.resolve();
      const first = last === 'copy' ? 'list' : 'copy';
      gates[first]();
      await (first === 'copy' ? copy : list);
      gates[last]();
      await Promise.all([copy, list]);
      expect(library.notice).toMatch(/working copy .*damaged/);
      expect(library.notice).toMatch(/1 saved scenario .*damaged/);
    });
  }

  it('notes a listed record that cannot be read, and reports a read that fails', async () => {
    const store = damagedStore().store;
    store.loadHistory = async () => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    };
    const library = new LibraryState(store);
    expect(await library.loadUserScenario('baseline')).toBeUndefined();
    expect(library.notice).toBe('The saved scenario “baseline” could not be read (gone, or a damaged record); the others are intact.');
    expect(await library.loadHistory(4)).toBeUndefined();
    expect(library.saveError).toMatch(/^Could not read the earlier version: Browser storage is unavailable/);
  });

  it('does not repeat a message it already shows', () => {
    const library = new LibraryState(damagedStore().store);
    library.note('Opened the scenario from a shared link.');
    library.note('Opened the scenario from a shared link.');
    expect(library.notice).toBe('Opened the scenario from a shared link.');
  });
});
