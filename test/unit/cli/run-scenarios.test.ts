import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';

const root = join(import.meta.dirname, '../../..');
const scenarioFiles = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml'));

/** Requirement verdicts worked out by hand in scenarios/expected/<name>.expected.yaml. */
function expectedVerdicts(file: string): Record<string, boolean> {
  const expected = parse(
    readFileSync(join(root, 'scenarios/expected', file.replace(/\.yaml$/, '.expected.yaml')), 'utf8'),
  );
  return expected.requirements ?? {};
}

const cli = (argv: string[]) => runCli(argv, { cwd: root });

const sortedBy = <T>(items: readonly T[], key: (item: T) => string): boolean =>
  items.every((item, i) => i === 0 || key(items[i - 1] as T) <= key(item));

describe.each(scenarioFiles)('plainsight analyze scenarios/%s', (file) => {
  it('[§4] exits 0 or 1 as the hand-worked requirement verdicts say, with sorted JSON', async () => {
    const verdicts = expectedVerdicts(file);
    const { code, stdout, stderr } = await cli(['analyze', `scenarios/${file}`, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(Object.values(verdicts).every(Boolean) ? 0 : 1);
    const json = JSON.parse(stdout);
    expect(
      Object.fromEntries(json.requirements.map((r: { id: string; pass: boolean }) => [r.id, r.pass])),
    ).toEqual(verdicts);
    // SPEC §4: arrays sorted by id, exposures by flow then attacker, one per flow × attacker.
    expect(sortedBy(json.links, (l: { id: string }) => l.id)).toBe(true);
    expect(sortedBy(json.flows, (f: { id: string }) => f.id)).toBe(true);
    const attackers = (parse(readFileSync(join(root, 'scenarios', file), 'utf8')).attackers ?? [])
      .map((a: { id: string }) => a.id)
      .sort();
    expect(json.exposures.map((e: { flow: string; attacker: string }) => [e.flow, e.attacker])).toEqual(
      json.flows.flatMap((f: { id: string }) => attackers.map((a: string) => [f.id, a])),
    );
  });

  it('[§4] validates with exit 0 and renders as text and Markdown', async () => {
    expect((await cli(['validate', `scenarios/${file}`])).code).toBe(0);
    const text = await cli(['analyze', `scenarios/${file}`]);
    expect(text.stdout).toContain('\nLinks\n');
    expect(text.stdout).toContain('\nExposure (flow × attacker)\n');
    const md = await cli(['analyze', `scenarios/${file}`, '--format', 'md']);
    expect(md.stdout).toContain('\n## Findings\n');
  });
});
