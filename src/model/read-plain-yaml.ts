/**
 * A fast reader for the plain YAML that scenario files are made of (block mappings and lists,
 * one-line flow lists and mappings, one-line scalars, comments), as `serializeScenario` writes it
 * and as people usually type it. It returns the same plain value as the full YAML 1.2 parser
 * (core schema) would, or `undefined` as soon as the text uses anything else — anchors, tags,
 * block or multi-line scalars, complex keys, duplicate keys, tabs, several documents — so the
 * caller falls back to the full parser, which also knows every position for diagnostics.
 *
 * Why: the full parser builds a concrete syntax tree with positions and reads ~1 MB/s; a
 * 1,000-host region is 7 MB of YAML. Positions are needed only when there is a diagnostic, and a
 * file with diagnostics is parsed again by the full parser (parse-scenario.ts).
 */

/** Thrown inside the reader when the text leaves the subset; never escapes `readPlainYaml`. */
class OutsideSubset extends Error {}

function outside(): never {
  throw new OutsideSubset();
}

// YAML 1.2.2 §10.3.2 (core schema) tag resolution for plain scalars.
const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?(?:\.inf|\.Inf|\.INF)$/;
const NAN = /^(?:\.nan|\.NaN|\.NAN)$/;

/** The value of a plain scalar under the core schema. */
function resolvePlain(text: string): unknown {
  // By its first character a scalar is mostly text at once (ids, names, enum values): a region's
  // file has millions, and the eight tests were about a tenth of reading a 5,000-host file (CPU profile).
  const c = text.charCodeAt(0);
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
  if (!numeric && text.length > 0 && c !== 126 && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return text; // ~ n N t T f F
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT.test(text)) return parseInt(text, 10);
  if (OCT.test(text)) return parseInt(text.slice(2), 8);
  if (HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT.test(text)) return parseFloat(text);
  if (INF.test(text)) return text[0] === '-' ? -Infinity : Infinity;
  if (NAN.test(text)) return NaN;
  return text;
}

/** Keys the reader accepts: what scenario fields and ids-as-keys look like (no quoting needed). */
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * A plain key as a property name: keys resolve like any plain scalar and are then written as
 * strings, so `True:` is the key `true` and `null:` the empty key, as the full parser has them.
 */
function keyName(text: string): string {
  const value = resolvePlain(text);
  return value === null ? '' : String(value);
}

/** A JSON escape in a double-quoted scalar; YAML's others (\0, \x41, \e …) send the text to the full parser. */
const JSON_ESCAPES = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;

/** Characters that may not start a plain scalar (YAML 1.2.2 §7.3.3, c-indicator). */
const INDICATOR_START = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/**
 * The lines of the text, as offsets: where each starts, its indentation, where its content ends
 * (without trailing spaces) and where the line ends (without a `\r`). A 5,000-host region has 1.5
 * million lines; an object and two strings for each, all alive until the reading ends, made
 * garbage collection a third of reading it.
 */
interface Lines {
  count: number;
  start: Int32Array;
  indent: Int32Array;
  end: Int32Array;
  rawEnd: Int32Array;
}

/** Where line `n`'s content starts. */
function contentStart(lines: Lines, n: number): number {
  return lines.start[n]! + lines.indent[n]!;
}

/** The line without its indentation and trailing spaces. */
function contentOf(text: string, lines: Lines, n: number): string {
  return text.slice(contentStart(lines, n), lines.end[n]);
}

/** Whether line `n` has nothing to read: blank, or a comment alone. */
function isBlank(text: string, lines: Lines, n: number): boolean {
  const at = contentStart(lines, n);
  return at === lines.end[n] || text.charCodeAt(at) === 35; // #
}

/** Whether the content from `at` (up to `end`) starts a block list item: `-` alone or followed by a space. */
function isSeqItemAt(text: string, at: number, end: number): boolean {
  return text.charCodeAt(at) === 45 && (at + 1 === end || text.charCodeAt(at + 1) === 32); // - and space
}

