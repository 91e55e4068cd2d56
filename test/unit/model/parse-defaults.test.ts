import { describe, expect, it } from 'vitest';
import { HEADER, parseValid } from './parse-helpers.ts';

const sites = 'sites:\n  - { id: dc1, trust: trusted }\n  - { id: dc2, trust: untrusted }\n';

describe('[§1.1] defaults are applied when the file leaves a field out', () => {
  it('gives a scenario without entities empty lists and an empty layout', () => {
    const model = parseValid(HEADER);
    expect(model).toEqual({
      plainsight: 1,
      name: 'Test',
      sites: [],
      hosts: [],
      devices: [],
      links: [],
      bridges: [],
      overlays: [],
      tunnels: [],
      networks: [],
      workloads: [],
      keystores: [],
      ipsec: [],
      wireguard: [],
      flows: [],
      attackers: [],
      requirements: [],
      layout: {},
    });
  });

  it('gives a host 2.5 GHz, 16 cores, AES-NI, x86_64 and a 10 Gbit/s NIC with MTU 1500 and no offload', () => {
    const model = parseValid(`${HEADER}${sites}hosts:\n  - { id: h1, site: dc1, role: compute }\n`);
    expect(model.hosts[0]).toEqual({
      id: 'h1',
      site: 'dc1',
      role: 'compute',
      cpu: { ghz: 2.5, cores: 16, aes: 'aesni', arch: 'x86_64' },
      nic: { gbps: 10, mtu: 1500, offload: [] },
    });
  });

  it('fills only the CPU and NIC fields that are missing', () => {
    const model = parseValid(
      `${HEADER}${sites}hosts:\n  - { id: h1, site: dc1, role: compute, cpu: { cores: 64 }, nic: { mtu: 9000 } }\n`,
    );
    expect(model.hosts[0]!.cpu).toEqual({ ghz: 2.5, cores: 64, aes: 'aesni', arch: 'x86_64' });
    expect(model.hosts[0]!.nic).toEqual({ gbps: 10, mtu: 9000, offload: [] });
  });

  const topology = `${HEADER}${sites}hosts:
  - { id: fast, site: dc1, role: compute, nic: { gbps: 25, mtu: 9000 } }
  - { id: slow, site: dc1, role: compute }
  - { id: far, site: dc2, role: compute, nic: { gbps: 100, mtu: 9216 } }
devices:
  - { id: sw1, site: dc1, kind: switch }
  - { id: sw2, site: dc1, kind: router }
links:
  - { id: hh, between: [fast, slow] }
  - { id: hd, between: [fast, sw1] }
  - { id: dd, between: [sw1, sw2] }
  - { id: cross, between: [sw2, far] }
  - { id: set, between: [fast, sw1], gbps: 40, mtu: 1600, site: dc2, medium: copper }
`;

  it("gives a link the smaller of its ends' rate and MTU (devices count as 100 Gbit/s, 9216)", () => {
    const links = parseValid(topology).links;
    // fast 25/9000 vs slow 10/1500 → 10/1500
    expect(links[0]).toMatchObject({ gbps: 10, mtu: 1500 });
    // fast 25/9000 vs a device 100/9216 → 25/9000
    expect(links[1]).toMatchObject({ gbps: 25, mtu: 9000 });
    // two devices → 100/9216
    expect(links[2]).toMatchObject({ gbps: 100, mtu: 9216 });
    // explicit values win
    expect(links[4]).toMatchObject({ gbps: 40, mtu: 1600, medium: 'copper', site: 'dc2' });
  });

  it("places a link in its ends' common site, and in no site when they differ (RFC 8926 §6.1.1)", () => {
    const links = parseValid(topology).links;
    expect(links[0]!.site).toBe('dc1');
    expect(links[2]!.site).toBe('dc1');
    expect(links[3]).not.toHaveProperty('site');
  });

  it('makes links fiber and leaves MACsec off unless asked; asked-for MACsec is integrity-only GCM-AES-128', () => {
    const text = topology.replace(
      '  - { id: hh, between: [fast, slow] }',
      '  - { id: hh, between: [fast, slow], macsec: {} }',
    );
    const links = parseValid(text).links;
    expect(links[1]!.medium).toBe('fiber');
    expect(links[1]).not.toHaveProperty('macsec');
    // Linux drivers/net/macsec.c DEFAULT_ENCRYPT false
    expect(links[0]!.macsec).toEqual({ encrypt: false, cipher: 'gcm-aes-128' });
  });

  const meshes = `${HEADER}${sites}hosts:
  - { id: a, site: dc1, role: compute }
  - { id: b, site: dc1, role: compute }
keystores:
  - { id: ks, kind: psk }
overlays:
  - { id: gen, type: geneve, members: [a, b], ipsec: { auth: psk, keystore: ks } }
  - { id: plain-gen, type: geneve, members: [a, b], geneveOptionBytes: 0 }
  - { id: vx, type: vxlan, members: [a, b] }
  - { id: gr, type: gre, members: [a, b] }
tunnels:
  - { id: t1, type: geneve, between: [a, b], overlay: gen, ipsec: { auth: cert, natT: true } }
  - { id: t2, type: vxlan, between: [a, b] }
`;

  it('gives Geneve one 8-byte option as OVN does, 0 bytes when written so, and none to VXLAN and GRE', () => {
    const model = parseValid(meshes);
    expect(model.overlays.map((o) => o.geneveOptionBytes)).toEqual([8, 0, 0, 0]);
    expect(model.tunnels.map((t) => t.geneveOptionBytes)).toEqual([8, 0]);
  });

  it('gives overlay and tunnel IPsec AES-GCM-256, no NAT-T and no plaintext drop by default', () => {
    const model = parseValid(meshes);
    expect(model.overlays[0]!.ipsec).toEqual({
      cipher: 'aes-gcm-256',
      auth: 'psk',
      keystore: 'ks',
      natT: false,
      dropPlaintext: false,
    });
    expect(model.tunnels[0]!.ipsec).toEqual({
      cipher: 'aes-gcm-256',
      auth: 'cert',
      natT: true,
      dropPlaintext: false,
    });
    expect(model.overlays[1]).not.toHaveProperty('ipsec');
  });

  it('resolves overlay members and keeps the selector as written', () => {
    const model = parseValid(
      meshes.replace('members: [a, b], ipsec', 'members: { roles: [compute] }, ipsec'),
    );
    expect(model.overlays[0]!.members).toEqual({ roles: ['compute'] });
    expect(model.overlays[0]!.memberIds).toEqual(['a', 'b']);
  });

  it('gives a network port security (Neutron default), a workload kind vm', () => {
    const model = parseValid(
      `${meshes}networks:\n  - { id: n1, kind: overlay, overlay: vx }\nworkloads:\n  - { id: vm1, host: a, networks: [n1] }\n`,
    );
    expect(model.networks[0]).toEqual({ id: 'n1', kind: 'overlay', overlay: 'vx', portSecurity: true });
    expect(model.workloads[0]).toEqual({ id: 'vm1', host: 'a', networks: ['n1'], kind: 'vm' });
  });

  it('gives a flow TCP, no TLS, 1 Gbit/s and confidential data, with the packet size left to the path MTU', () => {
    const model = parseValid(`${meshes}flows:\n  - { id: f1, from: a, to: b }\n`);
    expect(model.flows[0]).toEqual({
      id: 'f1',
      from: 'a',
      to: 'b',
      proto: 'tcp',
      tls: false,
      rateGbps: 1,
      sensitivity: 'confidential',
    });
  });

  it('gives an IPsec policy tunnel mode (strongSwan default), AES-GCM-256, no NAT-T and selector all', () => {
    const model = parseValid(
      `${meshes}ipsec:\n  - { id: p1, between: [a, b], auth: cert }\n  - { id: p2, members: [b, a, b], auth: psk, keystore: ks }\n`,
    );
    expect(model.ipsec[0]).toEqual({
      id: 'p1',
      endpoints: ['a', 'b'],
      mesh: false,
      mode: 'tunnel',
      cipher: 'aes-gcm-256',
      auth: 'cert',
      natT: false,
      selector: 'all',
    });
    // a mesh keeps file order and drops the repeat (reported as a warning)
    expect(model.ipsec[1]).toMatchObject({ endpoints: ['b', 'a'], mesh: true });
  });

  it('gives an attacker empty position lists and no stolen keys, a requirement noTamper false', () => {
    const model = parseValid(
      `${meshes}attackers:\n  - { id: tap, at: { hosts: [a] }, can: [read] }\nrequirements:\n  - { id: r1, flows: all, against: [tap], maxExposure: metadata }\n`,
    );
    expect(model.attackers[0]).toEqual({
      id: 'tap',
      at: { links: [], devices: [], hosts: ['a'], workloads: [], sites: [] },
      can: ['read'],
      knows: [],
    });
    expect(model.requirements[0]).toEqual({
      id: 'r1',
      flows: 'all',
      against: ['tap'],
      maxExposure: 'metadata',
      noTamper: false,
    });
  });
});
