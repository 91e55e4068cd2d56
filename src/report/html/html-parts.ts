/**
 * Small HTML building blocks of the report: escaping, id code spans, tables and the inline
 * Markdown (code spans, bold, emphasis) that rule documentation and descriptions are written in.
 * Every piece of user text goes through `esc` or `inline`; nothing is ever inserted raw.
 */
import type { LinkStatusValue } from '../../engine/types.ts';
import type { ExposureLevel } from '../../model/types.ts';
import { escapeXml } from '../svg/svg-text.ts';

/** Escapes text for element content and double-quoted attributes. */
export const esc = escapeXml;

/** An id as code (ids match SPEC §1's pattern, but are escaped anyway). */
export function code(id: string): string {
  return `<code>${esc(id)}</code>`;
}

/** Ids as a comma-separated list of code spans, or a dash. */
export function codes(ids: readonly string[]): string {
  return ids.length > 0 ? ids.map(code).join(', ') : '–';
}

/** Inline Markdown subset: `code`, **bold**, *emphasis*; everything else escaped. */
export function inline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => {
      if (part.length > 1 && part.startsWith('`') && part.endsWith('`')) return `<code>${esc(part.slice(1, -1))}</code>`;
      return esc(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>')
        .replace(/(^|[^_\w])_([^_\s][^_]*)_(?!\w)/g, '$1<em>$2</em>');
    })
    .join('');
}

/** A table cell: plain HTML, or HTML with a class. */
export type Cell = string | { html: string; className?: string };

function cell(c: Cell): string {
  return typeof c === 'string' ? `<td>${c}</td>` : `<td${c.className ? ` class="${c.className}"` : ''}>${c.html}</td>`;
}

/** A table with a header row that repeats on every printed page. */
export function table(header: readonly string[], rows: readonly (readonly Cell[])[], className = ''): string {
  return Array.from(tablePieces(header, rows.length, (i) => rows[i]!, className)).join('');
}

/** Items per piece of a long list or table: a few hundred kilobytes of HTML. */
const ITEMS_PER_PIECE = 1000;

/**
 * `count` items, each `render(i)`, joined by newlines, as pieces of a thousand items (joined, the
 * same text), each piece made only when it is asked for: a large region's lists are more HTML than
 * one string holds, and more than a worker should hold at once on the way into a file.
 */
export function* itemPieces(count: number, render: (i: number) => string): Generator<string> {
  for (let start = 0; start < count; start += ITEMS_PER_PIECE) {
    const items: string[] = [];
    for (let i = start; i < Math.min(count, start + ITEMS_PER_PIECE); i++) items.push(render(i));
    yield (start > 0 ? '\n' : '') + items.join('\n');
  }
}

/** `table` as pieces (joined, they are its HTML), a thousand rows a piece (`itemPieces`), made as they are asked for. */
export function* tablePieces(header: readonly string[], count: number, row: (i: number) => readonly Cell[], className = ''): Generator<string> {
  const head = `<thead><tr>${header.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`;
  yield `<table${className ? ` class="${className}"` : ''}>${head}\n<tbody>`;
  yield* itemPieces(count, (i) => `<tr>${row(i).map(cell).join('')}</tr>`);
  yield '</tbody></table>';
}

const STATUS_TEXT: Record<LinkStatusValue, string> = {
  plaintext: '✗ plaintext',
  headers: '◐ headers',
  encrypted: '✓ encrypted',
  idle: '· idle',
};

/** A link status with its glyph, styled by class (SPEC X8). */
export function statusBadge(status: LinkStatusValue): string {
  return `<span class="badge st-${status}">${STATUS_TEXT[status]}</span>`;
}

/** An exposure level with the tamper mark, styled by class (SPEC X6, X7). */
export function levelBadge(level: ExposureLevel, tamper: boolean): string {
  const word = { none: '–', metadata: 'metadata', headers: 'headers', payload: 'payload' }[level];
  return `<span class="badge lv-${level}">${word}${tamper ? ' <span class="tamper" title="can tamper">⚠ tamper</span>' : ''}</span>`;
}

/** A section with an anchor and a heading; `page` starts it on a new printed page. */
export function section(id: string, title: string, body: string, page = true): string {
  return Array.from(sectionPieces(id, title, [body], page)).join('');
}

/** `section` around a body in pieces (taken from `body` as they are asked for). */
export function* sectionPieces(id: string, title: string, body: Iterable<string>, page = true): Generator<string> {
  yield `<section id="${id}"${page ? ' class="page"' : ''}>\n<h2>${esc(title)}</h2>\n`;
  yield* body;
  yield '\n</section>';
}

/** Numbers with a thin grouping space are hard to diff; plain digits with `toFixed` where asked. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

/** Only inline styles and `data:` images: a report page can make no request, even by mistake. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A self-contained HTML page (report, diff): the head every page shares, then `body` as given. */
export function htmlDocument(page: { title: string; css: string; generator?: string; body: string }): string {
  return Array.from(htmlDocumentPieces({ ...page, body: [page.body] })).join('');
}

/** `htmlDocument` as pieces: the head, the body's pieces as they are asked for, the end (joined, they are the page). */
export function* htmlDocumentPieces(page: { title: string; css: string; generator?: string; body: Iterable<string> }): Generator<string> {
  const generator = page.generator === undefined ? '' : `<meta name="generator" content="${esc(page.generator)}">\n`;
  const head = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${generator}<title>${esc(page.title)}</title>
<style>${page.css}</style>
</head>
<body>
`;
  yield head;
  yield* page.body;
  yield '\n</body>\n</html>\n';
}
