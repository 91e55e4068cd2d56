import { describe, expect, it } from 'vitest';
import { MAX_FILE_CHARS } from '../../../src/model/defaults.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { codesOf, HEADER } from './parse-helpers.ts';

describe('[§1.2] files that are not scenarios get one clear diagnostic, never a crash', () => {
  it('refuses a 50 MB file before parsing it (file_too_large)', () => {
    // 50 MB of plausible YAML: above the 40 MiB (41,943,040 character) limit.
    const line = '  - { id: f0000000, from: vm-a, to: vm-b }\n';
    const text = HEADER + 'flows:\n' + line.repeat(Math.ceil(50_000_000 / line.length));
    expect(text.length).toBeGreaterThan(MAX_FILE_CHARS);
    const { model, diagnostics } = parseScenario(text);
    expect(model).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'file_too_large', line: 1, column: 1 });
    expect(diagnostics[0]!.message).toContain('40 MiB');
  });

  it('reports 100,000 nested flow lists as too_deep instead of overflowing the stack', () => {
    expect(codesOf(`${HEADER}layout: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)).toEqual(['too_deep']);
  });

  it('reports 50,000 nested block lists as too_deep', () => {
    expect(codesOf(`${HEADER}hosts:\n${'- '.repeat(50_000)}x\n`)).toEqual(['too_deep']);
  });

  it('accepts the nesting a scenario really needs (a CPU calibration is 7 levels deep)', () => {
    const text = `${HEADER}sites: [{ id: s, trust: trusted }]\nhosts:\n  - { id: h, site: s, role: compute, cpu: { calibration: { sha256: { gbps: 20, bytes: 16384 } } } }\n`;
    expect(codesOf(text)).toEqual([]);
  });

  it('stops an alias bomb (too_many_aliases)', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f'].entries()) {
      const previous = String.fromCharCode('a'.charCodeAt(0) + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    expect(codesOf(`${HEADER}${levels.join('\n')}\n`)).toEqual(['too_many_aliases']);
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(codesOf(`\uFEFF${HEADER}`)).toEqual([]);
  });

  it('reads YAML anchors and merge keys', () => {
    const text = `${HEADER}sites: [{ id: s, trust: trusted }]\nhosts:\n  - &base { id: h1, site: s, role: compute }\n  - { <<: *base, id: h2 }\n`;
    const { model } = parseScenario(text);
    expect(model?.hosts.map((h) => [h.id, h.role])).toEqual([
      ['h1', 'compute'],
      ['h2', 'compute'],
    ]);
  });
});
