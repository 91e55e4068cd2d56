import { describe, expect, it } from 'vitest';
import { resolveMembers } from '../../../src/model/resolve-members.ts';
import type { Host, HostRole } from '../../../src/model/types.ts';

function host(id: string, role: HostRole, site: string): Host {
  return {
    id,
    role,
    site,
    cpu: { ghz: 2.5, cores: 16, aes: 'aesni', arch: 'x86_64' },
    nic: { gbps: 10, mtu: 1500, offload: [] },
  };
}

const hosts = [
  host('c2', 'compute', 'dc1'),
  host('c1', 'compute', 'dc2'),
  host('net1', 'network', 'dc1'),
  host('ctl', 'controller', 'dc1'),
];

describe('[§1.1] overlay members: a list of hosts, or a selector by roles and/or sites', () => {
  it('takes listed hosts, sorted, each once', () => {
    expect(resolveMembers(['net1', 'c2', 'c1', 'c2'], hosts)).toEqual(['c1', 'c2', 'net1']);
  });

  it('selects every host with one of the roles', () => {
    expect(resolveMembers({ roles: ['compute', 'network'] }, hosts)).toEqual(['c1', 'c2', 'net1']);
  });

  it('selects every host in one of the sites', () => {
    expect(resolveMembers({ sites: ['dc1'] }, hosts)).toEqual(['c2', 'ctl', 'net1']);
  });

  it('with both selectors, selects hosts matching both', () => {
    expect(resolveMembers({ roles: ['compute'], sites: ['dc1'] }, hosts)).toEqual(['c2']);
  });

  it('selects nothing when nothing matches', () => {
    expect(resolveMembers({ roles: ['gateway'] }, hosts)).toEqual([]);
  });
});
