// @vitest-environment jsdom
/**
 * The report's pictures: links carry their status three ways (colour, pattern, glyph) so they read
 * without colour; the layout is deterministic; the comparison chart has a row per option.
 */
import { describe, expect, it } from 'vitest';
import { renderComparisonChartSvg } from '../../../src/report/svg/render-comparison-chart-svg.ts';
import { renderTopologySvg } from '../../../src/report/svg/render-topology-svg.ts';
import { renderDescription } from '../../../src/report/html/render-description.ts';
import { exampleReport } from './report-fixture.ts';

const report = exampleReport('scs-openstack-region');
const svg = renderTopologySvg(report.scenario, report.analysis.links);
const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');

function linkGroup(id: string): Element {
  const group = [...doc.querySelectorAll('g')].find((g) => g.querySelector('title')?.textContent?.startsWith(`${id}:`));
  if (!group) throw new Error(`no link ${id}`);
  return group;
}

describe('renderTopologySvg', () => {
  it('[X8] draws each status with its own colour, dash pattern and glyph (Okabe–Ito palette)', () => {
    const style = (id: string): [string | null, string | null, string | undefined] => {
      const path = linkGroup(id).querySelectorAll('path')[1]!;
      return [path.getAttribute('stroke'), path.getAttribute('stroke-dasharray'), linkGroup(id).querySelector('text')?.textContent ?? undefined];
    };
    expect(style('wan-dc1')).toEqual(['#D55E00', '7 4', '✗ wan-dc1']);
    expect(style('l-cmp3')).toEqual(['#E69F00', '2 3', '◐ l-cmp3']);
    expect(style('l-net1')).toEqual(['#009E73', null, '✓ l-net1']);
  });

  it('draws every site, host, device and link once, with a legend', () => {
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    for (const id of ['ctl1', 'net1', 'bak1', 'ext-client', 'leaf-dc1', 'carrier']) expect(texts).toContain(id);
    expect(texts).toEqual(expect.arrayContaining(['Data centre 1', 'dc1 · trusted', 'colo · shared', '✗ plaintext payload']));
    expect(doc.querySelectorAll('g > title').length).toBeGreaterThanOrEqual(14);
    for (const l of report.scenario.links) expect(() => linkGroup(l.id)).not.toThrow();
  });

  it('is deterministic and self-contained', () => {
    expect(renderTopologySvg(report.scenario, report.analysis.links)).toBe(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/href|<image|url\(/);
  });

  it('collapses a site of more than 12 hosts into 11 boxes and a "+N more" box', () => {
    const base = exampleReport('starter-two-hosts').scenario;
    const hosts = Array.from({ length: 20 }, (_, i) => ({ ...base.hosts[0]!, id: `h${i + 1}` }));
    const links = hosts.map((h, i) => ({ ...base.links[0]!, id: `l${i + 1}`, between: [h.id, 'sw1'] as [string, string] }));
    const big = renderTopologySvg({ ...base, hosts, links }, []);
    expect(big).toContain('+9 more');
    // 20 hosts: 11 drawn, 9 behind the "+9 more" box, and their 9 cables not drawn.
    expect(big).toContain('9 links of collapsed hosts not drawn');
    expect(big).not.toContain('h12<');
  });
});

describe('renderComparisonChartSvg', () => {
  it('[T8] has a row per protection option and a cell per attacker', () => {
    const chart = new DOMParser().parseFromString(renderComparisonChartSvg(report.comparison), 'image/svg+xml');
    const texts = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    for (const alt of report.comparison.alternatives) expect(texts).toContain(alt.label);
    expect(texts).toEqual(expect.arrayContaining(['MTU left (bytes)', 'Slowest flow (Gbit/s)', 'Crypto cores at load', 'ca-leak', 'root-cmp2']));
    // The as-configured MTU bar: 1408, the smallest inner MTU (expected file).
    expect(texts).toContain('1408');
  });
});

describe('renderDescription', () => {
  it('renders paragraphs, nested lists and inline code, and escapes markup', () => {
    const html = renderDescription('Intro **bold** `code`\n\n- one\n  - nested <b>x</b>\n- two\n  continued');
    expect(html).toBe('<p>Intro <strong>bold</strong> <code>code</code></p>\n<ul><li>one<ul><li>nested &lt;b&gt;x&lt;/b&gt;</li></ul></li><li>two continued</li></ul>');
  });
});
