/**
 * Exploration benchmark (issue 8): opens a `plainsight generate --hosts N` region in the production
 * build in headless Chromium, waits for its analysis, then explores it the way a user would — open
 * a site and a rack, search, select a link and a flow, open the matrix, the attacker list, the
 * findings and the throughput view, switch the attacker lens, scroll the long lists, change one
 * flow's port in the inspector and swap the overlay's IPsec cipher. For each interaction it reports the longest main-thread task
 * (PerformanceObserver `longtask`, https://w3c.github.io/longtasks/; tasks under 50 ms are not
 * reported, so 0 means "none over 50 ms") and the wall time until the result is on screen, and
 * saves a screenshot of what the user sees to test-results/explore-<hosts>-<n>-<step>.png.
 *
 *   node bench/explore.mjs                           # 5,000 hosts (builds first)
 *   EXPLORE_REGIONS=1000,5000 node bench/explore.mjs
 *   EXPLORE_STEPS='edit' EXPLORE_REGIONS=1000 BENCH_NO_BUILD=1 node bench/explore.mjs
 *   EXPLORE_FILE=/tmp/dc5000.yaml node bench/explore.mjs   # a file instead of generating one
 *   EXPLORE_HEAPS=1 node bench/explore.mjs             # + V8 heap of the page and each worker
 *   EXPLORE_HEAPS=gc node bench/explore.mjs            # the same after a full garbage collection
 *
 * Results go to bench/results/explore-<hosts>.json. Not part of `npm test`: timings are never asserted.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { storeWorkingCopy } from '../test/e2e/checks.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const OUT = join(ROOT, 'test-results');
const REGIONS = (process.env.EXPLORE_REGIONS ?? '5000').split(',').filter(Boolean).map(Number);
const ONLY = process.env.EXPLORE_STEPS ? new RegExp(process.env.EXPLORE_STEPS) : undefined;
/** Time allowed for a load (the 5,000-host analysis takes ~30 s) and for one interaction. */
const LONG = 600_000;
const STEP = Number(process.env.EXPLORE_STEP_TIMEOUT ?? 120_000);
/** Steps to CPU-profile (regex): the profile is saved and its top functions by self time printed. */
const PROFILE = process.env.EXPLORE_PROFILE ? new RegExp(process.env.EXPLORE_PROFILE) : undefined;

function regionText(hosts) {
  if (process.env.EXPLORE_FILE) return readFile(process.env.EXPLORE_FILE, 'utf8');
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const args = [tsx, join(ROOT, 'src', 'cli', 'main.ts'), 'generate', '--hosts', String(hosts)];
  return execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** Installed before any page script: collects every long task. */
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) =>
    window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))),
  ).observe({ type: 'longtask', buffered: true });
}

/**
 * The resident memory of Chromium's renderer processes, in MB, the largest one (the page, its
 * analysis worker and any comparison workers live in one renderer). Read from /proc (Linux), 0
 * elsewhere. The page took Chromium's renderer down ("Target crashed") when a 5,000-host comparison
 * ran next to the analysis (docs/performance.md); V8's shared-cage mode keeps every isolate of a
 * process in one 4 GB pointer-compression cage, a likely bound. This is how close a step comes.
 */
function rendererMb() {
  let most = 0;
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) most = Math.max(most, Math.round(Number(rss[1]) / 1024));
    } catch {
      // The process ended while it was read.
    }
  }
  return most;
}

/** Samples `rendererMb` every 200 ms until stopped; `stop()` gives the peak. */
function sampleRenderer() {
  let peak = rendererMb();
  const timer = setInterval(() => (peak = Math.max(peak, rendererMb())), 200);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rendererMb());
  };
}

/**
 * EXPLORE_HEAPS=1: the V8 heap in use of the page and of each of its workers (the analysis worker,
 * the comparison and export workers), after the opening and after each step, so that the renderer's
 * memory can be told apart. Workers are attached as they start (`Target.setAutoAttach`) and asked
 * through `Target.sendMessageToTarget`; a worker that does not answer within 5 s is left out.
 * EXPLORE_HEAPS=gc collects each heap's garbage first (`HeapProfiler.collectGarbage`), so the
 * figures are what is kept rather than what is kept plus what is not collected yet.
 */
