/**
 * Engine benchmarks (`npm run bench`): for generated scenarios of N compute hosts (BENCH_SIZES,
 * default 100,1000,5000; 10 VMs per host, 5 flows per VM, 10 attackers) the full analysis and the
 * incremental re-analysis after each edit of issue 8, with peak memory. Each size runs in two fresh
 * Node processes: the full analyses in one, the session and its edits in the other (its first
 * analysis is then a cold one, as the app's). Prints a table and writes
 * bench/results/engine-<time>.json (and engine-latest.json) so commits can be compared. Runs
 * bench/browser.mjs afterwards when that file exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const load = loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, load ${load}\n`);
console.log('hosts  workloads    flows  exposures  generate   analyse  peak RSS   session   prepare  cipher  attacker  move');
/** What the table prints of one size (the JSON keeps every figure). */
interface Row {
  computeHosts: number;
  workloads: number;
  flows: number;
  exposures: number;
  generateMs: number;
  analyzeMs: number;
  onePeakRssMb: number;
  sessionMs: number;
  prepareMs: number;
  incrementalMs: Record<string, number>;
}
const rows: Row[] = [];
/** One part of one size in a fresh Node process (bench/engine-once.ts), as parsed JSON. */
function once(hosts: number, part: 'full' | 'session'): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/engine-once.ts', String(hosts), part], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}
for (const hosts of sizes) {
  const full = once(hosts, 'full');
  const session = once(hosts, 'session');
  // The table's peak memory is one analysis's (the 2 GB target); the JSON keeps the peaks of both processes.
  const { part: _full, ...fullFigures } = full;
  const { part: _session, peakRssMb: sessionPeakRssMb, ...sessionFigures } = session;
  const row = { ...sessionFigures, ...fullFigures, sessionPeakRssMb } as unknown as Row;
  rows.push(row);
  const ms = (n: number | undefined): string => `${n ?? '-'} ms`.padStart(9);
  console.log(
    `${String(row.computeHosts).padStart(5)} ${String(row.workloads).padStart(10)} ${String(row.flows).padStart(8)} ${String(row.exposures).padStart(10)}` +
      `${ms(row.generateMs)} ${ms(row.analyzeMs)} ${`${row.onePeakRssMb} MB`.padStart(9)} ${ms(row.sessionMs)} ${ms(row.prepareMs)}` +
      `${ms(row.incrementalMs.cipher)}${ms(row.incrementalMs.attacker)}${ms(row.incrementalMs.move)}`,
  );
}
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // Not a git checkout: the results are still worth keeping.
}
const result = { commit, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg(), rows };
mkdirSync('bench/results', { recursive: true });
const json = JSON.stringify(result, null, 2) + '\n';
writeFileSync(`bench/results/engine-${result.date.replace(/[:.]/g, '-')}.json`, json);
writeFileSync('bench/results/engine-latest.json', json);
console.log('\n(analyse: median full analysis; peak RSS: generating and analysing once; session: first analysis of a session, in a fresh process; prepare: what the app\'s worker then builds in idle time for the first edit; cipher/attacker/move: median re-analysis after that edit)');
if (existsSync('bench/browser.mjs')) execFileSync(process.execPath, ['bench/browser.mjs'], { stdio: 'inherit' });
