/**
 * Escaping and shared drawing constants of the report's SVG pictures, so the topology, the charts
 * and the HTML tables speak the same visual language as the app's canvas.
 */
import type { LinkStatusValue } from '../../engine/types.ts';

/** Escapes text for XML/HTML element content and double-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Fonts present on Debian/Ubuntu (fonts-liberation, DejaVu) and on every desktop, no web fonts. */
export const FONT = "'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";

/**
 * Okabe & Ito (2008) "Color Universal Design" palette, the same status colours as the app's canvas
 * (src/app/canvas/topology-style.ts), readable with the common colour-vision deficiencies.
 */
export const STATUS_COLOR: Record<LinkStatusValue, string> = {
  plaintext: '#D55E00',
  headers: '#E69F00',
  encrypted: '#009E73',
  idle: '#999999',
};

/** Line patterns per status, as on the canvas: the picture works in greyscale (WCAG 2.2 SC 1.4.1). */
export const STATUS_DASH: Record<LinkStatusValue, string> = { plaintext: '7 4', headers: '2 3', encrypted: '', idle: '' };

/** Line width per status: idle links recede. */
export const STATUS_WIDTH: Record<LinkStatusValue, number> = { plaintext: 3.5, headers: 3.5, encrypted: 3.5, idle: 1.5 };

/** Glyph per status, the same as the text and Markdown reports (src/report/format/labels.ts). */
export const STATUS_GLYPH: Record<LinkStatusValue, string> = { plaintext: '✗', headers: '◐', encrypted: '✓', idle: '·' };

/** Words per status for legends. */
export const STATUS_WORDS: Record<LinkStatusValue, string> = {
  plaintext: 'plaintext payload',
  headers: 'headers readable (payload under TLS)',
  encrypted: 'encrypted',
  idle: 'idle (no flow)',
};