async function watchHeaps(page) {
  const cdp = await page.context().newCDPSession(page);
  const workers = new Map();
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.set(e.sessionId, e.targetInfo.url.split('/').pop().replace(/-[\w-]{8}\.js$/, ''));
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message);
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const collect = process.env.EXPLORE_HEAPS === 'gc';
  const ask = (sessionId, method, timeout = 5000) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => resolve(undefined));
      setTimeout(() => {
        pending.delete(id);
        resolve(undefined);
      }, timeout);
    });
  const mb = (usage) => `${Math.round(usage.usedSize / 2 ** 20)} MB`;
  return async () => {
    if (collect) await cdp.send('HeapProfiler.collectGarbage');
    const parts = [`page ${mb(await cdp.send('Runtime.getHeapUsage'))}`];
    for (const [sessionId, name] of workers) {
      if (collect) await ask(sessionId, 'HeapProfiler.collectGarbage', 60_000);
      const usage = await ask(sessionId, 'Runtime.getHeapUsage');
      if (usage) parts.push(`${name} ${mb(usage)}`);
    }
    return `    heaps: ${parts.join(', ')}`;
  };
}

const wait = (page, fn, arg, timeout = STEP) => page.waitForFunction(fn, arg, { timeout, polling: 20 });
const hook = (page, fn, arg) => page.evaluate(fn, arg);

/** Resolves once no long task has started for `quietMs` and a frame has been painted. */
async function settle(page, quietMs = 600) {
  await page.evaluate(
    (quiet) =>
      new Promise((resolve) => {
        const check = () => {
          const last = window.__longTasks.at(-1);
          const idleSince = last ? last.start + last.duration : 0;
          if (performance.now() - idleSince >= quiet) requestAnimationFrame(() => resolve());
          else setTimeout(check, 100);
        };
        setTimeout(check, quiet);
      }),
    quietMs,
  );
}

async function clickNode(page, id, double = false) {
  const at = await hook(page, (i) => window.__plainsight.rendered(i), id);
  if (!at) throw new Error(`${id} is not on the canvas`);
  const box = await page.getByTestId('canvas').boundingBox();
  if (double) await page.mouse.dblclick(box.x + at.x, box.y + at.y);
  else await page.mouse.click(box.x + at.x, box.y + at.y);
}

async function search(page, text) {
  const count = () => document.querySelector('[data-testid=search-count]')?.textContent ?? '';
  const before = await page.evaluate(count);
  await page.getByTestId('canvas-search').fill(text);
  // The search runs 120 ms after the last keystroke; two searches may count the same.
  await wait(page, `(${count})() !== ${JSON.stringify(before)}`, undefined, 5000).catch(() => {});
  return page.evaluate(count);
}

async function scroll(page, selector) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 150) / 2);
  for (let i = 0; i < 15; i++) await page.mouse.wheel(0, 600);
}

/** Steps to trace (regex): what the longest main-thread task of the step spent its time on. */
const TRACE = process.env.EXPLORE_TRACE ? new RegExp(process.env.EXPLORE_TRACE) : undefined;

