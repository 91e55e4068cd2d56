/**
 * Every verbatim sample of reference/samples, read as the importer reads a dropped file, with
 * expectations checked by hand against the sample text (line numbers count the sample's header
 * comments).
 */
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../../../src/import/read-input-file.ts';
import { sample } from './read-fixture.ts';

const read = (name: string) => readInputFile({ name, text: sample(name) });
const codes = (name: string) => read(name).diagnostics.map((d) => [d.line, d.endLine, d.code]);

describe('reference samples', () => {
  it('ovs-vsctl show (OVS 3.1.0): two bridges, six interfaces, options maps with quoted and bare values', () => {
    const input = read('ovs-vsctl-show.ovs-3.1.0.txt');
    expect(input.formats).toEqual(['ovs-vsctl-show']);
    expect(input.bridges.map((b) => [b.name, b.interfaces])).toEqual([
      ['br-ipsec', ['tun', 'br-ipsec', 'vx1']],
      ['br-int', ['br-int', 'ovn-hv2-0', 'ovn-hv3-0']],
    ]);
    const byName = Object.fromEntries(input.interfaces.map((i) => [i.name, i]));
    expect(byName.tun).toMatchObject({
      line: 6,
      type: 'gre',
      options: { psk: 'swordfish', remote_ip: '2.2.2.2' },
    });
    expect(byName.vx1).toMatchObject({
      type: 'vxlan',
      options: { remote_cert: '/etc/keys/host_2-cert.pem', remote_ip: '2.2.2.3' },
    });
    expect(byName['ovn-hv2-0']!.options).toEqual({
      csum: 'true',
      ipsec_encapsulation: 'yes',
      key: 'flow',
      local_ip: '192.168.0.1',
      remote_ip: '192.168.0.2',
      remote_name: 'hv2',
    });
    expect(byName['ovn-hv3-0']!.options).toEqual({ csum: 'true', key: 'flow', remote_ip: '192.168.0.3' });
    expect(byName['br-int']!.type).toBe('internal');
    // The only diagnostic: the PSK of `tun` is in the file (Interface tun is line 6).
    expect(codes('ovs-vsctl-show.ovs-3.1.0.txt')).toEqual([[6, undefined, 'secret_in_input']]);
  });

  it('ovs-vsctl list Interface: table, CSV and JSON forms, the other_config map and a bare `get` value', () => {
    const input = read('ovs-vsctl-list-interface.ovs-3.1.0.txt');
    expect(input.formats).toEqual(['ovsdb-list', 'ovsdb-csv', 'ovs-map', 'unused-command', 'ovsdb-json']);
    // The same six rows appear in three formats; the importer keeps one per interface name.
    expect(input.interfaces.map((i) => i.name)).toEqual([
      'ovn-hv3-0',
      'br-int',
      'tun',
      'br-ipsec',
      'vx1',
      'ovn-hv2-0',
    ]);
    expect(input.interfaces.find((i) => i.name === 'ovn-hv2-0')!.options.remote_name).toBe('hv2');
    expect(input.otherConfig).toEqual({
      ca_cert: '/etc/keys/cacert.pem',
      certificate: '/etc/keys/host_1-cert.pem',
      ipsec_skb_mark: '0/1',
      private_key: '/etc/keys/host_1-privkey.pem',
    });
    // Line 38 `swordfish` answers `get Interface tun options:psk`: not used, but a secret; line 10 is tun's table row.
    expect(codes('ovs-vsctl-list-interface.ovs-3.1.0.txt')).toEqual([
      [10, undefined, 'secret_in_input'],
      [38, undefined, 'unused_output'],
      [38, undefined, 'secret_in_input'],
    ]);
  });

  it('ovn-sbctl show: chassis with encaps and port bindings; the scrambled ovn-ic block is reported, not guessed', () => {
    const input = read('ovn-sbctl-show.ovn-tests.txt');
    expect(
      input.chassis.map((c) => [c.name, c.hostname, c.encaps.map((e) => [e.type, e.ip]), c.portBindings]),
    ).toEqual([
      ['ch0', undefined, [['geneve', '1.2.3.5']], ['vif0']],
      ['br-vtep', undefined, [['vxlan', '1.2.3.4']], []],
      [
        'gw1',
        'gw1',
        [
          ['vxlan', undefined],
          ['geneve', '192.168.0.1'],
        ],
        [],
      ],
    ]);
    // `sort -r` put both ip lines under the second Encap (lines 22–23) and left Encap vxlan (line 18) without one.
    expect(codes('ovn-sbctl-show.ovn-tests.txt')).toEqual([
      [18, undefined, 'missing_field'],
      [23, undefined, 'duplicate_field'],
    ]);
  });

  it('ip xfrm policy (iproute2 6.1.0): the skb-mark block policy and two Geneve transport policies', () => {
    const input = read('ip-xfrm-policy.iproute2-6.1.0.txt');
    expect(input.policies).toEqual([
      {
        line: 3,
        selector: { src: '0.0.0.0/0', dst: '0.0.0.0/0', proto: 'udp', dport: 6081 },
        dir: 'out',
        action: 'block',
        mark: '0x1/0x1',
        templates: [],
      },
      {
        line: 6,
        selector: { src: '10.9.0.2/32', dst: '10.9.0.1/32', proto: 'udp', sport: 6081 },
        dir: 'in',
        action: 'allow',
        templates: [{ src: '0.0.0.0', dst: '0.0.0.0', proto: 'esp', mode: 'transport', optional: false }],
      },
      {
        line: 10,
        selector: { src: '10.9.0.1/32', dst: '10.9.0.2/32', proto: 'udp', dport: 6081 },
        dir: 'out',
        action: 'allow',
        templates: [{ src: '0.0.0.0', dst: '0.0.0.0', proto: 'esp', mode: 'transport', optional: false }],
      },
    ]);
    expect(input.diagnostics).toEqual([]);
  });

  it('libreswan console: transport SAs with sanitised keys (cipher family known, key size not), NAT-T, and the console prompts reported', () => {
    const input = read('ip-xfrm-state-policy.libreswan-tests.txt');
    expect(input.states.map((s) => [s.line, s.src, s.dst, s.mode, s.dir, s.natT, s.cipher])).toEqual([
      [8, '192.1.2.45', '192.1.2.23', 'transport', 'out', false, { alg: 'rfc4106(gcm(aes))' }],
      [17, '192.1.2.23', '192.1.2.45', 'transport', 'in', false, { alg: 'rfc4106(gcm(aes))' }],
      [41, '192.1.2.45', '192.1.2.23', 'transport', 'out', true, { alg: 'rfc4106(gcm(aes))' }],
      [52, '192.1.2.23', '192.1.2.45', 'transport', 'in', true, { alg: 'rfc4106(gcm(aes))' }],
    ]);
    expect(input.states[0]!.selector).toEqual({
      src: '192.1.2.45/32',
      dst: '192.1.2.23/32',
      proto: 'udp',
      sport: 1701,
      dport: 1702,
    });
    expect(input.policies.map((p) => [p.line, p.dir, p.selector.sport, p.selector.dport])).toEqual([
      [29, 'in', 1702, 1701],
      [33, 'out', 1701, 1702],
    ]);
    // `west #` prompts and the `ipsec _kernel …` wrapper lines are not command output.
    expect(codes('ip-xfrm-state-policy.libreswan-tests.txt')).toEqual([
      [4, undefined, 'unrecognised_line'],
      [6, 7, 'unrecognised_line'],
      [27, 28, 'unrecognised_line'],
      [37, undefined, 'unrecognised_line'],
      [40, undefined, 'unrecognised_line'],
    ]);
  });

  it('Cilium fixture: tunnel-mode SAs, 20-byte key = AES-128 + 4-byte salt (RFC 4106 §8.1), marks, keys in clear warned', () => {
    const input = read('ip-xfrm-state.cilium-test.txt');
    expect(
      input.states.map((s) => [s.src, s.dst, s.mode, s.mark, s.cipher?.cipher, s.cipher?.keyBits]),
    ).toEqual([
      ['10.84.1.32', '10.84.0.30', 'tunnel', '0x3cb23e00/0xffffff00', 'aes-gcm-128', 128],
      ['0.0.0.0', '10.84.1.32', 'tunnel', '0xd00/0xf00', 'aes-gcm-128', 128],
      ['10.84.1.32', '10.84.2.145', 'tunnel', '0x7e63e00/0xffffff00', 'aes-gcm-128', 128],
    ]);
    expect(JSON.stringify(input)).not.toContain('64ad37a9');
    expect(codes('ip-xfrm-state.cilium-test.txt')).toEqual([[3, undefined, 'secret_in_input']]);
  });

  it('swanctl --list-sas (strongSwan 5.9.8): IKE identities, a TUNNEL-in-UDP CHILD_SA with AES_GCM_16-256, and the --raw form', () => {
    const input = read('swanctl-list-sas.strongswan-5.9.8.txt');
    expect(input.formats).toEqual(['swanctl-list-sas', 'swanctl-raw']);
    const sa = {
      name: 'ovn-hv2-0',
      state: 'ESTABLISHED',
      localId: 'hv1',
      localAddress: '10.9.0.1',
      remoteId: 'hv2',
      remoteAddress: '10.9.0.2',
    };
    expect(input.ike.sas).toEqual([
      { line: 4, ...sa },
      { line: 17, ...sa },
    ]);
    const child = {
      name: 'ovn-hv2-0-out-1',
      state: 'INSTALLED',
      mode: 'tunnel',
      natT: true,
      cipher: { alg: 'AES_GCM_16-256', keyBits: 256, cipher: 'aes-gcm-256' },
      localTs: '192.168.100.1/32[udp]',
      remoteTs: '192.168.100.2/32[udp/6081]',
    };
    expect(input.ike.children).toEqual([
      { line: 9, ...child },
      { line: 17, ...child },
    ]);
    expect(input.diagnostics).toEqual([]);
  });

  it('ipsec status (Antrea fixtures): routed and installed CHILD_SAs over IPv6 and GRE', () => {
    const input = read('ipsec-status.antrea-test.txt');
    const children = input.ike.children.map((c) => [c.line, c.name, c.state, c.localTs, c.remoteTs]);
    expect(children).toEqual([
      [6, 'worker2-a0d026-out-1', 'ROUTED', 'fd98:a1ac:2207::3/128[udp]', 'fd98:a1ac:2207::4/128[udp/6081]'],
      [8, 'worker2-a0d026-in-1', 'ROUTED', 'fd98:a1ac:2207::3/128[udp/6081]', 'fd98:a1ac:2207::4/128[udp]'],
      [
        10,
        'ol-plane-a39e0c-out-1',
        'ROUTED',
        'fd98:a1ac:2207::3/128[udp]',
        'fd98:a1ac:2207::2/128[udp/6081]',
      ],
      [12, 'ol-plane-a39e0c-in-1', 'ROUTED', 'fd98:a1ac:2207::3/128[udp/6081]', 'fd98:a1ac:2207::2/128[udp]'],
      [
        16,
        'worker2-a0d026-out-1',
        'INSTALLED',
        'fd98:a1ac:2207::3/128[udp]',
        'fd98:a1ac:2207::4/128[udp/6081]',
      ],
      [
        18,
        'worker2-a0d026-in-1',
        'INSTALLED',
        'fd98:a1ac:2207::3/128[udp/6081]',
        'fd98:a1ac:2207::4/128[udp]',
      ],
      [23, 'ol-plane-a39e0c-1', 'ROUTED', '172.19.0.2/32[gre]', '172.19.0.3/32[gre]'],
      [25, 'worker2-a0d026-1', 'ROUTED', '172.19.0.2/32[gre]', '172.19.0.4/32[gre]'],
      [29, 'worker2-a0d026-1', 'INSTALLED', '172.19.0.2/32[gre]', '172.19.0.4/32[gre]'],
    ]);
    expect(input.ike.sas.map((s) => [s.name, s.state, s.localAddress, s.remoteAddress])).toEqual([
      ['worker2-a0d026-in-1', 'ESTABLISHED', 'fd98:a1ac:2207::3', 'fd98:a1ac:2207::4'],
      ['worker2-a0d026-1', 'ESTABLISHED', '172.19.0.2', '172.19.0.4'],
    ]);
    expect(input.diagnostics).toEqual([]);
  });

  it('tunnels/show (OVS and OVN docs): three tunnels, PSK printed in clear, CA names, NAT-T custom option; doc annotations reported', () => {
    const input = read('ovs-monitor-ipsec-tunnels-show.docs.txt');
    expect(
      input.monitorTunnels.map((t) => [
        t.line,
        t.name,
        t.state,
        t.type,
        t.localIp,
        t.remoteIp,
        t.psk !== undefined,
        t.remoteName,
        t.caCert,
        t.customOptions,
      ]),
    ).toEqual([
      [
        6,
        'tun',
        'CONFIGURED',
        'vxlan',
        '192.0.0.1',
        '192.0.0.2',
        true,
        undefined,
        undefined,
        { encapsulation: 'yes' },
      ],
      [41, 'gre0', 'CONFIGURED', 'gre', '%defaultroute', '2.2.2.2', true, undefined, undefined, {}],
      [
        72,
        'ovn-host_2-0',
        'CONFIGURED',
        'geneve',
        undefined,
        '2.2.2.2',
        false,
        'host_2',
        '/path/to/cacert.pem',
        { encapsulation: 'yes' },
      ],
    ]);
    // Line 3 "Will result in::", the Libreswan conn blocks (21, 23–29, 31–37) and the wrapped "<---" annotations.
    expect(codes('ovs-monitor-ipsec-tunnels-show.docs.txt')).toEqual([
      [3, undefined, 'unrecognised_line'],
      [6, undefined, 'secret_in_input'],
      [21, undefined, 'unrecognised_line'],
      [23, 29, 'unrecognised_line'],
      [31, 37, 'unrecognised_line'],
      [41, undefined, 'secret_in_input'],
      [42, 43, 'unrecognised_line'],
      [57, undefined, 'unrecognised_line'],
      [73, 75, 'unrecognised_line'],
      [88, undefined, 'unrecognised_line'],
    ]);
  });

  it('ovn-ipsec.at test script: not command output, every line reported and the file flagged', () => {
    const input = read('ovn-ipsec-options.ovn-tests.txt');
    expect(input.formats).toEqual([]);
    expect(codes('ovn-ipsec-options.ovn-tests.txt')).toEqual([
      [undefined, undefined, 'unrecognised_file'],
      [2, 5, 'unrecognised_line'],
      [7, undefined, 'unrecognised_line'],
      [9, 24, 'unrecognised_line'],
      [26, undefined, 'unrecognised_line'],
    ]);
  });
});
