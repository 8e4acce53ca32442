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

// F21 SIM card replacement, F22 eSIM replacement, F24 device registration (IMEI) and B4 the requests centre, on
// active numbers of administrator A's large company that the other browser tests leave alone (the 6th–9th active
// numbers of the list, never the manual's ones).

const RESERVED = new Set(['77010542001', '77010542006', '77011441876', '77010542285', '77012112101']);
/** A valid ICCID of the demo's stock (each can be used once per database). */
const NEW_ICCID = '89997021540311685615';

const TIMEOUT = 180_000;

type Company = { id: string; alias: string | null };
type ListedNumber = { msisdn: string; status: string };
type Device = { lastDetectedImei: string | null; registrationStatus: string; pendingRequestId: string | null };

let browser: Browser;

/** The registry and request jobs answer in seconds: allow 20 s. */
const pollLong = <T>(fn: () => Promise<T> | T, message?: string, timeout = 20_000) => poll(fn, message, timeout);
let storageState: SessionState;
let companyId: string;
let numbers: string[];

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.context().request.get(`${baseUrl()}${path}`, { headers: { 'accept-language': 'en' } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  browser = await launch();
  storageState = await adminASession(browser);
  const page = await newPage(browser, storageState);
  const context = page.context();
  const { items: companies } = await getJson<{ items: Company[] }>(page, '/api/v1/companies');
  const large = companies.find((candidate) => candidate.alias === 'Алатау Логистик') ?? companies[0];
  expect(large, 'the large company').toBeDefined();
  companyId = String((large as Company).id);
  const { items } = await getJson<{ items: ListedNumber[] }>(
    page,
    `/api/v1/companies/${companyId}/numbers?status=active&limit=200`,
  );
  numbers = items
    .filter((item) => item.status === 'active' && !RESERVED.has(item.msisdn))
    .map((item) => item.msisdn)
    .slice(5, 12);
  expect(numbers.length).toBeGreaterThanOrEqual(4);
  await context.close();
});

afterAll(async () => {
  await browser?.close();
});

