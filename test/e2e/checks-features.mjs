/**
 * End-to-end checks of the level of detail at scale, the import dialog and the Export menu
 * (issues 5, 6, 8). They run after checks.mjs, on the same page: the first one expects the
 * generated 1,000-host scenario that the last check of checks.mjs opened.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completed, hook, onAppOrigin, pickInspectorEntity, storeWorkingCopy, waitAnalysed, waitHook } from './checks.mjs';
import { generateScenario } from './generate-scenario.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

async function dblclickNode(page, id) {
  const at = await hook(page, (i) => window.__plainsight.rendered(i), id);
  if (!at) throw new Error(`${id} is not on the canvas`);
  const box = await page.getByTestId('canvas').boundingBox();
  await page.mouse.dblclick(box.x + at.x, box.y + at.y);
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function openDefault(page) {
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Library' }).click();
  const n = await completed(page);
  await page
    .getByTestId('library')
    .getByRole('button', { name: /SCS OpenStack region/ })
    .click();
  await waitAnalysed(page, n);
}

/** @type {{ name: string, run: (ctx: any) => Promise<void>, allow?: RegExp }[]} */
export const featureChecks = [
  {
    name: 'double-clicking a collapsed rack opens it into its 25 hosts; the search finds hosts inside closed racks (issue 8)',
    async run({ page, out }) {
      await dblclickNode(page, 'rack:tor-3');
      // The rack stays as a box; its ToR and 25 hosts are added: 47 + 26 nodes.
      await waitHook(page, () => window.__plainsight.stats().nodes === 47 + 26);
      const parent = await hook(page, () => window.__plainsight.classesOf('h75'));
      if (!parent.includes('host')) throw new Error(`h75 (rack 3) is not drawn: ${parent}`);
      await page.screenshot({ path: join(out, '11-rack-opened.png') });
      // Network hosts are every 50th host (generate-scenario.mjs): h0, h50, …, h950 → 20 hosts, each
      // in an even rack (dc1), so 20 closed racks hold them.
      await page.getByTestId('canvas-search').fill('role:network');
      await page
        .getByTestId('search-count')
        .filter({ hasText: '20 matches in 20 collapsed groups' })
        .waitFor();
      const rack0 = await hook(page, () => window.__plainsight.classesOf('rack:tor-0'));
      if (!rack0.includes('match')) throw new Error(`rack:tor-0 holds h0 but is not marked: ${rack0}`);
      await page.screenshot({ path: join(out, '12-search-role-network.png') });
      await page.getByTestId('canvas-search').fill('');
    },
  },
  {
    name: 'a large file being opened is on the map before its analysis under an “Analysing…” note, its links grey until their statuses come ahead of the analysis',
    async run({ page, base, out, metrics }) {
      await onAppOrigin(page, base);
      // 20,000 flows: above the preview threshold (5,000), and seconds of analysis to look into.
      await storeWorkingCopy(
        page,
        generateScenario({ hosts: 1000, flows: 20000 }),
        'generated-20000-flows.yaml',
      );
      await page.goto(`${base}?testhook`);
      await waitHook(page, () => window.__plainsight?.topologyAt() !== undefined, undefined, 60000);
      const early = await hook(page, () => ({
        completed: window.__plainsight.completed(),
        links: Object.values(window.__plainsight.stats().links),
        note: document.querySelector('[data-testid=canvas-analysing]')?.textContent ?? '',
      }));
      if (early.completed !== 0)
        throw new Error('the analysis was done before the map was drawn: nothing was previewed');
      if (early.links.length === 0) throw new Error('no links on the map before the analysis');
      if (!early.note.includes('Analysing'))
        throw new Error(`no “Analysing…” note on the map: "${early.note}"`);
      await page.screenshot({ path: join(out, '11a-large-file-before-analysis.png') });
      // The statuses come once the paths are traced, before the rest of the analysis.
      await waitHook(page, () => window.__plainsight.statusesAt() !== undefined, undefined, 60000);
      const ahead = await hook(page, () => ({
        completed: window.__plainsight.completed(),
        links: window.__plainsight.stats().links,
        note: document.querySelector('[data-testid=canvas-analysing]')?.textContent ?? '',
      }));
      if (ahead.completed === 0) await page.screenshot({ path: join(out, '11b-large-file-statuses-ahead.png') });
      await waitAnalysed(page, 0);
      const late = await hook(page, () => ({
        links: window.__plainsight.stats().links,
        note: document.querySelector('[data-testid=canvas-analysing]'),
        topology: window.__plainsight.topologyAt(),
        statuses: window.__plainsight.statusesAt(),
        analysed: window.__plainsight.firstRenderAt(),
      }));
      if (Object.values(late.links).some((s) => s === 'unknown') || late.note)
        throw new Error('the analysis arrived but the map still shows links without status');
      if (!(late.statuses < late.analysed))
        throw new Error(`link statuses at ${late.statuses} ms, not before the analysis at ${late.analysed} ms`);
      // Seen while the analysis still ran, the statuses on the map were already the analysis's own.
      if (ahead.completed === 0) {
        if (!ahead.note.includes('link statuses are in')) throw new Error(`note while statuses are in: "${ahead.note}"`);
        const differ = Object.keys(late.links).filter((id) => ahead.links[id] !== undefined && ahead.links[id] !== late.links[id]);
        if (differ.length > 0) throw new Error(`statuses shown ahead differ from the analysis's on ${differ.slice(0, 5)}`);
      }
      metrics.preview = { topologyMs: Math.round(late.topology), statusesMs: Math.round(late.statuses), analysedMs: Math.round(late.analysed), statusesSeenAhead: ahead.completed === 0 };
    },
  },
  {
    name: 'a large file opened whose flows name an unknown workload: its map shows before its flows are read, then its problems over an empty map',
    async run({ page, base, out }) {
      await onAppOrigin(page, base);
      const text = generateScenario({ hosts: 1000, flows: 20000 }).replace(/(\n {2}- \{ id: f7, from: )[^,]+/, '$1vm-nowhere');
      if (!text.includes('vm-nowhere')) throw new Error('the flow to break is not in the generated text');
      await storeWorkingCopy(page, text, 'generated-broken-flow.yaml');
      await page.goto(`${base}?testhook`);
      await waitHook(page, () => window.__plainsight?.topologyAt() !== undefined, undefined, 60000);
      // The whole file is read the full way for its positions (seconds), long after the topology was drawn.
      await waitHook(page, () => window.__plainsight.diagnostics().some((d) => d.code === 'flow_unknown_endpoint'), undefined, 60000);
      await page.getByText('This file has problems.').waitFor();
      const after = await hook(page, () => ({ stats: window.__plainsight.stats(), completed: window.__plainsight.completed() }));
      if (after.stats.nodes !== 0 || after.stats.edges !== 0)
        throw new Error(`the topology of the invalid file stays on the map: ${after.stats.nodes} nodes, ${after.stats.edges} edges`);
      await page.screenshot({ path: join(out, '11c-large-file-invalid-flow.png') });
    },
  },
  {
    name: 'the import dialog previews three hosts’ outputs and merges the new hosts into the open scenario (issue 6)',
    async run({ page, out }) {
      await openDefault(page);
      await page.getByTestId('open-import').click();
      const dir = join(ROOT, 'test/fixtures/import/ovs-psk-3-hosts');
      const files = await Promise.all(
        (await readdir(dir)).map(async (name) => ({
          name,
          mimeType: 'text/plain',
          buffer: await readFile(join(dir, name)),
        })),
      );
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('import-pick').click();
      await (await chooser).setFiles(files);
      const summary = page.getByTestId('import-summary');
      await summary.filter({ hasText: /3\s+hosts/ }).waitFor();
      if ((await page.getByTestId('import-hosts').locator('li').count()) < 3)
        throw new Error('fewer than 3 hosts listed');
      await page.getByTestId('import-missing').waitFor();
      await page.screenshot({ path: join(out, '13-import-preview.png') });
      const hosts = await page.getByTestId('import-hosts').locator('code').allTextContents();
      const n = await completed(page);
      await page.getByTestId('import-merge').click();
      await waitAnalysed(page, n);
      const text = await hook(page, () => window.__plainsight.text());
      const missing = hosts.filter((h) => !text.includes(`id: ${h}`));
      if (missing.length) throw new Error(`merged text lacks ${missing.join(', ')}`);
      if (!text.includes('SCS OpenStack region'))
        throw new Error('the open scenario was replaced, not merged into');
      await page.keyboard.press('Control+z');
    },
  },
  {
    name: 'Export: the HTML report equals the CLI’s for the same text and date; PNG and SVG of the map (issue 5)',
    async run({ page, out }) {
      await openDefault(page);
      await page.getByTestId('export-menu').click();
      const html = await download(page, 'export-html');
      const text = await hook(page, () => window.__plainsight.text());
      // The app prints the browser's local day; this process runs on the same machine and zone.
      const now = new Date();
      const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      const dir = await mkdtemp(join(tmpdir(), 'plainsight-report-'));
      const file = join(dir, 'scs-openstack-region.yaml');
      await writeFile(file, text);
      try {
        execFileSync(
          process.execPath,
          [
            '--import',
            'tsx',
            join(ROOT, 'src/cli/main.ts'),
            'report',
            file,
            '--date',
            date,
            '--out',
            join(dir, 'cli.html'),
          ],
          { cwd: ROOT, stdio: 'pipe' },
        );
      } catch (e) {
        if (e.status !== 1) throw e;
      }
      const cli = await readFile(join(dir, 'cli.html'));
      if (!cli.equals(html.bytes))
        throw new Error(
          `app report (${html.bytes.length} bytes) differs from the CLI's (${cli.length} bytes)`,
        );
      await page.getByTestId('export-menu').click();
      const png = await download(page, 'export-png');
      if (png.bytes.subarray(1, 4).toString() !== 'PNG' || png.bytes.length < 10_000)
        throw new Error(`not a PNG map: ${png.bytes.length} bytes`);
      await page.getByTestId('export-menu').click();
      const svg = await download(page, 'export-svg');
      const s = svg.bytes.toString('utf8');
      if (!s.startsWith('<svg') || !s.includes('compute-2')) throw new Error('the SVG does not show the map');
      await writeFile(join(out, '14-map-export.svg'), s);
      await writeFile(join(out, '14-map-export.png'), png.bytes);
    },
  },
  {
    name: 'a share link opens the scenario in a new tab as a new document and says where the previous copy went; compare lists the changed links (issue 5)',
    async run({ page, context, base, out }) {
      await page.getByTestId('export-menu').click();
      await page.getByTestId('export-share').click();
      const url = await page.getByTestId('share-link').inputValue();
      if (!url.includes('#s=')) throw new Error(`no share link: ${url}`);
      const other = await context.newPage();
      // The link keeps the page's query (?testhook here) and replaces only the fragment.
      if (!url.startsWith(`${base}?testhook#s=`)) throw new Error(`unexpected link ${url.slice(0, 80)}`);
      await other.goto(url);
      await waitAnalysed(other);
      const name = await hook(other, () => window.__plainsight.modelName());
      if (!name?.startsWith('SCS OpenStack region')) throw new Error(`the shared link opened ${name}`);
      if (new URL(other.url()).hash !== '') throw new Error('the fragment stayed in the address bar');
      await other.close();
      // Compare: save a baseline in the library, switch the overlay's IPsec off, compare.
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Library' }).click();
      await page.getByLabel('Name to save the current scenario under').fill('baseline');
      await page.getByRole('button', { name: 'Save current scenario' }).click();
      await page.getByTestId('library').getByRole('button', { name: 'Close' }).click();
      await pickInspectorEntity(page, 'ovn-geneve');
      const n = await completed(page);
      await page.getByLabel('IPsec cipher').selectOption('');
      await waitAnalysed(page, n);
      await page.getByTestId('export-menu').click();
      await page.getByTestId('export-compare').click();
      await page.getByTestId('compare-library').selectOption('baseline');
      await page.getByTestId('compare-summary').waitFor({ timeout: 20000 });
      const links = (await page.locator('[data-testid^=diff-]').first().textContent()) ?? '';
      // Without ESP, l-cmp3 goes from headers to plaintext (checks.mjs, overlay check).
      if (!links.includes('l-cmp3')) throw new Error(`the diff does not list l-cmp3: ${links.slice(0, 300)}`);
      await page.screenshot({ path: join(out, '15-compare-with-baseline.png') });
      await page.getByTestId('compare').getByRole('button', { name: 'Close' }).click();
      await page.keyboard.press('Control+z');
    },
  },
];