/**
 * Reads one value from the whole text, starting where a block entry's value starts: a scalar on
 * that line, or a flow collection, which may run over several lines (as formatters write long
 * ones), each continuation line indented deeper than `minIndent`.
 */
class ValueReader {
  pos: number;
  /** Line breaks crossed inside flow collections. */
  breaks = 0;
  readonly text: string;
  readonly depth: number;
  readonly minIndent: number;

  constructor(text: string, pos: number, depth: number, minIndent: number) {
    this.text = text;
    this.pos = pos;
    this.depth = depth;
    this.minIndent = minIndent;
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  /** Inside a flow collection: spaces, line breaks and comments, checking each new line's indentation. */
  private skipFlowSpace(): void {
    const text = this.text;
    for (;;) {
      const c = text[this.pos];
      if (c === ' ') this.pos++;
      else if (c === '#' && (text[this.pos - 1] === ' ' || text[this.pos - 1] === '\n')) {
        while (this.pos < text.length && text[this.pos] !== '\n') this.pos++;
      } else if (c === '\n' || c === '\r') {
        if (c === '\n') this.breaks++;
        this.pos++;
        if (c === '\n') {
          let indent = 0;
          while (text[this.pos + indent] === ' ') indent++;
          const next = text[this.pos + indent];
          if (next !== undefined && next !== '\n' && next !== '\r' && indent <= this.minIndent) outside();
        }
      } else return;
    }
  }

  /** What may follow the value on its last line: spaces, then the line end or a comment. */
  end(): void {
    const start = this.pos;
    this.skipSpaces();
    const c = this.text[this.pos];
    if (c === undefined || c === '\n' || c === '\r') return;
    if (c === '#' && this.pos > start) return;
    outside();
  }

  value(flow: boolean): unknown {
    const c = this.text[this.pos];
    if (c === '"') return this.doubleQuoted();
    if (c === "'") return this.singleQuoted();
    if (c === '[') return this.flowSeq();
    if (c === '{') return this.flowMap();
    return resolvePlain(this.plain(flow));
  }

  private doubleQuoted(): string {
    const text = this.text;
    let i = this.pos + 1;
    while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    // Unclosed on its line: a multi-line quoted scalar folds its line breaks; the full parser does that.
    if (text[i] !== '"') outside();
    const body = text.slice(this.pos + 1, i);
    if (body.replace(JSON_ESCAPES, '').includes('\\')) outside();
    this.pos = i + 1;
    return JSON.parse(`"${body}"`) as string;
  }

  private singleQuoted(): string {
    const text = this.text;
    let out = '';
    let i = this.pos + 1;
    for (;;) {
      const close = text.indexOf("'", i);
      const lineEnd = text.indexOf('\n', i);
      if (close < 0 || (lineEnd >= 0 && lineEnd < close)) outside();
      out += text.slice(i, close);
      if (text[close + 1] !== "'") {
        this.pos = close + 1;
        return out;
      }
      out += "'";
      i = close + 2;
    }
  }

  /** A plain scalar on this line: up to ` #`, `: ` or the line end (in flow context also `,[]{}`). */
  private plain(flow: boolean): string {
    const text = this.text;
    const first = text[this.pos];
    if (first === undefined || first === '\n' || first === '\r' || INDICATOR_START.has(first)) outside();
    // `-`, `?` and `:` start a plain scalar only when a non-space follows (else they are indicators).
    if (first === '-' || first === '?' || first === ':') {
      const next = text[this.pos + 1];
      if (next === undefined || next === ' ' || next === '\n' || next === '\r') outside();
    }
    let i = this.pos;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n' || c === '\r') break;
      if (c === '#' && text[i - 1] === ' ') break;
      if (c === ':') {
        const next = text[i + 1];
        if (next === undefined || next === ' ' || next === '\n' || next === '\r' || (flow && (next === ',' || next === ']' || next === '}'))) break;
      }
      if (flow && (c === ',' || c === '[' || c === ']' || c === '{' || c === '}')) break;
    }
    const value = text.slice(this.pos, i).trimEnd();
    this.pos += value.length;
    return value;
  }

