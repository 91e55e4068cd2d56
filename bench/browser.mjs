/**
 * Browser benchmark (issue 8): the production build in headless Chromium, for the default scenario
 * and a generated 1,000-host scenario —
 *   - topology interactive: navigation start → the scenario is on the canvas (a large file is
 *     drawn before its analysis is done) and the page has handled a real mouse move sent right
 *     after that, i.e. it answers input; `topologyDrawnMs` is the drawing alone;
 *   - statuses: navigation start → the canvas shows link statuses (a large file's come ahead of
 *     the rest of its analysis);
 *   - load to interactive: navigation start → the analysed scenario is on the canvas;
 *   - longest main-thread task during the analysis and over the whole load (PerformanceObserver
 *     `longtask`, i.e. tasks ≥ 50 ms, https://w3c.github.io/longtasks/);
 *   - frame time while panning and zooming with real mouse input (requestAnimationFrame deltas),
 *     over the whole gesture and for the drag alone (`dragP95Ms`: a large map pans as a picture
 *     and is drawn again between the wheel steps, which the whole gesture's figures include).
 * Each scenario runs RUNS times in a fresh browser profile; medians are printed as a table and
 * written, with each measure's range over the runs, to bench/results/browser.json. Run:
 * `node bench/browser.mjs` (builds first; set BENCH_NO_BUILD=1 to reuse dist/). Not part of
 * `npm test`: timings are never asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { storeWorkingCopy } from '../test/e2e/checks.mjs';
import { generateScenario } from '../test/e2e/generate-scenario.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Sizes of `plainsight generate` regions to open too (BENCH_REGIONS=1000,5000; default 1000). */
const BENCH_REGIONS = (process.env.BENCH_REGIONS ?? '1000').split(',').filter(Boolean).map(Number);

/** The scenario text `plainsight generate --hosts N` writes. */
function generateRegion(hosts) {
  return execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(ROOT, 'src', 'cli', 'main.ts'),
      'generate',
      '--hosts',
      String(hosts),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Installed before any page script: collects long tasks, and when the page first handled a mouse move. */
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) =>
    window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))),
  ).observe({ type: 'longtask', buffered: true });
  addEventListener('mousemove', () => (window.__inputAt ??= performance.now()), {
    capture: true,
    passive: true,
  });
}

/**
 * Waits for the first picture on the canvas, then moves the mouse over it: the page has answered
 * input when its handler ran. The wait polls every 20 ms, so both times are at most that late.
 */
async function topologyInteractive(page, at) {
  // A build from before `topologyAt` drew nothing until the analysis was there.
  const drawn = () => window.__plainsight?.topologyAt?.() ?? window.__plainsight?.firstRenderAt();
  await page.waitForFunction(`(${drawn})() !== undefined`, null, { timeout: 600000, polling: 20 });
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction(() => window.__inputAt !== undefined, null, { timeout: 600000, polling: 20 });
  return page.evaluate(`({ drawn: (${drawn})(), interactive: window.__inputAt })`);
}

/** Drags across the canvas and wheels in and out, recording every frame's interval. */
async function panAndZoom(page) {
  const box = await page.getByTestId('canvas').boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // Start on empty canvas near the bottom edge, so the drag pans rather than moving a node.
  await page.mouse.move(cx, box.y + box.height - 12);
  await page.mouse.down();
  for (let i = 0; i < 40; i++) await page.mouse.move(cx + i * 6, box.y + box.height - 12 - i * 3);
  await page.mouse.up();
  const dragFrames = await page.evaluate(() => window.__frames.length);
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -120 : 120);
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => ((window.__recording = false), window.__frames.slice(1)));
  // The first interval runs from the recording's start to the first frame; the drag's end from its last.
  const drag = frames.slice(0, Math.max(1, dragFrames - 1));
  return {
    median: median(frames),
    p95: percentile(frames, 0.95),
    max: Math.max(...frames),
    count: frames.length,
    dragP95: percentile(drag, 0.95),
  };
}

