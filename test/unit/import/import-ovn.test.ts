/**
 * The synthetic 3-chassis OVN deployment (test/fixtures/import/ovn-3-hosts: `ovn-sbctl show` and
 * the NB ipsec flag from the controller, `ovs-vsctl show`, the Open_vSwitch maps and `ip xfrm`
 * from each chassis) imported and analysed, with expectations read off the fixture by hand.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyzeScenario } from '../../../src/engine/analyze-scenario.ts';
import { importDeployment } from '../../../src/import/import-deployment.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { serializeScenario } from '../../../src/model/serialize-scenario.ts';
import { validateScenarioObject } from '../../../src/model/validate-scenario-object.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { scenario } from '../../support/model-builder.ts';
import { fixtureDir } from './read-fixture.ts';

const VM1 = 'b2d3b0a7-6a0e-4f9f-8d51-3c1f0e2a4b61';
const VM2 = '1c7f0e55-2b9d-4e3a-9a60-7d4c8b1e2f73';
const VM3 = '9e4a1d22-7c3b-4a5e-8f01-2d6b9c0e4a85';

const result = importDeployment(fixtureDir('ovn-3-hosts'));

describe('importing a 3-chassis OVN deployment', () => {
  it('names hosts after their chassis hostnames, with the encap IP as host address', () => {
    expect(result.scenario.hosts.map((h) => [h.id, h.role, h.ip, h.site])).toEqual([
      ['compute-1', 'compute', '10.20.0.11', 'unassigned'],
      ['compute-2', 'compute', '10.20.0.12', 'unassigned'],
      // compute-3 holds the chassisredirect port cr-lrp-…: OVN's gateway chassis.
      ['compute-3', 'gateway', '10.20.0.13', 'unassigned'],
      // The controller only ran ovn-sbctl / ovn-nbctl; its prompt names it.
      ['controller-1', 'controller', undefined, 'unassigned'],
    ]);
    expect(result.scenario.sites).toEqual([
      { id: 'unassigned', name: 'Unassigned — set the real site', trust: 'shared' },
    ]);
  });

  it('[SPEC §1.1 Overlay] makes one Geneve overlay with CA-authenticated AES-256-GCM IPsec, no NAT-T, no plaintext drop', () => {
    // Keys are redacted digit for digit: 72 hex digits = 36 bytes = 32-byte key + 4-byte salt (RFC 4106 §8.1) → AES-256.
    // No ipsec_skb_mark in other_config and no block policy in `ip xfrm policy` → dropPlaintext false.
    expect(result.scenario.overlays).toEqual([
      {
        id: 'ovn-geneve',
        type: 'geneve',
        members: ['compute-1', 'compute-2', 'compute-3'],
        memberIds: ['compute-1', 'compute-2', 'compute-3'],
        geneveOptionBytes: 8,
        ipsec: { cipher: 'aes-gcm-256', auth: 'ca', keystore: 'ipsec-ca', natT: false, dropPlaintext: false },
      },
    ]);
    expect(result.scenario.tunnels).toEqual([]);
    expect(result.scenario.keystores).toEqual([{ id: 'ipsec-ca', kind: 'ca' }]);
    expect(result.scenario.links).toEqual([]);
  });

  it('turns VIF port bindings into VMs on one OVN network, leaving the chassisredirect port out', () => {
    expect(result.scenario.workloads.map((w) => [w.id, w.host, w.networks])).toEqual([
      [VM1, 'compute-1', ['ovn-net']],
      [VM2, 'compute-2', ['ovn-net']],
      [VM3, 'compute-3', ['ovn-net']],
    ]);
    expect(result.scenario.bridges.filter((b) => b.host === 'compute-1')).toEqual([
      { id: 'compute-1/br-ex', host: 'compute-1', kind: 'ovs', role: 'external' },
      { id: 'compute-1/br-int', host: 'compute-1', kind: 'ovn', role: 'integration' },
    ]);
  });

  it('counts 3 tunnels and 24 SAs (2 peers × 2 conns × 2 directions per chassis) and reports nothing wrong', () => {
    expect(result.summary).toMatchObject({ hosts: 4, tunnels: 3, sas: 24 });
    expect(result.findings).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(result.sources.map((s) => [s.file, s.host])).toEqual([
      ['compute-1.txt', 'compute-1'],
      ['compute-2.txt', 'compute-2'],
      ['compute-3.txt', 'compute-3'],
      ['controller-1.txt', 'controller-1'],
    ]);
  });

  it('lists sites, links, flows and attackers as missing, and writes YAML that parses back to the same scenario', () => {
    expect(result.summary.missing.slice(0, 4).map((m) => m.split(':')[0])).toEqual([
      'sites',
      'links and devices',
      'flows',
      'attackers',
    ]);
    expect(result.summary.missing).toContain(
      'key store ipsec-ca: where the CA private key is kept — set its location (or offline)',
    );
    const reparsed = parseScenario(serializeScenario(result.scenario));
    expect(reparsed.diagnostics).toEqual([]);
    expect(reparsed.model).toEqual(result.scenario);
  });
});

/** What the user adds after importing: the site, the physical network, the traffic and one attacker. */
function completeByHand(imported: Scenario): Scenario {
  // The user edits the written YAML: start from the file object, not the normalised model.
  const raw = parse(serializeScenario(imported)) as Scenario & Record<string, unknown>;
  raw.sites = [{ id: 'dc1', trust: 'trusted' }];
  for (const host of raw.hosts) host.site = 'dc1';
  raw.devices = [{ id: 'sw', site: 'dc1', kind: 'switch' }];
  (raw as Record<string, unknown>).links = ['compute-1', 'compute-2', 'compute-3', 'controller-1'].map(
    (h, i) => ({ id: `l${i + 1}`, between: ['sw', h] }),
  );
  (raw as Record<string, unknown>).flows = [
    { id: 'f-vm', from: VM1, to: VM2 },
    { id: 'f-api', from: 'compute-1', to: 'controller-1', port: 8774, class: 'api' },
  ];
  (raw as Record<string, unknown>).attackers = [
    { id: 'tap', at: { links: ['l1', 'l2'] }, can: ['read', 'inject'] },
  ];
  const checked = validateScenarioObject(raw);
  expect(checked.diagnostics).toEqual([]);
  return checked.model!;
}

