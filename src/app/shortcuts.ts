/**
 * Keyboard shortcuts: one table drives both the key handler and the help panel, so the panel can
 * never list a shortcut that does not exist.
 */

/** A shortcut and what it does. */
export interface Shortcut {
  keys: string;
  action: ShortcutAction;
  label: string;
}

/** Actions bound to keys. */
export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'delete'
  | 'connect'
  | 'fit'
  | 'open'
  | 'save'
  | 'yaml'
  | 'help'
  | 'escape'
  | 'theme'
  | 'select-all';

/** Every shortcut, in the order the help panel lists them. */
export const shortcuts: Shortcut[] = [
  { keys: 'Ctrl+Z', action: 'undo', label: 'Undo' },
  { keys: 'Ctrl+Shift+Z', action: 'redo', label: 'Redo (also Ctrl+Y)' },
  { keys: 'Ctrl+C', action: 'copy', label: 'Copy selected entities' },
  { keys: 'Ctrl+V', action: 'paste', label: 'Paste entities (new ids)' },
  { keys: 'Delete', action: 'delete', label: 'Delete selected entities (and their links)' },
  { keys: 'L', action: 'connect', label: 'Link the two selected hosts/devices' },
  { keys: 'Ctrl+A', action: 'select-all', label: 'Select everything on the canvas' },
  { keys: 'F', action: 'fit', label: 'Fit the map (or the selection) to the window' },
  { keys: 'Ctrl+O', action: 'open', label: 'Open a scenario file' },
  { keys: 'Ctrl+S', action: 'save', label: 'Download the scenario as YAML' },
  { keys: 'Y', action: 'yaml', label: 'Show or hide the YAML view' },
  { keys: 'T', action: 'theme', label: 'Switch dark / light theme' },
  { keys: '?', action: 'help', label: 'Show this help' },
  { keys: 'Escape', action: 'escape', label: 'Clear selection, close dialogs' },
];

/** The action bound to a key event, if any. Plain-letter keys are ignored while typing in a field. */
export function matchShortcut(e: KeyboardEvent, typing: boolean): ShortcutAction | undefined {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod && key === 'o') return 'open';
  if (mod && key === 's') return 'save';
  if (typing) return key === 'Escape' ? 'escape' : undefined;
  if (mod) return ({ c: 'copy', v: 'paste', a: 'select-all' } as Record<string, ShortcutAction>)[key];
  if (e.altKey) return undefined;
  const plain: Record<string, ShortcutAction> = { Delete: 'delete', Backspace: 'delete', l: 'connect', f: 'fit', y: 'yaml', t: 'theme', '?': 'help', Escape: 'escape' };
  return plain[key];
}
