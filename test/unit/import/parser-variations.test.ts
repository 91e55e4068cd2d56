/**
 * Real variations of the status formats beyond the samples (domain-facts §B.3), each parser on
 * its own: other ciphers, optional templates, NAT-T spellings, OVS ≤ 2.12 quoting.
 */
import { describe, expect, it } from 'vitest';
import { parseIpsecStatus } from '../../../src/import/parse-ipsec-status.ts';
import { parseOvnSbctlShow } from '../../../src/import/parse-ovn-sbctl-show.ts';
import { parseOvsVsctlShow } from '../../../src/import/parse-ovs-vsctl-show.ts';
import { parseOvsdbList } from '../../../src/import/parse-ovsdb-list.ts';
import { parseSwanctlListSas } from '../../../src/import/parse-swanctl-list-sas.ts';
import { parseXfrm } from '../../../src/import/parse-xfrm.ts';
import { toLines } from '../../../src/import/to-lines.ts';

const lines = (...l: string[]) => toLines(l.join('\n'));

describe('ip xfrm', () => {
  it('names CBC + HMAC-SHA-256, ChaCha20-Poly1305 (36-byte key: 32 + 4 salt, RFC 7634 §2) and ESP-NULL', () => {
    const { value, problems } = parseXfrm(
      lines(
        'src 10.0.0.1 dst 10.0.0.2',
        '\tproto esp spi 0x00000101 reqid 1 mode transport',
        '\tenc cbc(aes) 0x' + 'ab'.repeat(16),
        '\tauth-trunc hmac(sha256) 0x' + 'cd'.repeat(32) + ' 128',
        'src 10.0.0.1 dst 10.0.0.3',
        '\tproto esp spi 0x00000102 reqid 2 mode transport',
        '\taead rfc7539esp(chacha20,poly1305) 0x' + 'ef'.repeat(36) + ' 128',
        'src 10.0.0.1 dst 10.0.0.4',
        '\tproto esp spi 0x00000103 reqid 3 mode transport',
        '\tauth-trunc hmac(sha256) 0x' + '01'.repeat(32) + ' 128',
        '\tenc ecb(cipher_null) ',
      ),
    );
    expect(problems).toEqual([]);
    expect(value.states.map((s) => s.cipher)).toEqual([
      { alg: 'cbc(aes)+hmac(sha256)', keyBits: 128, cipher: 'aes-cbc-hmac-sha256' },
      { alg: 'rfc7539esp(chacha20,poly1305)', keyBits: 256, cipher: 'chacha20-poly1305' },
      { alg: 'ecb(cipher_null)+hmac(sha256)', cipher: 'null' },
    ]);
    expect(value.states.every((s) => s.keyShown)).toBe(true);
  });

  it('reads `level use` (optional template), socket policies and `ip -s` lifetime blocks', () => {
    const { value, problems } = parseXfrm(
      lines(
        'src 10.0.0.1/32 dst 10.0.0.2/32 proto gre ',
        '\tdir out priority 2080 ptype main ',
        '\tlifetime config:',
        '\t  limit: soft (INF)(bytes), hard (INF)(bytes)',
        '\ttmpl src 0.0.0.0 dst 0.0.0.0',
        '\t\tproto esp reqid 5 mode transport',
        '\t\tlevel use ',
        'src ::/0 dst ::/0 ',
        '\tsocket in priority 0 ptype main ',
      ),
    );
    expect(problems).toEqual([]);
    expect(value.policies.map((p) => [p.dir, p.selector.proto, p.templates.map((t) => t.optional)])).toEqual([
      ['out', 'gre', [true]],
      ['socket-in', undefined, []],
    ]);
  });
});

