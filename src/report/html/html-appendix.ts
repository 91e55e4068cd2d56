/**
 * The closing sections of the HTML report: the assumptions the results rest on (exposure
 * semantics, CPU profiles, where the crypto costs come from) and the scenario file itself.
 */
import type { ReportModel } from '../types.ts';
import { code, esc, table, type Cell } from './html-parts.ts';
import { ASSUMPTIONS, CALIBRATION_SOURCE } from '../assumptions.ts';

const num = (html: string): Cell => ({ html, className: 'num' });

function cpuTable(report: ReportModel): string {
  const rows = report.cpuProfiles.map((p) => [
    code(p.host),
    esc(p.arch),
    num(String(p.ghz)),
    num(String(p.cores)),
    esc(p.aes),
    p.calibrated.length ? `measured: ${esc(p.calibrated.join(', '))}` : 'model constants',
    num(String(p.nicGbps)),
    num(String(p.nicMtu)),
    esc(p.offload.join(', ') || '–'),
  ]);
  return rows.length
    ? table(['Host', 'Arch', 'GHz', 'Cores', 'AES', 'Crypto speed', 'NIC Gbit/s', 'NIC MTU', 'Offload'], rows)
    : '<p>No hosts.</p>';
}

/** What the results assume: semantics, CPU profiles and the source of the crypto figures. */
export function htmlAssumptions(report: ReportModel): string {
  return `<ul>${ASSUMPTIONS.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>
<h3>CPU and NIC profiles</h3>
${cpuTable(report)}
<p class="note">${esc(CALIBRATION_SOURCE)}</p>`;
}

/** The scenario file as analysed, with line numbers, to match against the fingerprint. */
export function htmlAppendix(report: ReportModel): string {
  const lines = report.scenarioText.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  // Block spans, one per line (a newline between them would double the spacing inside <pre>).
  const body = lines.map((l) => `<span>${esc(l)}</span>`).join('');
  return `<p>The complete scenario file ${code(report.source.fileName)} as analysed (SHA-256 <code>${report.source.sha256}</code>).</p>
<pre class="source">${body}</pre>`;
}
