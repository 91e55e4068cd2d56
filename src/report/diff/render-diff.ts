/**
 * The diff as terminal text, GitHub Markdown, a self-contained HTML page, or JSON. All four render
 * the same `diffTables`, so they never disagree.
 */
import { code, escapeMarkdown, markdownTable } from '../format/markdown.ts';
import { renderTable } from '../format/text-layout.ts';
import { reportCss } from '../html/report-css.ts';
import { esc, htmlDocument, table } from '../html/html-parts.ts';
import { diffSummary, diffTables, type DiffRow } from './diff-tables.ts';
import type { DiffReport } from './diff-types.ts';
import { appendAll } from '../../model/long-lists.ts';

const WIDTH = 100;

function sides(report: DiffReport): [string, string, string][] {
  return [
    ['before', report.before.source.fileName, report.before.source.sha256],
    ['after', report.after.source.fileName, report.after.source.sha256],
  ];
}

/** The diff for a terminal: aligned columns, no date (it is what changed, not a document). */
export function renderDiffText(report: DiffReport): string {
  const lines = [`Plainsight diff: ${report.before.source.fileName} → ${report.after.source.fileName}`];
  for (const [label, file, sha] of sides(report)) lines.push(`  ${label.padEnd(7)}${file}  sha256 ${sha.slice(0, 16)}`);
  lines.push('', diffSummary(report.diff));
  for (const t of diffTables(report.diff)) {
    lines.push('', t.title);
    appendAll(lines, t.rows.length ? renderTable([t.header.map((h) => h.toUpperCase()), ...t.rows.map((r) => r.cells)], '  ', WIDTH) : ['  no change']);
  }
  return `${lines.join('\n')}\n`;
}

/** The diff as GitHub-flavoured Markdown, for a pull request. */
export function renderDiffMarkdown(report: DiffReport): string {
  const generated = `${report.date}${report.version ? ` · Plainsight ${report.version}` : ''}`;
  const lines = [
    `# Plainsight diff: ${escapeMarkdown(report.before.name)}`,
    '',
    '| | File | SHA-256 |',
    '| --- | --- | --- |',
    ...sides(report).map(([label, file, sha]) => `| ${label} | ${code(file)} | \`${sha}\` |`),
    '',
    `Generated ${generated}`,
    '',
    `**${escapeMarkdown(diffSummary(report.diff))}**`,
  ];
  for (const t of diffTables(report.diff)) {
    const rows = t.rows.map((r) => r.cells.map((c, i) => (i === 0 && t.id !== 'findings' ? code(c) : escapeMarkdown(c))));
    appendAll(lines, ['', `## ${t.title}`, ''].concat(rows.length ? markdownTable(t.header, rows) : ['No change.']));
  }
  return `${lines.join('\n')}\n`;
}

/** A row's cells; the cell naming the change (last, or first for findings) as a coloured badge. */
function htmlRow(row: DiffRow, findings: boolean): string[] {
  const bad = row.direction === 'worse' || row.direction === 'added';
  const good = row.direction === 'better' || row.direction === 'removed';
  const mark = findings ? 0 : row.cells.length - 1;
  return row.cells.map((c, i) => {
    if (i === mark && (bad || good)) return `<span class="badge ${bad ? 'st-plaintext' : 'st-encrypted'}">${esc(c)}</span>`;
    return i === 0 && !findings ? `<code>${esc(c)}</code>` : esc(c);
  });
}

/** The diff as a self-contained HTML page (same stylesheet as the report). */
export function renderDiffHtml(report: DiffReport): string {
  const title = `Plainsight diff: ${report.before.name}`;
  const css = reportCss({ title, date: report.date, source: `${report.before.source.fileName} → ${report.after.source.fileName}` });
  const meta = sides(report).map(([label, file, sha]) => `<dt>${label}</dt><dd><code>${esc(file)}</code> · SHA-256 <code>${sha}</code></dd>`).join('');
  const sections = diffTables(report.diff).map((t) => `<section id="${t.id}"><h2>${esc(t.title)}</h2>${t.rows.length ? table(t.header.map(esc), t.rows.map((r) => htmlRow(r, t.id === 'findings'))) : '<p>No change.</p>'}</section>`);
  const header = `<header><p class="kicker">Plainsight diff</p><h1>${esc(report.before.name)}</h1><dl class="meta">${meta}<dt>Generated</dt><dd>${esc(`${report.date}${report.version ? ` · Plainsight ${report.version}` : ''}`)}</dd></dl>
<div class="verdict ${report.diff.regressions > 0 ? 'fail' : 'pass'}">${esc(diffSummary(report.diff))}</div></header>`;
  return htmlDocument({ title, css, body: `${header}\n${sections.join('\n')}` });
}

/** The diff as JSON: both sources and every change, keys in a fixed order. */
export function renderDiffJson(report: DiffReport): string {
  // No date: the JSON is data about two files, byte-identical for the same two files.
  const side = (s: DiffReport['before']): object => ({ name: s.name, fileName: s.source.fileName, sha256: s.source.sha256 });
  return `${JSON.stringify({ plainsight: 1, before: side(report.before), after: side(report.after), diff: report.diff }, null, 2)}\n`;
}
