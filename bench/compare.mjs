/**
 * The full analysis of two engines back to back: `node bench/compare.mjs <base-rev> [hosts] [rounds] [runs]`
 * checks out <base-rev> in a temporary worktree, bundles one script per side with esbuild (the same
 * script: generate the region, analyse it `runs` times), and runs the two in fresh processes in
 * turn, `rounds` times each. It prints every time and each side's fastest, first quartile and
 * median. On a shared machine a table from another day is no baseline (runs vary by ±15 %, and a
 * machine can be a fifth slower for hours); alternating rounds is. Defaults: 1,000 hosts, three
 * rounds of five analyses.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;
const [base, hostsArg = '1000', roundsArg = '3', runsArg = '5'] = process.argv.slice(2);
if (!base) {
  console.error('usage: node bench/compare.mjs <base-rev> [hosts] [rounds] [runs]');
  process.exit(2);
}
const hosts = Number(hostsArg);
const rounds = Number(roundsArg);
const runs = Number(runsArg);

/** The script each side runs, importing that side's engine. */
const script = (root) => `
import { performance } from 'node:perf_hooks';
import { analyzeScenario } from '${root}/src/engine/analyze-scenario.ts';
import { generateScenario } from '${root}/src/generate/generate-scenario.ts';
const scenario = generateScenario({ hosts: ${hosts} });
const times = [];
for (let i = 0; i < ${runs}; i++) {
  const t = performance.now();
  analyzeScenario(scenario);
  times.push(Math.round(performance.now() - t));
}
console.log(times.join(' '));
`;

const work = mkdtempSync(join(tmpdir(), 'plainsight-compare-'));
const tree = join(work, 'base');
const run = (cmd, args, cwd = ROOT) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
try {
  run('git', ['worktree', 'add', '--detach', tree, base]);
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  const bundles = {};
  for (const [side, root] of [
    ['base', tree],
    ['head', ROOT.replace(/\/$/, '')],
  ]) {
    const entry = join(work, `${side}.ts`);
    writeFileSync(entry, script(root));
    bundles[side] = join(work, `${side}.mjs`);
    run(join(ROOT, 'node_modules/.bin/esbuild'), [
      entry,
      '--bundle',
      '--platform=node',
      '--format=esm',
      `--outfile=${bundles[side]}`,
      '--log-level=warning',
    ]);
  }
  const times = { base: [], head: [] };
  for (let r = 0; r < rounds; r++) {
    for (const side of ['base', 'head']) {
      const out = run(process.execPath, ['--max-old-space-size=8000', bundles[side]]).trim();
      console.log(`${side} ${out}`);
      times[side].push(...out.split(' ').map(Number));
    }
  }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
    return `fastest ${s[0]} ms, first quartile ${at(0.25)} ms, median ${at(0.5)} ms (${s.length} analyses)`;
  };
  console.log(`\n${hosts} hosts, ${base} (base) against the working tree (head):`);
  console.log(`base: ${stats(times.base)}`);
  console.log(`head: ${stats(times.head)}`);
} finally {
  try {
    run('git', ['worktree', 'remove', '--force', tree]);
  } catch {
    // Nothing was checked out.
  }
  rmSync(work, { recursive: true, force: true });
}