  private flowSeq(): unknown[] {
    const items: unknown[] = [];
    // A `key: value` pair inside a flow list is a one-pair mapping in YAML; not in the subset.
    this.flowEntries(']', () => void items.push(this.nested()));
    return items;
  }

  private flowMap(): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    this.flowEntries('}', () => {
      const key = this.flowKey();
      if (Object.hasOwn(map, key) || key === '__proto__' || key === '<<') outside();
      map[key] = this.nested();
    });
    return map;
  }

  /**
   * The entries of a flow collection from its opening bracket to `close`, each read by `entry`,
   * separated by commas; a trailing comma (`[a, b,]`) ends it too (YAML 1.2.2 §7.4), as
   * formatters write it.
   */
  private flowEntries(close: ']' | '}', entry: () => void): void {
    if (this.depth >= MAX_DEPTH) outside();
    this.pos++;
    this.skipFlowSpace();
    while (this.text[this.pos] !== close) {
      entry();
      this.skipFlowSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        this.skipFlowSpace();
      } else if (c !== close) outside();
    }
    this.pos++;
  }

  /** A flow mapping's key and its `:` — a plain word followed by `: `, or a JSON string — and the spaces after. */
  private flowKey(): string {
    let key: string | undefined;
    if (this.text[this.pos] === '"') {
      key = this.doubleQuoted();
      this.skipSpaces();
      // JSON-like keys may have the value right after the colon (YAML 1.2.2 §7.4.2).
      if (this.text[this.pos++] !== ':') outside();
    } else {
      FLOW_KEY.lastIndex = this.pos;
      const written = FLOW_KEY.exec(this.text)?.[1];
      if (written === undefined) outside();
      this.pos += written.length + 2;
      key = keyName(written);
    }
    this.skipSpaces();
    return key;
  }

  /** A value inside a flow collection, one level deeper. */
  private nested(): unknown {
    const inner = new ValueReader(this.text, this.pos, this.depth + 1, this.minIndent);
    const value = inner.value(true);
    this.pos = inner.pos;
    this.breaks += inner.breaks;
    return value;
  }
}

/** A flow mapping's key: a plain word followed by `: ` (sticky, matched where the reader stands). */
const FLOW_KEY = /([A-Za-z_][A-Za-z0-9_.-]*): /y;

/** Nesting the reader follows before it leaves deep files to the full parser's `too_deep` check. */
const MAX_DEPTH = 32;

/** A block mapping entry's key at the start of `text`, and where its value starts; undefined if not one. */
function entryKey(text: string): { key: string; rest: number } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const after = text[colon + 1];
  if (after !== undefined && after !== ' ') return undefined;
  const key = text.slice(0, colon);
  if (!KEY.test(key)) return undefined;
  return { key: keyName(key), rest: colon + 1 };
}

/** A top-level entry left for later (`readPlainYamlInStages`): where its lines start and end, and its items. */
interface Deferred {
  key: string;
  found?: { line: number; end: number; items: number };
}

class BlockReader {
  i = 0;
  readonly lines: Lines;
  readonly text: string;
  readonly deferred: Deferred | undefined;

  constructor(lines: Lines, text: string, deferred?: Deferred) {
    this.lines = lines;
    this.text = text;
    this.deferred = deferred;
  }

  /**
   * Steps over the lines of a top-level entry's nested value without reading them: up to the next
   * line at column 0 that is not a list item (the next top-level key, or the end). Counts the items
   * of a block list there. Reading those lines later must end on the same line (`readDeferred`).
   */
  private skipNested(): { line: number; end: number; items: number } {
    const { lines, text } = this;
    const line = this.i;
    let listIndent = -1;
    let items = 0;
    let n = line;
    for (; n < lines.count; n++) {
      if (isBlank(text, lines, n)) continue;
      const indent = lines.indent[n]!;
      const item = this.isSeqItem(n);
      if (indent === 0 && !item) break;
      if (listIndent === -1) listIndent = item ? indent : -2;
      if (item && indent === listIndent) items++;
    }
    this.i = n;
    return { line, end: n, items };
  }

