/**
 * Stage 1 of validation (SPEC §1.2): from text to a plain value, guarding against files that are
 * too large, binary, too deeply nested or alias bombs before the YAML composer (which recurses)
 * ever sees them. JSON goes through the same YAML 1.2 parser, so its positions work the same way.
 */
import { Composer, isMap, isScalar, isSeq, Lexer, LineCounter, Parser, type Document } from 'yaml';
import { MAX_ALIAS_COUNT, MAX_FILE_CHARS, MAX_NESTING } from './defaults.ts';
import type { Reporter } from './draft-diagnostic.ts';

type Token = ReturnType<Parser['next']> extends Generator<infer T> ? T : never;

/** What stage 1 produced: the value when later stages may run, and what is needed to locate nodes. */
export interface LoadedYaml {
  value?: unknown;
  doc?: Document.Parsed;
  lineCounter: LineCounter;
}

// Git treats a NUL byte in the first 8000 bytes as the sign of a binary file (xdiff buffer_is_binary).
const BINARY_PROBE_CHARS = 8000;

/** Lexes and parses to CST tokens, stopping as soon as collections nest deeper than MAX_NESTING. */
function parseTokens(text: string, lineCounter: LineCounter, reporter: Reporter): Token[] | undefined {
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The parser's stack holds the document plus one entry per open collection or scalar.
    if (parser.stack.length > MAX_NESTING + 2) {
      const at = parser.offset;
      const message = `the file nests lists and mappings more than ${MAX_NESTING} levels deep; a scenario needs 7 at most`;
      reporter.report('too_deep', [], message, {
        offset: [at, at + 1],
        hint: 'is this really a Plainsight scenario?',
      });
      return undefined;
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

/** The mapping key written at `offset` (plain, or quoted as in JSON) and its length in the text. */
function keyAt(text: string, offset: number): { name: string; length: number } {
  const written =
    /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n,{}[\]]*)/.exec(text.slice(offset, offset + 1000))?.[0] ??
    '';
  const trimmed = written.trimEnd();
  const quoted = /^["']/.test(trimmed);
  return { name: quoted ? trimmed.slice(1, -1) : trimmed, length: trimmed.length };
}

function reportYamlProblems(docs: Document.Parsed[], text: string, reporter: Reporter): boolean {
  let fatal = false;
  for (const doc of docs) {
    for (const error of doc.errors) {
      const offset: [number, number] = [error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)];
      if (error.code === 'DUPLICATE_KEY') {
        const key = keyAt(text, error.pos[0]);
        reporter.report('duplicate_key', [], `key \`${key.name}\` appears twice in the same mapping`, {
          offset: [error.pos[0], error.pos[0] + Math.max(1, key.length)],
          hint: 'YAML keeps only the last one: remove or rename the other',
        });
      } else {
        fatal = true;
        reporter.report('yaml_syntax', [], error.message, { offset });
      }
    }
    for (const warning of doc.warnings)
      reporter.report('yaml_warning', [], warning.message, {
        offset: [warning.pos[0], Math.max(warning.pos[1], warning.pos[0] + 1)],
      });
  }
  return fatal;
}

function describeTopLevel(doc: Document.Parsed): string {
  if (isSeq(doc.contents))
    return 'the file is a list; a scenario is a mapping of fields that starts with `plainsight: 1`';
  if (isScalar(doc.contents) && typeof doc.contents.value === 'string')
    return 'the file is plain text, not a YAML or JSON mapping of scenario fields';
  return 'the file is a single value, not a mapping of scenario fields';
}

/** Converts the document to plain data; alias bombs and unresolved aliases are reported here. */
function toPlainValue(doc: Document.Parsed, reporter: Reporter): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset: [number, number] = [doc.contents?.range?.[0] ?? 0, (doc.contents?.range?.[0] ?? 0) + 1];
    if (/alias count/i.test(message)) {
      reporter.report(
        'too_many_aliases',
        [],
        `the file expands YAML aliases more than ${MAX_ALIAS_COUNT} times (a "billion laughs" file?)`,
        { offset },
      );
    } else {
      reporter.report('yaml_syntax', [], message, { offset });
    }
    return undefined;
  }
}

/** Parses `text` as one YAML (or JSON) document; `value` is set only when the shape stage may run. */
export function loadYaml(text: string, reporter: Reporter): LoadedYaml {
  const lineCounter = new LineCounter();
  // The parser reports every later line start; the first one is ours to add.
  lineCounter.addNewLine(0);
  if (text.length > MAX_FILE_CHARS) {
    const message = `the file has ${text.length.toLocaleString('en')} characters; Plainsight reads scenarios of at most ${MAX_FILE_CHARS.toLocaleString('en')} (${MAX_FILE_CHARS / 2 ** 20} MiB)`;
    reporter.report('file_too_large', [], message, {
      offset: [0, 0],
      hint: 'is this really a scenario? Large imports can be split into several scenarios',
    });
    return { lineCounter };
  }
  const nul = text.slice(0, BINARY_PROBE_CHARS).indexOf('\0');
  if (nul >= 0) {
    for (let at = text.indexOf('\n'); at >= 0 && at < nul; at = text.indexOf('\n', at + 1))
      lineCounter.addNewLine(at + 1);
    reporter.report(
      'binary_file',
      [],
      'the file contains NUL bytes: it looks like binary data, not YAML or JSON text',
      { offset: [nul, nul + 1] },
    );
    return { lineCounter };
  }
  const tokens = parseTokens(text, lineCounter, reporter);
  if (!tokens) return { lineCounter };
  // logLevel 'error': the library would otherwise call process.emitWarning for collection keys;
  // such keys are reported as unknown fields by the shape stage instead (the model never logs).
  const docs = Array.from(new Composer({ merge: true, uniqueKeys: true, logLevel: 'error' }).compose(tokens, true));
  const doc = docs[0]!;
  if (docs.length > 1) {
    const start = docs[1]!.range[0];
    reporter.report(
      'multiple_documents',
      [],
      `the file holds ${docs.length} YAML documents; a scenario is exactly one`,
      { offset: [start, start + 1], hint: 'remove the `---` separator or split the file' },
    );
  }
  if (reportYamlProblems(docs, text, reporter) || docs.length > 1) return { doc, lineCounter };
  if (doc.contents === null) {
    reporter.report(
      'empty_file',
      [],
      'the file is empty: a scenario needs at least `plainsight: 1` and a `name`',
      { offset: [0, 0] },
    );
    return { doc, lineCounter };
  }
  if (!isMap(doc.contents)) {
    const range = doc.contents.range ?? [0, 0];
    reporter.report('not_a_mapping', [], describeTopLevel(doc), {
      offset: [range[0], Math.max(range[1], range[0] + 1)],
      hint: 'a scenario starts with `plainsight: 1` and `name: …`',
    });
    return { doc, lineCounter };
  }
  return { value: toPlainValue(doc, reporter), doc, lineCounter };
}
