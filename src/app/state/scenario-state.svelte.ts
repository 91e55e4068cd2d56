/**
 * The scenario being edited: its YAML text (the single source of truth), its file name and an
 * undo history of text snapshots. Every edit — typing, inspector, palette, canvas drag — goes
 * through `setText` or `edit`, so undo/redo and autosave cover all of them.
 */
import { editFieldsInPlace, type YamlEdit } from './yaml-edit.ts';
import { inThreadEditor, type YamlEditor } from '../editor/yaml-editor.ts';

/** How many snapshots undo keeps; text snapshots of a 1,000-host file are ~200 kB each. */
const HISTORY_LIMIT = 200;
/** Keystrokes closer together than this form one undo step. */
const COALESCE_MS = 800;

/** Options of one text change. */
export interface ChangeOptions {
  /** Whether the change becomes an undo step (false for loading a file's initial text). */
  record?: boolean;
  /** Merge with the previous step when it has the same tag and was recent (typing). */
  coalesce?: string;
}

export class ScenarioState {
  text = $state('');
  fileName = $state('scenario.yaml');
  /** Library key of the scenario ('bundled:<file>' or 'user:<name>'); undefined for an unsaved file. */
  source = $state<string | undefined>(undefined);
  canUndo = $state(false);
  canRedo = $state(false);
  /** Bumped on every change, so observers can react without diffing text. */
  revision = $state(0);
  /**
   * Whether the last change was typing (a `coalesce`d text change), more of which may follow; an
   * inspector, palette or canvas edit, an undo or a redo is a finished change. Not reactive: read
   * along with `revision`.
   */
  typing = false;

  #undo: string[] = [];
  #redo: string[] = [];
  #lastTag: string | undefined;
  #lastAt = 0;
  #now: () => number;
  #editor: YamlEditor;
  /** Structured edits run one after another, each on the text the previous one produced. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: { now?: () => number; editor?: YamlEditor } = {}) {
    this.#now = options.now ?? (() => Date.now());
    this.#editor = options.editor ?? inThreadEditor;
  }

  /** The editor, for reading entities as written (copy). */
  get editor(): YamlEditor {
    return this.#editor;
  }

  /** Replaces the whole scenario (open, new from template); clears the history. */
  load(text: string, fileName: string, source?: string): void {
    this.#undo = [];
    this.#redo = [];
    this.#lastTag = undefined;
    this.fileName = fileName;
    this.source = source;
    this.#commit(text);
  }

  /** Sets the text, recording an undo step unless told otherwise. */
  setText(text: string, options: ChangeOptions = {}): void {
    if (text === this.text) return;
    const { record = true, coalesce } = options;
    if (record) {
      const now = this.#now();
      const merge = coalesce !== undefined && coalesce === this.#lastTag && now - this.#lastAt < COALESCE_MS;
      if (!merge) this.#undo.push(this.text);
      if (this.#undo.length > HISTORY_LIMIT) this.#undo.shift();
      this.#redo = [];
      this.#lastTag = coalesce;
      this.#lastAt = now;
    }
    this.#commit(text, coalesce !== undefined);
  }

  /**
   * Applies structured edits to the YAML document (comments kept), off the main thread; resolves
   * false when nothing changed (e.g. the text does not parse). If the user typed meanwhile, the
   * edits are applied again to the new text, so neither change is lost. Field edits that are a
   * change of a line or two (set-field-in-place.ts) are made here: milliseconds even in a 34 MB
   * file, where posting the text to the edit worker and back took 0.3 s.
   */
  edit(edits: YamlEdit[]): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const base = this.text;
        const next = editFieldsInPlace(base, edits) ?? (await this.#editor.apply(base, edits));
        if (this.text !== base) continue;
        if (next === base) return false;
        this.setText(next);
        return true;
      }
      return false;
    };
    const result = this.#queue.then(run, run);
    this.#queue = result;
    return result;
  }

  undo(): void {
    const prev = this.#undo.pop();
    if (prev === undefined) return;
    this.#redo.push(this.text);
    this.#lastTag = undefined;
    this.#commit(prev);
  }

  redo(): void {
    const next = this.#redo.pop();
    if (next === undefined) return;
    this.#undo.push(this.text);
    this.#lastTag = undefined;
    this.#commit(next);
  }

  #commit(text: string, typing = false): void {
    this.typing = typing;
    this.text = text;
    this.canUndo = this.#undo.length > 0;
    this.canRedo = this.#redo.length > 0;
    this.revision++;
  }
}