/** The same deployment written by hand with the model builder. */
function handWritten(): Scenario {
  return scenario('hand-written OVN')
    .site('dc1')
    .host('compute-1', { site: 'dc1', ip: '10.20.0.11' })
    .host('compute-2', { site: 'dc1', ip: '10.20.0.12' })
    .host('compute-3', { site: 'dc1', ip: '10.20.0.13', role: 'gateway' })
    .host('controller-1', { site: 'dc1', role: 'controller' })
    .device('sw', { site: 'dc1' })
    .link('l1', ['sw', 'compute-1'])
    .link('l2', ['sw', 'compute-2'])
    .link('l3', ['sw', 'compute-3'])
    .link('l4', ['sw', 'controller-1'])
    .keystore('ipsec-ca', 'ca')
    .overlay('ovn-geneve', ['compute-1', 'compute-2', 'compute-3'], {
      type: 'geneve',
      ipsec: { auth: 'ca', keystore: 'ipsec-ca' },
    })
    .network('ovn-net', { overlay: 'ovn-geneve' })
    .workload(VM1, { host: 'compute-1', networks: ['ovn-net'] })
    .workload(VM2, { host: 'compute-2', networks: ['ovn-net'] })
    .workload(VM3, { host: 'compute-3', networks: ['ovn-net'] })
    .flow('f-vm', { from: VM1, to: VM2 })
    .flow('f-api', { from: 'compute-1', to: 'controller-1', port: 8774, class: 'api' })
    .attacker('tap', { at: { links: ['l1', 'l2'] }, can: ['read', 'inject'] })
    .build();
}

describe('[issue 6] imported OVN deployment + one site and one attacker = the hand-written equivalent', () => {
  const imported = analyzeScenario(completeByHand(result.scenario));
  const hand = analyzeScenario(handWritten());

  it('gives the same link statuses, flow results, exposures, findings and requirements', () => {
    const { scenario: _a, ...fromImport } = imported;
    const { scenario: _b, ...fromHand } = hand;
    expect(fromImport).toEqual(fromHand);
  });

  it('[X5] the tap on the chassis links sees only metadata of the VM flow: ESP with CA certificates it cannot open', () => {
    expect(imported.exposures.find((e) => e.flow === 'f-vm')).toMatchObject({
      attacker: 'tap',
      level: 'metadata',
      tamper: false,
    });
  });

  it('[X6, X7] the host-level API call is outside OVN IPsec (tunnels only, domain-facts D.3): payload read and tampered', () => {
    expect(imported.exposures.find((e) => e.flow === 'f-api')).toMatchObject({
      attacker: 'tap',
      level: 'payload',
      tamper: true,
    });
  });
});

describe('the output format of the docs/import.md collection script', () => {
  it('imports the same chassis and overlay, with empty sections for absent daemons and no diagnostics', () => {
    const files = fixtureDir('ovn-3-hosts')
      .filter((f) => f.name !== 'controller-1.txt')
      .map((f) => {
        const host = f.name.replace('.txt', '');
        const text = f.text
          .replace(`root@${host}:~# hostname\n${host}\n`, `# plainsight-host: ${host}\n`)
          .replaceAll(`root@${host}:~# `, '# ');
        return {
          name: `plainsight-${host}.txt`,
          text: `${text}# ovs-appctl -t ovs-monitor-ipsec tunnels/show\n# swanctl --list-sas\n# ipsec statusall\n`,
        };
      });
    const central = fixtureDir('ovn-3-hosts').find((f) => f.name === 'controller-1.txt')!;
    files.push({
      name: 'plainsight-ovn-central.txt',
      text: central.text.replaceAll('root@controller-1:~# ', '# '),
    });
    const scripted = importDeployment(files);
    expect(scripted.diagnostics).toEqual([]);
    expect(scripted.findings).toEqual([]);
    expect(scripted.scenario.overlays).toEqual(result.scenario.overlays);
    // Without a prompt the central file names no host: it describes the cluster only.
    expect(scripted.sources.at(-1)).toEqual({
      file: 'plainsight-ovn-central.txt',
      formats: ['ovn-sbctl-show', 'nb-ipsec-flag'],
    });
  });
});
