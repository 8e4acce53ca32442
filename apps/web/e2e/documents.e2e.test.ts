import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminASession, baseUrl, checkAtWidths, launch, newPage, poll, type SessionState } from './browser';

// Issue 7, "Documents and reports" (F30–F37, F39): every report requested in the browser as administrator A, then
// checked where it arrives. E-mailed reports: one message in the demo outbox with the file attached, and that file
// (downloaded from the request) opens and holds what the API says. Downloads: the browser's download event, and the
// file opens (XLSX read with exceljs, PDF text with pdfjs, as the server's tests read them). Also a period refusal in
// Russian, and axe with screenshots at 1440 and 375 px.

const TIMEOUT = 150_000;
/** The manual's invoice ("Find number by invoice") and its personal account, in the demo data. */
const MANUAL_INVOICE = '3024211480941';
const MANUAL_ACCOUNT = '10021376';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Money = { amount: string; currency: string };
type Company = { id: string; alias: string | null; fullName: string; bin: string };
type InvoiceLookup = {
  invoice: {
    invoiceNumber: string;
    registrationNumber: string | null;
    accountNumber: string;
    period: string;
    issuedAt: string;
    total: Money;
  };
  items: { msisdn: string; invoiceNumber: string }[];
};
type ActionItem = {
  actionText: string;
  status: 'success' | 'failure';
  administrator: { name: string; phone: string } | null;
};
type ListedNumber = { msisdn: string; status: string; tariff: { name: string } };
type OutboxMessage = {
  id: string;
  channel: string;
  to: string;
  subject: string | null;
  attachments: { filename: string; contentType: string }[];
};

let browser: Browser;
let storageState: SessionState;
let page: Page;
let company: Company;
/** The manual's invoice as the API finds it (F30), the reference for F33, F34 and F39. */
let invoice: InvoiceLookup;
/** Each e-mailed report goes to its own address, so that the outbox holds exactly its message. */
const run = Date.now().toString(36);
const address = (report: string) => `${report}-${run}@example.kz`;

// ------------------------------------------------------------------------------------------------------------------
// Files

async function readXlsx(content: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as never);
  return book;
}

/** A sheet's rows as arrays of cell values (column A first). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(out, (row) => row ?? []);
}

/** The rows under the heading row whose first cell is `firstHeading` (reports start with a few title lines). */
function table(
  sheet: ExcelJS.Worksheet,
  firstHeading: string,
): { heading: unknown[]; rows: unknown[][]; above: unknown[][] } {
  const rows = rowsOf(sheet);
  const at = rows.findIndex((row) => row[0] === firstHeading);
  if (at < 0) throw new Error(`no heading "${firstHeading}" in sheet ${sheet.name}`);
  return { heading: rows[at] ?? [], rows: rows.slice(at + 1), above: rows.slice(0, at) };
}

async function firstSheet(content: Buffer): Promise<ExcelJS.Worksheet> {
  const sheet = (await readXlsx(content)).worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

/** The little of pdfjs this file uses. */
type PdfJs = {
  getDocument(options: Record<string, unknown>): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: ({ str: string } | object)[] }> }>;
      destroy(): Promise<void>;
    }>;
  };
};

/** pdfjs-dist is a test dependency of the server workspace (apps/server/test reads PDFs with it): resolved from there. */
async function loadPdfJs(): Promise<PdfJs> {
  const serverRequire = createRequire(resolve(import.meta.dirname, '../../server/package.json'));
  const entry = serverRequire.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  return (await import(pathToFileURL(entry).href)) as PdfJs;
}

/** The text of a PDF, pages joined (pdfjs without a worker, as apps/server/test/helpers/reports.ts reads them). */
async function pdfText(content: Buffer): Promise<string> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(content),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const text = await (await doc.getPage(i)).getTextContent();
    pages.push(text.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** Clicks and returns the file the browser downloaded: its suggested name and its bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; content: Buffer }> {
  const [event] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  const path = await event.path();
  return { name: event.suggestedFilename(), content: await readFile(path) };
}

// ------------------------------------------------------------------------------------------------------------------
// API and outbox

