import { describe, expect, it } from 'vitest';
import { protectionSpans, tapVisibility } from '../../src/app/lens/hop-visibility.ts';
import type { Layer, Protection } from '../../src/engine/types.ts';

const esp = (confidential: boolean): Protection => ({ kind: 'ipsec', id: 'ipsec:ov1:c1|c2', source: 'ov1', endpoints: ['c1', 'c2'], cipher: confidential ? 'aes-gcm-256' : 'null', confidential });
const layer = (kind: Layer['kind'], protection?: Protection): Layer => ({ kind, label: kind, headerBytes: 0, ...(protection ? { protection } : {}) });

describe('what a tap on the wire sees (SPEC X3, X5 without keys)', () => {
  it('[X3] everything inside an encrypting ESP layer is hidden; the ESP header itself is visible', () => {
    const stack = [layer('eth'), layer('ipv4'), layer('esp', esp(true)), layer('udp'), layer('geneve'), layer('payload')];
    expect(tapVisibility(stack)).toEqual([true, true, true, false, false, false]);
  });

  it('[X3] ESP-NULL protects integrity only and hides nothing', () => {
    const stack = [layer('eth'), layer('ipv4'), layer('esp', esp(false)), layer('tcp'), layer('payload')];
    expect(tapVisibility(stack)).toEqual([true, true, true, true, true]);
  });

  it('each protection spans from its layer to the end of the stack', () => {
    const stack = [layer('eth'), layer('ipv4'), layer('esp', esp(true)), layer('payload')];
    expect(protectionSpans(stack)).toEqual([{ start: 2, label: 'ipsec aes-gcm-256 (c1 ↔ c2)', confidential: true }]);
  });
});
