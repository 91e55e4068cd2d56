import { describe, expect, it } from 'vitest';
import { parseOvsdbMap, parseOvsdbValue } from '../../../src/import/parse-ovsdb-value.ts';

describe('parseOvsdbValue (lib/ovsdb-data.c quoting rules)', () => {
  it('reads quoted and bare map values alike: IPs and "true" are quoted, key=flow is not', () => {
    expect(
      parseOvsdbMap(
        '{csum="true", ipsec_encapsulation=yes, key=flow, local_ip="192.168.0.1", remote_ip="192.168.0.2", remote_name=hv2}',
      ),
    ).toEqual({
      csum: 'true',
      ipsec_encapsulation: 'yes',
      key: 'flow',
      local_ip: '192.168.0.1',
      remote_ip: '192.168.0.2',
      remote_name: 'hv2',
    });
  });
  it('strips the quotes OVS ≤ 2.12 put around every string with a digit (commit 29004db27)', () => {
    expect(parseOvsdbMap('{psk="swordfish-2024", "remote_ip"="192.0.2.12"}')).toEqual({
      psk: 'swordfish-2024',
      remote_ip: '192.0.2.12',
    });
    expect(parseOvsdbValue('"ovn-51cb96-1"')).toBe('ovn-51cb96-1');
  });
  it('decodes C escapes inside quoted strings', () => {
    expect(parseOvsdbValue('"a \\"quoted\\" \\\\ path"')).toBe('a "quoted" \\ path');
  });
  it('reads sets and empty collections', () => {
    expect(parseOvsdbValue('[netdev, system]')).toEqual(['netdev', 'system']);
    expect(parseOvsdbValue('[]')).toEqual([]);
    expect(parseOvsdbValue('{}')).toEqual({});
  });
  it('rejects a map cut off mid-way, as a truncated paste is', () => {
    expect(parseOvsdbMap('{csum="true", remote_ip="10.0.0.8", remote_na')).toBeUndefined();
    expect(parseOvsdbMap('{psk="unterminated}')).toBeUndefined();
  });
});
