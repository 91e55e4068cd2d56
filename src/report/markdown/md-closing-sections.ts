/**
 * The closing sections of the Markdown report: the assumptions the results rest on, the CPU
 * profiles, and the scenario file itself.
 */
import { code, markdownTable } from '../format/markdown.ts';
import { ASSUMPTIONS, CALIBRATION_SOURCE } from '../assumptions.ts';
import type { ReportModel } from '../types.ts';
import { maxOf } from '../../model/long-lists.ts';

/** Assumptions and CPU profiles. */
export function mdAssumptions(report: ReportModel): string[] {
  const rows = report.cpuProfiles.map((p) => [code(p.host), p.arch, String(p.ghz), String(p.cores), p.aes, p.calibrated.length ? `measured: ${p.calibrated.join(', ')}` : 'model constants', String(p.nicGbps), String(p.nicMtu), p.offload.join(', ') || '-']);
  return [
    ...ASSUMPTIONS.map((a) => `- ${a}`),
    '',
    '### CPU and NIC profiles',
    '',
    ...(rows.length ? markdownTable(['Host', 'Arch', 'GHz', 'Cores', 'AES', 'Crypto speed', 'NIC Gbit/s', 'NIC MTU', 'Offload'], rows) : ['No hosts.']),
    '',
    CALIBRATION_SOURCE,
  ];
}

/** The scenario file in a collapsed block, fenced longer than any backtick run inside it. */
export function mdAppendix(report: ReportModel): string[] {
  const longest = maxOf((report.scenarioText.match(/`+/g) ?? []).map((m) => m.length), 2);
  const fence = '`'.repeat(longest + 1);
  return [
    `The complete scenario file ${code(report.source.fileName)} as analysed (SHA-256 \`${report.source.sha256}\`).`,
    '',
    '<details><summary>Scenario file</summary>',
    '',
    `${fence}yaml`,
    report.scenarioText.replace(/\r\n/g, '\n').replace(/\n$/, ''),
    fence,
    '',
    '</details>',
  ];
}
