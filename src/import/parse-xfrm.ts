/**
 * `ip xfrm state` and `ip xfrm policy`, alone or concatenated: each entry is told apart by its
 * second line (`proto esp spi …` for a state, `dir …` / `socket …` for a policy).
 */
import { parseXfrmPolicyBlock } from './parse-xfrm-policy.ts';
import { parseXfrmStateBlock } from './parse-xfrm-state.ts';
import { reportUnparsed } from './to-lines.ts';
import { splitXfrmBlocks, wordsOf } from './xfrm-blocks.ts';
import type { Line, LineProblem, Parsed, XfrmPolicy, XfrmState } from './types.ts';
import { appendAll } from '../model/long-lists.ts';

/** What `ip xfrm state` / `ip xfrm policy` describe. */
export interface Xfrm {
  states: XfrmState[];
  policies: XfrmPolicy[];
}

/** Parses xfrm states and policies; a cut-off entry and unknown lines are reported by line. */
export function parseXfrm(lines: readonly Line[]): Parsed<Xfrm> {
  const { blocks, outside } = splitXfrmBlocks(lines);
  const value: Xfrm = { states: [], policies: [] };
  const problems: LineProblem[] = [];
  const unparsed: Line[] = [...outside];
  for (const block of blocks) {
    const second = wordsOf(block.body[0] ?? block.head)[0];
    const isPolicy = second === 'dir' || second === 'socket' || /\/\d+/.test(block.head.text);
    const parsed = isPolicy ? parseXfrmPolicyBlock(block) : parseXfrmStateBlock(block);
    if ('policy' in parsed) value.policies.push(parsed.policy);
    else value.states.push(parsed.state);
    appendAll(problems, parsed.problems);
    appendAll(unparsed, parsed.unparsed);
  }
  unparsed.sort((a, b) => a.no - b.no);
  return { value, problems: [...problems, ...reportUnparsed(unparsed, '`ip xfrm` output')] };
}
