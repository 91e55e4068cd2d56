/**
 * Golden files of the Markdown report (with its two SVG pictures) and the JSON report: the same
 * scenario must always give the same bytes. `UPDATE_SNAPSHOTS=1` rewrites the files under
 * test/samples-report/<scenario>/ after an intended change; review the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownReportPieces, renderMarkdownReport } from '../../../src/report/markdown/render-markdown-report.ts';
import { renderJsonReport } from '../../../src/report/render-json-report.ts';
import { exampleReport, ROOT, watchAppendix } from './report-fixture.ts';

const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';

function golden(dir: string, file: string, actual: string): void {
  const path = join(ROOT, 'test/samples-report', dir, file);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(join(ROOT, 'test/samples-report', dir), { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`golden ${dir}/${file} was missing and has been written; check it and run again`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe.each(['scs-openstack-region', 'starter-two-hosts'])('report goldens of %s', (name) => {
  const report = exampleReport(name);

  it('renders the Markdown report and its pictures byte for byte as the golden files', () => {
    const md = renderMarkdownReport(report, { topologyFile: 'report-topology.svg', chartFile: 'report-comparison.svg' });
    golden(name, 'report.md', md.markdown);
    golden(name, 'report-topology.svg', md.svg);
    golden(name, 'report-comparison.svg', md.chartSvg);
  });

  it('[§4] renders the JSON report byte for byte as the golden file', () => {
    golden(name, 'report.json', renderJsonReport(report));
  });
});

describe('the Markdown report in pieces', () => {
  it('makes its text only when it is read, so a large report is never held whole on its way into a file', () => {
    const report = exampleReport('starter-two-hosts');
    const { watched, reads } = watchAppendix(report);
    const { markdown } = markdownReportPieces(watched);
    expect(reads()).toBe(0);
    expect(Array.from(markdown).join('')).toBe(renderMarkdownReport(report).markdown);
    expect(reads()).toBeGreaterThan(0);
  });
});

describe('the Markdown report on a Git host (GitHub-flavoured Markdown)', () => {
  const { markdown } = renderMarkdownReport(exampleReport('scs-openstack-region'));
  const lines = markdown.split('\n');

  it('closes every code fence and the collapsed appendix', () => {
    const fences = lines.filter((l) => /^`{3,}/.test(l));
    expect(fences.length % 2).toBe(0);
    expect(markdown.match(/<details>/g)).toHaveLength(1);
    expect(markdown).toContain('</details>\n');
  });

  it('gives every table row as many cells as its header (escaped pipes are not separators)', () => {
    const cells = (l: string): number => l.replace(/\\\|/g, '').split('|').length;
    let header = 0;
    let inFence = false;
    for (const l of lines) {
      if (/^`{3,}/.test(l)) inFence = !inFence;
      if (inFence || !l.startsWith('|')) {
        header = 0;
        continue;
      }
      if (header === 0) header = cells(l);
      else expect(cells(l), l).toBe(header);
    }
  });
});
