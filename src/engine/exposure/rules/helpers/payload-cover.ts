/**
 * What covers a flow's payload on one hop: the questions several rules ask of a layer stack
 * (SPEC X2, X3, X8). A layer with a `protection` covers everything after it in the stack.
 * Rules ask these for every hop of every flow, so the checks scan the stack without copying it,
 * and hops of one leg (which share their stack array) are looked at once.
 */
import type { FlowTrace, Hop, Layer, ProtectionKind } from '../../../types.ts';

/** Which confidentiality layers may count as covering the payload. */
export interface CoverOptions {
  /** Leave the flow's TLS out (provider-network-unencrypted: application TLS does not count). */
  ignoreTls?: boolean;
}

/** Shared result when nothing matches; never mutated. */
const NO_HOPS: Hop[] = Object.freeze([]) as unknown as Hop[];

/** The layers wrapped around the payload on a hop, outermost first (the whole stack without payload). */
export function layersAroundPayload(hop: Hop): Layer[] {
  const payload = hop.stack.findIndex((layer) => layer.kind === 'payload');
  return payload === -1 ? hop.stack : hop.stack.slice(0, payload);
}

function hidesPayload(layer: Layer, options: CoverOptions): boolean {
  const protection = layer.protection;
  if (!protection?.confidential) return false; // integrity-only layers hide nothing (SPEC X3)
  return !(options.ignoreTls && protection.kind === 'tls');
}

/** True when no confidentiality layer encloses the payload in this stack. */
function stackPlaintext(stack: readonly Layer[], options: CoverOptions): boolean {
  for (const layer of stack) {
    if (layer.kind === 'payload') return true;
    if (hidesPayload(layer, options)) return false;
  }
  return true;
}

/** True when no confidentiality layer encloses the payload on this hop (SPEC X8 "plaintext"). */
export function isPayloadPlaintext(hop: Hop, options: CoverOptions = {}): boolean {
  return stackPlaintext(hop.stack, options);
}

/** Plaintext hops per trace, without options (traces never change once built; several rules ask). */
const plainByTrace = new WeakMap<FlowTrace, Hop[]>();

/** The hops of a trace on which the payload crosses the wire in plaintext (the list is shared: do not change it). */
export function plaintextHops(trace: FlowTrace, options: CoverOptions = {}): Hop[] {
  const plain = !options.ignoreTls;
  if (plain) {
    const known = plainByTrace.get(trace);
    if (known) return known;
  }
  const hops = findPlaintextHops(trace, options);
  if (plain) plainByTrace.set(trace, hops);
  return hops;
}

function findPlaintextHops(trace: FlowTrace, options: CoverOptions): Hop[] {
  let hops: Hop[] | undefined;
  let last: readonly Layer[] | undefined;
  let plaintext = false;
  for (const hop of trace.hops) {
    if (hop.stack !== last) plaintext = stackPlaintext(hop.stack, options);
    last = hop.stack;
    if (plaintext) (hops ??= []).push(hop);
  }
  return hops ?? NO_HOPS;
}

/** The protection layers of the given kinds around the payload on a hop, outermost first. */
export function protectionLayers(hop: Hop, kinds: readonly ProtectionKind[]): Layer[] {
  return layersAroundPayload(hop).filter(
    (layer) => layer.protection && kinds.includes(layer.protection.kind),
  );
}

/** How many layers around the payload on a hop match `test` (a cheap pre-check before collecting them). */
export function countAroundPayload(stack: readonly Layer[], test: (layer: Layer) => boolean): number {
  let n = 0;
  for (const layer of stack) {
    if (layer.kind === 'payload') break;
    if (test(layer)) n++;
  }
  return n;
}
