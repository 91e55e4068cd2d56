import { describe, expect, it } from 'vitest';
import { importDeployment } from '../../../src/import/import-deployment.ts';
import { validateScenarioObject } from '../../../src/model/validate-scenario-object.ts';
import { fixtureDir } from './read-fixture.ts';

describe('importing damaged outputs', () => {
  it('a remote_ip that is no address (":2.2.2.2", found by fuzzing) never becomes a host ip', () => {
    // The fuzz counter-example: every verbatim sample imported together, one byte inserted.
    const files = fixtureDir('samples').map((f) =>
      f.name.startsWith('ovs-vsctl-show') ? { ...f, text: f.text.replace('remote_ip="2.2.2.2"', 'remote_ip=":2.2.2.2"') } : f,
    );
    expect(files.some((f) => f.text.includes(':2.2.2.2'))).toBe(true);
    const result = importDeployment(files);
    expect(result.scenario.hosts.every((h) => h.ip === undefined || !h.ip.startsWith(':'))).toBe(true);
    const validated = validateScenarioObject(result.scenario);
    expect(validated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
