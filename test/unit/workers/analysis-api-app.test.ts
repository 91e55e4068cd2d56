import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { analysisApi } from '../../../workers/analysis.api.ts';
import { createCliSandbox, type CliSandbox } from '../../support/cli.ts';
import { FAILING, INVALID, PASSING } from '../cli/fixtures/scenarios.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const fixture = (dir: string) => readdirSync(join(ROOT, dir)).map((name) => ({ name, text: readFileSync(join(ROOT, dir, name), 'utf8') }));

let box: CliSandbox;
beforeEach(() => {
  box = createCliSandbox();
});
afterEach(() => box.remove());

describe('analysisApi: the app’s import, report, diff and sample calls', () => {
  it('[issue 6] an import preview carries YAML that parses to the imported scenario, and its entities', async () => {
    const preview = await analysisApi.importDeployment(fixture('test/fixtures/import/ovs-psk-3-hosts'), { name: 'Lab' });
    const { model, diagnostics } = parseScenario(preview.yaml, { fileName: 'imported.yaml' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model?.name).toBe('Lab');
    expect(model?.hosts.map((h) => h.id)).toEqual(preview.scenario.hosts.map((h) => h.id));
    // Every host is one entity of the `hosts` collection, as written in the YAML.
    expect(preview.entities.filter((e) => e.collection === 'hosts').map((e) => e.value.id)).toEqual(preview.scenario.hosts.map((h) => h.id));
  });

  it('[issue 5] the report as files to download: the CLI’s HTML in one Blob, the Markdown with its two SVGs under the names it links', async () => {
    const file = box.write('scenario.yaml', FAILING);
    const cli = await box.run(['report', file, '--date', '2026-01-02', '--out', 'cli.html']);
    // FAILING's requirement fails, so the CLI exits 1 (SPEC §4) after writing the report.
    expect(cli.code).toBe(1);
    // The app's HTML is byte for byte the one `plainsight report` writes for the same text and date.
    const html = await analysisApi.reportFiles({ text: FAILING, fileName: 'scenario.yaml', stem: 'scenario', date: '2026-01-02', format: 'html' });
    expect(html.files?.map((f) => [f.name, f.blob.type])).toEqual([['scenario-report.html', 'text/html']]);
    expect(await html.files![0]!.blob.text()).toBe(box.read('cli.html'));
    const md = await analysisApi.reportFiles({ text: FAILING, fileName: 'scenario.yaml', stem: 'scenario', date: '2026-01-02', format: 'md' });
    expect(md.files?.map((f) => f.name)).toEqual(['scenario-report.md', 'scenario-topology.svg', 'scenario-comparison.svg']);
    const markdown = await md.files![0]!.blob.text();
    // The Markdown links its pictures by those names, and they are SVG documents.
    expect(markdown).toContain('](scenario-topology.svg)');
    expect(markdown).toContain('](scenario-comparison.svg)');
    for (const f of md.files!.slice(1)) expect(await f.blob.text()).toMatch(/^<svg[\s>]/);
  });

  it('[issue 5] from the analysis session of the very text: the same files, nothing parsed or analysed again; another text is not made there', async () => {
    const file = box.write('scenario.yaml', FAILING);
    await box.run(['report', file, '--date', '2026-01-02', '--out', 'cli.html']);
    const request = { text: FAILING, fileName: 'scenario.yaml', stem: 'scenario', date: '2026-01-02', format: 'html' as const };
    // No session holds PASSING: asked from the session alone, nothing is made.
    await analysisApi.analyze({ text: FAILING, fileName: 'scenario.yaml' });
    expect(await analysisApi.reportFiles({ ...request, text: PASSING, fromSession: true })).toEqual({ diagnostics: [], held: false });
    // Nor for other attackers than the session's (it analysed them all).
    expect((await analysisApi.reportFiles({ ...request, attackers: ['nobody'], fromSession: true })).held).toBe(false);
    const held = await analysisApi.reportFiles({ ...request, fromSession: true });
    expect(held.held).toBeUndefined();
    expect(await held.files![0]!.blob.text()).toBe(box.read('cli.html'));
  });

  it('[§1.2] a report of an invalid file returns its diagnostics and no report', async () => {
    const res = await analysisApi.reportFiles({ text: INVALID, fileName: 'bad.yaml', stem: 'bad', date: '2026-01-02', format: 'html' });
    expect(res.files).toBeUndefined();
    expect(res.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('[issue 5] comparing a failing version with a passing one lists the requirement that now holds', async () => {
    const res = await analysisApi.diffVersions({ before: { text: FAILING, fileName: 'a.yaml' }, after: { text: PASSING, fileName: 'b.yaml' }, date: '2026-01-02' });
    if (!('report' in res)) throw new Error(`invalid: ${res.invalid.join(', ')}`);
    expect(res.report.diff.requirements.map((r) => r.direction)).toContain('better');
    expect(res.tables.length).toBeGreaterThan(0);
  });

  it('comparing with a version that does not parse names that version', async () => {
    const res = await analysisApi.diffVersions({ before: { text: INVALID, fileName: 'old.yaml' }, after: { text: PASSING, fileName: 'b.yaml' }, date: '2026-01-02' });
    expect(res).toEqual({ invalid: ['old.yaml'] });
  });

  it('[issue 8] a generated sample is a valid scenario of the requested size', async () => {
    const yaml = await analysisApi.generateSample({ hosts: 12, workloadsPerHost: 1, flowsPerWorkload: 1 });
    const { model, diagnostics } = parseScenario(yaml, { fileName: 'sample.yaml' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // 12 compute hosts + 2 gateways + the external host (generate-datacenter.ts).
    expect(model?.hosts).toHaveLength(15);
  });
});
