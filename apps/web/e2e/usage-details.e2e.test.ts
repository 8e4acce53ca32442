import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminASession,
  baseUrl,
  checkAtWidths,
  formatted,
  launch,
  newPage,
  openProfile,
  poll,
  type SessionState,
} from './browser';

// Issue 7, F19 "Usage details" in the web app: the number's action menu → period (the last month unless changed) and
// output. On screen: the table of calls, SMS and data with the period's totals, page after page, checked against the
// API; as a file: the request completes and the downloaded XLSX holds the same rows; by e-mail: one message with the
// XLSX attached in the demo outbox; a period refused by the server, under its field; Russian and Kazakh once each.
// Reports only read the number: any active number with usage does (the manual's numbers are left to the others).

const RESERVED = new Set(['77010542001', '77010542006', '77011441876', '77010542285', '77012112101']);
const TIMEOUT = 180_000;
/** The report job builds and sends the file in seconds: allow 30 s. */
const pollLong = <T>(fn: () => Promise<T> | T, message?: string) => poll(fn, message, 30_000);

type Language = 'en' | 'ru' | 'kk';
type Money = { amount: string; currency: string };
type UsageRecord = {
  occurredAt: string;
  type: 'call' | 'sms' | 'data';
  direction: 'outgoing' | 'incoming';
  otherParty: string | null;
  durationSeconds: number | null;
  volumeKb: number | null;
  cost: Money;
};
type UsagePage = {
  period: { from: string; to: string };
  totals: { records: number; cost: Money };
  items: UsageRecord[];
  nextCursor: string | null;
};
type OutboxItem = {
  id: string;
  channel: string;
  to: string;
  subject: string | null;
  attachments: { filename: string; contentType: string }[];
};

const messages = new Map<Language, Record<string, unknown>>();

