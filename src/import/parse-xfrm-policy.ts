/**
 * One `ip xfrm policy` entry (iproute2 ip/xfrm_policy.c): the selector on the first line, then
 * `dir in|out|fwd [action block] priority … ptype main` (or `socket in|out …`), `mark`, and
 * `tmpl src … dst …` followed by `proto esp reqid … mode …` — the SA the kernel requires.
 */
import { readSelector, wordsOf, type XfrmBlock } from './xfrm-blocks.ts';
import type { Line, LineProblem, XfrmPolicy } from './types.ts';

const IGNORED = new Set(['lifetime', 'if_id', 'security', 'offload']);

function readDir(policy: XfrmPolicy, words: string[]): boolean {
  const [key, dir] = words;
  if (key === 'dir' && (dir === 'in' || dir === 'out' || dir === 'fwd')) policy.dir = dir;
  else if (key === 'socket' && (dir === 'in' || dir === 'out')) policy.dir = `socket-${dir}`;
  else return false;
  if (words.includes('action'))
    policy.action = words[words.indexOf('action') + 1] === 'block' ? 'block' : 'allow';
  return true;
}

function readLine(policy: XfrmPolicy, line: Line, continuing: boolean): boolean {
  const words = wordsOf(line);
  const tmpl = policy.templates.at(-1);
  if (readDir(policy, words)) return true;
  if (words[0] === 'mark') policy.mark = words[1] ?? '';
  else if (words[0] === 'tmpl') {
    const selector = readSelector(words);
    if (!selector) return false;
    policy.templates.push({ src: selector.src, dst: selector.dst, proto: '', optional: false });
  } else if (tmpl && words[0] === 'proto') {
    tmpl.proto = words[1] ?? '';
    if (words.includes('mode')) tmpl.mode = words[words.indexOf('mode') + 1] ?? '';
  } else if (tmpl && words[0] === 'level') tmpl.optional = words[1] === 'use';
  else return IGNORED.has(words[0] ?? '') || (continuing && /^\t[ \t]/.test(line.text));
  return true;
}

/** Parses one policy entry; lines it cannot read are returned in `unparsed`. */
export function parseXfrmPolicyBlock(block: XfrmBlock): {
  policy: XfrmPolicy;
  unparsed: Line[];
  problems: LineProblem[];
} {
  const selector = readSelector(wordsOf(block.head))!;
  const policy: XfrmPolicy = { line: block.head.no, selector, dir: 'out', action: 'allow', templates: [] };
  const unparsed: Line[] = [];
  let hasDir = false;
  let continuing = false;
  for (const line of block.body) {
    if (!readLine(policy, line, continuing)) unparsed.push(line);
    hasDir ||= /^(dir|socket)$/.test(wordsOf(line)[0] ?? '');
    continuing = IGNORED.has(wordsOf(line)[0] ?? '') || continuing;
  }
  const problems: LineProblem[] = [];
  if (!hasDir)
    problems.push({
      line: block.head.no,
      code: 'incomplete_entry',
      severity: 'error',
      message: `xfrm policy ${selector.src} → ${selector.dst} has no "dir …" line (truncated output?)`,
    });
  for (const tmpl of policy.templates)
    if (tmpl.proto === '')
      problems.push({
        line: block.head.no,
        code: 'incomplete_entry',
        severity: 'error',
        message: `xfrm policy ${selector.src} → ${selector.dst} has a "tmpl" without its "proto … mode …" line (truncated output?)`,
      });
  return { policy, unparsed, problems };
}
