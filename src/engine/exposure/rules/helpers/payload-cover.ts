/**
 * What covers a flow's payload on one hop: the questions several rules ask of a layer stack
 * (SPEC X2, X3, X8). A layer with a `protection` covers everything after it in the stack.
 */
import type { FlowTrace, Hop, Layer, ProtectionKind } from '../../../types.ts';

/** Which confidentiality layers may count as covering the payload. */
export interface CoverOptions {
  /** Leave the flow's TLS out (provider-network-unencrypted: application TLS does not count). */
  ignoreTls?: boolean;
}

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

/** True when no confidentiality layer encloses the payload on this hop (SPEC X8 "plaintext"). */
export function isPayloadPlaintext(hop: Hop, options: CoverOptions = {}): boolean {
  return !layersAroundPayload(hop).some((layer) => hidesPayload(layer, options));
}

/** The hops of a trace on which the payload crosses the wire in plaintext. */
export function plaintextHops(trace: FlowTrace, options: CoverOptions = {}): Hop[] {
  return trace.hops.filter((hop) => isPayloadPlaintext(hop, options));
}

/** The protection layers of the given kinds around the payload on a hop, outermost first. */
export function protectionLayers(hop: Hop, kinds: readonly ProtectionKind[]): Layer[] {
  return layersAroundPayload(hop).filter(
    (layer) => layer.protection && kinds.includes(layer.protection.kind),
  );
}
