/**
 * The shared shape of `ip xfrm state` and `ip xfrm policy` (iproute2 ip/ipxfrm.c): each entry
 * starts at column 0 with `src <addr> dst <addr>` and continues on tab-indented lines.
 */
import type { Line, XfrmSelector } from './types.ts';

/** One entry: its first line and the indented lines below it. */
export interface XfrmBlock {
  head: Line;
  body: Line[];
}

const HEAD = /^src\s+\S+\s+dst\s+\S+/;

/** True when `line` starts an xfrm state or policy entry. */
export function startsXfrm(line: Line): boolean {
  return HEAD.test(line.text);
}

/** Groups lines into entries; lines outside any entry are returned for reporting. */
export function splitXfrmBlocks(lines: readonly Line[]): { blocks: XfrmBlock[]; outside: Line[] } {
  const blocks: XfrmBlock[] = [];
  const outside: Line[] = [];
  let current: XfrmBlock | undefined;
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (HEAD.test(line.text)) blocks.push((current = { head: line, body: [] }));
    else if (current && /^\s/.test(line.text)) current.body.push(line);
    else {
      current = undefined;
      outside.push(line);
    }
  }
  return { blocks, outside };
}

/** Splits an indented line into words. */
export function wordsOf(line: Line): string[] {
  return line.text.trim().split(/\s+/);
}

/** Reads `src A dst B [proto P] [sport N] [dport N] …` from words; undefined without src/dst. */
export function readSelector(words: readonly string[]): XfrmSelector | undefined {
  const value = (key: string): string | undefined => {
    const index = words.indexOf(key);
    return index >= 0 ? words[index + 1] : undefined;
  };
  const src = value('src');
  const dst = value('dst');
  if (src === undefined || dst === undefined) return undefined;
  const proto = value('proto');
  const sport = Number(value('sport'));
  const dport = Number(value('dport'));
  return {
    src,
    dst,
    ...(proto !== undefined ? { proto } : {}),
    ...(Number.isInteger(sport) && sport > 0 ? { sport } : {}),
    ...(Number.isInteger(dport) && dport > 0 ? { dport } : {}),
  };
}

/** An address without its prefix length (`10.0.0.1/32` → `10.0.0.1`). */
export function hostPart(address: string): string {
  return address.replace(/\/\d+$/, '');
}

/** True for a selector address that names one host (`/32`, `/128`, or no prefix). */
export function isHostAddress(address: string): boolean {
  const prefix = /\/(\d+)$/.exec(address)?.[1];
  return prefix === undefined ? !/^(0\.0\.0\.0|::)$/.test(address) : prefix === '32' || prefix === '128';
}