/** Starts a Chromium trace of the renderer's main thread; `stop()` returns the longest task's breakdown. */
async function startTrace(page) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink',
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      // EXPLORE_TRACE_FILE=x.json keeps the whole trace (every thread: the page's and the workers'), for a timeline viewer.
      if (process.env.EXPLORE_TRACE_FILE) await writeFile(process.env.EXPLORE_TRACE_FILE, JSON.stringify({ traceEvents: events }));
      const main = new Set(
        events
          .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
          .map((e) => `${e.pid}:${e.tid}`),
      );
      const tasks = events.filter(
        (e) => /RunTask$/.test(e.name) && e.ph === 'X' && e.dur > 50_000 && main.has(`${e.pid}:${e.tid}`),
      );
      const longest = tasks.sort((a, b) => b.dur - a.dur)[0];
      if (!longest) return Object.assign(['    no task over 50 ms in the trace'], { task: undefined });
      const inside = events.filter(
        (e) =>
          e.ph === 'X' &&
          e.tid === longest.tid &&
          e.ts >= longest.ts &&
          e.ts + (e.dur ?? 0) <= longest.ts + longest.dur &&
          e !== longest,
      );
      const by = new Map();
      for (const e of inside) {
        const fn = e.args?.data?.functionName;
        const name = fn
          ? `${e.name} ${fn} ${String(e.args.data.url ?? '')
              .split('/')
              .pop()}:${e.args.data.lineNumber ?? ''}`
          : e.name;
        by.set(name, (by.get(name) ?? 0) + e.dur / 1000);
      }
      const lines = [
        `    longest task ${Math.round(longest.dur / 1000)} ms; inclusive time of events inside it:`,
        ...[...by]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 20)
          .map(([n, ms]) => `      ${Math.round(ms)} ms ${n}`),
      ];
      return Object.assign(lines, { task: { ts: longest.ts, dur: longest.dur } });
    },
  };
}

/** The functions with the most self time in a CDP CPU profile. */
function topFunctions(profile, n = 12, window = undefined) {
  const dt = new Map();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    // With a window (a traced task, in the trace clock's microseconds): only the samples inside it.
    if (!window || (at >= window.ts && at <= window.ts + window.dur))
      dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const self = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `    ${Math.round(ms)} ms ${k}`);
}