async function openAction(page: Page, msisdn: string, action: string): Promise<Locator> {
  await page.getByRole('button', { name: `Actions for ${formatted(msisdn)}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  return dialog;
}

function valueBeside(scope: Page | Locator, label: string): Locator {
  const page = 'goto' in scope ? scope : scope.page();
  return scope
    .locator('.mantine-DataList-item')
    .filter({ has: page.locator('.mantine-DataList-itemLabel').getByText(label, { exact: true }) })
    .locator('.mantine-DataList-itemValue');
}

describe('SIM card, eSIM and device registration', () => {
  it(
    'replaces the SIM card with a valid ICCID and shows the new one',
    async () => {
      const msisdn = numbers[0] as string;
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, msisdn);
        const dialog = await openAction(page, msisdn, 'SIM card replacement');
        const field = dialog.getByRole('textbox', { name: /New SIM card number \(ICCID\)/ });
        await dialog.getByText(/on the back of the SIM card/).waitFor();
        // The page's own check first: not 19–20 digits starting with 89.
        await field.fill('1234');
        await dialog.getByRole('button', { name: 'Continue' }).click();
        await dialog.getByText('Enter the ICCID: 19–20 digits starting with 89.').waitFor();
        await checkAtWidths(page, 'sim-replacement-iccid');
        await field.fill(NEW_ICCID);
        await dialog.getByRole('button', { name: 'Continue' }).click();
        await dialog.getByText(new RegExp(`with the SIM card ${NEW_ICCID}`)).waitFor();
        await dialog.getByRole('button', { name: 'Confirm' }).click();
        await dialog.getByText('Done!').waitFor({ timeout: 20_000 });
        await checkAtWidths(page, 'sim-replacement-done');
        await dialog.getByRole('button', { name: 'Close' }).last().click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('tab', { name: 'SIM card and device' }).click();
        await pollLong(() => valueBeside(page, 'ICCID').first().textContent()).toBe(NEW_ICCID);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'issues an eSIM, shows the QR code and changes to it',
    async () => {
      const msisdn = numbers[1] as string;
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, msisdn);
        const dialog = await openAction(page, msisdn, 'eSIM replacement');
        await dialog.getByText(/Be careful! Before you begin/).waitFor();
        await dialog.getByRole('radio', { name: 'iOS' }).check();
        await checkAtWidths(page, 'esim-os');
        await dialog.getByRole('button', { name: 'Issue eSIM' }).click();
        const qr = dialog.getByRole('img', { name: /eSIM QR code, activation code LPA:1\$/ });
        await qr.waitFor();
        expect(await qr.getAttribute('src')).toMatch(/^data:image\/png/);
        await dialog
          .getByText(/The QR code is valid for 1 day/)
          .first()
          .waitFor();
        await dialog.getByText(/Valid until \d{2}\.\d{2}\.\d{4}/).waitFor();
        const change = dialog.getByRole('button', { name: 'Change to eSIM' });
        expect(await change.isDisabled()).toBe(true);
        await checkAtWidths(page, 'esim-qr');
        await dialog.getByRole('checkbox', { name: "I'm sure the eSIM is set up" }).check();
        await change.click();
        await dialog.getByText('Are you sure the settings have been done on your phone?').waitFor();
        await dialog.getByRole('button', { name: 'Yes, I am sure' }).click();
        await dialog.getByText('Done! You have successfully replaced the eSIM.').waitFor({ timeout: 20_000 });
        await checkAtWidths(page, 'esim-done');
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'registers the last IMEI; the registry answers and the history shows it',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        // A number whose last device is not registered yet and needs neither re-registration nor a duplicate.
        let msisdn: string | undefined;
        let imei = '';
        for (const candidate of numbers.slice(2)) {
          const device = await getJson<Device>(page, `/api/v1/companies/${companyId}/numbers/${candidate}/device`);
          const last = device.lastDetectedImei;
          if (device.registrationStatus === 'not_registered' && last && /^\d{14}$/.test(last) && !/[89]$/.test(last)) {
            msisdn = candidate;
            imei = last;
            break;
          }
        }
        if (!msisdn) {
          msisdn = numbers[2] as string;
          imei = '35367807651154';
        }
        await openProfile(page, msisdn);
        const dialog = await openAction(page, msisdn, 'Device registration (IMEI)');
        await dialog.getByText('The results of your request will be sent via SMS within the next 8 hours.').waitFor();
        await dialog.getByText('To view your request results, go to Request History.').waitFor();
        await dialog.getByText('Device not registered with this number.').waitFor();
        await dialog.getByRole('tab', { name: 'Registration of end-user devices' }).click();
        const field = dialog.getByRole('textbox', { name: /^IMEI/ });
        await field.fill(imei);
        await checkAtWidths(page, 'device-registration');
        await dialog.getByRole('button', { name: 'Register', exact: true }).click();
        await dialog.getByText('The request is being processed').waitFor();
        await dialog.getByText('Device is registered').waitFor({ timeout: 20_000 });
        await dialog.getByRole('tab', { name: 'Request history' }).click();
        const row = dialog.getByRole('row').filter({ hasText: imei });
        await pollLong(() => row.first().textContent()).toContain('Device registered');
        await checkAtWidths(page, 'device-history');
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'lists the requests on the requests page',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await page.goto(`${baseUrl()}/numbers`);
        await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Requests' }).click();
        await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
        const table = page.getByRole('table', { name: 'Requests' });
        for (const [kind, msisdn] of [
          ['SIM card replacement', numbers[0]],
          ['eSIM replacement', numbers[1]],
        ] as const) {
          const row = table
            .getByRole('row')
            .filter({ hasText: kind })
            .filter({ hasText: formatted(msisdn as string) });
          await row.first().waitFor();
          expect(await row.first().textContent()).toContain('Done');
        }
        await table.getByRole('row').filter({ hasText: 'Device registration' }).first().waitFor();
        await checkAtWidths(page, 'requests');
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );
});