  /** The deferred entry's value, read from its first line; undefined unless it ends where the skip ended. */
  readDeferred(found: { line: number; end: number; items: number }): unknown {
    this.i = found.line;
    const value = this.nested(0, 0, true);
    const next = this.peek();
    if ((next < 0 ? this.lines.count : next) !== found.end) return undefined;
    if (Array.isArray(value) && value.length !== found.items) return undefined;
    return value;
  }

  /**
   * The value of an entry or list item that starts at `offset` on line `line`, within a block at
   * column `indent`; the reader moves past the line where the value ends.
   */
  private inline(line: number, offset: number, indent: number, depth: number): unknown {
    const reader = new ValueReader(this.text, offset, depth + 1, indent);
    const value = reader.value(false);
    reader.end();
    this.i = line + reader.breaks + 1;
    this.noContinuation(indent);
    return value;
  }

  /** The next line with content (its number, or -1 at the end), skipping blank and comment-only lines. */
  private peek(): number {
    while (this.i < this.lines.count) {
      if (!isBlank(this.text, this.lines, this.i)) return this.i;
      this.i++;
    }
    return -1;
  }

  /** Whether line `n` (with content) is a block list item. */
  private isSeqItem(n: number): boolean {
    return isSeqItemAt(this.text, contentStart(this.lines, n), this.lines.end[n]!);
  }

  /** The block (mapping or list) starting at the next line, which must be indented exactly `indent`. */
  block(indent: number, depth: number): unknown {
    if (depth >= MAX_DEPTH) outside();
    const line = this.peek();
    if (line < 0 || this.lines.indent[line] !== indent) outside();
    return this.isSeqItem(line) ? this.seq(indent, depth) : this.map(indent, depth, undefined);
  }

  /** The value after `key:` with nothing on its line: a nested block, a list at the same indentation, or null. */
  private nested(indent: number, depth: number, seqAllowedAtIndent: boolean): unknown {
    const next = this.peek();
    if (next < 0) return null;
    const at = this.lines.indent[next]!;
    if (at > indent) return this.block(at, depth + 1);
    if (seqAllowedAtIndent && at === indent && this.isSeqItem(next)) return this.seq(indent, depth + 1);
    return null;
  }

