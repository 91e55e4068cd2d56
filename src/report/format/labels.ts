/**
 * Words and symbols shared by the text and Markdown reports, so both say the same thing.
 * Symbols carry the meaning without colour (NO_COLOR, pipes, printed reports).
 */
import type { ExposureLevel, FlowFilter, Requirement } from '../../model/types.ts';
import type { Exposure, LinkStatusValue, Severity } from '../../engine/types.ts';

/** Status of a link with a symbol that works without colour (SPEC X8). */
export function linkStatusLabel(status: LinkStatusValue): string {
  const symbol = { plaintext: '✗', headers: '◐', encrypted: '✓', idle: '·' }[status];
  return `${symbol} ${status}`;
}

/** Matrix cell of an exposure: level abbreviation plus `!` when the attacker can tamper (X6, X7). */
export function exposureCell(level: ExposureLevel, tamper: boolean): string {
  const word = { none: '-', metadata: 'meta', headers: 'headers', payload: 'payload' }[level];
  return tamper ? `${word}!` : word;
}

/** Legend of the exposure matrix cells. */
export const EXPOSURE_LEGEND =
  'payload: application data readable · headers: inner addresses and ports readable · ' +
  'meta: packets observed, nothing inside · -: no vantage on the path · !: can tamper';

/** `payload, can tamper` — an exposure in words. */
export function describeExposure(e: Pick<Exposure, 'level' | 'tamper'>): string {
  return e.tamper ? `${e.level}, can tamper` : e.level;
}

/** Severities from most to least severe; findings are grouped in this order. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function describeFlows(flows: FlowFilter): string {
  if (flows === 'all') return 'all flows';
  if (Array.isArray(flows)) return `flows ${flows.join(', ')}`;
  const sensitivity = flows.sensitivity ? `${flows.sensitivity} ` : '';
  const cls = flows.class ? ` of class ${flows.class}` : '';
  return `${sensitivity}flows${cls}`;
}

/**
 * `confidential flows; against all attackers; at most metadata; no tampering` — a requirement in
 * words. Semicolons separate the clauses because the id lists inside them use commas.
 */
export function describeRequirement(r: Requirement): string {
  const against = r.against === 'all' ? 'all attackers' : r.against.join(', ');
  const tamper = r.noTamper ? '; no tampering' : '';
  return `${describeFlows(r.flows)}; against ${against}; at most ${r.maxExposure}${tamper}`;
}

/** A throughput figure with three significant digits (`9.1`, `12.3`, `0.0512`). */
export function formatGbps(gbps: number): string {
  return String(Number(gbps.toPrecision(3)));
}

/** `host:c1` → `c1`: the kind prefix of a path element. */
export function stripKind(element: string): string {
  const colon = element.indexOf(':');
  return colon < 0 ? element : element.slice(colon + 1);
}

/** Path elements as display tokens: nodes by id, links as `─l1─` between them (SPEC X1). */
export function pathTokens(path: readonly string[]): string[] {
  return path.map((el) => (el.startsWith('link:') ? `─${stripKind(el)}─` : stripKind(el)));
}
