/**
 * The report and diff commands of the CLI (SPEC §4 exit statuses): files written, the date line
 * taken from --date or SOURCE_DATE_EPOCH, the same bytes as the pure builders (and so as the app),
 * and clear usage errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { compareProtections } from '../../../src/engine/throughput/compare-protections.ts';
import { COMPARISON_HALVES, mergeComparisons } from '../../../src/engine/throughput/comparison-halves.ts';
import { exportReport } from '../../../src/report/export-report.ts';
import { parseValid } from '../model/parse-helpers.ts';
import { createCliSandbox } from '../../support/cli.ts';
import { ROOT } from './report-fixture.ts';

const box = createCliSandbox();
const scenario = readFileSync(join(ROOT, 'scenarios/starter-two-hosts.yaml'), 'utf8');
const variant = readFileSync(join(ROOT, 'test/samples-report/diff/starter-ipsec.yaml'), 'utf8');
box.write('starter.yaml', scenario);
box.write('starter-ipsec.yaml', variant);
afterAll(() => box.remove());
afterEach(() => vi.unstubAllEnvs());

describe('plainsight analyze --format html|md and plainsight report', () => {
  it('[§4] writes the HTML report, exit 1 because r1 fails, and the same bytes as the app export', async () => {
    const result = await box.run(['analyze', 'starter.yaml', '--format', 'html', '--out', 'r.html', '--date', '2026-02-03']);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const html = box.read('r.html');
    expect(html).toContain('<dt>Generated</dt><dd>2026-02-03 · Plainsight');
    const version = /Plainsight (\d+\.\d+\.\d+)/.exec(html)![1]!;
    const app = exportReport({ text: scenario, fileName: 'starter.yaml', date: '2026-02-03', version, format: 'html' });
    expect(app.report?.format).toBe('html');
    expect(app.report && 'html' in app.report ? Array.from(app.report.html).join('') : '').toBe(html);
    // The app hands the export the comparison its two workers worked out: the same bytes again.
    const halves = COMPARISON_HALVES.map((only) => compareProtections(parseValid(scenario), undefined, only));
    const given = exportReport({ text: scenario, fileName: 'starter.yaml', date: '2026-02-03', version, format: 'html', comparison: mergeComparisons(halves) });
    expect(given.report && 'html' in given.report ? Array.from(given.report.html).join('') : '').toBe(html);
    // It is the given table that is printed, not one worked out again.
    const marked = mergeComparisons(halves);
    marked.alternatives[1] = { ...marked.alternatives[1]!, label: 'no encryption (given)' };
    const printed = exportReport({ text: scenario, fileName: 'starter.yaml', date: '2026-02-03', version, format: 'html', comparison: marked });
    expect(printed.report && 'html' in printed.report ? Array.from(printed.report.html).join('') : '').toContain('no encryption (given)');
  });

  it('report defaults to HTML on stdout; SOURCE_DATE_EPOCH sets the date line', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
    const result = await box.run(['report', 'starter.yaml']);
    // 1700000000 s after the epoch is 2023-11-14T22:13:20Z.
    expect(result.stdout).toContain('<dd>2023-11-14 · Plainsight');
    expect(result.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('writes the Markdown with its two pictures next to it', async () => {
    const result = await box.run(['analyze', 'starter.yaml', '-f', 'md', '-o', 'out.md', '--date', '2026-02-03']);
    expect(result.code).toBe(1);
    expect(box.read('out.md')).toContain('![Topology of the scenario: links coloured and patterned by status](out-topology.svg)');
    expect(box.read('out-topology.svg').startsWith('<svg xmlns')).toBe(true);
    expect(box.read('out-comparison.svg')).toContain('Protection options');
  });

  it('[§4] report --format json is analyze --format json --compare', async () => {
    const report = await box.run(['report', 'starter.yaml', '--format', 'json']);
    const analyze = await box.run(['analyze', 'starter.yaml', '--format', 'json', '--compare']);
    expect(report.stdout).toBe(analyze.stdout);
    expect(JSON.parse(report.stdout)).toHaveProperty('comparison.alternatives');
  });

  it.each([
    [['report', 'starter.yaml', '--date', '2026-02-30'], "--date '2026-02-30' is not a date"],
    [['report', 'starter.yaml', '--format', 'pdf'], '--format pdf needs --out'],
    [['report', 'starter.yaml', '--format', 'text'], "'report' writes html, md, json or pdf"],
    [['diff', 'starter.yaml'], "'diff' needs two scenario files"],
    [['diff', 'a.yaml', 'b.yaml', '--format', 'pdf'], "unknown format 'pdf'"],
  ])('[§4] exits 64 on %j', async (argv, message) => {
    const result = await box.run(argv);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(message);
  });

  it('rejects a malformed SOURCE_DATE_EPOCH as the reproducible-builds spec asks', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', 'yesterday');
    expect((await box.run(['report', 'starter.yaml'])).code).toBe(64);
  });

  it('exits 69 with a clear message when no Chromium can print the PDF', async () => {
    vi.stubEnv('CHROMIUM_PATH', join(box.dir, 'no-such-chromium'));
    const result = await box.run(['report', 'starter.yaml', '--format', 'pdf', '--out', 'r.pdf']);
    expect(result.code).toBe(69);
    expect(result.stderr).toContain('--format pdf needs headless Chromium');
    expect(result.stderr).toContain('apt-get install chromium');
  });
});

describe('plainsight diff', () => {
  it('exits 0 when nothing gets worse and lists what improved', async () => {
    const result = await box.run(['diff', 'starter.yaml', 'starter-ipsec.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing gets worse, 4 changes make it better');
    expect(result.stdout).toContain('  r1           ✗ fails  ✓ holds  better');
  });

  it('exits 1 when the change makes something worse, and writes md with --out', async () => {
    const result = await box.run(['diff', 'starter-ipsec.yaml', 'starter.yaml', '--format', 'md', '--out', 'd.md', '--date', '2026-02-03']);
    expect(result.code).toBe(1);
    expect(box.read('d.md')).toContain('| `l2` | ✓ encrypted | ✗ plaintext | worse |');
    expect(box.read('d.md')).toContain('Generated 2026-02-03');
  });

  it('[§1.2] exits 2 on an invalid file', async () => {
    box.write('bad.yaml', 'plainsight: 1\nname: x\nlinks: [ { id: l1 } ]\n');
    expect((await box.run(['diff', 'starter.yaml', 'bad.yaml'])).code).toBe(2);
  });
});
