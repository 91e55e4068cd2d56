/**
 * Line/column ↔ offset arithmetic on the scenario text (1-based lines and columns, as diagnostics use).
 */

/** Offset of a 1-based line and column in `text` (clamped to the text). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/** The 1-based line where the entity with `id` is declared (`id: x` or `- { id: x`), if any. */
export function lineOfId(text: string, id: string): number | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const re = new RegExp(`(^|[{,\\s])id:\\s*["']?${escaped}["']?\\s*([,}]|$)`, 'm');
  const m = re.exec(text);
  if (!m) return undefined;
  return text.slice(0, m.index).split('\n').length + (m[1] === '\n' ? 1 : 0);
}
