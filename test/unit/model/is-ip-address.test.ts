import { describe, expect, it } from 'vitest';
import { isIpAddress } from '../../../src/model/is-ip-address.ts';

describe('host ip addresses (SPEC §1.1 Host.ip)', () => {
  it.each([
    '192.0.2.10',
    '10.0.0.1',
    '255.255.255.255',
    '2001:db8::10',
    '::1',
    '::',
    'fe80::1:2:3:4:5:6',
    '::ffff:192.0.2.1',
    '2001:db8:0:0:0:0:0:1',
  ])('accepts %s', (address) => expect(isIpAddress(address)).toBe(true));

  it.each([
    '10.0.0.300',
    '10.0.0',
    '10.0.0.0/24',
    '01.2.3.4',
    'fe80::1::2',
    '2001:db8:0:0:0:0:0:0:1',
    'h1',
    '',
    '1:2:3:4:5:6:7',
  ])('rejects %s', (address) => expect(isIpAddress(address)).toBe(false));
});
