/**
 * PDF reports: the HTML report printed by headless Chromium (playwright-core driving the system
 * browser; no browser is ever downloaded). The HTML's own print stylesheet sets A4, the page
 * breaks and the running headers and footers (CSS margin boxes), so a PDF printed from a browser
 * by hand looks the same as this one.
 */
import { existsSync } from 'node:fs';

/** BSD sysexits.h EX_UNAVAILABLE: a service the command needs (Chromium) is not available. */
export const EX_UNAVAILABLE = 69;

/** Where Chromium usually lives; CHROMIUM_PATH (as the end-to-end tests use it) wins. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium executable to use, or undefined when none is installed. */
export function findChromium(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const wanted = env['CHROMIUM_PATH'];
  if (wanted) return existsSync(wanted) ? wanted : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** What to tell the user when no Chromium can print the PDF. */
export function chromiumMissingMessage(env: Readonly<Record<string, string | undefined>>): string {
  const looked = env['CHROMIUM_PATH'] ? `CHROMIUM_PATH=${env['CHROMIUM_PATH']}` : CANDIDATES.join(', ');
  return (
    `plainsight: --format pdf needs headless Chromium, and none was found (looked for ${looked}).\n` +
    'Install it (Debian/Ubuntu: apt-get install chromium fonts-liberation) or set CHROMIUM_PATH,\n' +
    'or write --format html and print it to PDF from any browser: it has the same page layout.\n'
  );
}

/** Prints `html` to an A4 PDF at `outPath` with the given Chromium. */
export async function printPdf(html: string, outPath: string, executablePath: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // No sandbox inside containers; no network at all: the report is self-contained.
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: outPath, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}