/** The web app's text for a key in a language, `{{name}}` filled in. */
function tr(language: Language, key: string, params: Record<string, string | number> = {}): string {
  let tree = messages.get(language);
  if (!tree) {
    tree = JSON.parse(readFileSync(resolve(import.meta.dirname, `../src/locales/${language}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    messages.set(language, tree);
  }
  let value: unknown = tree;
  for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value !== 'string') throw new Error(`no text ${key} in ${language}.json`);
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

const NBSP = '\u00a0';

/** "1500.00" → `1,500.00 ₸` (en) or `1 500,00 ₸` (ru, kk), as the app writes money. */
function money(value: Money, language: Language): string {
  const [integer = '0', fraction = '00'] = value.amount.replace(/^-/, '').split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : NBSP);
  const sign = value.amount.startsWith('-') ? '-' : '';
  return `${sign}${grouped}${language === 'en' ? '.' : ','}${fraction.padEnd(2, '0')}${NBSP}₸`;
}

/** An instant as `dd.mm.yyyy hh:mm` in Almaty (UTC+5, no daylight saving). */
function almatyDateTime(ms: number): string {
  const d = new Date(ms + 5 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** `2026-11-27` → `27.11.2026`. */
const dmy = (date: string) => date.split('-').reverse().join('.');

function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

let browser: Browser;
let storageState: SessionState;
let companyId: string;
let msisdn: string;
let adminEmail: string;

function csrf(): string {
  const cookie = storageState.cookies.find((candidate) => candidate.name === 'csrf_token');
  return decodeURIComponent(cookie?.value ?? '');
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.context().request.get(`${baseUrl()}${path}`, { headers: { 'accept-language': 'en' } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** F19 straight through the API (the numbers the page must show), in a language. */
async function usageApi(
  page: Page,
  number: string,
  body: Record<string, unknown>,
  language: Language = 'en',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await page
    .context()
    .request.post(`${baseUrl()}/api/v1/companies/${companyId}/numbers/${number}/usage-reports`, {
      headers: { 'accept-language': language, 'x-csrf-token': csrf(), 'content-type': 'application/json' },
      data: body,
    });
  return { status: response.status(), json: (await response.json()) as Record<string, unknown> };
}

async function usagePages(page: Page, from: string, to: string): Promise<{ first: UsagePage; items: UsageRecord[] }> {
  const items: UsageRecord[] = [];
  let first: UsagePage | undefined;
  let cursor: string | null = null;
  do {
    const { status, json } = await usageApi(page, msisdn, {
      output: 'screen',
      from,
      to,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    expect(status).toBe(200);
    const current = json as unknown as UsagePage;
    first ??= current;
    items.push(...current.items);
    cursor = current.nextCursor;
  } while (cursor);
  return { first: first as UsagePage, items };
}

async function outbox(): Promise<OutboxItem[]> {
  const response = await fetch(`${baseUrl()}/dev/outbox`, { headers: { accept: 'application/json' } });
  return ((await response.json()) as { items: OutboxItem[] }).items;
}

beforeAll(async () => {
  browser = await launch();
  storageState = await adminASession(browser);
  const page = await newPage(browser, storageState);
  try {
    const { items: companies } = await getJson<{ items: { id: string; alias: string | null }[] }>(
      page,
      '/api/v1/companies',
    );
    const large = companies.find((candidate) => candidate.alias === 'Алатау Логистик') ?? companies[0];
    companyId = String(large?.id);
    adminEmail = (await getJson<{ email: string }>(page, '/api/v1/me')).email;
    const { items } = await getJson<{ items: { msisdn: string; status: string }[] }>(
      page,
      `/api/v1/companies/${companyId}/numbers?status=active&limit=200`,
    );
    // From the end of the list (the other journeys take theirs from the start): the first one with more than one
    // page of usage over the last two months.
    const candidates = items.filter((item) => !RESERVED.has(item.msisdn)).reverse();
    for (const candidate of candidates) {
      const { status, json } = await usageApi(page, candidate.msisdn, { output: 'screen', limit: 1 });
      expect(status).toBe(200);
      const probe = json as unknown as UsagePage;
      if (probe.totals.records >= 30) {
        msisdn = candidate.msisdn;
        break;
      }
    }
    expect(msisdn, 'an active number with usage in the last month').toBeDefined();
  } finally {
    await page.context().close();
  }
});

afterAll(async () => {
  await browser?.close();
});

function usageDialog(page: Page, language: Language = 'en'): Locator {
  return page.getByRole('dialog', { name: tr(language, 'usageDetails.title') });
}

/** The three stripes → Usage details. */
async function openUsageDetails(page: Page, language: Language = 'en'): Promise<Locator> {
  await page.getByRole('button', { name: tr(language, 'numberActions.menu', { number: formatted(msisdn) }) }).click();
  await page.getByRole('menuitem', { name: tr(language, 'numberActions.usageDetails') }).click();
  const dialog = usageDialog(page, language);
  await dialog.waitFor();
  return dialog;
}

function field(dialog: Locator, label: string): Locator {
  return dialog.getByLabel(new RegExp(`^${label}( \\*)?$`));
}

function bodyRows(dialog: Locator): Locator {
  return dialog.locator('tbody tr');
}

async function rowCells(dialog: Locator, index: number): Promise<string[]> {
  return (await bodyRows(dialog).nth(index).locator('td').allTextContents()).map((text) => text.trim());
}

function typeText(record: Pick<UsageRecord, 'type' | 'direction'>, language: Language): string {
  if (record.type === 'data') return tr(language, 'usageDetails.types.data');
  const direction = record.direction === 'outgoing' ? 'Outgoing' : 'Incoming';
  return tr(language, `usageDetails.types.${record.type}${direction}`);
}

function otherPartyText(value: string | null): string {
  if (!value) return '—';
  return /^7\d{10}$/.test(value) ? formatted(value) : value;
}

async function readXlsx(path: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as never);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(rows, (row) => row ?? []);
}

describe('usage details (F19)', () => {
  it(
    'shows the period on screen as the API has it, page after page; refuses a bad period under its field',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, msisdn);
        const dialog = await openUsageDetails(page);

        // Default period: the last month up to today, as the server's own default.
        const defaults = (await usageApi(page, msisdn, { output: 'screen', limit: 1 })).json as unknown as UsagePage;
        const from = field(dialog, 'From');
        const to = field(dialog, 'To');
        expect(await from.inputValue()).toBe(defaults.period.from);
        expect(await to.inputValue()).toBe(defaults.period.to);
        expect(await dialog.getByRole('radio', { name: 'On screen' }).isChecked()).toBe(true);
        await checkAtWidths(page, 'f19-usage-form');

        // Two months: more than one page of 50.
        const today = defaults.period.to;
        const start = addMonths(today, -2);
        const expected = await usagePages(page, start, today);
        expect(expected.first.totals.records).toBeGreaterThan(50);
        await from.fill(start);
        // Keyboard only: Enter in a field submits the form.
        await to.press('Enter');

        await pollLong(() => bodyRows(dialog).count()).toBe(50);
        expect(await dialog.getByText(`Period: ${dmy(start)} – ${dmy(today)}`).isVisible()).toBe(true);
        expect(await dialog.getByTestId('usage-total-records').textContent()).toBe(
          `Records: ${expected.first.totals.records}`,
        );
        expect(await dialog.getByTestId('usage-total-cost').textContent()).toBe(
          `Total cost: ${money(expected.first.totals.cost, 'en')}`,
        );
        expect(await dialog.getByRole('columnheader').allTextContents()).toEqual([
          'Date and time',
          'Type',
          'Other party',
          'Duration / volume',
          'Cost',
        ]);
        for (const index of [0, 1, 2, 49]) {
          const record = expected.items[index] as UsageRecord;
          const cells = await rowCells(dialog, index);
          expect(cells[0]).toBe(almatyDateTime(Date.parse(record.occurredAt)));
          expect(cells[1]).toBe(typeText(record, 'en'));
          expect(cells[2]).toBe(otherPartyText(record.otherParty));
          expect(cells[4]).toBe(money(record.cost, 'en'));
        }
        // Calls show their duration, data sessions their volume.
        const call = expected.items.findIndex((record) => record.type === 'call');
        const data = expected.items.findIndex((record) => record.type === 'data');
        if (call >= 0 && call < 50) {
          const seconds = expected.items[call]?.durationSeconds ?? 0;
          expect((await rowCells(dialog, call))[3]).toBe(
            `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`,
          );
        }
        if (data >= 0 && data < 50) {
          const mb = ((expected.items[data]?.volumeKb ?? 0) / 1024).toFixed(2);
          expect((await rowCells(dialog, data))[3]).toBe(
            `${Number(mb).toLocaleString('en-US', { minimumFractionDigits: 2 })} MB`,
          );
        }
        expect(await dialog.getByText(`Shown: 50 of ${expected.first.totals.records}`).isVisible()).toBe(true);
        await checkAtWidths(page, 'f19-usage-screen');

        // Load more until everything is on screen; the last row is the API's last.
        const more = dialog.getByRole('button', { name: 'Load more' });
        while (await more.isVisible()) {
          const before = await bodyRows(dialog).count();
          await more.click();
          await pollLong(() => bodyRows(dialog).count()).toBeGreaterThan(before);
        }
        await poll(() => bodyRows(dialog).count()).toBe(expected.first.totals.records);
        const last = expected.items.at(-1) as UsageRecord;
        const lastCells = await rowCells(dialog, expected.items.length - 1);
        expect(lastCells[0]).toBe(almatyDateTime(Date.parse(last.occurredAt)));
        expect(lastCells[4]).toBe(money(last.cost, 'en'));

        // The end before the start: the server's refusal, under "To".
        const refused = await usageApi(page, msisdn, { output: 'screen', from: today, to: addDays(today, -3) });
        expect(refused.status).toBe(400);
        const message = (refused.json.error as { message: string }).message;
        expect(message).toContain('before its start');
        await from.fill(today);
        await to.fill(addDays(today, -3));
        await dialog.getByRole('button', { name: 'Show', exact: true }).click();
        await poll(() => to.getAttribute('aria-invalid')).toBe('true');
        expect(await from.getAttribute('aria-invalid')).not.toBe('true');
        const describedBy = (await to.getAttribute('aria-describedby')) ?? '';
        const errorTexts = await Promise.all(
          describedBy
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => page.locator(`[id="${id}"]`).textContent()),
        );
        expect(errorTexts).toContain(message);
        expect(await bodyRows(dialog).count()).toBe(0);
        await checkAtWidths(page, 'f19-usage-period-error');

        // A month before the demo's 13 months of usage: the empty state.
        const empty = await usagePages(page, addMonths(today, -24), addMonths(today, -23));
        expect(empty.first.totals.records).toBe(0);
        await from.fill(addMonths(today, -24));
        await to.fill(addMonths(today, -23));
        await dialog.getByRole('button', { name: 'Show', exact: true }).click();
        await pollLong(() => dialog.getByText('No usage in this period').isVisible()).toBe(true);
        expect(await dialog.getByTestId('usage-total-records').textContent()).toBe('Records: 0');
        expect(await bodyRows(dialog).count()).toBe(0);
      } finally {
        await page.context().close();
      }
    },
    2 * TIMEOUT,
  );

  it(
    'orders the file: the request completes, the downloaded XLSX has the rows of the screen',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await page.goto(`${baseUrl()}/numbers?q=${msisdn}`);
        await poll(() => page.getByRole('row').count()).toBe(2);
        // From the list's row menu this time.
        const dialog = await openUsageDetails(page);
        const today = await field(dialog, 'To').inputValue();
        const start = addDays(today, -14);
        const expected = await usagePages(page, start, today);
        expect(expected.first.totals.records).toBeGreaterThan(0);

        // The screen first, to compare with.
        await field(dialog, 'From').fill(start);
        await dialog.getByRole('button', { name: 'Show', exact: true }).click();
        await pollLong(() => bodyRows(dialog).count()).toBe(Math.min(50, expected.first.totals.records));
        const more = dialog.getByRole('button', { name: 'Load more' });
        while (await more.isVisible()) {
          const before = await bodyRows(dialog).count();
          await more.click();
          await pollLong(() => bodyRows(dialog).count()).toBeGreaterThan(before);
        }
        const screenRows: string[][] = [];
        for (let index = 0; index < (await bodyRows(dialog).count()); index++) {
          screenRows.push(await rowCells(dialog, index));
        }
        expect(screenRows).toHaveLength(expected.first.totals.records);

        await dialog.getByRole('radio', { name: 'File (XLSX)' }).check();
        await dialog.getByRole('button', { name: 'Request the report' }).click();
        await pollLong(() => dialog.getByText('Your request to submit a report has been accepted.').isVisible()).toBe(
          true,
        );
        const download = dialog.getByRole('link', { name: 'Download the file' });
        await pollLong(() => download.isVisible()).toBe(true);
        expect(await dialog.getByText('Done!').isVisible()).toBe(true);
        await checkAtWidths(page, 'f19-usage-file-ready');

        const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
        expect(file.suggestedFilename()).toMatch(new RegExp(`^usage-details-${msisdn}-${start}_${today}\\.xlsx$`));
        const rows = await readXlsx(await file.path());
        const heading = rows.findIndex((row) => row[0] === 'Date and time');
        expect(heading).toBeGreaterThanOrEqual(0);
        expect(rows[heading]).toEqual([
          'Date and time',
          'Type',
          'Direction',
          'Other party',
          'Duration',
          'Volume, MB',
          'Cost, ₸',
        ]);
        const data = rows.slice(heading + 1);
        // Every record and the total.
        expect(data).toHaveLength(screenRows.length + 1);
        screenRows.forEach((cells, index) => {
          const row = data[index] as unknown[];
          const record = expected.items[index] as UsageRecord;
          // The cell holds Almaty's wall-clock time.
          const wall = Math.round((row[0] as Date).getTime() / 1000) * 1000;
          expect(almatyDateTime(wall - 5 * 3_600_000), `row ${index + 1}`).toBe(cells[0]);
          expect(row[1]).toBe({ call: 'Call', sms: 'SMS', data: 'Mobile internet' }[record.type]);
          expect(otherPartyText((row[3] as string | undefined) ?? null)).toBe(cells[2]);
          expect(money({ amount: Number(row[6]).toFixed(2), currency: 'KZT' }, 'en')).toBe(cells[4]);
        });
        const total = data.at(-1) as unknown[];
        expect(total[0]).toBe('Total');
        expect(Number(total[6]).toFixed(2)).toBe(Number(expected.first.totals.cost.amount).toFixed(2));
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    "e-mails the report: to the administrator's address unless changed; one message with the XLSX in the outbox",
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, msisdn);
        const dialog = await openUsageDetails(page);
        await dialog.getByRole('radio', { name: 'By e-mail' }).check();
        const email = field(dialog, 'E-mail');
        await poll(() => email.inputValue()).toBe(adminEmail);

        // The page's own check first.
        await email.fill('not-an-address');
        await dialog.getByRole('button', { name: 'Request the report' }).click();
        await poll(() => email.getAttribute('aria-invalid')).toBe('true');
        expect(await dialog.getByText('Enter an e-mail address such as name@example.com.').isVisible()).toBe(true);

        const address = `usage-e2e-${Date.now()}@example.com`;
        await email.fill(address);
        await checkAtWidths(page, 'f19-usage-email-form');
        await dialog.getByRole('button', { name: 'Request the report' }).click();
        await pollLong(() => dialog.getByText('Your request to submit a report has been accepted.').isVisible()).toBe(
          true,
        );
        expect(await dialog.getByText(`The report will be sent to ${address}.`).isVisible()).toBe(true);
        await pollLong(() => dialog.getByText('Done!').isVisible()).toBe(true);
        // No download button for an e-mailed report.
        expect(await dialog.getByRole('link', { name: 'Download the file' }).count()).toBe(0);
        await checkAtWidths(page, 'f19-usage-email-sent');

        await pollLong(async () => (await outbox()).filter((item) => item.to === address).length).toBe(1);
        const [mail] = (await outbox()).filter((item) => item.to === address);
        expect(mail?.channel).toBe('email');
        expect(mail?.subject).toContain(formatted(msisdn));
        expect(mail?.attachments).toEqual([
          {
            filename: expect.stringMatching(new RegExp(`^usage-details-${msisdn}-.*\\.xlsx$`)),
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
        ]);

        // "New report" brings the form back.
        await dialog.getByRole('button', { name: 'New report' }).click();
        await poll(() => field(dialog, 'From').isVisible()).toBe(true);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F07: the dialog in Russian and in Kazakh',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, msisdn);
        const original = (await getJson<{ language: Language }>(page, '/api/v1/me')).language;
        const today = ((await usageApi(page, msisdn, { output: 'screen', limit: 1 })).json as unknown as UsagePage)
          .period.to;
        const start = addDays(today, -10);
        const expected = await usagePages(page, start, today);
        let switchLabel = tr('en', 'layout.language');
        for (const language of ['ru', 'kk'] as const) {
          await page
            .getByRole('group', { name: switchLabel })
            .getByRole('button', { name: language.toUpperCase() })
            .click();
          await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
          switchLabel = tr(language, 'layout.language');

          const dialog = await openUsageDetails(page, language);
          expect(
            await dialog.getByRole('radio', { name: tr(language, 'usageDetails.outputs.screen') }).isChecked(),
          ).toBe(true);
          await field(dialog, tr(language, 'usageDetails.from')).fill(start);
          await dialog.getByRole('button', { name: tr(language, 'usageDetails.show'), exact: true }).click();
          await pollLong(() => dialog.getByTestId('usage-total-records').textContent()).toBe(
            tr(language, 'usageDetails.totalRecords', { records: expected.first.totals.records }),
          );
          expect(await dialog.getByTestId('usage-total-cost').textContent()).toBe(
            tr(language, 'usageDetails.totalCost', { cost: money(expected.first.totals.cost, language) }),
          );
          expect(await dialog.getByRole('columnheader').allTextContents()).toEqual(
            ['date', 'type', 'otherParty', 'amount', 'cost'].map((key) => tr(language, `usageDetails.columns.${key}`)),
          );
          const first = expected.items[0] as UsageRecord;
          const cells = await rowCells(dialog, 0);
          expect(cells[1]).toBe(typeText(first, language));
          expect(cells[4]).toBe(money(first.cost, language));
          await checkAtWidths(page, `f19-usage-screen-${language}`);

          // The accepted report in this language too.
          await dialog.getByRole('radio', { name: tr(language, 'usageDetails.outputs.file') }).check();
          await dialog.getByRole('button', { name: tr(language, 'usageDetails.request') }).click();
          await pollLong(() => dialog.getByText(tr(language, 'usageDetails.accepted')).isVisible()).toBe(true);
          await pollLong(() =>
            dialog.getByRole('link', { name: tr(language, 'usageDetails.download') }).isVisible(),
          ).toBe(true);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'hidden' });
        }
        await page
          .getByRole('group', { name: switchLabel })
          .getByRole('button', { name: original.toUpperCase() })
          .click();
        await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(original);
      } finally {
        await page.context().close();
      }
    },
    2 * TIMEOUT,
  );
});
