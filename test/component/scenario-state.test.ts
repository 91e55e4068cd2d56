import { describe, expect, it } from 'vitest';
import { ScenarioState } from '../../src/app/state/scenario-state.svelte.ts';
import { inThreadEditor, type YamlEditor } from '../../src/app/editor/yaml-editor.ts';
import type { YamlEdit } from '../../src/app/state/yaml-edit.ts';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('ScenarioState (undo history over the scenario text)', () => {
  it('undo and redo walk back and forth through recorded edits', () => {
    const s = new ScenarioState();
    s.load('a', 'x.yaml');
    s.setText('b');
    s.setText('c');
    s.undo();
    expect(s.text).toBe('b');
    s.undo();
    expect(s.text).toBe('a');
    expect(s.canUndo).toBe(false);
    s.redo();
    expect(s.text).toBe('b');
    expect(s.canRedo).toBe(true);
  });

  it('loading a file starts a fresh history: undo cannot go back into the previous file', () => {
    const s = new ScenarioState();
    s.load('a', 'x.yaml');
    s.setText('b');
    s.load('other', 'y.yaml');
    expect(s.canUndo).toBe(false);
    expect(s.fileName).toBe('y.yaml');
  });

  it('keystrokes in quick succession form one undo step, a pause starts a new one', () => {
    const c = clock();
    const s = new ScenarioState({ now: c.now });
    s.load('', 'x.yaml');
    s.setText('h', { coalesce: 'typing' });
    c.advance(100);
    s.setText('he', { coalesce: 'typing' });
    c.advance(2000);
    s.setText('hey', { coalesce: 'typing' });
    s.undo();
    expect(s.text).toBe('he');
    s.undo();
    expect(s.text).toBe('');
  });

  it('only typing is a change that may go on: structured edits, plain text changes, undo and redo are finished', async () => {
    const s = new ScenarioState();
    s.load('plainsight: 1\nname: N\n', 'x.yaml');
    expect(s.typing).toBe(false);
    s.setText('plainsight: 1\nname: NN\n', { coalesce: 'typing' });
    expect(s.typing).toBe(true);
    s.undo();
    expect(s.typing).toBe(false);
    s.redo();
    expect(s.typing).toBe(false);
    s.setText('plainsight: 1\nname: NNN\n', { coalesce: 'typing' });
    expect(await s.edit([{ op: 'set', path: ['name'], value: 'M' }])).toBe(true);
    expect(s.typing).toBe(false);
    s.setText('plainsight: 1\nname: MM\n', { coalesce: 'typing' });
    s.setText('plainsight: 1\nname: P\n');
    expect(s.typing).toBe(false);
  });

  it('a new edit after undo discards the redo branch', () => {
    const s = new ScenarioState();
    s.load('a', 'x.yaml');
    s.setText('b');
    s.undo();
    s.setText('c');
    expect(s.canRedo).toBe(false);
  });

  it('structured edits keep comments and become one undo step', async () => {
    const s = new ScenarioState();
    s.load('plainsight: 1\nname: N\n# the only host\nhosts:\n  - { id: h1, site: s1, role: compute }\n', 'x.yaml');
    expect(await s.edit([{ op: 'set', path: ['hosts', 0, 'role'], value: 'network' }])).toBe(true);
    expect(s.text).toContain('# the only host');
    expect(s.text).toContain('role: network');
    s.undo();
    expect(s.text).toContain('role: compute');
  });

  it('a field edit of one line is made in place; other edits go to the editor', async () => {
    const applied: YamlEdit[][] = [];
    const editor: YamlEditor = {
      apply: async (text, edits) => (applied.push(edits), inThreadEditor.apply(text, edits)),
      read: inThreadEditor.read,
    };
    const s = new ScenarioState({ editor });
    s.load('plainsight: 1\nname: N\nhosts:\n  - id: h1\n    site: s1\n    role: compute\n', 'x.yaml');
    expect(await s.edit([{ op: 'set-field', id: 'h1', key: ['role'], value: 'network' }])).toBe(true);
    expect(s.text).toBe('plainsight: 1\nname: N\nhosts:\n  - id: h1\n    site: s1\n    role: network\n');
    expect(applied).toEqual([]);
    expect(await s.edit([{ op: 'set', path: ['name'], value: 'M' }])).toBe(true);
    expect(applied).toEqual([[{ op: 'set', path: ['name'], value: 'M' }]]);
    s.undo();
    expect(s.text).toContain('role: network');
    expect(s.text).toContain('name: N');
  });

  it('a structured edit of text that does not parse changes nothing', async () => {
    const s = new ScenarioState();
    s.load('hosts: [unclosed', 'x.yaml');
    expect(await s.edit([{ op: 'set', path: ['name'], value: 'x' }])).toBe(false);
    expect(s.text).toBe('hosts: [unclosed');
  });
});
