import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, codeFromOutbox, expectAccessible, lastOutboxId, launch, poll, screenshot } from './browser';

// Issue 3 "Identity and access": F02 (forgot password), F04 (My Profile), F05 (My companies), B10 (active sessions).
// The journeys share one server with the other browser tests: administrator A keeps the demo password (only A's
// company aliases change, and they are put back); administrator B is this file's to change.

const DEMO_PASSWORD = 'Kcell-Demo-2026!';
const ADMIN_A = { phone: '7012112101', codeTo: '77012112101' };
/** Administrator A's large demo company (its BIN is fixed in the demo data). */
const A_COMPANY_BIN = '080540001238';
const ADMIN_B = { phone: '7070000001', email: 'daniyar.seitkali@example.com' };

/** B's password and e-mail as the journeys leave them (each journey starts from what the previous one left). */
const b = { password: DEMO_PASSWORD, email: ADMIN_B.email };

const TIMEOUT = 120_000;
const WIDTHS = [1440, 375] as const;

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

function newContext(): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Almaty' });
}

/** Axe and a full-page screenshot at 1440 and 375 px; at 375 px nothing may scroll sideways. */
async function checkPage(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    // Let Mantine's transitions (modal, notifications) finish: axe measures colours as they are on screen.
    await page.waitForTimeout(250);
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    await expectAccessible(page, `${name} at ${width}px`);
    await screenshot(page, `identity-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

type OutboxItem = { id: string; channel: string; to: string; subject?: string; text: string };

/** The newest e-mail to a recipient after an outbox id. */
async function emailFromOutbox(recipient: string, after: number): Promise<OutboxItem> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${baseUrl()}/dev/outbox`, { headers: { accept: 'application/json' } });
    const { items } = (await res.json()) as { items: OutboxItem[] };
    const message = items.find((m) => m.to === recipient && m.channel === 'email' && Number(m.id) > after);
    if (message) return message;
    if (Date.now() > deadline) throw new Error(`no e-mail for ${recipient} in the outbox`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** F01 through the browser: phone, password, then the one-time code from the outbox. */
async function logIn(page: Page, phone: string, password: string, codeTo: string) {
  const after = await lastOutboxId();
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('Phone number').fill(phone);
  await page.getByLabel(field('Your password')).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/login\/code/);
  const code = await codeFromOutbox(codeTo, after);
  await page.getByLabel('Digit 1 of 6').click();
  await page.keyboard.type(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/numbers/);
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL(/\/login/);
}

/** A field's accessible name: its label, with " *" when it is required. */
function field(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

/** The error message a field points at with aria-describedby. */
async function fieldError(input: Locator): Promise<string> {
  await poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.mantine-Notification-root').filter({ hasText: text });
}

describe('identity and access (F02, F04, F05, B10)', () => {
  it(
    '(a) F02: forgot password → link from the e-mail → new password → log in with it',
    async () => {
      const context = await newContext();
      const page = await context.newPage();
      try {
        // Step 1–2: the administrator's phone; the answer is the same for any phone.
        await page.goto(`${baseUrl()}/login`);
        await page.getByRole('link', { name: 'Forgot password?' }).click();
        await page.waitForURL(/\/forgot-password$/);
        await poll(() => page.getByRole('heading', { name: 'Password recovery' }).isVisible()).toBe(true);
        await checkPage(page, 'forgot-password');
        const after = await lastOutboxId();
        await page.getByLabel('Phone number').fill(ADMIN_B.phone);
        await page.getByRole('button', { name: 'Next' }).click();
        const sent = page.getByRole('status').filter({ hasText: 'If this number belongs to an administrator' });
        await poll(() => sent.isVisible()).toBe(true);
        await checkPage(page, 'forgot-password-sent');

        // Step 3: the e-mail with the "link to reset credentials".
        const email = await emailFromOutbox(b.email, after);
        const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(email.text)?.[0];
        expect(link, 'reset link in the e-mail').toBeTruthy();
        const url = new URL(link!);
        expect(url.pathname).toBe('/reset-password');

        // A mangled link says so at once and offers a new one.
        await page.goto(`${baseUrl()}/reset-password?token=broken`);
        await poll(() => page.getByRole('heading', { name: 'The link is not valid' }).isVisible()).toBe(true);
        await checkPage(page, 'reset-password-invalid');
        await page.getByRole('link', { name: 'Request a new link' }).click();
        await page.waitForURL(/\/forgot-password$/);

        // Step 4: new password twice, "Sign out on other devices" checked by default.
        await page.goto(`${baseUrl()}${url.pathname}${url.search}`);
        await poll(() => page.getByRole('heading', { name: 'Update password' }).isVisible()).toBe(true);
        const newPassword = page.getByLabel(field('New password'));
        const confirmPassword = page.getByLabel(field('Confirm password'));
        expect(await page.getByLabel('Sign out on other devices').isChecked()).toBe(true);
        expect(await newPassword.getAttribute('aria-describedby')).toBeTruthy();
        await poll(
          () => page.getByText('12 to 128 characters, any characters.').isVisible(),
          'password rules hint',
        ).toBe(true);
        await checkPage(page, 'reset-password');

        // Checked in the page: the two fields must match.
        await newPassword.fill('Steppe-Falcon-Reset-2026');
        await confirmPassword.fill('Steppe-Falcon-Reset-2027');
        await page.getByRole('button', { name: 'Save' }).click();
        expect(await fieldError(confirmPassword)).toContain('The passwords do not match.');
        // Checked by the server: the phone number inside the password (the link stays usable).
        await newPassword.fill('my-77070000001-password');
        await confirmPassword.fill('my-77070000001-password');
        await page.getByRole('button', { name: 'Save' }).click();
        expect(await fieldError(newPassword)).toContain('must not contain your phone number');

        const resetPassword = 'Steppe-Falcon-Reset-2026';
        await newPassword.fill(resetPassword);
        await confirmPassword.fill(resetPassword);
        await page.getByRole('button', { name: 'Save' }).click();
        // Step 5: "Your account has been updated", back to login.
        await poll(() => page.getByRole('heading', { name: 'Your account has been updated' }).isVisible()).toBe(true);
        b.password = resetPassword;
        await checkPage(page, 'reset-password-done');
        await page.getByRole('link', { name: 'Go to login' }).click();
        await page.waitForURL(/\/login$/);

        // The link works once.
        await page.goto(`${baseUrl()}${url.pathname}${url.search}`);
        await page.getByLabel(field('New password')).fill('Another-Steppe-Falcon-9');
        await page.getByLabel(field('Confirm password')).fill('Another-Steppe-Falcon-9');
        await page.getByRole('button', { name: 'Save' }).click();
        await poll(() => page.getByRole('heading', { name: 'The link is not valid' }).isVisible()).toBe(true);
        await poll(() => page.getByRole('alert').filter({ hasText: 'not valid any more' }).isVisible()).toBe(true);

        // The old password no longer works; the new one does.
        await page.goto(`${baseUrl()}/login`);
        await page.getByLabel('Phone number').fill(ADMIN_B.phone);
        await page.getByLabel(field('Your password')).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Log in' }).click();
        await poll(() => page.getByRole('alert').first().isVisible()).toBe(true);
        expect(page.url()).not.toMatch(/\/login\/code/);
        await logIn(page, ADMIN_B.phone, b.password, b.email);
        expect(new URL(page.url()).pathname).toBe('/numbers');
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  it(
    '(b) F04: change e-mail and password in My Profile',
    async () => {
      const context = await newContext();
      const page = await context.newPage();
      try {
        await logIn(page, ADMIN_B.phone, b.password, b.email);
        await page.getByRole('link', { name: 'My Profile' }).click();
        await page.waitForURL(/\/profile/);
        await poll(() => page.getByRole('heading', { name: 'Change e-mail' }).isVisible()).toBe(true);
        await checkPage(page, 'profile-details');

        // Change e-mail: the current password is required and checked.
        const emailSection = page.getByRole('region', { name: 'Change e-mail' });
        const emailField = emailSection.getByLabel(field('E-mail'));
        expect(await emailField.inputValue()).toBe(b.email);
        const newEmail = 'daniyar.seitkali.new@example.com';
        await emailField.fill(newEmail);
        const emailPassword = emailSection.getByLabel(field('Your password'));
        await emailPassword.fill('not-my-password-at-all');
        await emailSection.getByRole('button', { name: 'Change' }).click();
        expect(await fieldError(emailPassword)).toContain('The current password is wrong.');
        await emailPassword.fill(b.password);
        await emailSection.getByRole('button', { name: 'Change' }).click();
        await poll(() => notification(page, `E-mail changed to ${newEmail}.`).isVisible()).toBe(true);
        b.email = newEmail;
        await poll(() => page.getByTestId('profile-email').textContent()).toBe(newEmail);

        // Change password: the rules are a hint under the new password; errors land under the right field.
        const passwordSection = page.getByRole('region', { name: 'Change password' });
        const current = passwordSection.getByLabel(field('Your password'));
        const next = passwordSection.getByLabel(field('Your new password'));
        const repeat = passwordSection.getByLabel(field('Repeat your new password'));
        await poll(() => passwordSection.getByText('12 to 128 characters, any characters.').isVisible()).toBe(true);
        await current.fill(b.password);
        await next.fill('short-one');
        await repeat.fill('short-one');
        await passwordSection.getByRole('button', { name: 'Save password' }).click();
        expect(await fieldError(next)).toContain('at least 12 characters');
        await next.fill('Tulip-Mountain-Profile-7');
        await repeat.fill('Tulip-Mountain-Profile-8');
        await passwordSection.getByRole('button', { name: 'Save password' }).click();
        expect(await fieldError(repeat)).toContain('The passwords do not match.');
        await current.fill('not-my-password-at-all');
        await repeat.fill('Tulip-Mountain-Profile-7');
        await passwordSection.getByRole('button', { name: 'Save password' }).click();
        expect(await fieldError(current)).toContain('The current password is wrong.');
        await checkPage(page, 'profile-password-error');

        const profilePassword = 'Tulip-Mountain-Profile-7';
        await current.fill(b.password);
        await passwordSection.getByRole('button', { name: 'Save password' }).click();
        await poll(() => notification(page, 'Password changed.').isVisible()).toBe(true);
        b.password = profilePassword;
        expect(await current.inputValue()).toBe('');

        // Both changes hold: the new password logs in, and B's code (by e-mail) goes to the new address.
        await logOut(page);
        await logIn(page, ADMIN_B.phone, b.password, b.email);
        await page.goto(`${baseUrl()}/profile`);
        await poll(() => page.getByTestId('profile-email').textContent()).toBe(newEmail);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  it(
    '(c) F05: a short company name shows in the company switcher',
    async () => {
      const context = await newContext();
      const page = await context.newPage();
      try {
        await logIn(page, ADMIN_A.phone, DEMO_PASSWORD, ADMIN_A.codeTo);
        const switcher = page.getByLabel(field('Company'));

        // The tabs work with the keyboard: arrow right from "Personal details" to "My companies".
        await page.goto(`${baseUrl()}/profile`);
        await page.getByRole('tab', { name: 'Personal details' }).focus();
        await page.keyboard.press('ArrowRight');
        await poll(() => page.getByRole('tab', { name: 'My companies' }).getAttribute('aria-selected')).toBe('true');
        await poll(() => new URL(page.url()).searchParams.get('tab')).toBe('companies');
        await poll(() => page.getByRole('article').count()).toBeGreaterThan(1);
        await checkPage(page, 'profile-companies');

        // The demo's large company: BIN, full name, and the short name the demo gave it (put back at the end).
        const card = page.locator(`article[data-company-bin="${A_COMPANY_BIN}"]`);
        expect(await card.textContent()).toContain(A_COMPANY_BIN);
        const fullName = (await card.getByRole('heading').textContent()) ?? '';
        expect(await card.textContent()).toContain(`Full company name${fullName}`);
        const alias = card.getByLabel(field('Short company name'));
        const originalAlias = await alias.inputValue();
        const save = card.getByRole('button', { name: 'Save' });
        expect(await save.isDisabled(), 'nothing to save yet').toBe(true);

        // Work in that company, so that the switcher shows its name.
        await switcher.click();
        await page.getByRole('option', { name: originalAlias || fullName, exact: true }).click();
        await poll(() => switcher.inputValue()).toBe(originalAlias || fullName);

        await alias.fill('Demo HQ');
        await save.click();
        await poll(() => notification(page, 'Short name saved: Demo HQ.').isVisible()).toBe(true);
        await poll(() => switcher.inputValue()).toBe('Demo HQ');
        await switcher.click();
        await poll(() => page.getByRole('option', { name: 'Demo HQ' }).isVisible()).toBe(true);
        await page.keyboard.press('Escape');
        await checkPage(page, 'profile-companies-alias');

        // It stays after a reload (the server has it), and an empty short name brings the full name back.
        await page.reload();
        await poll(() => switcher.inputValue()).toBe('Demo HQ');
        await alias.fill('');
        await save.click();
        await poll(() => switcher.inputValue()).toBe(fullName);
        await poll(() => notification(page, 'The short name was removed').isVisible()).toBe(true);

        // Put the demo's short name back for the other browser tests.
        if (originalAlias) {
          await alias.fill(originalAlias);
          await save.click();
          await poll(() => switcher.inputValue()).toBe(originalAlias);
        }
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  it(
    '(d) B10: ending another session logs that browser out',
    async () => {
      const first = await newContext();
      const second = await newContext();
      try {
        const firstPage = await first.newPage();
        await logIn(firstPage, ADMIN_B.phone, b.password, b.email);
        const secondPage = await second.newPage();
        await logIn(secondPage, ADMIN_B.phone, b.password, b.email);

        // The first browser's session, as the server names it.
        const firstSessionId = await firstPage.evaluate(async () => {
          const res = await fetch('/api/v1/me/sessions', { headers: { accept: 'application/json' } });
          const { items } = (await res.json()) as { items: { id: string; current: boolean }[] };
          return items.find((item) => item.current)?.id;
        });
        expect(firstSessionId).toBeTruthy();

        await secondPage.goto(`${baseUrl()}/profile?tab=sessions`);
        const rows = secondPage.locator('li[data-session-id]');
        await poll(() => rows.count()).toBeGreaterThanOrEqual(2);
        const current = rows.filter({ hasText: 'This device' });
        expect(await current.count()).toBe(1);
        expect(await current.getByRole('button', { name: /End session/ }).count()).toBe(0);
        const row = secondPage.locator(`li[data-session-id="${firstSessionId}"]`);
        expect(await row.textContent()).toMatch(/Chrome on Linux/);
        expect(await row.textContent()).toMatch(/Last active: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
        await checkPage(secondPage, 'profile-sessions');

        // Cancel first: nothing happens.
        await row.getByRole('button', { name: /^End session/ }).click();
        const dialog = secondPage.getByRole('dialog', { name: 'End this session?' });
        await poll(() => dialog.isVisible()).toBe(true);
        await checkPage(secondPage, 'profile-sessions-confirm');
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await poll(() => dialog.count()).toBe(0);
        expect(await row.count()).toBe(1);

        await row.getByRole('button', { name: /^End session/ }).click();
        await dialog.getByRole('button', { name: 'End session' }).click();
        await poll(() => notification(secondPage, 'Session ended').isVisible()).toBe(true);
        await poll(() => row.count()).toBe(0);

        // The first browser's next navigation lands on the login page; the second one is still logged in.
        await firstPage.goto(`${baseUrl()}/numbers`);
        await firstPage.waitForURL(/\/login/);
        await poll(() => firstPage.getByRole('heading', { name: 'Log in to My Account' }).isVisible()).toBe(true);
        await secondPage.goto(`${baseUrl()}/profile?tab=sessions`);
        await poll(() => secondPage.getByText('This device').isVisible()).toBe(true);
        expect(new URL(secondPage.url()).pathname).toBe('/profile');

        // F07: the same screens in Kazakh (B's language; put back to English after).
        await secondPage.getByRole('button', { name: 'KK' }).click();
        await poll(() => secondPage.getByRole('heading', { name: 'Белсенді сеанстар' }).isVisible()).toBe(true);
        await poll(() => secondPage.getByText('Осы құрылғы').isVisible()).toBe(true);
        await checkPage(secondPage, 'profile-sessions-kk');
        await secondPage.getByRole('tab', { name: 'Жеке деректер' }).click();
        await poll(() => secondPage.getByRole('heading', { name: 'Құпиясөзді өзгерту' }).isVisible()).toBe(true);
        await checkPage(secondPage, 'profile-details-kk');
        await secondPage.getByRole('button', { name: 'EN' }).click();
        await poll(() => secondPage.getByRole('heading', { name: 'Change password' }).isVisible()).toBe(true);
      } finally {
        await first.close();
        await second.close();
      }
    },
    TIMEOUT,
  );
});
