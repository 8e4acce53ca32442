#!/usr/bin/env node
/**
 * npm run lighthouse — Lighthouse 12 with Debian's Chromium on the login page and the numbers list (issue 8).
 *
 * Starts the portal like the browser tests do (the built web app, demo data on a fresh embedded database in a
 * temporary folder), logs in as administrator A through the API (password, then the code from the demo outbox),
 * runs Lighthouse on both pages, prints the scores, writes the JSON and HTML reports to lighthouse-reports/
 * (git-ignored) and exits non-zero when a score is under its floor.
 *
 * Environment: WEB_DIST_DIR (the built web app, default apps/web/dist; `npm run lighthouse` builds it first),
 * CHROMIUM_PATH (default /usr/bin/chromium), LIGHTHOUSE_RUNS (runs per page, the median is kept; default 3),
 * LIGHTHOUSE_FORM_FACTOR (mobile | desktop; default mobile, Lighthouse's own default with its throttling).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { startPortalProcess } from './portal-process.mjs';

const root = resolve(import.meta.dirname, '..');
const webDist = process.env.WEB_DIST_DIR ?? join(root, 'apps/web/dist');
const reportsDir = join(root, 'lighthouse-reports');
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const formFactor = process.env.LIGHTHOUSE_FORM_FACTOR === 'desktop' ? 'desktop' : 'mobile';

/** Floors of issue 8, as Lighthouse scores (0–1). */
export const FLOORS = { performance: 0.9, accessibility: 0.95, 'best-practices': 0.95 };

const ADMIN_A = '77012112101';
const PASSWORD = 'Kcell-Demo-2026!';

async function startPortal() {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`${webDist}/index.html missing: build the web app first (npm run build -w apps/web)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-lighthouse-'));
  const env = {
    ...process.env,
    DATA_DIR: join(dataDir, 'db'),
    DEMO_MODE: 'true',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    WEB_DIST_DIR: webDist,
  };
  delete env.DATABASE_URL;
  const server = await startPortalProcess({ env });
  const stop = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { base: server.base, stop };
}

/** Administrator A's session cookies: password, then the one-time code from the demo outbox. */
async function logIn(base) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: ADMIN_A, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const { challengeId } = await login.json();
  let code;
  const deadline = Date.now() + 15_000;
  while (!code) {
    const outbox = await (await fetch(`${base}/dev/outbox`, { headers: { accept: 'application/json' } })).json();
    const message = outbox.items.find((m) => m.to === ADMIN_A);
    code = message && /\b(\d{6})\b/.exec(message.text)?.[1];
    if (!code) {
      if (Date.now() > deadline) throw new Error('no login code in the outbox');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const verify = await fetch(`${base}/api/v1/auth/otp/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ challengeId, code }),
  });
  if (!verify.ok) throw new Error(`code: ${verify.status} ${await verify.text()}`);
  const cookie = verify.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie.includes('=')) throw new Error('no session cookie after the code');
  return cookie;
}

const CATEGORIES = Object.keys(FLOORS);

async function audit(port, url, extraHeaders) {
  const flags = {
    port,
    output: ['json', 'html'],
    logLevel: 'error',
    onlyCategories: CATEGORIES,
    ...(extraHeaders ? { extraHeaders } : {}),
  };
  const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  return result;
}

function median(results) {
  const sorted = [...results].sort(
    (a, b) => (a.lhr.categories.performance.score ?? 0) - (b.lhr.categories.performance.score ?? 0),
  );
  return sorted[Math.floor(sorted.length / 2)];
}

/** The audits that cost points, worst first: what to fix. */
function losses(lhr) {
  return CATEGORIES.flatMap((category) =>
    lhr.categories[category].auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ category, audit: lhr.audits[ref.id], weight: ref.weight }))
      .filter(({ audit }) => audit.score !== null && audit.score < 0.9),
  )
    .sort((a, b) => b.weight * (1 - b.audit.score) - a.weight * (1 - a.audit.score))
    .map(({ category, audit }) => `    ${category}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`);
}

async function main() {
  const { base, stop } = await startPortal();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  let failed = false;
  try {
    const cookie = await logIn(base);
    const pages = [
      { name: 'login', url: `${base}/login` },
      { name: 'numbers', url: `${base}/numbers`, headers: { Cookie: cookie } },
    ];
    mkdirSync(reportsDir, { recursive: true });
    console.log(`Lighthouse ${formFactor}, ${runs} run(s) per page, median by performance; floors:`, FLOORS);
    for (const page of pages) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await audit(chrome.port, page.url, page.headers));
      const chosen = median(results);
      const { lhr, report } = chosen;
      if (lhr.finalDisplayedUrl && !new URL(lhr.finalDisplayedUrl).pathname.startsWith(`/${page.name}`)) {
        throw new Error(`${page.name}: ended on ${lhr.finalDisplayedUrl}, not the page asked for`);
      }
      const [json, html] = report;
      writeFileSync(join(reportsDir, `${page.name}.report.json`), json);
      writeFileSync(join(reportsDir, `${page.name}.report.html`), html);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score ?? 0]));
      const all = results.map((r) => Math.round((r.lhr.categories.performance.score ?? 0) * 100)).join(', ');
      const line = CATEGORIES.map((c) => `${c} ${Math.round(scores[c] * 100)}`).join(', ');
      const below = CATEGORIES.filter((c) => scores[c] < FLOORS[c]);
      console.log(`${page.name.padEnd(8)} ${line}  (performance of each run: ${all})${below.length ? '  BELOW' : ''}`);
      const lost = losses(lhr);
      if (lost.length) console.log(lost.join('\n'));
      if (below.length) failed = true;
    }
    console.log(`reports: ${reportsDir}`);
  } finally {
    chrome.kill();
    await stop();
  }
  if (failed) {
    console.error('Lighthouse: a score is under its floor');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
