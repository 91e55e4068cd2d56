import { describe, expect, it } from 'vitest';
import { matchShortcut, shortcuts } from '../../src/app/shortcuts.ts';
import { lineOfId, offsetOf } from '../../src/app/editor/text-position.ts';

const key = (k: string, mods: Partial<KeyboardEventInit> = {}) => new KeyboardEvent('keydown', { key: k, ...mods });

describe('keyboard shortcuts', () => {
  it('Ctrl+Z undoes and Ctrl+Shift+Z redoes, even while typing in the YAML view', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), true)).toBe('redo');
  });

  it('plain letters act only outside text fields', () => {
    expect(matchShortcut(key('l'), false)).toBe('connect');
    expect(matchShortcut(key('l'), true)).toBeUndefined();
    expect(matchShortcut(key('Delete'), true)).toBeUndefined();
  });

  it('every action bound to a key is listed in the help table', () => {
    const listed = new Set(shortcuts.map((s) => s.action));
    for (const k of ['z', 'y', 'o', 's', 'c', 'v', 'a']) {
      const a = matchShortcut(key(k, { ctrlKey: true }), false);
      if (a) expect(listed).toContain(a);
    }
    for (const k of ['Delete', 'l', 'f', 'y', 't', '?', 'Escape']) expect(listed).toContain(matchShortcut(key(k), false));
  });
});

describe('text positions for jumping to diagnostics', () => {
  const text = 'a: 1\nhosts:\n  - { id: h1, site: s1 }\n  - id: h2\n';
  it('line and column (1-based) map to offsets', () => {
    expect(offsetOf(text, 3, 5)).toBe(text.indexOf('{'));
  });
  it('finds the line where an entity is declared, in flow or block style', () => {
    expect(lineOfId(text, 'h1')).toBe(3);
    expect(lineOfId(text, 'h2')).toBe(4);
    expect(lineOfId(text, 'h')).toBeUndefined();
  });
});
