/**
 * Truncated and malformed outputs give clear diagnostics with line numbers, and whatever is
 * still readable is kept (issue 6: "never silently drops lines").
 */
import { describe, expect, it } from 'vitest';
import { importDeployment } from '../../../src/import/import-deployment.ts';
import { fixture } from './read-fixture.ts';

const run = (name: string) => importDeployment([{ name, text: fixture(`malformed/${name}`) }]);
const diag = (name: string) => run(name).diagnostics.map((d) => [d.line, d.code, d.severity]);

describe('malformed and truncated inputs', () => {
  it('an ovs-vsctl show cut inside an options map: error on that line, the interface kept without options', () => {
    const result = run('truncated-ovs-vsctl-show.txt');
    // Line 5 is `Interface ovn-hv8-0`, line 7 its cut `options:` line.
    expect(diag('truncated-ovs-vsctl-show.txt')).toEqual([
      [5, 'tunnel_without_remote', 'warning'],
      [7, 'malformed_value', 'error'],
    ]);
    expect(result.diagnostics.find((d) => d.code === 'malformed_value')!.message).toBe(
      'options of interface ovn-hv8-0 are not a complete {key=value} map (truncated output?)',
    );
    expect(result.scenario.hosts.map((h) => h.id)).toEqual(['hv9']);
  });

  it('an ip xfrm state cut after "src … dst …": the entry is reported incomplete, the complete one before it kept', () => {
    const result = run('truncated-xfrm-state.txt');
    // Line 7 starts the cut entry, line 8 holds the partial "prot".
    expect(diag('truncated-xfrm-state.txt')).toEqual([
      [undefined, 'host_named_after_file', 'info'],
      [7, 'incomplete_entry', 'error'],
      [8, 'unrecognised_line', 'warning'],
    ]);
    expect(result.summary.sas).toBe(1);
  });

  it('a JSON table cut mid-row is reported as incomplete JSON, and no host is made of it', () => {
    expect(diag('truncated-json.txt')).toEqual([[2, 'malformed_json', 'error']]);
    expect(run('truncated-json.txt').scenario.hosts).toEqual([]);
  });

  it('text that is no command output at all: every line reported, no host invented', () => {
    const result = run('not-command-output.txt');
    expect(diag('not-command-output.txt')).toEqual([
      [undefined, 'unrecognised_file', 'error'],
      [1, 'unrecognised_line', 'warning'],
    ]);
    expect(result.diagnostics[1]!.endLine).toBe(4);
    expect(result.scenario.hosts).toEqual([]);
  });
});
