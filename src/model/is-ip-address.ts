/**
 * Syntax check of IP address literals for `hosts[].ip` (no lookups, no CIDR suffix).
 */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9A-Fa-f]{1,4}$/;

/** True for a dotted-quad IPv4 address (RFC 791), no leading zeros. */
export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** True for an IPv6 address in RFC 4291 §2.2 text form, including `::` and an IPv4 tail. */
export function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...tail];
  // An embedded IPv4 address (::ffff:192.0.2.1) counts as two 16-bit groups and must come last.
  const last = all.at(-1);
  const v4Tail = last !== undefined && last.includes('.');
  if (v4Tail && !isIpv4(last)) return false;
  const hextets = v4Tail ? all.slice(0, -1) : all;
  if (!hextets.every((group) => HEXTET.test(group))) return false;
  const count = hextets.length + (v4Tail ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** True for an IPv4 or IPv6 address literal. */
export function isIpAddress(text: string): boolean {
  return text.includes(':') ? isIpv6(text) : isIpv4(text);
}