async function getJson<T>(path: string): Promise<T> {
  const response = await page.context().request.get(`${baseUrl()}${path}`, { headers: { 'accept-language': 'en' } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function outboxTo(recipient: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${baseUrl()}/dev/outbox`, { headers: { accept: 'application/json' } });
  const { items } = (await response.json()) as { items: OutboxMessage[] };
  return items.filter((message) => message.to === recipient && message.channel === 'email');
}

/** The file stored on a request of the requests centre (the very file the e-mail carries). */
async function requestFile(requestId: string): Promise<{ type: string; content: Buffer }> {
  const response = await page
    .context()
    .request.get(`${baseUrl()}/api/v1/companies/${company.id}/requests/${requestId}/file`);
  expect(response.status(), `file of request ${requestId}`).toBe(200);
  return { type: response.headers()['content-type'] ?? '', content: await response.body() };
}

// ------------------------------------------------------------------------------------------------------------------
// Dates as the server counts them (Almaty calendar days)

const almatyToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

function addMonths(date: string, months: number): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return new Date(Date.UTC(ny, nm - 1, Math.min(d, last))).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const dmy = (date: string) => date.split('-').reverse().join('.');

// ------------------------------------------------------------------------------------------------------------------
// The page

function section(name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/**
 * Requests an e-mailed report from its card (the e-mail field filled with `email`), then follows it: the card says
 * the request was accepted and links the requests centre, the request succeeds, and the outbox holds exactly one
 * message to `email` with one attachment of `type`. Returns the request's file (the one attached).
 */
async function requestEmailedReport(
  card: Locator,
  email: string,
  button: 'Request' | 'Send',
  attachment: { type: string; extension: string },
): Promise<{ content: Buffer; message: OutboxMessage }> {
  const field = card.getByLabel(/^E-mail/);
  // The administrator's own address is there to begin with.
  await poll(() => field.inputValue()).toMatch(/@/);
  await field.fill(email);
  await card.getByRole('button', { name: button }).click();
  const accepted = card.getByTestId('report-accepted');
  await accepted.waitFor();
  expect(await accepted.getByText('Your request to submit a report has been accepted.').isVisible()).toBe(true);
  // The link leads to the requests centre (keeping the selected company).
  expect(await accepted.getByRole('link', { name: 'Open the request in Requests' }).getAttribute('href')).toMatch(
    /^\/requests(\?|$)/,
  );
  const requestId = await accepted.getAttribute('data-request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  // The card follows the request until the report has been sent.
  await poll(() => accepted.textContent(), 'the report is sent', 60_000).toContain(
    `The report has been sent to ${email}.`,
  );

  await poll(async () => (await outboxTo(email)).length, `e-mail to ${email}`, 30_000).toBe(1);
  const [message] = await outboxTo(email);
  if (!message) throw new Error('no message');
  expect(message.attachments).toHaveLength(1);
  expect(message.attachments[0]?.contentType).toBe(attachment.type);
  expect(message.attachments[0]?.filename).toMatch(new RegExp(`\\.${attachment.extension}$`));

  const file = await requestFile(requestId as string);
  expect(file.type).toContain(attachment.type);
  return { content: file.content, message };
}

beforeAll(async () => {
  browser = await launch();
  storageState = await adminASession(browser);
  page = await newPage(browser, storageState);
  const companies = (await getJson<{ items: Company[] }>('/api/v1/companies')).items;
  const large = companies.find((candidate) => candidate.alias === 'Алатау Логистик');
  expect(large, 'the large company').toBeDefined();
  company = large as Company;
  invoice = await getJson<InvoiceLookup>(
    `/api/v1/companies/${company.id}/invoice-lookup?invoiceNumber=${MANUAL_INVOICE}`,
  );
  await page.goto(`${baseUrl()}/documents?company=${company.id}`);
  await page.getByRole('heading', { level: 1, name: 'Documents and reports' }).waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe('Documents and reports (F30–F39)', () => {
  it(
    'shows one card per document and report in the manual’s order, accessible at 1440 and 375 px',
    async () => {
      const titles = await page.locator('main section h2').allTextContents();
      expect(titles).toEqual([
        'Search for mobile number by invoice number',
        'Actions history',
        'List of numbers report',
        'Service delivery certificate and invoice breakdown',
        'Invoice register',
        'Reconciliation statement',
        'Registered devices report',
        'Payments report',
        'Unallocated payments',
        'Invoice breakdown',
      ]);
      // The page's list of its cards leads to each of them.
      const contents = page.getByRole('navigation', { name: 'Documents and reports on this page' });
      expect(await contents.getByRole('link').count()).toBe(10);
      expect(await contents.getByRole('link', { name: 'Invoice breakdown', exact: true }).getAttribute('href')).toBe(
        '#invoice-breakdown',
      );
      await contents.getByRole('link', { name: 'Payments report', exact: true }).click();
      await poll(() =>
        section('Payments report').evaluate((element) => {
          const { top } = element.getBoundingClientRect();
          return top >= 0 && top < window.innerHeight / 2;
        }),
      ).toBe(true);
      expect(new URL(page.url()).hash).toBe('#payments-report');
      await checkAtWidths(page, 'documents-reports');
    },
    TIMEOUT,
  );

  it(
    'F30: finds the numbers of the manual’s invoice on screen and as an XLS file',
    async () => {
      const card = section('Search for mobile number by invoice number');
      // A malformed number is refused by the page under the field.
      await card.getByRole('textbox', { name: /^Invoice number/ }).fill('12345');
      await card.getByRole('button', { name: 'Request' }).click();
      await poll(() => card.getByText('An invoice number is 13 digits.').isVisible()).toBe(true);

      await card.getByRole('textbox', { name: /^Invoice number/ }).fill(MANUAL_INVOICE);
      await card.getByRole('button', { name: 'Request' }).click();
      const result = card.getByRole('table', { name: `Mobile numbers on invoice ${MANUAL_INVOICE}` });
      await result.waitFor();
      const shown = await result
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
        );
      expect(invoice.items.length).toBeGreaterThan(0);
      expect(shown).toEqual(
        invoice.items.map((item) => [
          item.msisdn.replace(/^7(\d{3})(\d{3})(\d{2})(\d{2})$/, '+7 $1 $2 $3 $4'),
          MANUAL_INVOICE,
        ]),
      );
      expect(await card.textContent()).toContain(`personal account ${MANUAL_ACCOUNT}`);

      // By the e-invoice registration number, as an XLS file.
      expect(invoice.invoice.registrationNumber).toBeTruthy();
      await card.getByRole('radio', { name: 'E-invoice registration number' }).check();
      await card
        .getByRole('textbox', { name: /^E-invoice registration number/ })
        .fill(invoice.invoice.registrationNumber as string);
      await card.getByRole('radio', { name: 'XLS file' }).check();
      const file = await download(page, () => card.getByRole('button', { name: 'Request' }).click());
      expect(file.name).toBe(`numbers-by-invoice-${MANUAL_INVOICE}.xlsx`);
      const { heading, rows } = table(await firstSheet(file.content), 'Phone number');
      expect(heading).toEqual(['Phone number', 'Invoice number']);
      expect(rows).toEqual(invoice.items.map((item) => [item.msisdn, MANUAL_INVOICE]));
      await poll(() => card.getByTestId('file-saved').textContent()).toContain(file.name);

      // An invoice of no company of A's: the server's refusal under the field.
      await card.getByRole('radio', { name: 'Invoice number' }).check();
      await card.getByRole('textbox', { name: /^Invoice number/ }).fill('1000000000000');
      await card.getByRole('radio', { name: 'On screen' }).check();
      await card.getByRole('button', { name: 'Request' }).click();
      await poll(() => card.getByText('No invoice of your company has this number.').isVisible()).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'F31: shows the actions of the past month page by page and exports them as XLSX',
    async () => {
      const card = section('Actions history');
      const today = almatyToday();
      expect(await card.getByLabel(/^Start of period/).inputValue()).toBe(addMonths(today, -1));
      expect(await card.getByLabel(/^End of period/).inputValue()).toBe(today);
      await card.getByRole('button', { name: 'Request' }).click();
      const result = card.getByRole('table', { name: `Actions from ${dmy(addMonths(today, -1))} to ${dmy(today)}` });
      await result.waitFor();
      const api = await getJson<{ items: ActionItem[]; nextCursor: string | null }>(
        `/api/v1/companies/${company.id}/actions?limit=20`,
      );
      const shown = await result
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
        );
      expect(shown.length).toBe(api.items.length);
      // Newest first: the lookups just made in F30 head the list, with their status and administrator.
      shown.forEach((row, index) => {
        const item = api.items[index] as ActionItem;
        expect(row[0]).toBe(item.actionText);
        expect(row[1]).toBe(item.status === 'success' ? 'Success' : 'Failure');
        expect(row[2]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
        expect(row[3]).toBe(item.administrator ? `${item.administrator.name} ${item.administrator.phone}` : '—');
      });
      expect(shown.map((row) => row[0])).toContain(
        `Getting a list of mobile numbers by invoice number ${MANUAL_INVOICE}`,
      );
      if (api.nextCursor) {
        await card.getByRole('button', { name: 'Show more actions' }).click();
        await poll(() => result.locator('tbody tr').count()).toBeGreaterThan(shown.length);
      }

      const file = await download(page, () => card.getByRole('button', { name: 'Download XLSX' }).click());
      expect(file.name).toBe(`actions-history-${addMonths(today, -1)}_${today}.xlsx`);
      const { heading, rows } = table(await firstSheet(file.content), 'Action');
      expect(heading).toEqual(['Action', 'Status', 'Date and time', 'Administrator']);
      expect(rows.length).toBeGreaterThanOrEqual(shown.length);
      expect(rows.slice(0, shown.length).map((row) => [row[0], row[1], row[3] ?? '—'])).toEqual(
        shown.map((row) => [row[0], row[1], row[3]]),
      );
    },
    TIMEOUT,
  );

  it(
    'F32: e-mails the list of numbers with the numbers, tariffs and statuses of the company',
    async () => {
      const card = section('List of numbers report');
      const { content, message } = await requestEmailedReport(card, address('f32'), 'Request', {
        type: XLSX_TYPE,
        extension: 'xlsx',
      });
      expect(message.subject).toContain('List of numbers');
      const { heading, rows } = table(await firstSheet(content), 'Number');
      expect(heading[0]).toBe('Number');
      expect(heading.at(-2)).toBe('Tariff plan');
      expect(heading.at(-1)).toBe('Status');
      const listed = (
        await getJson<{ items: ListedNumber[] }>(`/api/v1/companies/${company.id}/numbers?limit=5&status=active`)
      ).items;
      expect(listed.length).toBeGreaterThan(0);
      for (const number of listed) {
        const row = rows.find((candidate) => candidate[0] === number.msisdn);
        expect(row, number.msisdn).toBeDefined();
        expect(row?.at(-2)).toBe(number.tariff.name);
        expect(row?.at(-1)).toBe('Active');
      }
    },
    TIMEOUT,
  );

  it(
    'F33: downloads the service delivery certificate of an invoice as a PDF at once',
    async () => {
      const card = section('Service delivery certificate and invoice breakdown');
      await card.getByLabel(/^Search by invoice number/).fill(MANUAL_INVOICE);
      const file = await download(page, () => card.getByRole('button', { name: 'Download' }).click());
      expect(file.name).toBe(`certificate-${MANUAL_INVOICE}.pdf`);
      expect(file.content.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(file.content);
      expect(text).toContain(MANUAL_INVOICE);
      const flat = squash(text);
      expect(flat).toContain(squash(company.fullName));
      for (const item of invoice.items) expect(flat).toContain(item.msisdn);

      // Another company's (or an unknown) invoice: the server's answer under the field, and no file.
      await card.getByLabel(/^Search by invoice number/).fill('1000000000000');
      await card.getByRole('button', { name: 'Download' }).click();
      await poll(() => card.getByText('No invoice of your company has this number.').isVisible()).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'F34: e-mails the invoice register of a period holding the manual’s invoice',
    async () => {
      const card = section('Invoice register');
      const issued = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(
        new Date(invoice.invoice.issuedAt),
      );
      const from = addDays(issued, -1);
      const [to = issued] = [addDays(issued, 1), almatyToday()].sort();
      await card.getByLabel(/^Start of period/).fill(from);
      await card.getByLabel(/^End of period/).fill(to);
      const { content } = await requestEmailedReport(card, address('f34'), 'Request', {
        type: XLSX_TYPE,
        extension: 'xlsx',
      });
      const { heading, rows, above } = table(await firstSheet(content), 'Invoice number');
      expect(heading).toContain('E-invoice registration number');
      expect(above.flat().join(' ')).toContain(`${dmy(from)}`);
      const row = rows.find((candidate) => candidate[0] === MANUAL_INVOICE);
      expect(row, 'the manual’s invoice in the register').toBeDefined();
      expect(row?.[1]).toBe(invoice.invoice.registrationNumber);
      expect(row?.[4]).toBe(MANUAL_ACCOUNT);
      expect(row?.at(-1)).toBe(Number(invoice.invoice.total.amount));
    },
    TIMEOUT,
  );

  it(
    'F35: e-mails the reconciliation statement of the last closed month as a PDF',
    async () => {
      const card = section('Reconciliation statement');
      const today = almatyToday();
      const from = addMonths(`${today.slice(0, 7)}-01`, -1);
      const to = addDays(`${today.slice(0, 7)}-01`, -1);
      expect(await card.getByLabel(/^Start of period/).inputValue()).toBe(from);
      expect(await card.getByLabel(/^End of period/).inputValue()).toBe(to);
      expect(await card.textContent()).toContain('available from the 1st of the month following the accounting month');
      const { content } = await requestEmailedReport(card, address('f35'), 'Send', {
        type: 'application/pdf',
        extension: 'pdf',
      });
      expect(content.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(content);
      expect(text).toContain('Reconciliation statement');
      expect(squash(text)).toContain(squash(`${dmy(from)} – ${dmy(to)}`));
      expect(squash(text)).toContain(squash(company.fullName));
    },
    TIMEOUT,
  );

  it(
    'F36: e-mails the registered devices report with devices of the company’s numbers',
    async () => {
      const card = section('Registered devices report');
      const { content } = await requestEmailedReport(card, address('f36'), 'Request', {
        type: XLSX_TYPE,
        extension: 'xlsx',
      });
      const { heading, rows } = table(await firstSheet(content), 'Number');
      expect(heading.slice(0, 2)).toEqual(['Number', 'IMEI']);
      expect(rows.length).toBeGreaterThan(0);
      // Each of the first rows is a number of this company (the numbers search finds it there).
      for (const row of rows.slice(0, 5)) {
        expect(String(row[1])).toMatch(/^\d{14,16}$/);
        const found = await getJson<{ items: { msisdn: string }[] }>(
          `/api/v1/companies/${company.id}/numbers?q=${row[0]}&limit=5`,
        );
        expect(
          found.items.map((item) => item.msisdn),
          `${row[0]} is the company’s`,
        ).toContain(row[0]);
      }
    },
    TIMEOUT,
  );

  it(
    'F37: e-mails the payments report of the past 6 months, its total the sum of its rows',
    async () => {
      const card = section('Payments report');
      const today = almatyToday();
      const from = addMonths(today, -6);
      await card.getByLabel(/^Start of period/).fill(from);
      const { content } = await requestEmailedReport(card, address('f37'), 'Send', {
        type: XLSX_TYPE,
        extension: 'xlsx',
      });
      const { heading, rows, above } = table(await firstSheet(content), 'Payment date');
      expect(heading.slice(0, 4)).toEqual(['Payment date', 'Payment order number', 'Personal account', 'Amount, ₸']);
      expect(above.flat().join(' ')).toContain(`${dmy(from)}`);
      const total = rows.at(-1) ?? [];
      expect(total[0]).toBe('Total');
      const sum = rows.slice(0, -1).reduce((acc, row) => acc + Math.round(Number(row[3]) * 100), 0);
      expect(Math.round(Number(total[3]) * 100)).toBe(sum);
    },
    TIMEOUT,
  );

  it(
    'F39: downloads the invoice breakdown of the manual’s account and month as XLSX and as PDF',
    async () => {
      const card = section('Invoice breakdown');
      const [year = '', month = ''] = invoice.invoice.period.split('-');
      await card.getByLabel(/^Year/).selectOption(year);
      await card.getByLabel(/^Month/).selectOption(month);
      await card.getByLabel(/^Personal account/).fill(MANUAL_ACCOUNT);
      await card.getByRole('radio', { name: 'XLSX' }).check();
      const xlsx = await download(page, () => card.getByRole('button', { name: 'Request' }).click());
      expect(xlsx.name).toBe(`invoice-breakdown-${MANUAL_ACCOUNT}-${invoice.invoice.period}.xlsx`);
      const { heading, rows } = table(await firstSheet(xlsx.content), 'Number');
      expect(heading).toEqual(['Number', 'Service', 'Description', 'Amount, ₸']);
      expect(rows.at(-1)).toEqual(['Total', undefined, undefined, Number(invoice.invoice.total.amount)]);
      for (const item of invoice.items) expect(rows.map((row) => row[0])).toContain(item.msisdn);

      await card.getByRole('radio', { name: 'PDF' }).check();
      const pdf = await download(page, () => card.getByRole('button', { name: 'Request' }).click());
      expect(pdf.name).toBe(`invoice-breakdown-${MANUAL_ACCOUNT}-${invoice.invoice.period}.pdf`);
      expect(squash(await pdfText(pdf.content))).toContain(squash(`Personal account ${MANUAL_ACCOUNT}`));

      // A month without an invoice: the server's message, no file.
      await card.getByLabel(/^Year/).selectOption(String(Number(year) - 5));
      await card.getByRole('button', { name: 'Request' }).click();
      await poll(() => card.getByRole('alert').textContent()).toContain(
        `There is no invoice for personal account ${MANUAL_ACCOUNT}`,
      );
      await checkAtWidths(page, 'documents-reports-done');
    },
    TIMEOUT,
  );

  it(
    'refuses a period beyond a report’s reach under the field, in Russian (F34: 3 years + 1 day, F37: 6 months + 1 day)',
    async () => {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'ru-RU',
        timezoneId: 'Asia/Almaty',
        storageState,
      });
      try {
        await context.addInitScript(() => localStorage.setItem('lang', 'ru'));
        const ru = await context.newPage();
        await ru.goto(`${baseUrl()}/documents?company=${company.id}`);
        await ru.getByRole('heading', { level: 1, name: 'Документы и отчёты' }).waitFor();
        const today = almatyToday();

        const register = ru.getByRole('region', { name: 'Реестр счетов-фактур', exact: true });
        const tooOld = addDays(addMonths(today, -36), -1);
        await register.getByLabel(/^Начало периода/).fill(tooOld);
        await register.getByLabel(/^E-mail/).fill(address('f34-refused'));
        await register.getByRole('button', { name: 'Запросить' }).click();
        const fromField = register.getByLabel(/^Начало периода/);
        await poll(() => fromField.getAttribute('aria-invalid')).toBe('true');
        const error = `Этот отчёт доступен начиная с ${dmy(addMonths(today, -36))}: выберите более позднее начало периода.`;
        await poll(() => register.getByText(error).isVisible()).toBe(true);
        // The message belongs to the field (read out with it) and the field has the focus.
        const describedBy = (await fromField.getAttribute('aria-describedby')) ?? '';
        expect(
          await ru.locator(`[id="${describedBy.split(' ').find((id) => id.includes('error'))}"]`).textContent(),
        ).toBe(error);
        expect(await fromField.evaluate((element) => element === document.activeElement)).toBe(true);
        expect(await register.getByTestId('report-accepted').count()).toBe(0);
        // One day later is within reach: accepted.
        await fromField.fill(addMonths(today, -36));
        await register.getByRole('button', { name: 'Запросить' }).click();
        await poll(() => register.getByText('Ваш запрос на формирование отчёта принят.').isVisible()).toBe(true);

        const payments = ru.getByRole('region', { name: 'Отчёт по платежам', exact: true });
        await payments.getByLabel(/^Начало периода/).fill(addDays(addMonths(today, -6), -1));
        await payments.getByRole('button', { name: 'Отправить' }).click();
        await poll(() =>
          payments
            .getByText(`Этот отчёт доступен начиная с ${dmy(addMonths(today, -6))}`, { exact: false })
            .isVisible(),
        ).toBe(true);
        // Only the accepted request was e-mailed, not the refused one.
        await poll(async () => (await outboxTo(address('f34-refused'))).length, 'the accepted register', 60_000).toBe(
          1,
        );
        await checkAtWidths(ru, 'documents-reports-ru-refused');
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});