  /**
   * A block mapping whose entries sit at column `indent`; `first` is an entry already cut from a
   * list item line (`- key: value`), read before the lines that follow.
   */
  private map(indent: number, depth: number, first: { text: string; offset: number } | undefined): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let pending = first;
    for (;;) {
      let text: string;
      let offset: number;
      if (pending !== undefined) {
        ({ text, offset } = pending);
        pending = undefined;
      } else {
        const line = this.peek();
        if (line < 0 || this.lines.indent[line]! < indent) return map;
        if (this.lines.indent[line]! > indent || this.isSeqItem(line)) outside();
        text = contentOf(this.text, this.lines, line);
        offset = contentStart(this.lines, line);
      }
      const at = this.i++;
      const entry = entryKey(text);
      if (!entry) outside();
      if (Object.hasOwn(map, entry.key) || entry.key === '__proto__' || entry.key === '<<') outside();
      let pos = entry.rest;
      while (text[pos] === ' ') pos++;
      if (pos === text.length || (text[pos] === '#' && pos > entry.rest)) {
        if (depth === 0 && this.deferred?.key === entry.key) {
          // Its place is kept in the key order; `readPlainYamlInStages` fills it in.
          this.deferred.found = this.skipNested();
          map[entry.key] = null;
          continue;
        }
        map[entry.key] = this.nested(indent, depth, true);
        continue;
      }
      if (text[pos] === '|' || text[pos] === '>') {
        map[entry.key] = this.blockScalar(text.slice(pos), indent);
        continue;
      }
      map[entry.key] = this.inline(at, offset + pos, indent, depth);
    }
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header `header` ends the current line, its
   * content on the following lines indented deeper than `parent` (YAML 1.2.2 §8.1). Explicit
   * indentation indicators, leading blank lines and more-indented folded lines are left to the full parser.
   */
  private blockScalar(header: string, parent: number): string {
    const match = /^([|>])([-+]?)(?:\s+#.*)?$/.exec(header);
    if (!match) outside();
    const literal = match[1] === '|';
    const chomp = match[2];
    const lines = this.lines;
    if (this.i >= lines.count || contentStart(lines, this.i) === lines.end[this.i] || lines.indent[this.i]! <= parent) outside();
    const indent = lines.indent[this.i]!;
    const content: string[] = [];
    let last = this.i;
    for (; this.i < lines.count; this.i++) {
      const n = this.i;
      if (contentStart(lines, n) === lines.end[n]) {
        // Spaces beyond the indentation on an otherwise empty line are content in YAML; rare enough to leave.
        if (lines.rawEnd[n]! - lines.start[n]! > indent) outside();
        content.push('');
        continue;
      }
      if (lines.indent[n]! < indent) break;
      content.push(this.text.slice(lines.start[n]! + indent, lines.rawEnd[n]));
      last = n;
    }
    // Without a line break after the last line the clipped value would lose its final newline.
    if (last === lines.count - 1) outside();
    // Blank lines after the last content line belong to the chomping; the reader resumes after that line.
    const trailing = this.i - 1 - last;
    const body = content.slice(0, content.length - trailing);
    this.i = last + 1;
    let value: string;
    if (literal) value = body.join('\n');
    else {
      if (body.some((l) => l.startsWith(' '))) outside();
      value = '';
      for (let k = 0; k < body.length; k++) {
        const l = body[k]!;
        if (k === 0) value = l;
        else if (l === '') value += '\n';
        else value += body[k - 1] === '' ? l : ` ${l}`;
      }
    }
    if (chomp === '-') return value;
    if (chomp === '+') return `${value}\n${'\n'.repeat(trailing)}`;
    return `${value}\n`;
  }

  /** A block list whose `-` sit at column `indent`. */
  private seq(indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    const text = this.text;
    for (;;) {
      const line = this.peek();
      if (line < 0) return items;
      const lineIndent = this.lines.indent[line]!;
      // A line at this indentation that is no item ends a list written under its key (`key:` then `- a`).
      if (lineIndent < indent || (lineIndent === indent && !this.isSeqItem(line))) return items;
      if (lineIndent > indent) outside();
      const from = contentStart(this.lines, line);
      const end = this.lines.end[line]!;
      let rest = from + 1;
      while (text.charCodeAt(rest) === 32 && rest < end) rest++;
      if (rest === end || text.charCodeAt(rest) === 35) {
        this.i++;
        items.push(this.nested(indent, depth, false));
        continue;
      }
      if (isSeqItemAt(text, rest, end) || text.charCodeAt(rest) === 63) outside(); // ?
      const after = text.slice(rest, end);
      if (entryKey(after)) {
        // `- key: value`: a mapping whose entries line up with this first key.
        items.push(this.map(indent + (rest - from), depth + 1, { text: after, offset: rest }));
        continue;
      }
      items.push(this.inline(this.i, rest, indent, depth));
    }
  }

  /** A scalar's value ended its line; a deeper line after it would continue it (multi-line scalar). */
  private noContinuation(indent: number): void {
    const next = this.peek();
    if (next >= 0 && this.lines.indent[next]! > indent) outside();
  }
}

/** Splits the text into lines with their indentation; undefined when a character is outside the subset. */
function linesOf(text: string): Lines | undefined {
  // Tabs, NUL and other control characters, NEL, a byte-order mark, lone carriage returns: full parser.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f\u0085\ufeff]|\r(?!\n)/.test(text)) return undefined;
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const lines: Lines = { count, start: new Int32Array(count), indent: new Int32Array(count), end: new Int32Array(count), rawEnd: new Int32Array(count) };
  let start = 0;
  for (let n = 0; n < count; n++) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    const rawEnd = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd; // \r
    let indent = 0;
    while (start + indent < rawEnd && text.charCodeAt(start + indent) === 32) indent++;
    let end = rawEnd;
    while (end > start + indent && text.charCodeAt(end - 1) === 32) end--;
    // Directives and document markers: the full parser decides what they mean.
    if (indent === 0 && end > start) {
      const c = text.charCodeAt(start);
      if (c === 37 || ((c === 45 || c === 46) && (text.startsWith('---', start) || text.startsWith('...', start)))) return undefined; // % - .
    }
    lines.start[n] = start;
    lines.indent[n] = indent;
    lines.end[n] = end;
    lines.rawEnd[n] = rawEnd;
    start = lineEnd + 1;
  }
  return lines;
}

