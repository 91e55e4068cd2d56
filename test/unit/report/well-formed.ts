/**
 * A strict well-formedness check for the HTML Plainsight writes: every non-void element closed in
 * order, attribute values quoted, no stray `<`. Stricter than HTML requires, which is the point:
 * the report must not lean on a browser's error recovery.
 */

const VOID = new Set(['meta', 'br', 'img', 'hr', 'input', 'link', 'col', 'area', 'base', 'wbr', 'source', 'path', 'rect', 'line', 'ellipse', 'circle', 'polygon', 'polyline', 'stop', 'use']);
const RAW_TEXT = new Set(['style', 'script', 'title']);

/** Problems found, empty when the document is well-formed. */
export function checkWellFormed(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(\/?)>|<!DOCTYPE html>|<!--[\s\S]*?-->|</g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    if (m[0] === '<') {
      problems.push(`stray '<' at ${m.index}: ${html.slice(m.index, m.index + 40)}`);
      continue;
    }
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (m[1]) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${m.index}`);
    } else if (!m[4] && !VOID.has(name)) {
      stack.push(name);
      if (RAW_TEXT.has(name)) {
        const end = html.indexOf(`</${name}>`, tag.lastIndex);
        if (end < 0) problems.push(`<${name}> never closed`);
        else tag.lastIndex = end;
      }
    }
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  return problems;
}
