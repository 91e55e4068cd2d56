/**
 * The synthetic 3-node OVS VXLAN deployment with one shared PSK (test/fixtures/import/ovs-psk-3-hosts):
 * OVS 2.11 outputs that quote every string with a digit, JSON and table `list` output, tunnels/show,
 * `ip xfrm`, `ipsec statusall` and `swanctl --list-sas` — imported and analysed by hand.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyzeScenario } from '../../../src/engine/analyze-scenario.ts';
import { importDeployment } from '../../../src/import/import-deployment.ts';
import { serializeScenario } from '../../../src/model/serialize-scenario.ts';
import { validateScenarioObject } from '../../../src/model/validate-scenario-object.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { fixtureDir } from './read-fixture.ts';

const files = fixtureDir('ovs-psk-3-hosts');
const result = importDeployment(files);
// The PSK in every file is "swordfish-2024"; its fingerprint is the first 16 hex digits of its SHA-256.
const PSK = `psk-${createHash('sha256').update('swordfish-2024').digest('hex').slice(0, 16)}`;

describe('importing a 3-node OVS PSK deployment', () => {
  it('finds the three nodes by hostname output, OVS external_ids and, for node-c, the file name', () => {
    expect(result.scenario.hosts.map((h) => [h.id, h.ip])).toEqual([
      ['node-a', '192.0.2.11'],
      ['node-b', '192.0.2.12'],
      ['node-c', '192.0.2.13'],
    ]);
    expect(result.diagnostics.filter((d) => d.code === 'host_named_after_file').map((d) => d.file)).toEqual([
      'node-c.txt',
    ]);
  });

  it('[SPEC §1.1 Overlay] makes one VXLAN full mesh with PSK IPsec that drops plaintext on every node', () => {
    // ipsec_skb_mark: node-a other_config and tunnels/show "SKB mark: 0/1"; node-b `list Open_vSwitch`;
    // node-c only the block policy `proto udp dport 4789 … action block` of `ip xfrm policy`.
    expect(result.scenario.overlays).toEqual([
      {
        id: 'vxlan-mesh',
        type: 'vxlan',
        members: ['node-a', 'node-b', 'node-c'],
        memberIds: ['node-a', 'node-b', 'node-c'],
        geneveOptionBytes: 0,
        ipsec: { cipher: 'aes-gcm-256', auth: 'psk', keystore: PSK, natT: false, dropPlaintext: true },
      },
    ]);
    expect(result.scenario.keystores).toEqual([{ id: PSK, kind: 'psk' }]);
  });

  it('never copies the PSK into the scenario, and warns at every place the input showed it', () => {
    expect(JSON.stringify(result.scenario)).not.toContain('swordfish');
    expect(serializeScenario(result.scenario)).not.toContain('swordfish');
    const secrets = result.diagnostics
      .filter((d) => d.code === 'secret_in_input')
      .map((d) => `${d.file}:${d.line}`);
    // node-a: Interfaces vxlan-b (line 10) and vxlan-c (14) of ovs-vsctl show, tunnels/show blocks (23, 47);
    // node-b: both rows of the one-line JSON table (line 2); node-c: its two Interfaces (9, 13).
    expect(secrets).toEqual([
      'node-a.txt:10',
      'node-a.txt:14',
      'node-a.txt:23',
      'node-a.txt:47',
      'node-b.txt:2',
      'node-b.txt:2',
      'node-c.txt:9',
      'node-c.txt:13',
    ]);
  });

  it('reports the PSK shared by every host (issue 6 part 3)', () => {
    expect(result.findings.map((f) => [f.id, f.subjects])).toEqual([
      ['psk-shared-by-hosts', [PSK, 'node-a', 'node-b', 'node-c']],
    ]);
  });

  it('counts SAs: node-b 8 kernel states, node-c 4 installed CHILD_SAs × 2, node-a none imported', () => {
    expect(result.summary).toMatchObject({ hosts: 3, tunnels: 3, sas: 16 });
    expect(result.summary.missing).toContain(
      `key store ${PSK}: where else the PSK is kept (deployment tool, secret store) — set its location`,
    );
  });
});

function complete(imported: Scenario): Scenario {
  // The user edits the written YAML: start from the file object, not the normalised model.
  const raw = parse(serializeScenario(imported)) as Record<string, unknown> & Scenario;
  raw.sites = [{ id: 'dc1', trust: 'trusted' }];
  for (const host of raw.hosts) host.site = 'dc1';
  raw.devices = [{ id: 'sw', site: 'dc1', kind: 'switch' }];
  Object.assign(raw, {
    links: [
      { id: 'l-a', between: ['sw', 'node-a'] },
      { id: 'l-b', between: ['sw', 'node-b'] },
      { id: 'l-c', between: ['sw', 'node-c'] },
    ],
    networks: [{ id: 'tenant', kind: 'overlay', overlay: 'vxlan-mesh' }],
    workloads: [
      { id: 'vm-a', host: 'node-a', networks: ['tenant'] },
      { id: 'vm-b', host: 'node-b', networks: ['tenant'] },
    ],
    flows: [{ id: 'f1', from: 'vm-a', to: 'vm-b' }],
    attackers: [
      { id: 'tap-knows-psk', at: { links: ['l-a'] }, can: ['read'], knows: [PSK] },
      { id: 'root-c', at: { hosts: ['node-c'] }, can: ['read', 'inject'] },
      { id: 'root-c-and-tap', at: { hosts: ['node-c'], links: ['l-a'] }, can: ['read', 'inject'] },
    ],
  });
  const checked = validateScenarioObject(raw);
  expect(checked.diagnostics).toEqual([]);
  return checked.model!;
}

describe('analysing the imported PSK deployment', () => {
  const analysis = analyzeScenario(complete(result.scenario));
  const exposure = (attacker: string) =>
    analysis.exposures.find((e) => e.attacker === attacker && e.flow === 'f1');

  it('[X5] a passive tap that knows the PSK still sees only metadata', () => {
    expect(exposure('tap-knows-psk')).toMatchObject({ level: 'metadata', tamper: false });
  });

  it('[X1, X6] root on node-c has no vantage on the node-a → node-b path', () => {
    expect(exposure('root-c')).toMatchObject({ level: 'none', tamper: false });
  });

  it("[X4, X5] root on node-c holds the shared PSK; with inject on node-a's link it reads and forges the flow", () => {
    expect(exposure('root-c-and-tap')).toMatchObject({ level: 'payload', tamper: true });
  });

  it('[§2.1 shared-psk] the engine also flags the shared key store once the scenario is analysed', () => {
    expect(analysis.findings.filter((f) => f.rule === 'shared-psk').map((f) => f.subjects[0])).toEqual([PSK]);
  });
});