/** Interactions in order; each leaves the page where the next expects it. */
const steps = [
  {
    name: 'open a site',
    async run(page) {
      const site = await hook(page, () =>
        window.__plainsight.summaries().find((id) => !id.startsWith('rack:')),
      );
      if (!site) return 'no collapsed site';
      const before = await hook(page, () => window.__plainsight.stats().nodes);
      await clickNode(page, site, true);
      await wait(page, (n) => window.__plainsight.stats().nodes !== n, before);
      return site;
    },
  },
  {
    name: 'open a rack',
    async run(page) {
      const rack = await hook(page, () =>
        window.__plainsight.summaries().find((id) => id.startsWith('rack:')),
      );
      const before = await hook(page, () => window.__plainsight.stats().nodes);
      await clickNode(page, rack, true);
      await wait(page, (n) => window.__plainsight.stats().nodes !== n, before);
      return rack;
    },
  },
  { name: 'search by id', run: (page) => search(page, 'c12') },
  { name: 'search by role', run: (page) => search(page, 'role:storage') },
  { name: 'search by site', run: (page) => search(page, 'site:dc1') },
  { name: 'search by status', run: (page) => search(page, 'status:plaintext') },
  {
    name: 'clear the search',
    async run(page) {
      await page.getByTestId('canvas-search').fill('');
      await page.getByTestId('search-count').waitFor({ state: 'detached', timeout: STEP });
    },
  },
  {
    name: 'select a link',
    async run(page) {
      const link = await hook(page, () => window.__plainsight.stats() && window.__plainsight.visibleLink());
      const at = await hook(page, (i) => window.__plainsight.rendered(i), link);
      const box = await page.getByTestId('canvas').boundingBox();
      // The rack opened by the double click is still selected, and selection adds up.
      await page.keyboard.press('Escape');
      await page.mouse.click(box.x + at.x, box.y + at.y);
      await page.getByTestId('tab-inspector').click();
      // Links cross: the click may land on a neighbour of the one aimed at.
      const title = page.locator('[data-testid=inspector] h3').filter({ hasText: /^Link/ });
      await title.waitFor({ timeout: STEP });
      return title.textContent();
    },
  },
  {
    name: 'open the matrix',
    async run(page) {
      await page.getByTestId('tab-matrix').click();
      await page.getByTestId('matrix').waitFor({ timeout: STEP });
    },
  },
  { name: 'scroll the matrix', run: (page) => scroll(page, '.bottom .body') },
  {
    name: 'filter the matrix',
    async run(page) {
      await page.getByLabel('Filter flows').fill('c0321-');
      await wait(page, () =>
        document.querySelector('[data-testid=matrix] tbody th button')?.textContent?.includes('c0321-'),
      );
    },
  },
  {
    name: 'select a flow (trace view)',
    async run(page) {
      const button = page.locator('[data-testid=matrix] tbody th button').first();
      const flow = await button.textContent();
      await button.click();
      await page.getByTestId('trace-path').waitFor({ timeout: STEP });
      return flow;
    },
  },
  {
    name: 'open a cell’s reasons',
    async run(page) {
      // Selecting a flow shows its trace: back to the matrix.
      await page.getByTestId('tab-matrix').click();
      // A pair that sees something: its reasons come from the worker, one pair at a time.
      await page.locator('[data-testid=matrix] tbody td:not(.lvl-none) button').first().click();
      await wait(page, () => {
        const reasons = document.querySelector('[data-testid=cell-reasons]');
        return reasons !== null && !reasons.textContent.includes('Loading the reasons');
      });
      return page.getByTestId('cell-reasons').locator('h4').textContent();
    },
  },
  {
    name: 'open the attacker list',
    async run(page) {
      await page.getByTestId('tab-lens').click();
      await page.getByTestId('attacker-list').waitFor({ timeout: STEP });
    },
  },
  {
    name: 'pick an attacker (lens)',
    async run(page) {
      // The attacker who reads the most: the longest list of exposed flows.
      await page.getByTestId('attacker-att-5').check();
      await page.getByTestId('lens-exposed').waitFor({ timeout: STEP });
      return page.locator('.side h3').first().textContent();
    },
  },
  { name: 'scroll the exposed flows', run: (page) => scroll(page, '.side .body') },
  {
    name: 'switch the attacker lens',
    async run(page) {
      await page.getByTestId('attacker-att-5').uncheck();
      await page.getByTestId('attacker-att-4').check();
      await page.getByTestId('lens-exposed').waitFor({ timeout: STEP });
      return page.locator('.side h3').first().textContent();
    },
  },
  {
    name: 'clear the lens',
    async run(page) {
      await page.getByTestId('attacker-att-4').uncheck();
      await page.getByTestId('lens-exposed').waitFor({ state: 'detached', timeout: STEP });
    },
  },
  {
    name: 'open the findings',
    async run(page) {
      await page.getByTestId('tab-findings').click();
      await page.locator('[data-testid^=findings-]').first().waitFor({ timeout: STEP });
    },
  },
  {
    name: 'open a finding',
    async run(page) {
      await page.locator('[data-testid^=findings-] .head').first().click();
      await page.locator('[data-testid^=findings-] .detail').first().waitFor({ timeout: STEP });
    },
  },
  { name: 'scroll the findings', run: (page) => scroll(page, '.side .body') },
  {
    name: 'open the throughput view',
    async run(page) {
      await page.getByTestId('tab-throughput').click();
      await page.locator('.side svg .bar').first().waitFor({ timeout: STEP });
    },
  },
  { name: 'scroll the throughput view', run: (page) => scroll(page, '.side .body') },
  {
    // A region has more flows than the view compares unasked: the button asks; two workers work it out.
    name: 'compare the encryption options',
    async run(page) {
      await page.getByTestId('compare-run').click();
      await page.locator('[data-testid=comparison] table.exposed tbody tr').nth(9).waitFor({ timeout: 3 * STEP });
    },
  },
  {
    // The HTML report as `plainsight report` writes it, its protection comparison worked out on the
    // export's own workers: from the click to the file handed to the browser.
    name: 'export the HTML report',
    async run(page) {
      await page.getByTestId('export-menu').click();
      const download = page.waitForEvent('download', { timeout: 10 * STEP });
      await page.getByTestId('export-html').click();
      await (await download).path();
    },
  },
  {
    // The Markdown report and its two SVG pictures: three downloads, after the HTML export (so the
    // protection comparison is the one kept from the view when that step ran).
    name: 'export the Markdown report',
    async run(page) {
      await page.getByTestId('export-menu').click();
      const files = [];
      const all = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fewer than three downloads')), 10 * STEP);
        page.on('download', function onDownload(d) {
          files.push(d);
          if (files.length < 3) return;
          clearTimeout(timer);
          page.off('download', onDownload);
          resolve(undefined);
        });
      });
      await page.getByTestId('export-md').click();
      await all;
      await Promise.all(files.map((d) => d.path()));
      return { detail: files.map((d) => d.suggestedFilename()).join(', ') };
    },
  },
  {
    name: 'edit: change a flow’s port',
    edit: true,
    async run(page) {
      const flow = await pickInInspector(page, 'Flow');
      const port = page.getByTestId('field-port').locator('input');
      await port.waitFor({ timeout: STEP });
      const old = Number(await port.inputValue());
      const timing = await timedEdit(
        page,
        async () => {
          await port.fill(String(old + 1));
          await port.press('Enter');
          await port.blur();
        },
        (p) => document.querySelector('[data-testid="field-port"] input')?.value === String(p),
        old + 1,
      );
      return { detail: `${flow}: port ${old} → ${old + 1}`, ...timing };
    },
  },
  {
    name: 'edit: swap the overlay’s cipher',
    edit: true,
    async run(page) {
      const overlay = await pickInInspector(page, 'Overlay');
      const cipher = page.getByLabel('IPsec cipher');
      await cipher.waitFor({ timeout: STEP });
      const old = await cipher.inputValue();
      const next = old === 'aes-gcm-128' ? 'aes-gcm-256' : 'aes-gcm-128';
      const timing = await timedEdit(
        page,
        () => cipher.selectOption(next),
        (v) => document.querySelector('[aria-label="IPsec cipher"]')?.value === v,
        next,
      );
      return { detail: `${overlay}: ${old || '(default)'} → ${next}`, ...timing };
    },
  },
];

