/**
 * Inconsistencies between hosts become import findings (issue 6 part 3). Each case edits one line
 * of a synthetic fixture the way a misconfigured deployment would print it.
 */
import { describe, expect, it } from 'vitest';
import { importDeployment } from '../../../src/import/import-deployment.ts';
import { fixtureDir, sample } from './read-fixture.ts';

type File = { name: string; text: string };

/** The fixture directory with `edit` applied to one file (the edit must change something). */
function edited(dir: string, file: string, edit: (text: string) => string): File[] {
  return fixtureDir(dir).map((f) => {
    if (f.name !== file) return f;
    const text = edit(f.text);
    expect(text).not.toBe(f.text);
    return { ...f, text };
  });
}

const ids = (files: File[]) => importDeployment(files).findings.map((f) => [f.id, f.subjects]);

describe('import findings', () => {
  it('ipsec-one-sided: node-c has no PSK on its tunnel to node-b; the tunnel is imported without IPsec', () => {
    const files = edited('ovs-psk-3-hosts', 'node-c.txt', (t) =>
      t.replace('{psk="swordfish-2024", remote_ip="192.0.2.12"}', '{remote_ip="192.0.2.12"}'),
    );
    const result = importDeployment(files);
    expect(result.findings.map((f) => f.id)).toEqual(['ipsec-one-sided', 'psk-shared-by-hosts']);
    expect(result.findings[0]!.subjects).toEqual(['node-b', 'node-c', 'vxlan:node-b:node-c']);
    // Two of three pairs keep the PSK, so the overlay does; the odd pair overrides it (SPEC §1.1 Tunnel).
    expect(result.scenario.overlays[0]!.ipsec?.auth).toBe('psk');
    expect(result.scenario.tunnels).toEqual([
      {
        id: 'vxlan:node-b:node-c',
        type: 'vxlan',
        between: ['node-b', 'node-c'],
        overlay: 'vxlan-mesh',
        geneveOptionBytes: 0,
      },
    ]);
  });

  it('psk-mismatch: the two ends of a tunnel hold different keys', () => {
    const files = edited('ovs-psk-3-hosts', 'node-c.txt', (t) =>
      t.replace(
        '{psk="swordfish-2024", remote_ip="192.0.2.12"}',
        '{psk="marlin-2025", remote_ip="192.0.2.12"}',
      ),
    );
    expect(ids(files)).toContainEqual(['psk-mismatch', ['node-b', 'node-c', 'vxlan:node-b:node-c']]);
  });

  it('ipsec-auth-mismatch: one end uses a PSK, the other a pinned certificate', () => {
    const files = edited('ovs-psk-3-hosts', 'node-c.txt', (t) =>
      t.replace(
        '{psk="swordfish-2024", remote_ip="192.0.2.12"}',
        '{remote_cert="/etc/keys/node-b-cert.pem", remote_ip="192.0.2.12"}',
      ),
    );
    expect(ids(files)).toContainEqual(['ipsec-auth-mismatch', ['node-b', 'node-c', 'vxlan:node-b:node-c']]);
  });

  it('cipher-mismatch: node-c negotiated AES-128-GCM with node-b, node-b shows AES-256-GCM; the weaker is imported', () => {
    const files = edited('ovs-psk-3-hosts', 'node-c.txt', (t) =>
      t.replace(
        /(vxlan-b-(?:in|out)-1: #\d, reqid \d, INSTALLED, TRANSPORT, ESP:)AES_GCM_16-256/g,
        '$1AES_GCM_16-128',
      ),
    );
    const result = importDeployment(files);
    expect(result.findings.map((f) => [f.id, f.subjects])).toContainEqual([
      'cipher-mismatch',
      ['node-b', 'node-c', 'vxlan:node-b:node-c'],
    ]);
    expect(result.scenario.tunnels.find((t) => t.id === 'vxlan:node-b:node-c')?.ipsec?.cipher).toBe(
      'aes-gcm-128',
    );
  });

  it('sa-not-established: policies require ESP to compute-3 but compute-1 has no SA — packets dropped while IKE is pending', () => {
    // Drop the four `ip xfrm state` entries between compute-1 and compute-3 (each 6 lines long).
    const files = edited('ovn-3-hosts', 'compute-1.txt', (t) =>
      t.replace(/src 10\.20\.0\.1[13] dst 10\.20\.0\.1[13]\n(\t.*\n){5}/g, ''),
    );
    const result = importDeployment(files);
    const gaps = result.findings.filter((f) => f.id === 'sa-not-established');
    expect(gaps.map((f) => [f.severity, f.subjects])).toEqual([['medium', ['10.20.0.13', 'compute-1']]]);
    expect(gaps[0]!.message).toContain('drops these packets');
  });

  it('sa-not-established: with neither SA nor policy for a configured tunnel, its packets leave in plaintext', () => {
    const files = edited('ovn-3-hosts', 'compute-1.txt', (t) =>
      t
        .replace(/src 10\.20\.0\.1[13] dst 10\.20\.0\.1[13]\n(\t.*\n){5}/g, '')
        .replace(/src 10\.20\.0\.1[13]\/32 dst 10\.20\.0\.1[13]\/32 .*\n(\t.*\n){3}/g, ''),
    );
    const gaps = importDeployment(files).findings.filter((f) => f.id === 'sa-not-established');
    expect(gaps.map((f) => [f.severity, f.subjects])).toEqual([['high', ['10.20.0.13', 'compute-1']]]);
    expect(gaps[0]!.message).toContain('leave in plaintext');
  });

  it('sa-not-established from the Antrea `ipsec status` sample: connections to ::2 and 172.19.0.3 are only routed', () => {
    const result = importDeployment([{ name: 'worker1.txt', text: sample('ipsec-status.antrea-test.txt') }]);
    expect(result.findings.map((f) => [f.id, f.subjects])).toEqual([
      ['sa-not-established', ['172.19.0.3', 'worker1']],
      ['sa-not-established', ['fd98:a1ac:2207::2', 'worker1']],
    ]);
  });

  it('ovn-ipsec-not-applied and ipsec-one-sided: NB says ipsec=true but one chassis tunnel lacks remote_name', () => {
    const files = edited('ovn-3-hosts', 'compute-2.txt', (t) =>
      t.replace(', remote_name="c41a7e90-5d2b-4f63-8e1c-9a0b3d6f7e23"', ''),
    );
    const result = importDeployment(files);
    expect(result.findings.map((f) => [f.id, f.subjects])).toEqual([
      ['ipsec-one-sided', ['compute-2', 'compute-3', 'geneve:compute-2:compute-3']],
      ['ovn-ipsec-not-applied', ['compute-2', 'geneve:compute-2:compute-3']],
    ]);
    expect(result.scenario.tunnels).toEqual([
      {
        id: 'geneve:compute-2:compute-3',
        type: 'geneve',
        between: ['compute-2', 'compute-3'],
        overlay: 'ovn-geneve',
        geneveOptionBytes: 8,
      },
    ]);
  });

  it('tunnel-to-unknown-address: a tunnel to an address no imported host owns becomes a placeholder peer, and the mesh explicit tunnels', () => {
    const extra =
      '        Port vxlan-x\n            Interface vxlan-x\n                type: vxlan\n                options: {psk="swordfish-2024", remote_ip="192.0.2.99"}\n';
    const files = edited('ovs-psk-3-hosts', 'node-a.txt', (t) =>
      t.replace('        Port "eth1"\n', `${extra}        Port "eth1"\n`),
    );
    const result = importDeployment(files);
    expect(result.findings.map((f) => [f.id, f.subjects])).toContainEqual([
      'tunnel-to-unknown-address',
      ['192.0.2.99', 'node-a'],
    ]);
    expect(result.scenario.hosts.at(-1)).toMatchObject({
      id: 'peer-192.0.2.99',
      ip: '192.0.2.99',
      name: 'Tunnel peer 192.0.2.99 (no outputs imported)',
    });
    // Four hosts with four tunnels is not a full mesh (that needs 6): no overlay, so no tunnel is invented.
    expect(result.scenario.overlays).toEqual([]);
    expect(result.scenario.tunnels.map((t) => t.id)).toEqual([
      'vxlan:node-a:node-b',
      'vxlan:node-a:node-c',
      'vxlan:node-a:peer-192.0.2.99',
      'vxlan:node-b:node-c',
    ]);
    expect(result.summary.missing).toContain(
      'tunnels vxlan:node-a:peer-192.0.2.99: only one end imported — its IPsec is taken from that end',
    );
  });
});
