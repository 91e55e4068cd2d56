/**
 * End-to-end tests of the production build in real headless Chromium (Debian package, driven by
 * playwright-core). `npm run test:e2e` builds first, then runs this file: it serves dist/ with
 * `vite preview` on a free port, walks through the acceptance checks, saves screenshots
 * under test-results/, fails on console errors and failed requests, and prints `N passed, N failed`.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { generateScenario } from './generate-scenario.mjs';
import { checks as baseChecks } from './checks.mjs';
import { featureChecks } from './checks-features.mjs';
import { persistenceChecks } from './checks-persistence.mjs';

// E2E_ONLY=<regex> runs the matching checks only (while working on them; CI runs all).
const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : undefined;
const checks = [...baseChecks, ...featureChecks, ...persistenceChecks].filter((c) => !only || only.test(c.name));

const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function bundleSizes() {
  const dir = join(ROOT, 'dist', 'assets');
  const sizes = {};
  for (const f of await readdir(dir)) {
    if (!/\.(js|css)$/.test(f)) continue;
    const buf = await readFile(join(dir, f));
    sizes[f] = { bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  }
  return sizes;
}

async function main() {
  await mkdir(OUT, { recursive: true });
  // Screenshots of an earlier failed run must not be mistaken for this run's.
  for (const f of await readdir(OUT)) if (f.startsWith('failure-')) await rm(join(OUT, f));
  const port = await freePort();
  const server = await preview({ root: ROOT, logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1', open: false } });
  const base = `http://127.0.0.1:${port}/`;
  const profile = await mkdtemp(join(tmpdir(), 'plainsight-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  context.on('page', (p) => watch(p, problems));
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page, problems);
  const ctx = { page, context, base, out: OUT, problems, largeScenario: generateScenario({ hosts: 1000, flows: 400 }), metrics: {} };
  let passed = 0;
  let failed = 0;
  for (const check of checks) {
    const before = problems.length;
    const started = Date.now();
    try {
      await check.run(ctx);
      const fresh = problems.slice(before).filter((p) => !check.allow?.test(p));
      if (fresh.length > 0) throw new Error(`browser reported problems:\n  ${fresh.join('\n  ')}`);
      passed++;
      console.log(`✓ ${check.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`✗ ${check.name}\n  ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n  ')}`);
      await page.screenshot({ path: join(OUT, `failure-${checks.indexOf(check)}.png`) }).catch(() => {});
    }
  }
  ctx.metrics.bundle = await bundleSizes();
  await writeFile(join(OUT, 'metrics.json'), `${JSON.stringify(ctx.metrics, null, 2)}\n`);
  console.log(`metrics: ${JSON.stringify(summary(ctx.metrics))}`);
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

function summary(m) {
  const gz = Object.values(m.bundle ?? {}).reduce((s, x) => s + x.gzip, 0);
  return { ...m, bundle: undefined, bundleGzipKiB: Math.round(gz / 102.4) / 10 };
}

/** Console errors, page errors and failed or 4xx/5xx requests count as failures. */
function watch(page, problems) {
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A navigation (reload) aborts requests still in flight; that is not a failure of the app.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