describe('IKE daemons', () => {
  it('swanctl: TRANSPORT-in-UDP is ESP in UDP (NAT-T, RFC 3948)', () => {
    const { value } = parseSwanctlListSas(
      lines(
        'vx1-out-1: #2, ESTABLISHED, IKEv2, 1122334455667788_i* 8877665544332211_r',
        "  local  '10.0.0.1' @ 10.0.0.1[4500]",
        "  remote '10.0.0.2' @ 10.0.0.2[4500]",
        '  vx1-out-1: #4, reqid 4, INSTALLED, TRANSPORT-in-UDP, ESP:AES_GCM_16-128',
        '    local  10.0.0.1/32[udp]',
        '    remote 10.0.0.2/32[udp/4789]',
      ),
    );
    expect(value.children).toEqual([
      {
        line: 4,
        name: 'vx1-out-1',
        state: 'INSTALLED',
        mode: 'transport',
        natT: true,
        cipher: { alg: 'AES_GCM_16-128', keyBits: 128, cipher: 'aes-gcm-128' },
        localTs: '10.0.0.1/32[udp]',
        remoteTs: '10.0.0.2/32[udp/4789]',
      },
    ]);
  });

  it('ipsec statusall: "ESP in UDP SPIs" marks NAT-T; the stroke cipher AES_CBC_256/HMAC_SHA2_256_128 is aes-cbc-hmac-sha256', () => {
    const { value, problems } = parseIpsecStatus(
      lines(
        'Security Associations (1 up, 0 connecting):',
        '   gre0-1[1]: ESTABLISHED 5 minutes ago, 10.0.0.1[10.0.0.1]...10.0.0.2[10.0.0.2]',
        '   gre0-1[1]: IKEv2 SPIs: 0102030405060708_i* 0807060504030201_r, public key reauthentication in 2 hours',
        '   gre0-1{1}:  INSTALLED, TRANSPORT, reqid 1, ESP in UDP SPIs: c1111111_i c2222222_o',
        '   gre0-1{1}:  AES_CBC_256/HMAC_SHA2_256_128, 840 bytes_i (10 pkts, 3s ago), 840 bytes_o (10 pkts, 3s ago), rekeying in 49 minutes',
        '   gre0-1{1}:   10.0.0.1/32[gre] === 10.0.0.2/32[gre]',
      ),
    );
    expect(problems).toEqual([]);
    expect(value.sas).toEqual([
      {
        line: 2,
        name: 'gre0-1',
        state: 'ESTABLISHED',
        localAddress: '10.0.0.1',
        localId: '10.0.0.1',
        remoteAddress: '10.0.0.2',
        remoteId: '10.0.0.2',
        auth: 'pubkey',
      },
    ]);
    expect(value.children[0]).toMatchObject({
      natT: true,
      state: 'INSTALLED',
      cipher: { cipher: 'aes-cbc-hmac-sha256', keyBits: 256 },
    });
  });
});

describe('OVSDB outputs', () => {
  it('ovs-vsctl show of OVS ≤ 2.12 quotes names with digits; live-system lines are understood', () => {
    const { value, problems } = parseOvsVsctlShow(
      lines(
        'b7c1f0e2-3d4a-4b5c-8d6e-7f8091a2b3c4',
        '    Manager "ptcp:6640:127.0.0.1"',
        '        is_connected: true',
        '    Bridge "br-tun"',
        '        Controller "tcp:127.0.0.1:6633"',
        '            is_connected: true',
        '        fail_mode: secure',
        '        Port "vxlan-0a000002"',
        '            Interface "vxlan-0a000002"',
        '                type: vxlan',
        '                options: {df_default="true", egress_pkt_mark="0", in_key=flow, local_ip="10.0.0.1", out_key=flow, remote_ip="10.0.0.2"}',
        '                bfd_status: {diagnostic="No Diagnostic", flap_count="0", forwarding="false", remote_diagnostic="No Diagnostic", remote_state=down, state=down}',
        '        Port "patch-int"',
        '            Interface "patch-int"',
        '                type: patch',
        '                options: {peer="patch-tun"}',
        '    ovs_version: "2.11.1"',
      ),
    );
    expect(problems).toEqual([]);
    expect(value.ovsVersion).toBe('2.11.1');
    expect(value.interfaces.map((i) => [i.name, i.bridge, i.type, i.options.remote_ip])).toEqual([
      ['vxlan-0a000002', 'br-tun', 'vxlan', '10.0.0.2'],
      ['patch-int', 'br-tun', 'patch', undefined],
    ]);
  });

  it('ovn-sbctl show quotes UUID chassis names and reads hostname and several Encaps', () => {
    const { value, problems } = parseOvnSbctlShow(
      lines(
        'Chassis "5f6c9a34-0c6e-4d5e-9b44-0a2f7d1c9e01"',
        '    hostname: compute-1',
        '    Encap vxlan',
        '        ip: "10.0.0.1"',
        '        options: {csum="true"}',
        '    Encap geneve',
        '        ip: "10.0.0.1"',
        '        options: {csum="true"}',
      ),
    );
    expect(problems).toEqual([]);
    expect(value[0]).toMatchObject({
      name: '5f6c9a34-0c6e-4d5e-9b44-0a2f7d1c9e01',
      hostname: 'compute-1',
      encaps: [
        { type: 'vxlan', ip: '10.0.0.1' },
        { type: 'geneve', ip: '10.0.0.1' },
      ],
    });
  });

  it('ovn-nbctl list NB_Global: the ipsec column in the record format', () => {
    const { value } = parseOvsdbList(
      lines(
        '_uuid               : 1d3a6e0c-7c4b-4f4e-9d9a-0d3c2b1a0f9e',
        'connections         : []',
        'external_ids        : {}',
        'hv_cfg              : 0',
        'ipsec               : true',
        'name                : ""',
        'nb_cfg              : 0',
        'options             : {mac_prefix="0a:0b:0c", svc_monitor_mac="0a:58:0a:f4:00:01"}',
      ),
    );
    expect(value).toHaveLength(1);
    expect(value[0]!.columns).toMatchObject({ ipsec: 'true', name: '', connections: [] });
  });
});
