import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { createCliSandbox, type CliSandbox } from '../../support/cli.ts';

let box: CliSandbox;
beforeEach(() => (box = createCliSandbox()));
afterEach(() => box.remove());

describe('plainsight import', () => {
  it('passes its own arguments through and writes a valid scenario from a directory of host outputs', async () => {
    const dir = resolve('test/fixtures/import/ovn-3-hosts');
    const result = await box.run(['import', dir, '--out', 'imported.yaml'], { readDir: (p) => readdir(p) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Imported 4 host\(s\)/);
    const parsed = parseScenario(box.read('imported.yaml'), { fileName: 'imported.yaml' });
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.model!.hosts.map((h) => h.id).sort()).toEqual(['compute-1', 'compute-2', 'compute-3', 'controller-1']);
  });

  it('is listed in the general help', async () => {
    expect((await box.run(['--help'])).stdout).toMatch(/plainsight import/);
  });
});
