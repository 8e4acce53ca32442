/**
 * The numbers list in the browser (issue 8): time from navigating to /numbers until the table's first row is
 * visible and the search field accepts input, in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) on localhost, logged in by cookie. Each run opens a fresh browser context (empty cache).
 * Floor, in the same browser and run: the login page until its phone field accepts input — the same app
 * booting (HTML, entry chunk, language, route chunk) without the session check and the data.
 * Needs the app to serve the built web app (buildApp(ctx, { serveWeb: true }) with apps/web/dist built).
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Row, summarize } from './lib.js';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 9);
const WARMUP = 2;

interface Options {
  /** The portal, e.g. http://127.0.0.1:3000. */
  base: string;
  /** The session cookies of a logged-in administrator, as a Cookie header (`sid=…; csrf=…`). */
  cookie: string;
}

function cookiesFor(base: string, header: string) {
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.includes('='))
    .map((part) => {
      const at = part.indexOf('=');
      return { name: part.slice(0, at), value: part.slice(at + 1), url: base };
    });
}

/** Milliseconds from navigation until `ready` resolves, in a fresh context. */
async function timeOnce(
  browser: Browser,
  base: string,
  cookie: string | undefined,
  path: string,
  ready: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  try {
    if (cookie) await context.addCookies(cookiesFor(base, cookie));
    const page = await context.newPage();
    const start = performance.now();
    const response = await page.goto(`${base}${path}`, { waitUntil: 'commit' });
    if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status()}`);
    await ready(page);
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

/** Visible, enabled and editable: a click or key press would land. */
async function acceptsInput(page: Page, field: ReturnType<Page['getByRole']>) {
  await field.waitFor({ state: 'visible', timeout: 30_000 });
  const deadline = Date.now() + 30_000;
  while (!(await field.isEditable())) {
    if (Date.now() > deadline) throw new Error('the field never accepted input');
    await page.waitForTimeout(5);
  }
}

export async function benchWebInteractive({ base, cookie }: Options): Promise<Row[]> {
  const page = await fetch(`${base}/login`, { headers: { accept: 'text/html' } });
  const html = await page.text();
  if (!page.ok || !html.includes('<div id="root">')) {
    // Reported as a failed row rather than thrown, so the other benchmarks' results are still printed.
    console.warn(
      `web-interactive: ${base}/login does not serve the web app (HTTP ${page.status}); build apps/web and start the app with buildApp(ctx, { serveWeb: true })`,
    );
    return [
      {
        benchmark: 'numbers list interactive in Chromium: NOT RUN (web app not served)',
        subject: '/numbers',
        floor: '/login',
        subjectP50: Number.NaN,
        floorP50: Number.NaN,
        ratio: Number.NaN,
        target: 'needs serveWeb',
        pass: false,
      },
    ];
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    const numbers = (p: Page) =>
      Promise.all([
        p.locator('table tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 }),
        acceptsInput(p, p.getByRole('searchbox')),
      ]).then(() => undefined);
    const login = (p: Page) => acceptsInput(p, p.getByRole('textbox', { name: 'Phone number' }));
    const subject: number[] = [];
    const floor: number[] = [];
    // Interleaved, so both see the same machine load.
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const f = await timeOnce(browser, base, undefined, '/login', login);
      const s = await timeOnce(browser, base, cookie, '/numbers', numbers);
      if (i >= WARMUP) {
        floor.push(f);
        subject.push(s);
      }
    }
    const s = summarize(subject);
    const f = summarize(floor);
    return [
      {
        benchmark: `numbers list interactive in Chromium (${RUNS} cold loads)`,
        subject: '/numbers: first row visible + search field editable',
        floor: '/login: phone field editable',
        subjectP50: s.p50,
        floorP50: f.p50,
        ratio: s.p50 / f.p50,
        target: `≤ 2×floor (${(2 * f.p50).toFixed(0)})`,
        pass: s.p50 <= 2 * f.p50,
      },
    ];
  } finally {
    await browser.close();
  }
}
