/** `plainsight generate` options (issue 8): every parameter, and usage errors that name the word. */
import { describe, expect, it } from 'vitest';
import { parseGenerateArgs } from '../../../src/cli/commands/generate-command.ts';

describe('plainsight generate options', () => {
  it('reads every parameter, with --opt value and --opt=value alike', () => {
    const parsed = parseGenerateArgs([
      '--hosts', '5000', '--sites=2', '--racks-per-site', '3', '--hosts-per-rack', '20', '--overlay', 'ovs', '--no-ipsec',
      '--provider-networks', '2', '--workloads-per-host', '10', '--flows-per-workload', '5', '--attackers', '10', '--seed', '7', '--out', 'big.yaml',
    ]);
    expect(parsed).toEqual({
      options: { hosts: 5000, sites: 2, racksPerSite: 3, hostsPerRack: 20, overlay: 'ovs', ipsec: false, providerNetworks: 2, workloadsPerHost: 10, flowsPerWorkload: 5, attackers: 10, seed: 7 },
      out: 'big.yaml',
    });
    expect(parseGenerateArgs(['--ipsec']).options.ipsec).toBe(true);
  });

  it('rejects unknown options, bad overlays and counts that are not whole numbers', () => {
    expect(() => parseGenerateArgs(['--hots', '3'])).toThrow("unknown option '--hots'");
    expect(() => parseGenerateArgs(['--overlay', 'vxlan'])).toThrow("needs ovn, ovs or none, got 'vxlan'");
    expect(() => parseGenerateArgs(['--hosts', '-3'])).toThrow('whole number');
    expect(() => parseGenerateArgs(['--hosts', '2.5'])).toThrow('whole number');
    expect(() => parseGenerateArgs(['--hosts'])).toThrow("option '--hosts' needs a value");
  });
});
