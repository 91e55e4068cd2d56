/**
 * Engine benchmark: analysis time and peak memory of generated leaf–spine data centres
 * (10 workloads per host, 5 flows per workload, OVN overlay with IPsec, 10 attackers).
 * Run with `npm run bench`; each size runs in a fresh Node process so memory figures are clean.
 * Writes bench/results/engine.json for comparison between commits.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const rows: Record<string, unknown>[] = [];
for (const hosts of sizes) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/engine-once.ts', String(hosts)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const row = JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
  rows.push(row);
  console.log(
    `${String(hosts).padStart(5)} hosts ${String(row.flows).padStart(7)} flows ${String(row.attackers).padStart(3)} attackers` +
      `  generate ${row.generateMs} ms  analyse ${row.analyzeMs} ms (median of ${row.runs})  peak RSS ${row.peakRssMb} MB`,
  );
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/engine.json', JSON.stringify({ node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, rows }, null, 2) + '\n');