/** Opens the inspector on the first entity of a picker group (`Flow`, `Overlay`); returns its id. */
async function pickInInspector(page, group) {
  await page.keyboard.press('Escape');
  await page.getByTestId('tab-inspector').click();
  const picker = page.getByLabel('Pick an entity');
  const id = await picker.locator(`optgroup[label=${group}] option`).first().getAttribute('value');
  await picker.selectOption(id);
  return id;
}

/**
 * Makes an inspector edit and waits until its re-analysed result is shown — a new analysis, nothing
 * stale, the inspector showing the new value (`shows(arg)` in the page) — and returns the wall time.
 */
async function timedEdit(page, act, shows, arg) {
  const n = await hook(page, () => window.__plainsight.completed());
  const started = await hook(page, () => performance.now());
  await act();
  await wait(
    page,
    (c) => window.__plainsight.ready() && window.__plainsight.completed() > c && window.__plainsight.stats(),
    n,
  );
  await wait(page, shows, arg);
  const shown = await hook(page, () => performance.now());
  // Where the time went: the edit itself up to the analysis request (the browser's input, the
  // inspector's line edit in the edit worker), then the analysis up to its result on the page.
  const run = await hook(page, () => window.__plainsight.lastRunWindow());
  return { editToResultMs: Math.round(shown - started), toRequestMs: Math.round(run.start - started), runMs: Math.round(run.end - run.start) };
}