/** Whether every line from `from` on is blank or a comment. */
function blankFrom(text: string, lines: Lines, from: number): boolean {
  for (let n = from; n < lines.count; n++) if (!isBlank(text, lines, n)) return false;
  return true;
}

/** A document that is one flow mapping from line `first` on, with nothing but blank lines and comments after it. */
function topLevelFlow(text: string, lines: Lines, first: number): Record<string, unknown> | undefined {
  const reader = new ValueReader(text, lines.start[first]!, 0, -1);
  const value = reader.value(false) as Record<string, unknown>;
  reader.end();
  return blankFrom(text, lines, first + reader.breaks + 1) ? value : undefined;
}

/**
 * The plain value of a scenario file written in the common subset of YAML, exactly as the full
 * YAML 1.2 parser (core schema) would give it; undefined when the file needs the full parser.
 */
export function readPlainYaml(text: string): Record<string, unknown> | undefined {
  const lines = linesOf(text);
  if (!lines) return undefined;
  try {
    let first = 0;
    while (first < lines.count && isBlank(text, lines, first)) first++;
    // A JSON file, or YAML written as one flow mapping.
    if (first < lines.count && lines.indent[first] === 0 && text.charCodeAt(lines.start[first]!) === 123) return topLevelFlow(text, lines, first); // {
    const reader = new BlockReader(lines, text);
    const value = reader.block(0, 0);
    // Only a mapping is a scenario; anything left over means the reader lost its way.
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return blankFrom(text, lines, reader.i) ? (value as Record<string, unknown>) : undefined;
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

/** A reading in two stages (`readPlainYamlInStages`). */
export interface StagedReading {
  /** Every top-level entry but the deferred one, in the file's order. */
  first: Record<string, unknown>;
  /** How many block list items the deferred entry has (0 when it is no block list, or absent). */
  deferredItems: number;
  /** The whole value, the deferred entry read now and in its place: `readPlainYaml`'s value, or undefined where that is. */
  rest(): Record<string, unknown> | undefined;
}

/**
 * `readPlainYaml` in two stages: first everything but the top-level entry `key` when that is a
 * nested block (a region's flows are nine tenths of its text), then, when asked, the whole value.
 * Undefined when the text is outside the subset before or after that entry, or is one flow
 * mapping (JSON); then `readPlainYaml` decides.
 */
export function readPlainYamlInStages(text: string, key: string): StagedReading | undefined {
  const lines = linesOf(text);
  if (!lines) return undefined;
  try {
    let first = 0;
    while (first < lines.count && isBlank(text, lines, first)) first++;
    if (first < lines.count && lines.indent[first] === 0 && text.charCodeAt(lines.start[first]!) === 123) return undefined; // {
    const deferred: Deferred = { key };
    const reader = new BlockReader(lines, text, deferred);
    const value = reader.block(0, 0);
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !blankFrom(text, lines, reader.i)) return undefined;
    const whole = value as Record<string, unknown>;
    const found = deferred.found;
    const firstStage: Record<string, unknown> = {};
    for (const k of Object.keys(whole)) if (!found || k !== key) firstStage[k] = whole[k];
    return {
      first: firstStage,
      deferredItems: found?.items ?? 0,
      rest() {
        if (!found) return whole;
        try {
          const read = new BlockReader(lines, text).readDeferred(found);
          if (read === undefined) return undefined;
          whole[key] = read;
          return whole;
        } catch (error) {
          if (error instanceof OutsideSubset) return undefined;
          throw error;
        }
      },
    };
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}
