import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminASession, baseUrl, checkAtWidths, formatted, launch, newPage, poll, type SessionState } from './browser';

// Issue "Money and help": F40 (balance transfer), F38 (unallocated payments on Documents and reports), F50 (FAQ, also
// logged out). The journeys share one server with the other browser tests: the transfer moves 1.50 ₸ between two
// active numbers no other journey reads the funds of; the refusals change nothing.

const TIMEOUT = 150_000;
/** Numbers other journeys work with (number-management.e2e.test.ts): left alone here. */
const RESERVED = new Set(['77010542001', '77010542006', '77011441876', '77010542285', '77012112101']);
/** The server's default TRANSFER_MAX_AMOUNT, in tiyn. */
const MAX_TRANSFER_TIYN = 100_000_000n;

type Money = { amount: string; currency: string };
type ListedNumber = { msisdn: string; status: string; availableFunds: Money };
type Company = { id: string; alias: string | null; fullName: string };

let browser: Browser;
let storageState: SessionState;

beforeAll(async () => {
  browser = await launch();
  storageState = await adminASession(browser);
});

afterAll(async () => {
  await browser?.close();
});

/** The number as it is written inside running text: on one line (non-breaking spaces). */
function inText(msisdn: string): string {
  return formatted(msisdn).replace(/ /g, '\u00a0');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Decimal string → tiyn, and back as the English interface shows money (`9,970.33 ₸`). */
function toTiyn(amount: string): bigint {
  const [integer = '0', fraction = ''] = amount.split('.');
  return BigInt(integer) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
}

function shownMoney(tiyn: bigint): string {
  const negative = tiyn < 0n;
  const abs = negative ? -tiyn : tiyn;
  const integer = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${integer}.${(abs % 100n).toString().padStart(2, '0')}\u00a0₸`;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.context().request.get(`${baseUrl()}${path}`, { headers: { 'accept-language': 'en' } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function companies(page: Page): Promise<Company[]> {
  return (await getJson<{ items: Company[] }>(page, '/api/v1/companies')).items;
}

/** Administrator A's large company, "Алатау Логистик" (the default one). */
async function largeCompany(page: Page): Promise<Company> {
  const company = (await companies(page)).find((candidate) => candidate.alias === 'Алатау Логистик');
  expect(company, 'the large company').toBeDefined();
  return company as Company;
}

async function activeNumbers(page: Page, companyId: string): Promise<ListedNumber[]> {
  const { items } = await getJson<{ items: ListedNumber[] }>(
    page,
    `/api/v1/companies/${companyId}/numbers?status=active&limit=200`,
  );
  return items.filter((item) => item.status === 'active' && !RESERVED.has(item.msisdn));
}

async function fundsOf(page: Page, companyId: string, msisdn: string): Promise<bigint> {
  const { items } = await getJson<{ items: ListedNumber[] }>(
    page,
    `/api/v1/companies/${companyId}/numbers?q=${msisdn}`,
  );
  const item = items.find((candidate) => candidate.msisdn === msisdn);
  expect(item, msisdn).toBeDefined();
  return toTiyn((item as ListedNumber).availableFunds.amount);
}

function field(page: Page, label: 'Sender' | 'Recipient'): Locator {
  return page.getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) });
}

function amountField(page: Page): Locator {
  return page.getByRole('textbox', { name: /^Transfer amount, ₸/ });
}

/** Searches a number picker by the number's last digits and picks it from the server's answer. */
async function pickNumber(page: Page, label: 'Sender' | 'Recipient', msisdn: string) {
  const input = field(page, label);
  await input.click();
  await input.fill(msisdn.slice(-7));
  const option = page.getByRole('option', { name: new RegExp(`^${escapeRegExp(formatted(msisdn))}`) });
  await option.waitFor();
  await option.click();
  await poll(() => input.inputValue()).toBe(formatted(msisdn));
}

/** The error text tied to a field (aria-describedby), as a screen reader would read it. */
async function describedBy(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.mantine-Notification-root').filter({ hasText: text });
}

describe('money and help (F38, F40, F50)', () => {
  it(
    'F40: transfers 1.50 ₸ between two active numbers after the confirmation; funds and recent transfers follow',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await page.goto(`${baseUrl()}/numbers`);
        await page
          .getByRole('navigation', { name: 'Sections' })
          .getByRole('link', { name: 'Balance transfer' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Balance transfer' }).waitFor();
        await page.getByRole('heading', { name: 'Recent transfers' }).waitFor();
        await checkAtWidths(page, 'f40-transfer-form');

        const company = await largeCompany(page);
        const candidates = (await activeNumbers(page, company.id)).filter(
          (item) => toTiyn(item.availableFunds.amount) >= 10_000n,
        );
        const sender = candidates.at(-1);
        const recipient = candidates.at(-2);
        expect(sender && recipient, 'two active numbers with funds').toBeTruthy();
        if (!sender || !recipient) return;
        const senderBefore = await fundsOf(page, company.id, sender.msisdn);
        const recipientBefore = await fundsOf(page, company.id, recipient.msisdn);

        await pickNumber(page, 'Sender', sender.msisdn);
        expect(await describedBy(field(page, 'Sender'))).toContain(`Available funds: ${shownMoney(senderBefore)}`);
        await pickNumber(page, 'Recipient', recipient.msisdn);
        await amountField(page).fill('1.50');
        await page.getByRole('button', { name: 'Transfer', exact: true }).click();

        // The confirmation sums it up; Back changes nothing.
        const confirm = page.getByRole('dialog', { name: 'Confirm the transfer' });
        await poll(() => confirm.textContent()).toContain(formatted(sender.msisdn));
        expect(await confirm.textContent()).toContain(formatted(recipient.msisdn));
        expect(await confirm.textContent()).toContain('1.50\u00a0₸');
        await checkAtWidths(page, 'f40-transfer-confirm');
        await confirm.getByRole('button', { name: 'Back' }).click();
        await poll(() => confirm.isVisible()).toBe(false);
        expect(await fundsOf(page, company.id, sender.msisdn)).toBe(senderBefore);

        await page.getByRole('button', { name: 'Transfer', exact: true }).click();
        await confirm.getByRole('button', { name: 'Transfer', exact: true }).click();
        const summary = `1.50\u00a0₸ transferred from ${inText(sender.msisdn)} to ${inText(recipient.msisdn)}.`;
        await poll(() => notification(page, summary).isVisible()).toBe(true);

        // Both numbers' new funds: on the page and on the server; exactly 1.50 ₸ moved.
        const result = page.getByRole('status').filter({ hasText: 'Balance transferred' });
        await poll(() => result.textContent()).toContain(
          `Available funds on ${inText(sender.msisdn)}: ${shownMoney(senderBefore - 150n)}`,
        );
        expect(await result.textContent()).toContain(
          `Available funds on ${inText(recipient.msisdn)}: ${shownMoney(recipientBefore + 150n)}`,
        );
        expect(await fundsOf(page, company.id, sender.msisdn)).toBe(senderBefore - 150n);
        expect(await fundsOf(page, company.id, recipient.msisdn)).toBe(recipientBefore + 150n);
        await poll(() => describedBy(field(page, 'Sender'))).toContain(
          `Available funds: ${shownMoney(senderBefore - 150n)}`,
        );
        expect(await amountField(page).inputValue()).toBe('');

        // The newest row of the recent transfers.
        const history = page.getByRole('region', { name: 'Recent transfers' });
        const firstRow = history.getByRole('row').nth(1);
        await poll(() => firstRow.textContent()).toContain(formatted(sender.msisdn));
        const cells = await firstRow.getByRole('cell').allTextContents();
        expect(cells[0]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
        expect(cells.slice(1)).toEqual([formatted(sender.msisdn), formatted(recipient.msisdn), '1.50\u00a0₸']);
        // Phones get a list instead of the table.
        await page.setViewportSize({ width: 375, height: 812 });
        const firstItem = history.getByRole('listitem').first();
        await poll(() => firstItem.textContent()).toContain(
          `From ${inText(sender.msisdn)} to ${inText(recipient.msisdn)}`,
        );
        expect(await firstItem.textContent()).toContain('1.50\u00a0₸');
        await checkAtWidths(page, 'f40-transfer-done');
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F40: when the answer is lost, "Try again" repeats the attempt with the same Idempotency-Key: the money moves once',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await page.goto(`${baseUrl()}/transfer`);
        await page.getByRole('heading', { level: 1, name: 'Balance transfer' }).waitFor();
        const company = await largeCompany(page);
        const candidates = (await activeNumbers(page, company.id)).filter(
          (item) => toTiyn(item.availableFunds.amount) >= 10_000n,
        );
        const sender = candidates.at(-3);
        const recipient = candidates.at(-4);
        expect(sender && recipient, 'two more active numbers with funds').toBeTruthy();
        if (!sender || !recipient) return;
        const senderBefore = await fundsOf(page, company.id, sender.msisdn);
        const recipientBefore = await fundsOf(page, company.id, recipient.msisdn);

        // The first request reaches the server, its answer never reaches the browser.
        const keys: string[] = [];
        await page.route('**/api/v1/companies/*/balance-transfers', async (route) => {
          const request = route.request();
          if (request.method() !== 'POST') return route.continue();
          keys.push(request.headers()['idempotency-key'] ?? '');
          if (keys.length === 1) {
            await route.fetch();
            return route.abort('connectionreset');
          }
          return route.continue();
        });

        await pickNumber(page, 'Sender', sender.msisdn);
        await pickNumber(page, 'Recipient', recipient.msisdn);
        await amountField(page).fill('2,25');
        await page.getByRole('button', { name: 'Transfer', exact: true }).click();
        const confirm = page.getByRole('dialog', { name: 'Confirm the transfer' });
        await confirm.getByRole('button', { name: 'Transfer', exact: true }).click();
        await poll(() => confirm.getByRole('alert').textContent()).toContain('No connection to the server');
        await checkAtWidths(page, 'f40-transfer-connection-lost');

        await confirm.getByRole('button', { name: 'Try again' }).click();
        await poll(() => confirm.isVisible()).toBe(false);
        await poll(() =>
          notification(
            page,
            `2.25\u00a0₸ transferred from ${inText(sender.msisdn)} to ${inText(recipient.msisdn)}.`,
          ).isVisible(),
        ).toBe(true);
        expect(keys).toHaveLength(2);
        expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(keys[1]).toBe(keys[0]);
        expect(await fundsOf(page, company.id, sender.msisdn)).toBe(senderBefore - 225n);
        expect(await fundsOf(page, company.id, recipient.msisdn)).toBe(recipientBefore + 225n);

        // A new transfer is a new attempt: a new key.
        await amountField(page).fill('0.01');
        await page.getByRole('button', { name: 'Transfer', exact: true }).click();
        await confirm.getByRole('button', { name: 'Transfer', exact: true }).click();
        await poll(() => keys.length).toBe(3);
        expect(keys[2]).not.toBe(keys[0]);
        await poll(() => confirm.isVisible()).toBe(false);
        expect(await fundsOf(page, company.id, sender.msisdn)).toBe(senderBefore - 226n);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F40: refusals show under their field: same number and 1.234 ₸ in the page, not enough funds from the server',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await page.goto(`${baseUrl()}/transfer`);
        await page.getByRole('heading', { level: 1, name: 'Balance transfer' }).waitFor();
        const company = await largeCompany(page);
        const numbers = await activeNumbers(page, company.id);
        // A sender whose funds are below the largest transfer allowed, so that "more than it has" is a valid amount.
        const sender = numbers.find((item) => toTiyn(item.availableFunds.amount) + 100n < MAX_TRANSFER_TIYN);
        const recipient = numbers.find((item) => item.msisdn !== sender?.msisdn);
        expect(sender && recipient, 'a sender and a recipient').toBeTruthy();
        if (!sender || !recipient) return;

        // Nothing chosen: every field says what it needs.
        const submit = page.getByRole('button', { name: 'Transfer', exact: true });
        await submit.click();
        await poll(() => describedBy(field(page, 'Sender'))).toContain('Choose the sender’s number');
        expect(await describedBy(field(page, 'Recipient'))).toContain('Choose the recipient’s number');
        expect(await describedBy(amountField(page))).toContain('Enter the amount to transfer');
        expect(await field(page, 'Sender').evaluate((element) => element === document.activeElement)).toBe(true);

        // The same number twice, and three decimals: refused before anything is sent.
        await pickNumber(page, 'Sender', sender.msisdn);
        await pickNumber(page, 'Recipient', sender.msisdn);
        await amountField(page).fill('1.234');
        await submit.click();
        await poll(() => describedBy(field(page, 'Recipient'))).toContain(
          'The sender and the recipient must be different numbers.',
        );
        expect(await field(page, 'Recipient').getAttribute('aria-invalid')).toBe('true');
        expect(await describedBy(amountField(page))).toContain(
          'The amount can have at most 2 digits after the decimal point (tiyn).',
        );
        expect(await page.getByRole('dialog').count()).toBe(0);
        await checkAtWidths(page, 'f40-transfer-field-errors');

        // More than the sender has: the server refuses, the dialog closes, the reason is under the amount.
        const funds = toTiyn(sender.availableFunds.amount);
        const tooMuch = funds + 100n;
        await pickNumber(page, 'Recipient', recipient.msisdn);
        await amountField(page).fill(`${tooMuch / 100n}.${(tooMuch % 100n).toString().padStart(2, '0')}`);
        await submit.click();
        const confirm = page.getByRole('dialog', { name: 'Confirm the transfer' });
        await confirm.getByRole('button', { name: 'Transfer', exact: true }).click();
        await poll(() => describedBy(amountField(page))).toContain('Not enough funds on the sender’s number');
        await poll(() => confirm.isVisible()).toBe(false);
        expect(await amountField(page).getAttribute('aria-invalid')).toBe('true');
        await poll(() => amountField(page).evaluate((element) => element === document.activeElement)).toBe(true);
        expect(await fundsOf(page, company.id, sender.msisdn)).toBe(funds);
        await checkAtWidths(page, 'f40-transfer-refused');

        // Editing the amount clears the refusal.
        await amountField(page).fill('1');
        await poll(() => describedBy(amountField(page))).not.toContain('Not enough funds');
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F38: Documents and reports lists the large company’s 3 unallocated payments with the instruction',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await page.goto(`${baseUrl()}/numbers`);
        await page
          .getByRole('navigation', { name: 'Sections' })
          .getByRole('link', { name: 'Documents and reports' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Documents and reports' }).waitFor();
        const section = page.getByRole('region', { name: 'Unallocated payments' });
        const table = section.getByRole('table', { name: 'Unallocated payments' });
        await table.waitFor();
        expect(await table.getByRole('columnheader').allTextContents()).toEqual([
          'Payment date',
          'Payment order number',
          'Amount',
        ]);
        const rows = table.getByRole('row');
        await poll(() => rows.count()).toBe(4);
        const amounts = await table.locator('tbody tr td:nth-child(3)').allTextContents();
        expect(amounts).toEqual(['150,000.00\u00a0₸', '42,500.50\u00a0₸', '8,900.00\u00a0₸']);
        for (const row of await table.locator('tbody tr').all()) {
          const [date, order] = await row.getByRole('cell').allTextContents();
          expect(date).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
          expect(order).toMatch(/^\d+$/);
        }
        expect(await section.textContent()).toContain('Kindly send the payment allocation register to');
        expect(await section.getByRole('link', { name: 'email@kcell.kz' }).getAttribute('href')).toBe(
          'mailto:email@kcell.kz',
        );
        await checkAtWidths(page, 'f38-unallocated-payments');

        // Another company of A's without unallocated payments: the manual's message instead of a table.
        const other = (await companies(page)).find((candidate) => candidate.alias !== 'Алатау Логистик');
        expect(other, 'a second company').toBeDefined();
        await page.goto(`${baseUrl()}/documents?company=${other?.id}`);
        await poll(() => section.textContent()).toContain('You have no unallocated payments.');
        expect(await section.getByRole('table').count()).toBe(0);
        await checkAtWidths(page, 'f38-unallocated-none');
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F50: the FAQ opens logged out from the login page, in English and Russian, with the support contacts',
    async () => {
      const page = await newPage(browser);
      try {
        await page.goto(`${baseUrl()}/login`);
        await page.getByRole('link', { name: 'Frequently asked questions' }).click();
        await page.waitForURL(/\/faq$/);
        await page.getByRole('heading', { level: 1, name: 'Frequently asked questions' }).waitFor();
        const questions = page.getByRole('button', { expanded: false }).filter({ hasText: /^\d\. / });
        await poll(() => questions.count()).toBe(8);
        expect(await questions.first().textContent()).toBe('1. How to manage multiple companies in My Account?');
        await page
          .getByRole('button', { name: '7. I can’t change my SIM card: the function is not available.' })
          .click();
        await poll(() =>
          page.getByText('SIM replacement is only available for numbers with the “Active” status.').isVisible(),
        ).toBe(true);
        const support = page.getByRole('region', { name: 'Didn’t find the answer?' });
        expect(await support.getByRole('link', { name: '9099' }).getAttribute('href')).toBe('tel:9099');
        expect(await support.getByRole('link', { name: 'email@kcell.kz' }).getAttribute('href')).toBe(
          'mailto:email@kcell.kz',
        );
        // Still logged out: the login pages' frame, no portal sections.
        expect(await page.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);
        await checkAtWidths(page, 'f50-faq-en');

        // Russian: the questions come again from the server in the new language.
        await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'RU' }).click();
        await page.getByRole('heading', { level: 1, name: 'Часто задаваемые вопросы' }).waitFor();
        await poll(() => questions.first().textContent()).toBe(
          '1. Как управлять несколькими компаниями в Моём аккаунте?',
        );
        await poll(() => questions.count()).toBe(8);
        await page.getByRole('button', { name: /^6\. / }).click();
        await poll(() => page.getByText(/^Если статус номера «Заблокирован \/ Долг»/).isVisible()).toBe(true);
        expect(await page.getByRole('region', { name: 'Не нашли ответа?' }).textContent()).toContain('9099');
        await checkAtWidths(page, 'f50-faq-ru');

        await page.getByRole('link', { name: 'Вернуться ко входу' }).click();
        await page.waitForURL(/\/login/);
        await page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' }).waitFor();
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F50: logged in, the header’s FAQ link opens the same page inside the portal',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await page.goto(`${baseUrl()}/numbers`);
        await page.getByRole('link', { name: 'FAQ' }).click();
        await page.waitForURL(/\/faq/);
        await page.getByRole('heading', { level: 1, name: 'Frequently asked questions' }).waitFor();
        await poll(() => page.getByRole('button', { name: /^\d\. / }).count()).toBe(8);
        expect(await page.getByRole('navigation', { name: 'Sections' }).isVisible()).toBe(true);
        expect(await page.getByRole('link', { name: 'Back to log in' }).count()).toBe(0);
        await checkAtWidths(page, 'f50-faq-logged-in');
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );
});
