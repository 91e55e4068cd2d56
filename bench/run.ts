/**
 * Engine benchmarks (`npm run bench`): for generated scenarios of N compute hosts (BENCH_SIZES,
 * default 100,1000,5000; 10 VMs per host, 5 flows per VM, 10 attackers) the full analysis and the
 * incremental re-analysis after each edit of issue 8, with peak memory. Each size runs in a fresh
 * Node process. Prints a table and writes bench/results/engine-<time>.json (and engine-latest.json)
 * so commits can be compared. Runs bench/browser.mjs afterwards when that file exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const rows: Record<string, unknown>[] = [];
const load = loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, load ${load}\n`);
console.log('hosts  workloads    flows  exposures  generate   analyse  peak RSS   session   prepare  cipher  attacker  move');
for (const hosts of sizes) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/engine-once.ts', String(hosts)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const row = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number> & { incrementalMs: Record<string, number> };
  rows.push(row);
  const ms = (n: number | undefined): string => `${n ?? '-'} ms`.padStart(9);
  console.log(
    `${String(row.computeHosts).padStart(5)} ${String(row.workloads).padStart(10)} ${String(row.flows).padStart(8)} ${String(row.exposures).padStart(10)}` +
      `${ms(row.generateMs)} ${ms(row.analyzeMs)} ${`${row.peakRssMb} MB`.padStart(9)} ${ms(row.sessionMs)} ${ms(row.prepareMs)}` +
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
console.log('\n(analyse: median full analysis; session: first analysis of a session; prepare: what the app\'s worker then builds in idle time for the first edit; cipher/attacker/move: median re-analysis after that edit)');
if (existsSync('bench/browser.mjs')) execFileSync(process.execPath, ['bench/browser.mjs'], { stdio: 'inherit' });
