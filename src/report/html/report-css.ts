/**
 * The report's stylesheet: readable on screen, and printed to PDF (by a browser or by
 * `plainsight analyze --format pdf`) on A4 with page breaks before major sections, repeated table
 * headers and running headers/footers in the page margins (CSS Paged Media margin boxes,
 * https://www.w3.org/TR/css-page-3/#margin-boxes, supported by Chromium since version 131).
 */
import { FONT, STATUS_COLOR } from '../svg/svg-text.ts';

/** What the running headers and footers of printed pages say. */
export interface RunningText {
  title: string;
  date: string;
  source: string;
}

/** A CSS string literal; `<` escaped so the text can never close the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ').replace(/</g, '\\3c ')}"`;
}

const SCREEN = `
:root { --ink: #1d2330; --muted: #4a5568; --rule: #c9d0dc; --soft: #f3f5f9; --accent: #0b63ce;
  --plain: ${STATUS_COLOR.plaintext}; --hdr: ${STATUS_COLOR.headers}; --enc: ${STATUS_COLOR.encrypted}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${FONT}; color: var(--ink); margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; font-size: 14px; line-height: 1.45; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.2; }
h2 { font-size: 20px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin: 36px 0 12px; }
h3 { font-size: 16px; margin: 22px 0 8px; }
h4 { font-size: 14px; margin: 14px 0 6px; }
p, ul, dl { margin: 6px 0 10px; }
code, pre { font-family: 'Liberation Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.9em; }
code { background: var(--soft); padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
a { color: var(--accent); text-decoration: none; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-size: 12px; margin: 0; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 13px; margin: 12px 0; color: var(--muted); }
.meta dd { margin: 0; color: var(--ink); overflow-wrap: anywhere; }
.description { border-left: 4px solid var(--rule); padding: 2px 14px; margin: 14px 0; }
nav.toc ol { columns: 2; font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 12.5px; }
th, td { border: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td code { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; white-space: nowrap; border: 1px solid transparent; }
.st-plaintext, .lv-payload { background: #fbe3d6; border-color: var(--plain); color: #7a2e00; }
.st-headers, .lv-headers { background: #fdf0d2; border-color: var(--hdr); color: #6b4a00; }
.st-encrypted { background: #d5f0e6; border-color: var(--enc); color: #00563f; }
.lv-metadata { background: #e6ebf3; border-color: #9aa3b5; color: var(--ink); }
.st-idle { background: #ffffff; border-color: var(--rule); color: var(--muted); }
.lv-none { color: var(--muted); }
.tamper { font-weight: bold; }
td.cell-payload { background: #fbe3d6; } td.cell-headers { background: #fdf0d2; } td.cell-metadata { background: #eef1f6; }
.matrix td, .matrix th { text-align: center; } .matrix td:first-child, .matrix th:first-child { text-align: left; }
.verdict { border: 2px solid; border-radius: 6px; padding: 10px 14px; margin: 12px 0; font-size: 15px; }
.verdict.fail { border-color: var(--plain); background: #fdf1ea; } .verdict.pass { border-color: var(--enc); background: #eaf7f1; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 12px 0; }
.figure { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 10px; }
.figure b { display: block; font-size: 22px; }
.figure span { color: var(--muted); font-size: 12px; }
figure { margin: 10px 0 16px; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
.finding-rule { border: 1px solid var(--rule); border-radius: 6px; padding: 4px 14px 8px; margin: 12px 0; break-inside: avoid-page; }
.finding-rule h3 { margin-top: 10px; }
.sev { text-transform: uppercase; font-size: 11px; font-weight: bold; padding: 1px 6px; border-radius: 3px; color: #fff; background: var(--muted); margin-right: 6px; vertical-align: 2px; }
.sev-critical { background: #8b1a00; } .sev-high { background: #b34700; } .sev-medium { background: #8a6100; } .sev-low { background: #2c5f8a; } .sev-info { background: #5b6473; }
.doc { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 13px; }
.doc dt { font-weight: bold; color: var(--muted); } .doc dd { margin: 0; }
.reasons { font-size: 12.5px; color: var(--muted); margin: 2px 0 6px; }
.flow { border-top: 1px solid var(--rule); padding-top: 4px; break-inside: avoid-page; }
.path { font-size: 12.5px; margin: 4px 0; }
.path .node { font-weight: bold; } .path .link { color: var(--muted); }
.segment { margin: 6px 0 10px; }
.segment-head { font-size: 12.5px; color: var(--muted); margin-bottom: 3px; }
.stack { display: flex; flex-wrap: wrap; gap: 3px; }
.layer { font-family: 'Liberation Mono', 'DejaVu Sans Mono', monospace; font-size: 11px; border: 1px solid var(--rule); border-radius: 3px; padding: 1px 5px; background: #fff; }
.layer.covered { background: #e3f4ec; border-color: #8fcfb5; }
.layer.guard { background: var(--enc); color: #fff; border-color: var(--enc); font-weight: bold; }
.layer.weak { background: #fff; border: 2px dashed var(--hdr); }
.layer.exposed { background: #fbe3d6; border-color: var(--plain); }
.layer.own-headers { background: #fdf0d2; border-color: var(--hdr); }
pre.source { background: var(--soft); padding: 10px 12px; font-size: 11px; line-height: 1.35; white-space: pre-wrap; overflow-wrap: anywhere; counter-reset: line; }
pre.source span { display: block; padding-left: 4.2em; text-indent: -4.2em; }
pre.source span::before { counter-increment: line; content: counter(line); display: inline-block; width: 3.4em; margin-right: 0.8em; text-align: right; color: #8a93a6; }
.note { color: var(--muted); font-size: 12.5px; }
`;

function print(running: RunningText): string {
  return `
@page { size: A4; margin: 18mm 13mm 16mm 13mm;
  @top-left { content: ${cssString(running.title)}; font-family: ${FONT}; font-size: 8pt; color: #4a5568; }
  @top-right { content: ${cssString(running.date)}; font-family: ${FONT}; font-size: 8pt; color: #4a5568; }
  @bottom-left { content: ${cssString(running.source)}; font-family: ${FONT}; font-size: 7pt; color: #4a5568; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: ${FONT}; font-size: 8pt; color: #4a5568; } }
/* The topology is wide: it gets a landscape page of its own (CSS named pages). */
@page wide { size: A4 landscape; }
@media print {
  #topology { page: wide; }
  #topology figure svg { max-height: 150mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  section.page { break-before: page; }
  h2, h3, h4 { break-after: avoid-page; }
  nav.toc a::after { content: none; }
  a { color: inherit; }
  .figures { grid-template-columns: repeat(4, 1fr); }
  pre.source { font-size: 7.5pt; }
}`;
}

/** The complete stylesheet for one report. */
export function reportCss(running: RunningText): string {
  return `${SCREEN}${print(running)}\n`;
}
