/**
 * The HTML report rendered by real headless Chromium: printed to PDF by the CLI's own printer
 * (A4, running headers, a landscape page for the topology) and screenshotted to PNG, both into
 * test-results/report/ for a person to look at. Skipped only where /usr/bin/chromium is absent.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { printPdf } from '../../../src/cli/pdf.ts';
import { renderHtmlReport } from '../../../src/report/html/render-html-report.ts';
import { exampleReport, ROOT } from './report-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(ROOT, 'test-results/report');

describe.skipIf(!existsSync(CHROMIUM))('the HTML report in headless Chromium', () => {
  const html = renderHtmlReport(exampleReport('scs-openstack-region'));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'scs-openstack-region.html'), html);

  it('prints to an A4 PDF, with a landscape page for the topology', { timeout: 120_000 }, async () => {
    const pdf = join(OUT, 'scs-openstack-region.pdf');
    await printPdf(html, pdf, CHROMIUM);
    const bytes = readFileSync(pdf).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    // A4 is 595.28 × 841.89 pt (ISO 216: 210 × 297 mm at 72 pt per 25.4 mm); Skia rounds to 2 decimals.
    const boxes = [...bytes.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(10);
    expect(boxes).toContainEqual([595, 842]);
    expect(boxes).toContainEqual([842, 595]);
  });

  it('renders offline without a single request and screenshots the first page to PNG', { timeout: 120_000 }, async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const errors: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      await page.setContent(html, { waitUntil: 'load' });
      const png = join(OUT, 'scs-openstack-region.png');
      await page.screenshot({ path: png });
      expect(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank')).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.locator('section').count()).toBe(10);
      expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await browser.close();
    }
  });
});
