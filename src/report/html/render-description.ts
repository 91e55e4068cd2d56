/**
 * The scenario description is Markdown written by the scenario's author (SPEC §1). The report
 * renders a safe subset — paragraphs, bullet lists (nested by indentation), headings and the
 * inline forms of `inline()` — and escapes everything else, so a description can never inject
 * markup, scripts or requests into the report.
 */
import { inline } from './html-parts.ts';

interface Item {
  depth: number;
  text: string;
}

function renderList(items: readonly Item[]): string {
  let html = '';
  let depth = -1;
  for (const item of items) {
    const d = Math.min(item.depth, depth + 1);
    if (d > depth) html += '<ul>'.repeat(d - depth);
    else html += '</li>' + '</ul></li>'.repeat(depth - d);
    html += `<li>${inline(item.text)}`;
    depth = d;
  }
  return html + '</li>' + '</ul></li>'.repeat(depth) + '</ul>';
}

/** Renders a Markdown description as HTML blocks. */
export function renderDescription(markdown: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let items: Item[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push(`<p>${inline(paragraph.join(' '))}</p>`);
    if (items.length > 0) blocks.push(renderList(items));
    paragraph = [];
    items = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      blocks.push(`<p class="lead"><strong>${inline(heading[1] ?? '')}</strong></p>`);
    } else if (bullet) {
      if (paragraph.length > 0) flush();
      items.push({ depth: Math.floor((bullet[1] ?? '').length / 2), text: bullet[2] ?? '' });
    } else if (items.length > 0) {
      // A continuation line of the last list item.
      const last = items[items.length - 1]!;
      last.text += ` ${line.trim()}`;
    } else paragraph.push(line.trim());
  }
  flush();
  return blocks.join('\n');
}
