import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/model/parse-scenario.ts';

const base = `plainsight: 1
name: tunnels
sites: [{ id: dc, trust: trusted }]
hosts:
  - { id: a, site: dc, role: compute }
  - { id: b, site: dc, role: compute }
overlays:
  - { id: ov, type: geneve, members: [a, b] }
tunnels:
`;

function codes(tunnels: string): string[] {
  return parseScenario(base + tunnels).diagnostics.map((d) => d.code);
}

describe('duplicate explicit tunnels (SPEC §1.1 Tunnel)', () => {
  it('a GRE and a Geneve port to the same peer are two standalone tunnels, as OVS allows', () => {
    expect(codes('  - { id: t1, type: gre, between: [a, b] }\n  - { id: t2, type: geneve, between: [b, a] }\n')).not.toContain('duplicate_tunnel');
  });

  it('two standalone tunnels of one type between the same hosts are a duplicate, in either direction', () => {
    expect(codes('  - { id: t1, type: gre, between: [a, b] }\n  - { id: t2, type: gre, between: [b, a] }\n')).toContain('duplicate_tunnel');
  });

  it('two tunnels replacing the same overlay pair are a duplicate whatever their types', () => {
    expect(codes('  - { id: t1, type: gre, between: [a, b], overlay: ov }\n  - { id: t2, type: vxlan, between: [a, b], overlay: ov }\n')).toContain('duplicate_tunnel');
  });
});
