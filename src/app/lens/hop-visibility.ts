/**
 * What a passive tap on a hop reads (SPEC X3, X5 without keys): every layer from the outside in,
 * up to and including the first confidentiality layer; everything inside it is hidden.
 * Integrity-only layers (ESP-NULL, MACsec without encrypt) hide nothing.
 */
import type { Layer } from '../../engine/types.ts';

/** Visibility of each layer of a stack to someone on the wire without keys. */
export function tapVisibility(stack: Layer[]): boolean[] {
  let hidden = false;
  return stack.map((layer) => {
    const visible = !hidden;
    if (layer.protection?.confidential) hidden = true;
    return visible;
  });
}

/** The protections of a stack with the index where each starts (it covers everything after). */
export function protectionSpans(stack: Layer[]): { start: number; label: string; confidential: boolean }[] {
  return stack.flatMap((layer, start) =>
    layer.protection
      ? [{ start, label: `${layer.protection.kind} ${layer.protection.cipher} (${layer.protection.endpoints.join(' ↔ ')})`, confidential: layer.protection.confidential }]
      : [],
  );
}
