import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, codeFromOutbox, expectAccessible, lastOutboxId, launch, poll, screenshot } from './browser.js';

const ADMIN_A = '77012112101';
const PASSWORD = 'Kcell-Demo-2026!';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function logIn(page: Page, width: number) {
  await page.goto(`${baseUrl()}/login`);
  await poll(() => page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
  await expectAccessible(page, `login @${width}`);
  await screenshot(page, `f01-login-${width}`);
  const before = await lastOutboxId();
  await page.getByLabel('Phone number').fill('701 211 21 01');
  await page.getByLabel('Your password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel('Digit 1 of 6').waitFor();
  await expectAccessible(page, `code page @${width}`);
  await poll(() => page.getByText(/Send code again/).count()).toBeGreaterThan(0);
  await screenshot(page, `f01-code-${width}`);
  const code = await codeFromOutbox(ADMIN_A, before);
  await page.getByLabel('Digit 1 of 6').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('table').waitFor();
}

describe.each([1440, 375])('F01/F06/F10 the administrator’s first minutes at %i px', (width) => {
  it('logs in with the code from the outbox, switches company, searches, and reads the table in Russian', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logIn(page, width);
      await expectAccessible(page, `numbers @${width}`);
      await screenshot(page, `f10-numbers-${width}`);

      // F06: switch to another company; the list follows.
      const switcher = page.getByRole('combobox', { name: 'Company' });
      const firstRow = await page.getByRole('row').nth(1).textContent();
      await switcher.click();
      const options = page.getByRole('option');
      await poll(() => options.count()).toBeGreaterThanOrEqual(3);
      const current = await switcher.inputValue();
      const names = await options.allInnerTexts();
      const other = names.find((n) => n.trim() !== current.trim())!;
      await options.filter({ hasText: other }).first().click();
      await poll(() => page.getByRole('row').nth(1).textContent()).not.toBe(firstRow);
      // Back to the large company (the manual's numbers live there).
      await switcher.click();
      await page.getByRole('option').filter({ hasText: current }).first().click();
      await poll(() => page.getByRole('row').nth(1).textContent()).toBe(firstRow);

      // F10: search by a number fragment.
      await page.getByRole('searchbox', { name: 'Search' }).fill('0542001');
      await poll(() => page.getByRole('row').count()).toBe(2);
      await poll(() => page.getByRole('row').nth(1).textContent()).toContain('+7 701 054 20 01');
      await screenshot(page, `f10-search-${width}`);

      // F07: switch to Russian; the table headings follow.
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'RU' }).click();
      await poll(() => page.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining(['Номер']));
      const headers = (await page.getByRole('columnheader').allInnerTexts()).join(' | ');
      expect(headers).toMatch(/Номер/);
      expect(headers).toMatch(/Статус/);
      await poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
      await expectAccessible(page, `numbers ru @${width}`);
      await screenshot(page, `f07-numbers-ru-${width}`);

      // F11: open the number profile from the row.
      await page
        .getByRole('link', { name: /\+7 701 054 20 01/ })
        .first()
        .click();
      await page.getByRole('heading', { name: /\+7 701 054 20 01/ }).waitFor();
      await expectAccessible(page, `number profile @${width}`);
      await screenshot(page, `f11-profile-${width}`);
    } finally {
      await context.close();
    }
  });
});

describe('the demo outbox page', () => {
  it('shows the messages to a browser', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/dev/outbox`);
    await page.getByRole('heading', { name: 'Demo outbox' }).waitFor();
    await expectAccessible(page, 'outbox');
    await context.close();
  });
});
