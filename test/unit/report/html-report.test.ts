// @vitest-environment jsdom
/**
 * The HTML report checked structurally: every section present, well-formed markup, no external
 * URL or script, internal links resolve, user text escaped, and the same input gives the same
 * bytes apart from the date line.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/report/build-report.ts';
import { htmlReportPieces, renderHtmlReport } from '../../../src/report/html/render-html-report.ts';
import { generateScenario } from '../../../src/generate/generate-scenario.ts';
import { checkWellFormed } from './well-formed.ts';
import { exampleReport, loadFile, watchAppendix } from './report-fixture.ts';

const html = renderHtmlReport(exampleReport('scs-openstack-region'));
const doc = new DOMParser().parseFromString(html, 'text/html');

describe('renderHtmlReport', () => {
  it('has every section the issue asks for, in reading order', () => {
    const ids = [...doc.querySelectorAll('section')].map((s) => s.id);
    expect(ids).toEqual(['summary', 'topology', 'links', 'exposure', 'requirements', 'findings', 'paths', 'throughput', 'assumptions', 'appendix']);
    expect(doc.querySelector('h1')?.textContent).toBe('SCS OpenStack region: OVN Geneve + IPsec over two data centres and a colocation');
    expect(doc.querySelector('.meta')?.textContent).toContain('0de735979c40');
    expect(doc.querySelectorAll('#topology svg, #throughput svg')).toHaveLength(2);
  });

  it('is well-formed: every element closed in order, attributes quoted, ids unique', () => {
    expect(checkWellFormed('<div><p>x</div>')).not.toEqual([]);
    expect(checkWellFormed('<p class=x>y</p>')).not.toEqual([]);
    expect(checkWellFormed(html)).toEqual([]);
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes no external request: no script, no external URL, a CSP that forbids any', () => {
    expect(doc.querySelectorAll('script, link, iframe, object, embed, img[src^="http"]')).toHaveLength(0);
    // The only http URL allowed is the SVG namespace name, which is an identifier, never fetched.
    const urls = html.match(/https?:\/\/[^\s"'<)]+/g) ?? [];
    expect([...new Set(urls)]).toEqual(['http://www.w3.org/2000/svg']);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^#/);
  });

  it('links every matrix cell and table-of-contents entry to an existing anchor', () => {
    for (const a of doc.querySelectorAll('a[href^="#"]')) expect(doc.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
  });

  it('[X8] shows every link of the default scenario with its status (expected file)', () => {
    const rows = [...doc.querySelectorAll<HTMLTableRowElement>('#links tbody tr')].map((tr) => [tr.cells[0]?.textContent, tr.cells[7]?.textContent]);
    expect(rows).toHaveLength(14);
    expect(rows).toContainEqual(['l-cmp3', '◐ headers']);
    expect(rows).toContainEqual(['l-net1', '✓ encrypted']);
    expect(rows).toContainEqual(['wan-dc2', '✗ plaintext']);
  });

  it('prints the scenario file as the appendix, line for line', () => {
    const { text } = loadFile('scenarios/scs-openstack-region.yaml');
    const lines = [...doc.querySelectorAll('#appendix pre.source span')].map((s) => s.textContent);
    expect(lines).toEqual(text.replace(/\n$/, '').split('\n'));
  });

  it('escapes user text: a scenario name or description cannot inject markup', () => {
    const base = loadFile('scenarios/starter-two-hosts.yaml');
    const model = { ...base.model, name: '<script>alert(1)</script>', description: 'See <img src=x onerror=alert(1)> and [a](http://evil.example)' };
    const out = renderHtmlReport(buildReport({ text: base.text, fileName: 'a"b.yaml', model, date: '2026-01-15' }));
    const page = new DOMParser().parseFromString(out, 'text/html');
    expect(page.querySelectorAll('script, img')).toHaveLength(0);
    expect(page.querySelector('h1')?.textContent).toBe('<script>alert(1)</script>');
    expect(out).not.toContain('href="http');
  });

  it('gives the same bytes for the same input, and differs only in the date for another date', () => {
    const again = renderHtmlReport(exampleReport('scs-openstack-region'));
    expect(again).toBe(html);
    const later = renderHtmlReport(exampleReport('scs-openstack-region', '2027-03-04')).split('\n');
    const changed = html.split('\n').filter((line, i) => line !== later[i]);
    // The date appears on the title block and in the running header of printed pages.
    expect(changed.length).toBeGreaterThan(0);
    for (const line of changed) expect(line).toContain('2026-01-15');
    expect(later).toHaveLength(html.split('\n').length);
  });
});

describe('the HTML report of a large region', () => {
  // 24 hosts × 10 VMs × 5 flows: over a thousand matrix rows, so the matrix spans several pieces.
  const model = generateScenario({ hosts: 24 });
  const report = buildReport({ text: 'plainsight: 1\n', fileName: 'region.yaml', model, date: '2026-01-02' });
  const pieces = Array.from(htmlReportPieces(report));

  it('writes the flow × attacker matrix in pieces of at most a thousand rows: a 5,000-host matrix is more than one string holds', () => {
    const flows = report.analysis.flows.length;
    expect(flows).toBeGreaterThan(1000);
    const start = pieces.findIndex((p) => p.includes('<table class="matrix">'));
    const end = pieces.indexOf('</tbody></table>', start);
    const rows = pieces.slice(start, end + 1).map((p) => p.match(/<tr>/g)?.length ?? 0);
    // The opening piece holds the header row alone; then ⌈flows / 1000⌉ pieces of rows.
    expect(rows[0]).toBe(1);
    expect(rows.slice(1, -1)).toEqual(Array.from({ length: Math.ceil(flows / 1000) }, (_, i) => Math.min(1000, flows - 1000 * i)));
  });

  it('is well-formed once joined, with one matrix row per flow in flow order', { timeout: 60_000 }, () => {
    const joined = pieces.join('');
    expect(checkWellFormed(joined)).toEqual([]);
    const matrix = new DOMParser().parseFromString(joined, 'text/html').querySelector('table.matrix')!;
    const flows = [...matrix.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('code')?.textContent);
    expect(flows).toEqual(report.analysis.flows.map((f) => f.id));
  });

  it('makes each piece only when it is asked for, so a large report is never held whole on its way into a file', () => {
    const { watched, reads } = watchAppendix(report);
    const iterator = htmlReportPieces(watched)[Symbol.iterator]();
    let piece = iterator.next();
    while (!piece.done && !piece.value.includes('<table class="matrix">')) piece = iterator.next();
    expect(piece.done).toBe(false);
    expect(reads()).toBe(0);
    let rest = '';
    for (piece = iterator.next(); !piece.done; piece = iterator.next()) rest += piece.value;
    expect(reads()).toBe(1);
    expect(rest.endsWith('</html>\n')).toBe(true);
  });
});