async function explore(base, hosts) {
  const text = await regionText(hosts);
  const profile = await mkdtemp(join(tmpdir(), 'plainsight-explore-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
  });
  const rows = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${base}?testhook`);
    await wait(page, () => window.__plainsight?.ready());
    await storeWorkingCopy(page, text, `generated-${hosts}.yaml`);
    await page.addInitScript(observeLongTasks);
    // EXPLORE_PROFILE=load profiles the opening of the file, up to the analysed map.
    const heaps = process.env.EXPLORE_HEAPS ? await watchHeaps(page) : undefined;
    const loadTrace = TRACE?.test('load') ? await startTrace(page) : undefined;
    const loadCdp = PROFILE?.test('load') ? await page.context().newCDPSession(page) : undefined;
    if (loadCdp) await loadCdp.send('Profiler.enable').then(() => loadCdp.send('Profiler.start'));
    await page.goto(`${base}?testhook`);
    await wait(
      page,
      () => window.__plainsight?.ready() && window.__plainsight.firstRenderAt() !== undefined,
      undefined,
      LONG,
    );
    await settle(page, 1000);
    const traced = loadTrace ? await loadTrace.stop() : undefined;
    if (traced) console.log(traced.join('\n'));
    if (loadCdp) {
      const { profile } = await loadCdp.send('Profiler.stop');
      await writeFile(join(OUT, `explore-${hosts}-load.cpuprofile`), JSON.stringify(profile));
      if (traced?.task) console.log('    self time inside the longest task:');
      console.log(topFunctions(profile, 25, traced?.task).join('\n'));
    }
    const load = await hook(page, () => ({
      topologyAt: window.__plainsight.topologyAt(),
      analysedAt: window.__plainsight.firstRenderAt(),
      longest: Math.max(0, ...window.__longTasks.map((t) => t.duration)),
      stats: window.__plainsight.stats(),
    }));
    console.log(
      `${hosts} hosts: map at ${Math.round(load.topologyAt)} ms, analysed at ${Math.round(load.analysedAt)} ms, longest task at load ${Math.round(load.longest)} ms, ${load.stats.nodes} nodes / ${load.stats.edges} edges`,
    );
    if (heaps) console.log(await heaps());
    let i = 0;
    for (const step of steps) {
      i++;
      if (ONLY && !ONLY.test(step.name)) continue;
      await page.evaluate(() => (window.__longTasks = []));
      const cdp = PROFILE?.test(step.name) ? await page.context().newCDPSession(page) : undefined;
      if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
      const trace = TRACE?.test(step.name) ? await startTrace(page) : undefined;
      const memory = sampleRenderer();
      const t0 = Date.now();
      let result;
      try {
        result = await step.run(page);
      } catch (error) {
        result = `FAILED: ${String(error).split('\n')[0]}`;
      }
      const wallMs = Date.now() - t0;
      await settle(page);
      const rendererPeakMb = memory();
      const stepTrace = trace ? await trace.stop() : undefined;
      if (stepTrace) console.log(stepTrace.join('\n'));
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        await writeFile(
          join(OUT, `explore-${hosts}-${step.name.replace(/[^a-z]+/gi, '-')}.cpuprofile`),
          JSON.stringify(profile),
        );
        if (stepTrace?.task) console.log('    self time inside the longest task:');
        console.log(topFunctions(profile, 12, stepTrace?.task).join('\n'));
        await cdp.detach();
      }
      const tasks = await page.evaluate(() => window.__longTasks);
      const row = {
        step: step.name,
        longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
        longTasks: tasks.length,
        wallMs,
        rendererPeakMb,
        ...(typeof result === 'object' && result ? result : { detail: result ?? '' }),
      };
      rows.push(row);
      console.log(
        `  ${row.step}: longest task ${row.longestTaskMs} ms (${row.longTasks} long), ${row.wallMs} ms, renderer ${row.rendererPeakMb} MB${row.editToResultMs !== undefined ? `, edit → result ${row.editToResultMs} ms (request after ${row.toRequestMs} ms, analysis ${row.runMs} ms)` : ''} ${row.detail ?? ''}`,
      );
      if (heaps) console.log(await heaps());
      await page.screenshot({
        path: join(
          OUT,
          `explore-${hosts}-${String(i).padStart(2, '0')}-${step.name.replace(/[^a-z]+/gi, '-')}.png`,
        ),
      });
    }
    return { hosts, load, rows };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

async function main() {
  if (!process.env.BENCH_NO_BUILD) await build({ root: ROOT, logLevel: 'warn' });
  await mkdir(OUT, { recursive: true });
  await mkdir(join(ROOT, 'bench', 'results'), { recursive: true });
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  try {
    for (const hosts of REGIONS) {
      const result = await explore(server.resolvedUrls.local[0], hosts);
      await writeFile(
        join(ROOT, 'bench', 'results', `explore-${hosts}.json`),
        `${JSON.stringify(result, null, 2)}\n`,
      );
    }
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
