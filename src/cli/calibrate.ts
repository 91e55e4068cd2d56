/**
 * `npm run calibrate`: prints Plainsight's throughput model against every public measurement of
 * the calibration set (case | published | estimated | error | within target) and the shape checks.
 */
import {
  runCalibration,
  runShapeChecks,
  type CalibrationRow,
} from '../engine/throughput/calibration/run-calibration.ts';

function figure(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(3);
}

function row(r: CalibrationRow): string[] {
  const within = r.withinTarget ? 'yes' : 'NO';
  return [
    r.id,
    `${figure(r.published)} ${r.unit}`,
    `${figure(r.estimated)} ${r.unit}`,
    `${r.errorPct >= 0 ? '+' : ''}${r.errorPct.toFixed(1)} %`,
    `${within} (±${r.targetPct} %)${r.fitted ? ', fitted' : ''}`,
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const rows = runCalibration();
console.log(table(['case', 'published', 'estimated', 'error', 'within target'], rows.map(row)));
console.log('\n"fitted": a model constant was derived from this figure, so it matches by construction.');
const misses = rows.filter((r) => !r.withinTarget);
console.log(`${rows.length - misses.length} of ${rows.length} cases within target.`);
for (const r of misses) console.log(`- ${r.id}: ${r.note}`);
console.log('');
console.log(
  table(
    ['shape check', 'value', 'holds'],
    runShapeChecks().map((s) => [s.check, s.value, s.holds ? 'yes' : 'NO']),
  ),
);
