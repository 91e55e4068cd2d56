/**
 * ANSI styling for the text report. Every helper is the identity when colour is off, so the
 * uncoloured report is the same text with no escapes (NO_COLOR, pipes, files).
 */
import type { ExposureLevel } from '../../model/types.ts';
import type { LinkStatusValue, Severity } from '../../engine/types.ts';

type Paint = (text: string) => string;

/** The palette of one report. */
export interface TextStyle {
  bold: Paint;
  dim: Paint;
  red: Paint;
  yellow: Paint;
  green: Paint;
}

// SGR codes (ECMA-48 §8.3.117): 1/22 bold on/off, 2/22 faint, 31/32/33 red/green/yellow, 39 default colour.
function sgr(enabled: boolean, on: number, off: number): Paint {
  return enabled ? (text) => `\u001b[${on}m${text}\u001b[${off}m` : (text) => text;
}

/** A palette that colours only when `enabled`. */
export function createTextStyle(enabled: boolean): TextStyle {
  return {
    bold: sgr(enabled, 1, 22),
    dim: sgr(enabled, 2, 22),
    red: sgr(enabled, 31, 39),
    yellow: sgr(enabled, 33, 39),
    green: sgr(enabled, 32, 39),
  };
}

/** Colour of a link status: red plaintext, yellow headers, green encrypted, dim idle. */
export function paintLinkStatus(style: TextStyle, status: LinkStatusValue): Paint {
  return { plaintext: style.red, headers: style.yellow, encrypted: style.green, idle: style.dim }[status];
}

/** Colour of an exposure level. */
export function paintExposure(style: TextStyle, level: ExposureLevel): Paint {
  return { payload: style.red, headers: style.yellow, metadata: (t: string) => t, none: style.dim }[level];
}

/** Colour of a finding severity. */
export function paintSeverity(style: TextStyle, severity: Severity): Paint {
  return severity === 'critical' || severity === 'high'
    ? style.red
    : severity === 'medium'
      ? style.yellow
      : style.dim;
}

/** The SGR escapes this module writes. */
// eslint-disable-next-line no-control-regex -- matching the escapes by their control character
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Length of text as the terminal shows it: escapes take no columns, a character beyond the BMP
 * (two UTF-16 units) takes one. Counted without copying the text: line wrapping measures every
 * candidate line, and spreading each into an array of characters was a sixth of the text report
 * of a 1,000-host region.
 */
export function visibleLength(text: string): number {
  const shown = text.includes('\u001b') ? text.replace(SGR, '') : text;
  let n = shown.length;
  for (let i = 0; i < shown.length - 1; i++) {
    const c = shown.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) continue;
    const d = shown.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}
