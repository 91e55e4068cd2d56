/**
 * One `ip xfrm state` entry (iproute2 ip/xfrm_state.c): `proto esp spi … reqid … mode …`, the
 * algorithm lines (`aead rfc4106(gcm(aes)) 0x<key> 128`, or `enc` + `auth-trunc`), `encap type
 * espinudp …` (NAT-T, RFC 3948), `mark`, `dir`, `sel`, and statistics. Keys are measured, never kept.
 */
import { aeadCipher, encAuthCipher } from './sa-cipher.ts';
import { readSelector, wordsOf, type XfrmBlock } from './xfrm-blocks.ts';
import type { Line, LineProblem, XfrmState } from './types.ts';

/** Lines that are understood but carry nothing the importer uses; their `\t ` continuations too. */
const IGNORED = new Set([
  'replay-window',
  'anti-replay',
  'lastused',
  'lifetime',
  'stats:',
  'if_id',
  'offload',
  'crypto',
  'security',
  'flag',
  'output-mark',
  'replay',
  'seq',
  'comp',
  'extra-flag',
  'tfcpad',
]);

interface Algorithms {
  aead?: [string, string | undefined];
  enc?: [string, string | undefined];
  auth?: string;
}

function readWords(state: XfrmState, algs: Algorithms, words: string[]): boolean {
  const [key = '', a, b] = words;
  if (key === 'proto') {
    state.proto = a ?? '';
    const at = (word: string) => words[words.indexOf(word) + 1];
    if (words.includes('reqid')) state.reqid = at('reqid')!;
    const mode = at('mode');
    if (mode === 'transport' || mode === 'tunnel' || mode === 'beet') state.mode = mode;
  } else if (key === 'aead' && a) algs.aead = [a, b];
  else if (key === 'enc' && a) algs.enc = [a, b];
  else if ((key === 'auth' || key === 'auth-trunc') && a) algs.auth = a;
  else if (key === 'encap') state.natT = words.includes('espinudp');
  else if (key === 'mark') state.mark = a ?? '';
  else if (key === 'dir' && (a === 'in' || a === 'out')) state.dir = a;
  else if (key === 'sel') {
    const selector = readSelector(words);
    if (selector) state.selector = selector;
  } else return IGNORED.has(key);
  if (key === 'aead' || key === 'enc' || key === 'auth' || key === 'auth-trunc')
    state.keyShown ||= /^0x[0-9a-f]+$/i.test(b ?? '');
  return true;
}

/** Parses one state entry; lines it cannot read are returned in `unparsed`. */
export function parseXfrmStateBlock(block: XfrmBlock): {
  state: XfrmState;
  unparsed: Line[];
  problems: LineProblem[];
} {
  const head = readSelector(wordsOf(block.head))!;
  const state: XfrmState = {
    line: block.head.no,
    src: head.src,
    dst: head.dst,
    proto: '',
    natT: false,
    keyShown: false,
  };
  const algs: Algorithms = {};
  const unparsed: Line[] = [];
  let continuing = false;
  for (const line of block.body) {
    // Statistics continue on lines indented one tab plus spaces ("\t seq-hi 0x0, …").
    if (continuing && /^\t[ \t]/.test(line.text)) continue;
    const words = wordsOf(line);
    const understood = readWords(state, algs, words);
    continuing = understood && IGNORED.has(words[0] ?? '');
    if (!understood) unparsed.push(line);
  }
  if (algs.aead) state.cipher = aeadCipher(algs.aead[0], algs.aead[1]);
  else if (algs.enc) state.cipher = encAuthCipher(algs.enc[0], algs.enc[1], algs.auth);
  const problems: LineProblem[] = [];
  if (state.proto === '')
    problems.push({
      line: block.head.no,
      code: 'incomplete_entry',
      severity: 'error',
      message: `xfrm state ${state.src} → ${state.dst} has no "proto … spi … mode …" line (truncated output?)`,
    });
  return { state, unparsed, problems };
}
