import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/model/parse-scenario.ts';

// Found by `npm run fuzz` (parse-mutated-text): a YAML directive, a "billion laughs" alias chain
// and a truncation. The line counter answered line 0 for the syntax error.
function directiveAliasBomb(): string {
  const lines = ['l1: &l1 ["lol", "lol"]'];
  for (let i = 2; i <= 30; i++) lines.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}]`);
  return `%YAML 1.1\n${lines.join('\n')}`.slice(0, 667);
}

describe('diagnostic positions (SPEC §1.2)', () => {
  it('every diagnostic of a truncated, directive-led alias bomb has a 1-based line and column', () => {
    const { model, diagnostics } = parseScenario(directiveAliasBomb(), { fileName: 'bomb.yaml' });
    expect(model).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
  });
});
