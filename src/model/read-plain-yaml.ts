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

interface Line {
  indent: number;
  /** The line without its indentation and trailing spaces. */
  text: string;
  /** The whole line (without a trailing `\r`): block scalars keep every space. */
  raw: string;
  /** Offset of the line's first character in the text. */
  start: number;
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

class BlockReader {
  i = 0;
  readonly lines: Line[];
  readonly text: string;

  constructor(lines: Line[], text: string) {
    this.lines = lines;
    this.text = text;
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

  /** The next line with content, skipping blank and comment-only lines. */
  private peek(): Line | undefined {
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.text.length > 0 && line.text[0] !== '#') return line;
      this.i++;
    }
    return undefined;
  }

  /** The block (mapping or list) starting at the next line, which must be indented exactly `indent`. */
  block(indent: number, depth: number): unknown {
    if (depth >= MAX_DEPTH) outside();
    const line = this.peek();
    if (!line || line.indent !== indent) outside();
    return isSeqItem(line.text) ? this.seq(indent, depth) : this.map(indent, depth, undefined);
  }

  /** The value after `key:` with nothing on its line: a nested block, a list at the same indentation, or null. */
  private nested(indent: number, depth: number, seqAllowedAtIndent: boolean): unknown {
    const next = this.peek();
    if (next && next.indent > indent) return this.block(next.indent, depth + 1);
    if (next && seqAllowedAtIndent && next.indent === indent && isSeqItem(next.text)) return this.seq(indent, depth + 1);
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
        if (!line || line.indent < indent) return map;
        if (line.indent > indent || isSeqItem(line.text)) outside();
        text = line.text;
        offset = line.start + line.indent;
      }
      const at = this.i++;
      const entry = entryKey(text);
      if (!entry) outside();
      if (Object.hasOwn(map, entry.key) || entry.key === '__proto__' || entry.key === '<<') outside();
      let pos = entry.rest;
      while (text[pos] === ' ') pos++;
      if (pos === text.length || (text[pos] === '#' && pos > entry.rest)) {
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
    const first = this.lines[this.i];
    if (!first || first.text.length === 0 || first.indent <= parent) outside();
    const indent = first.indent;
    const content: string[] = [];
    let last = this.i;
    for (; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i]!;
      if (line.text.length === 0) {
        // Spaces beyond the indentation on an otherwise empty line are content in YAML; rare enough to leave.
        if (line.raw.length > indent) outside();
        content.push('');
        continue;
      }
      if (line.indent < indent) break;
      content.push(line.raw.slice(indent));
      last = this.i;
    }
    // Without a line break after the last line the clipped value would lose its final newline.
    if (last === this.lines.length - 1) outside();
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
    for (;;) {
      const line = this.peek();
      // A line at this indentation that is no item ends a list written under its key (`key:` then `- a`).
      if (!line || line.indent < indent || (line.indent === indent && !isSeqItem(line.text))) return items;
      if (line.indent > indent) outside();
      let start = 1;
      while (line.text[start] === ' ') start++;
      const rest = line.text.slice(start);
      if (rest.length === 0 || rest[0] === '#') {
        this.i++;
        items.push(this.nested(indent, depth, false));
        continue;
      }
      if (isSeqItem(rest) || rest[0] === '?') outside();
      if (entryKey(rest)) {
        // `- key: value`: a mapping whose entries line up with this first key.
        items.push(this.map(indent + start, depth + 1, { text: rest, offset: line.start + line.indent + start }));
        continue;
      }
      items.push(this.inline(this.i, line.start + line.indent + start, indent, depth));
    }
  }

  /** A scalar's value ended its line; a deeper line after it would continue it (multi-line scalar). */
  private noContinuation(indent: number): void {
    const next = this.peek();
    if (next && next.indent > indent) outside();
  }
}

function isSeqItem(text: string): boolean {
  return text[0] === '-' && (text.length === 1 || text[1] === ' ');
}

/** Splits the text into lines with their indentation; undefined when a character is outside the subset. */
function linesOf(text: string): Line[] | undefined {
  // Tabs, NUL and other control characters, NEL, a byte-order mark, lone carriage returns: full parser.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f\u0085\ufeff]|\r(?!\n)/.test(text)) return undefined;
  const raw = text.split('\n');
  const lines = new Array<Line>(raw.length);
  let start = 0;
  for (let n = 0; n < raw.length; n++) {
    let line = raw[n]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    const content = line.slice(indent);
    // Directives and document markers: the full parser decides what they mean.
    if (indent === 0 && (content.startsWith('%') || content.startsWith('---') || content.startsWith('...'))) return undefined;
    lines[n] = { indent, text: content.trimEnd(), raw: line, start };
    start += raw[n]!.length + 1;
  }
  return lines;
}

/** A document that is one flow mapping from line `first` on, with nothing but blank lines and comments after it. */
function topLevelFlow(text: string, lines: Line[], first: number): Record<string, unknown> | undefined {
  const reader = new ValueReader(text, lines[first]!.start, 0, -1);
  const value = reader.value(false) as Record<string, unknown>;
  reader.end();
  const after = first + reader.breaks + 1;
  return lines.slice(after).every((l) => l.text.length === 0 || l.text[0] === '#') ? value : undefined;
}

/**
 * The plain value of a scenario file written in the common subset of YAML, exactly as the full
 * YAML 1.2 parser (core schema) would give it; undefined when the file needs the full parser.
 */
export function readPlainYaml(text: string): Record<string, unknown> | undefined {
  const lines = linesOf(text);
  if (!lines) return undefined;
  try {
    const first = lines.findIndex((l) => l.text.length > 0 && l.text[0] !== '#');
    // A JSON file, or YAML written as one flow mapping.
    if (first >= 0 && lines[first]!.indent === 0 && lines[first]!.text[0] === '{') return topLevelFlow(text, lines, first);
    const reader = new BlockReader(lines, text);
    const value = reader.block(0, 0);
    // Only a mapping is a scenario; anything left over means the reader lost its way.
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return reader.i >= lines.length || lines.slice(reader.i).every((l) => l.text.length === 0 || l.text[0] === '#') ? (value as Record<string, unknown>) : undefined;
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}
