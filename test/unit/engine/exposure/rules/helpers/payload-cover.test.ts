import { describe, expect, it } from 'vitest';
import {
  isPayloadPlaintext,
  layersAroundPayload,
  protectionLayers,
} from '../../../../../../src/engine/exposure/rules/helpers/payload-cover.ts';
import type { Hop, Layer, Protection, ProtectionKind } from '../../../../../../src/engine/types.ts';

function protection(kind: ProtectionKind, confidential = true): Protection {
  return { kind, id: `${kind}:x`, source: 'x', endpoints: ['a', 'b'], cipher: 'c', confidential };
}

function layer(kind: Layer['kind'], p?: Protection): Layer {
  return p ? { kind, label: kind, headerBytes: 0, protection: p } : { kind, label: kind, headerBytes: 0 };
}

/** A hop whose stack is eth, the given layers, then the flow's ipv4 › tcp › (tls) › payload. */
function hop(wrapped: Layer[], tls?: Protection): Hop {
  const own = [layer('ipv4'), layer('tcp'), ...(tls ? [layer('tls', tls)] : []), layer('payload')];
  return { link: 'l1', from: 'a', to: 'b', wraps: [], stack: [layer('eth'), ...wrapped, ...own] };
}

describe('payload cover (SPEC X3, X8)', () => {
  it('[X8] a bare stack carries the payload in plaintext', () => {
    expect(isPayloadPlaintext(hop([]))).toBe(true);
  });

  it('[X3] an encrypting ESP layer outside the payload hides it', () => {
    expect(isPayloadPlaintext(hop([layer('ipv4'), layer('esp', protection('ipsec'))]))).toBe(false);
  });

  it('[X3] integrity-only layers (ESP-NULL, MACsec without encrypt) hide nothing', () => {
    const stack = [
      layer('macsec', protection('macsec', false)),
      layer('ipv4'),
      layer('esp', protection('ipsec', false)),
    ];
    expect(isPayloadPlaintext(hop(stack))).toBe(true);
  });

  it('[X8] the flow’s TLS hides the payload, unless the caller leaves application TLS out', () => {
    const withTls = hop([], protection('tls'));
    expect(isPayloadPlaintext(withTls)).toBe(false);
    expect(isPayloadPlaintext(withTls, { ignoreTls: true })).toBe(true);
  });

  it('[X2] only layers before the payload wrap it', () => {
    const h = hop([layer('udp')]);
    h.stack.push(layer('esp', protection('ipsec'))); // a protection after the payload protects nothing of it
    expect(isPayloadPlaintext(h)).toBe(true);
    expect(layersAroundPayload(h).map((l) => l.kind)).toEqual(['eth', 'udp', 'ipv4', 'tcp']);
  });

  it('[X2] lists network-layer protections outermost first', () => {
    const wg = layer('wireguard', protection('wireguard'));
    const esp = layer('esp', protection('ipsec'));
    const h = hop([wg, layer('ipv4'), esp], protection('tls'));
    expect(protectionLayers(h, ['ipsec', 'wireguard'])).toEqual([wg, esp]);
  });
});
