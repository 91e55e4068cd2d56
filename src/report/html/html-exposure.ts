/**
 * Exposure sections of the HTML report: the flow × attacker matrix (SPEC X6, X7) with every
 * reason behind it (X9), and the requirements with their failing pairs.
 */
import { describeExposure, describeRequirement } from '../format/labels.ts';
import { exposureAttackers, findExposure, flowSummary, seenExposures } from '../format/report-queries.ts';
import type { Exposure } from '../../engine/types.ts';
import type { ReportModel } from '../types.ts';
import { code, esc, itemPieces, levelBadge, table, tablePieces, type Cell } from './html-parts.ts';
import { rowsArray } from '../../engine/row-list.ts';

const anchor = (flow: string, attacker: string): string => `why-${flow}--${attacker}`.replace(/[^A-Za-z0-9_-]/g, '_');

function matrix(report: ReportModel, attackers: readonly string[]): Iterable<string> {
  const flows = rowsArray(report.analysis.flows);
  const row = (i: number): Cell[] => {
    const f = flows[i]!;
    return [
      `${code(f.id)}<br><span class="note">${esc(flowSummary(report, f.id))}</span>`,
      ...attackers.map((a): Cell => {
        const e = findExposure(report, f.id, a);
        if (!e) return '?';
        const badge = levelBadge(e.level, e.tamper);
        return { html: e.level === 'none' ? badge : `<a href="#${anchor(f.id, a)}">${badge}</a>`, className: `cell-${e.level}` };
      }),
    ];
  };
  return tablePieces(['Flow', ...attackers.map(code)], flows.length, row, 'matrix');
}

function* reasons(report: ReportModel): Generator<string> {
  const exposed = seenExposures(report.analysis.exposures);
  if (exposed.length === 0) {
    yield '<p>No attacker sees any flow.</p>';
    return;
  }
  const item = (e: Exposure): string => {
    const list = e.reasons.map((r) => `<li>${esc(r.text)}</li>`).join('');
    return `<li id="${anchor(e.flow, e.attacker)}">${code(e.flow)} × ${code(e.attacker)}: <strong>${esc(describeExposure(e))}</strong><ul class="reasons">${list}</ul></li>`;
  };
  yield '<ul>';
  yield* itemPieces(exposed.length, (i) => item(exposed[i]!));
  yield '</ul>';
}

/**
 * The matrix, its legend and the reasons behind every exposure above none, as pieces made when
 * they are asked for (joined, the section's HTML): a large region's matrix is more than one
 * JavaScript string holds.
 */
export function* htmlExposure(report: ReportModel): Generator<string> {
  const attackers = exposureAttackers(report.analysis.exposures);
  if (attackers.length === 0 || report.analysis.flows.length === 0) {
    yield '<p>No flows or no attackers.</p>';
    return;
  }
  const legend = report.scenario.attackers
    .filter((a) => attackers.includes(a.id))
    .map((a) => `<li>${code(a.id)}${a.name ? ` — ${esc(a.name)}` : ''}: ${esc(positionOf(a.at))}; can ${esc(a.can.join(', '))}${a.knows.length ? `; knows ${a.knows.map(code).join(', ')}` : ''}</li>`)
    .join('');
  yield `<ul class="note">${legend}</ul>\n`;
  yield* matrix(report, attackers);
  yield '\n<p class="note">Each cell is the deepest thing the attacker sees of the flow at any of its vantage points (SPEC X6); ⚠ tamper: it can change or inject data the receiver accepts (X7). Select a cell for its reasons.</p>\n<h3>Why: the reasons behind each exposure</h3>\n';
  yield* reasons(report);
}

/** `links l1, l2; hosts c1` — where an attacker sits. */
export function positionOf(at: ReportModel['scenario']['attackers'][number]['at']): string {
  const parts = (['links', 'devices', 'hosts', 'workloads', 'sites'] as const)
    .filter((k) => at[k].length > 0)
    .map((k) => `${k} ${at[k].join(', ')}`);
  return parts.length > 0 ? `at ${parts.join('; ')}` : 'nowhere';
}

/** Requirements: what each demands, whether it holds and the pairs that break it. */
export function htmlRequirements(report: ReportModel): string {
  if (report.analysis.requirements.length === 0) return '<p>The scenario states no requirements.</p>';
  const rows = report.analysis.requirements.map((result) => {
    const requirement = report.scenario.requirements.find((r) => r.id === result.id);
    const failures = result.failures.map((f) => `${code(f.flow)} × ${code(f.attacker)}: ${esc(describeExposure(f))}`);
    return [
      code(result.id),
      result.pass ? '<span class="badge st-encrypted">✓ holds</span>' : '<span class="badge st-plaintext">✗ fails</span>',
      requirement ? esc(describeRequirement(requirement)) : '',
      failures.join('<br>') || '–',
    ];
  });
  return table(['Requirement', 'Result', 'Demands', 'Failing pairs'], rows);
}
