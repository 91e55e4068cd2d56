/**
 * `plainsight generate` (issue 8): realistic scenarios from parameters, seeded and deterministic,
 * and always valid scenario files (SPEC §1.2).
 */
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { serializeScenario } from '../../../src/model/serialize-scenario.ts';
import { validateScenarioObject } from '../../../src/model/validate-scenario-object.ts';

const errorsOf = (s: unknown): string[] =>
  validateScenarioObject(s).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);

describe('generateScenario', () => {
  it('the same options always give the same scenario; another seed gives another', () => {
    const a = JSON.stringify(generateScenario({ hosts: 30, seed: 5 }));
    expect(JSON.stringify(generateScenario({ hosts: 30, seed: 5 }))).toBe(a);
    expect(JSON.stringify(generateScenario({ hosts: 30, seed: 6 }))).not.toBe(a);
  });

  for (const options of [{}, { overlay: 'ovs' as const, sites: 3, racksPerSite: 2, hostsPerRack: 6 }, { overlay: 'none' as const, providerNetworks: 3, hosts: 20 }, { hosts: 12, ipsec: false, attackers: 0 }]) {
    it(`[§1.2] generates a valid scenario for ${JSON.stringify(options)}, and its YAML parses back to the same model`, () => {
      const s = generateScenario(options);
      expect(errorsOf(s)).toEqual([]);
      const parsed = parseScenario(serializeScenario(s), { fileName: 'generated.yaml' });
      expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(parsed.model).toEqual(s);
    });
  }

  it('sizes follow the parameters: 100 hosts × 10 VMs × 5 flows = 1,000 VMs and 5,000 flows, 40 hosts per rack', () => {
    const s = generateScenario({ hosts: 100 });
    expect(s.hosts.filter((h) => h.role === 'compute')).toHaveLength(100);
    expect(s.workloads.filter((w) => w.kind === 'vm')).toHaveLength(1000);
    expect(s.flows).toHaveLength(5000);
    expect(s.attackers).toHaveLength(10);
    // ceil(100 / 40) = 3 racks, one leaf each, with 4 spines per site.
    expect(s.devices.filter((d) => d.id.startsWith('leaf-'))).toHaveLength(3);
    expect(s.devices.filter((d) => d.id.startsWith('spine-'))).toHaveLength(4);
  });

  it('mixes tenant (east–west and north–south), storage and control-plane traffic, and no flow goes to itself', () => {
    const s = generateScenario({ hosts: 60 });
    const classes = new Set(s.flows.map((f) => f.class));
    expect([...classes].sort()).toEqual(['api', 'db', 'mq', 'storage', 'tenant']);
    expect(s.flows.some((f) => f.to === 'ext')).toBe(true);
    expect(s.flows.filter((f) => f.from === f.to)).toEqual([]);
  });

  it('OVN uses Geneve with IPsec authenticated by an offline CA; OVS uses VXLAN with one PSK on the controller', () => {
    const ovn = generateScenario({ hosts: 8 });
    expect(ovn.overlays[0]).toMatchObject({ type: 'geneve', geneveOptionBytes: 8, ipsec: { auth: 'ca', keystore: 'ovn-ca' } });
    const ovs = generateScenario({ hosts: 8, overlay: 'ovs' });
    expect(ovs.overlays[0]).toMatchObject({ type: 'vxlan', ipsec: { auth: 'psk', keystore: 'ipsec-psk' } });
    expect(ovs.keystores[0]!.location).toMatch(/^ctl-/);
    expect(generateScenario({ hosts: 8, ipsec: false }).overlays[0]!.ipsec).toBeUndefined();
  });

  it('sites are joined through a carrier network whose links belong to no site (SPEC §1.1 Link)', () => {
    const s = generateScenario({ sites: 2, racksPerSite: 1, hostsPerRack: 4 });
    const wan = s.links.filter((l) => l.id.startsWith('wan-'));
    expect(wan.map((l) => l.between)).toEqual([['border-dc1', 'carrier'], ['border-dc2', 'carrier']]);
    expect(wan.every((l) => l.site === undefined)).toBe(true);
    expect(s.devices.find((d) => d.id === 'carrier')).toMatchObject({ kind: 'carrier', site: 'wan' });
  });
});
