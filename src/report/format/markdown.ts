/**
 * GitHub-flavoured Markdown building blocks: escaping of user text and pipe tables.
 */

/**
 * Escapes user text (scenario names, messages, reasons) so Markdown shows it literally: emphasis,
 * links, code spans, inline HTML and table pipes (GFM spec §4.10, §6.1 backslash escapes).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** An id as a code span; ids match `^[A-Za-z0-9][A-Za-z0-9._:/-]*$` so need no escaping (SPEC §1). */
export function code(id: string): string {
  return `\`${id}\``;
}

/** A GFM pipe table; cells must already be escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/** A bullet list item with nested bullets (two-space indent, as GFM nests list items). */
export function bullet(text: string, children: readonly string[] = []): string[] {
  return [`- ${text}`, ...children.map((child) => `  - ${child}`)];
}
