/** The examples the library offers: the scenarios of `scenarios/`, each one a valid scenario. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledScenarios, DEFAULT_SCENARIO } from '../../src/app/files/bundled-scenarios.ts';
import { parseScenario } from '../../src/model/parse-scenario.ts';

describe('bundled scenarios', () => {
  it('are the scenario files of scenarios/ (not the JSON Schema beside them), the default first', () => {
    const files = readdirSync(join(process.cwd(), 'scenarios')).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'));
    expect(bundledScenarios.map((s) => s.fileName).sort()).toEqual(files.sort());
    expect(bundledScenarios[0]!.fileName).toBe(DEFAULT_SCENARIO);
  });

  it('each opens without an error and is listed under its own name', () => {
    for (const s of bundledScenarios) {
      const { model, diagnostics } = parseScenario(s.text, { fileName: s.fileName });
      expect(diagnostics.filter((d) => d.severity === 'error'), s.fileName).toEqual([]);
      expect(s.title, s.fileName).toBe(model!.name);
    }
  });
});