async function measure(base, text) {
  const profile = await mkdtemp(join(tmpdir(), 'plainsight-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}?testhook`);
    await page.waitForFunction(() => window.__plainsight?.ready(), null, { timeout: 60000 });
    // The canvas's middle, measured now: while the measured page loads, asking would wait on it.
    const box = await page.getByTestId('canvas').boundingBox();
    if (text) await storeWorkingCopy(page, text, 'bench.yaml');
    await page.addInitScript(observeLongTasks);
    await page.goto(`${base}?testhook${text ? '' : '&fresh'}`);
    const topology = await topologyInteractive(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    await page.waitForFunction(
      () => window.__plainsight?.ready() && window.__plainsight.firstRenderAt() !== undefined,
      null,
      { timeout: 600000, polling: 20 },
    );
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => ({
      first: window.__plainsight.firstRenderAt(),
      // A build from before `statusesAt` showed statuses with the analysis only.
      statuses: window.__plainsight.statusesAt?.() ?? window.__plainsight.firstRenderAt(),
      run: window.__plainsight.lastRunMs(),
      win: window.__plainsight.lastRunWindow(),
      tasks: window.__longTasks,
      stats: window.__plainsight.stats(),
    }));
    const longest = (win) =>
      Math.max(
        0,
        ...r.tasks
          .filter((t) => !win || (t.start + t.duration > win.start && t.start < win.end))
          .map((t) => t.duration),
      );
    const frames = await panAndZoom(page);
    return {
      topologyDrawnMs: topology.drawn,
      topologyInteractiveMs: topology.interactive,
      statusesMs: r.statuses,
      loadToInteractiveMs: r.first,
      analysisMs: r.run,
      longestTaskDuringAnalysisMs: longest(r.win),
      longestTaskAtLoadMs: longest(),
      frameMedianMs: frames.median,
      frameP95Ms: frames.p95,
      frameMaxMs: frames.max,
      dragP95Ms: frames.dragP95,
      frames: frames.count,
      nodes: r.stats.nodes,
      edges: r.stats.edges,
    };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

async function bundle() {
  const dir = join(ROOT, 'dist', 'assets');
  let bytes = 0;
  let gzip = 0;
  for (const f of await readdir(dir)) {
    if (!/\.(js|css)$/.test(f)) continue;
    const buf = await readFile(join(dir, f));
    bytes += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { kib: Math.round(bytes / 102.4) / 10, gzipKiB: Math.round(gzip / 102.4) / 10 };
}

async function main() {
  if (!process.env.BENCH_NO_BUILD) await build({ root: ROOT, logLevel: 'warn' });
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const base = server.resolvedUrls.local[0];
  const scenarios = [
    ...(process.env.BENCH_REGIONS_ONLY
      ? []
      : [
          { name: 'default (SCS OpenStack region)', text: undefined },
          { name: 'generated 1,000 hosts / 400 flows', text: generateScenario({ hosts: 1000, flows: 400 }) },
        ]),
    // `plainsight generate`: the engine benchmark's region (10 VMs per host, 5 flows per VM, 10 attackers).
    ...BENCH_REGIONS.map((hosts) => ({
      name: `plainsight generate --hosts ${hosts} (${hosts * 50} flows)`,
      text: generateRegion(hosts),
    })),
  ];
  const rows = [];
  try {
    for (const s of scenarios) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(base, s.text));
      const row = { scenario: s.name, runs: RUNS, range: {} };
      for (const key of Object.keys(runs[0])) {
        const values = runs.map((x) => Math.round(x[key] * 10) / 10);
        row[key] = median(values);
        // The machine is shared: the spread says how far one median can be trusted.
        row.range[key] = [Math.min(...values), Math.max(...values)];
      }
      rows.push(row);
    }
  } finally {
    await server.close();
  }
  const cols = [
    'scenario',
    'topologyDrawnMs',
    'topologyInteractiveMs',
    'statusesMs',
    'loadToInteractiveMs',
    'analysisMs',
    'longestTaskDuringAnalysisMs',
    'longestTaskAtLoadMs',
    'frameMedianMs',
    'frameP95Ms',
    'frameMaxMs',
    'dragP95Ms',
    'nodes',
    'edges',
  ];
  console.log(cols.join(' | '));
  for (const r of rows) console.log(cols.map((c) => r[c]).join(' | '));
  const sizes = await bundle();
  console.log(`bundle: ${sizes.kib} KiB, ${sizes.gzipKiB} KiB gzip (median of ${RUNS} runs per scenario)`);
  await mkdir(join(ROOT, 'bench', 'results'), { recursive: true });
  await writeFile(
    join(ROOT, 'bench', 'results', 'browser.json'),
    `${JSON.stringify({ chromium: CHROMIUM, cores: cpus().length, bundle: sizes, rows }, null, 2)}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
