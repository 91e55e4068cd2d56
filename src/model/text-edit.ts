/**
 * A text as an edit of another: what the app sends its workers (analysis, storage) instead of the
 * whole scenario text when the worker holds the text the edit starts from. A 5,000-host region is
 * 34 MB; posting it copied it on the page and in the worker for every edit and every flow selected.
 * `TextSender` and `HeldTexts` are the two ends of that channel.
 */

/** Keep `at` characters, replace the next `removed` with `inserted`, keep the rest. */
export interface TextEdit {
  at: number;
  removed: number;
  inserted: string;
}

/** What a worker answers to an edit of a text it does not hold (it restarted): send the text whole. */
export const TEXT_BASE_MISSING = 'plainsight: the text this edit starts from is not held here';

/**
 * Chunk lengths the common prefix and suffix are measured in, longest first: comparing slices is
 * done natively, so a 6.7 MB text one edit away is compared in about 3 ms instead of 35 ms
 * character by character.
 */
const STRIDES = [4096, 64, 1];

/** How many characters `a` and `b` share at their start. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let p = 0;
  for (const k of STRIDES) while (p + k <= n && a.slice(p, p + k) === b.slice(p, p + k)) p += k;
  return p;
}

/** How many characters `a` and `b` share at their end (at most `most`). */
export function commonSuffix(a: string, b: string, most = Math.min(a.length, b.length)): number {
  const n = Math.min(a.length, b.length, most);
  let s = 0;
  for (const k of STRIDES) while (s + k <= n && a.slice(a.length - s - k, a.length - s) === b.slice(b.length - s - k, b.length - s)) s += k;
  return s;
}

/** The edit that turns `before` into `after`: the one stretch between their common start and end. */
export function textEditBetween(before: string, after: string): TextEdit {
  if (before === after) return { at: 0, removed: 0, inserted: '' };
  const at = commonPrefix(before, after);
  // The common end may not reach into the common start (`aa` → `aaa`).
  const end = commonSuffix(before, after, Math.min(before.length, after.length) - at);
  return { at, removed: before.length - at - end, inserted: after.slice(at, after.length - end) };
}

/** `before` with `edit` made (`before` itself, the very string, for an edit that changes nothing). */
export function applyTextEdit(before: string, edit: TextEdit): string {
  if (edit.removed === 0 && edit.inserted === '') return before;
  return before.slice(0, edit.at) + edit.inserted + before.slice(edit.at + edit.removed);
}

/** A text as it is sent: whole, or as an edit of an earlier text the receiver holds (`base`). */
export type SentText = { id: number; text: string } | { id: number; base: number; edit: TextEdit };

/** The error a receiver throws for an edit of a text it does not hold. */
function isBaseMissing(error: unknown): boolean {
  return error instanceof Error && error.message === TEXT_BASE_MISSING;
}

/**
 * The sending end: each text goes as an edit of the last one sent, whole the first time and again
 * should the receiver not hold that one. Calls to one receiver arrive in the order they are made,
 * so it holds what was sent last by the time the next text arrives.
 */
export class TextSender {
  #ids = 0;
  #last: { id: number; text: string } | undefined;

  /** An id for a text the receiver comes to hold by itself (a stored copy it reads); `held` records it. */
  nextId(): number {
    return ++this.#ids;
  }

  /** The receiver holds `text` under `id`: the next text is sent as an edit of it. */
  held(id: number, text: string): void {
    this.#last = { id, text };
  }

  /** The id of the last text sent, when that text is `text`. */
  idOf(text: string): number | undefined {
    return this.#last !== undefined && this.#last.text === text ? this.#last.id : undefined;
  }

  /** Sends `text` through `call` (see the class). */
  async send<T>(text: string, call: (sent: SentText) => Promise<T>): Promise<T> {
    const before = this.#last;
    const whole = { id: this.nextId(), text };
    this.#last = whole;
    if (!before) return call(whole);
    try {
      return await call({ id: whole.id, base: before.id, edit: textEditBetween(before.text, text) });
    } catch (error) {
      if (!isBaseMissing(error)) throw error;
      return call(whole);
    }
  }
}

/** The receiving end: the last `keep` texts it was sent or read, by id. */
export class HeldTexts {
  readonly #keep: number;
  readonly #texts = new Map<number, string>();

  constructor(keep: number) {
    this.#keep = keep;
  }

  /** Holds `text` under `id`, letting go of the oldest beyond `keep`. */
  hold(id: number, text: string): void {
    this.#texts.delete(id);
    this.#texts.set(id, text);
    for (const old of this.#texts.keys()) {
      if (this.#texts.size <= this.#keep) break;
      this.#texts.delete(old);
    }
  }

  /** The text held under `id`. */
  get(id: number): string | undefined {
    return this.#texts.get(id);
  }

  /** The held text `base` with `edit` made; throws `TEXT_BASE_MISSING` when that text is not held. */
  edited(base: number, edit: TextEdit): string {
    const before = this.#texts.get(base);
    if (before === undefined) throw new Error(TEXT_BASE_MISSING);
    return applyTextEdit(before, edit);
  }

  /** The whole text of `sent`, held under its id from now on. */
  take(sent: SentText): string {
    const text = 'text' in sent ? sent.text : this.edited(sent.base, sent.edit);
    this.hold(sent.id, text);
    return text;
  }
}
