import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const artifactsDir = resolve(import.meta.dirname, 'artifacts');

export function baseUrl() {
  return inject('baseUrl');
}

/** Debian's Chromium, headless, with nothing reaching outside the machine. */
export function launch(): Promise<Browser> {
  return chromium.launch({
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
}

/** Fails on any serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

/** The newest one-time code the demo outbox holds for a recipient. */
export async function codeFromOutbox(recipient: string, after = 0): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${baseUrl()}/dev/outbox`, { headers: { accept: 'application/json' } });
    const { items } = (await res.json()) as { items: { id: string; to: string; text: string }[] };
    const msg = items.find((m) => m.to === recipient && Number(m.id) > after);
    const code = msg && /\b(\d{6})\b/.exec(msg.text)?.[1];
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no code for ${recipient} in the outbox`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function lastOutboxId(): Promise<number> {
  const res = await fetch(`${baseUrl()}/dev/outbox`, { headers: { accept: 'application/json' } });
  const { items } = (await res.json()) as { items: { id: string }[] };
  return items.length ? Number(items[0]!.id) : 0;
}

/** Administrator A of the demo data: manages the large company that holds the manual's numbers. */
export const ADMIN_A = { phoneField: '701 211 21 01', password: 'Kcell-Demo-2026!', codeTo: '77012112101' } as const;

/** Logs administrator A in through the browser (phone, password, code from the outbox); ends on the numbers list. */
export async function logInAsAdminA(page: Page): Promise<void> {
  const after = await lastOutboxId();
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('Phone number').fill(ADMIN_A.phoneField);
  await page.getByLabel(/^Your password/).fill(ADMIN_A.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel('Digit 1 of 6').waitFor();
  const code = await codeFromOutbox(ADMIN_A.codeTo, after);
  await page.getByLabel('Digit 1 of 6').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/numbers/);
}

/**
 * Axe and a full-page screenshot (`<name>-<width>.png`) at each width, 1440 and 375 px unless told; at none of them
 * may the page scroll sideways. The viewport is 1440 px again afterwards.
 */
export async function checkAtWidths(page: Page, name: string, widths: readonly number[] = [1440, 375]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
    // Let Mantine's transitions (modals, popovers, notifications) finish: axe measures colours as they are on screen.
    await page.waitForTimeout(250);
    // A cancelled animation rejects its `finished`: that one is over too.
    await page.evaluate(() =>
      Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    await expectAccessible(page, `${name} at ${width}px`);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** expect.poll with time for page loads, argon2 and the simulators (its default is one second). */
export function poll<T>(fn: () => Promise<T> | T, message?: string, timeout = 15_000) {
  return expect.poll(fn, { timeout, interval: 500, message });
}

/** `77010542001` → `+7 701 054 20 01`, as the app writes numbers. */
export function formatted(msisdn: string): string {
  return msisdn.replace(/^7(\d{3})(\d{3})(\d{2})(\d{2})$/, '+7 $1 $2 $3 $4');
}

export type SessionState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Logs administrator A in once; journeys then open fresh contexts carrying these cookies (see newPage). */
export async function adminASession(browser: Browser): Promise<SessionState> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Almaty' });
  const page = await context.newPage();
  await logInAsAdminA(page);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** A page in a fresh 1440 px context, logged in with `state` (or logged out without it). */
export async function newPage(browser: Browser, state?: SessionState): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'Asia/Almaty',
    storageState: state,
  });
  return context.newPage();
}

/** Opens a number's profile and waits until its details are on screen. */
export async function openProfile(page: Page, msisdn: string) {
  await page.goto(`${baseUrl()}/numbers/${msisdn}`);
  await page.getByRole('heading', { level: 1, name: formatted(msisdn) }).waitFor();
  await page.getByRole('heading', { name: 'Number details' }).waitFor();
}

/** A full-page screenshot at `artifacts/<relativePath>.png`, folders made as needed (e.g. `ru/375/numbers`). */
export async function screenshotAs(page: Page, relativePath: string) {
  const path = join(artifactsDir, `${relativePath}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

/** Waits until Mantine's transitions (modals, popovers, menus) are over, so that axe sees the colours on screen. */
export async function settle(page: Page) {
  await page.waitForTimeout(250);
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
}

/** How far the page scrolls sideways (0 when it does not). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth - window.innerWidth);
}
