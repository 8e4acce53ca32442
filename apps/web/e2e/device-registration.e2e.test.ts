import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminASession,
  baseUrl,
  checkAtWidths,
  formatted,
  lastOutboxId,
  launch,
  newPage,
  openProfile,
  poll,
  type SessionState,
} from './browser';
import {
  ADMIN_A_PHONE,
  type DeviceStatus,
  deviceOf,
  escapeRegExp,
  expectFieldError,
  getJson,
  type Language,
  largeCompanyNumbers,
  openAction,
  type PortalRequest,
  requestOf,
  smsTo,
  takeNumber,
  tr,
  untouchedDevices,
  valueBeside,
} from './sim-device-support';

// Issue 6 in English, as the manual's "Device registration (IMEI)" describes it: F24 register (status and request
// history follow the registry's answer live, the requests centre too, the result by SMS) and remove, F25
// re-registration, F26 duplicate registration, and bad input (IMEI, ICCID, terms) refused field by field. The
// registry simulator answers by the IMEI's last digit (8 → another owner, 9 → another provider, else free): the
// numbers are picked by their last detected IMEI. Numbers 40–119 of the active list: the other files use others.

/** Generous: the shared test machines are often very busy. */
const TIMEOUT = 420_000;
const en = (key: string, params?: Record<string, string>) => tr('en', key, params);
const DIALOG = en('device.title');
/** The registry answers after IMEI_REGISTRY_DELAY_MS (5 s in the demo); the requests page refreshes itself. */
const pollLong = <T>(fn: () => Promise<T> | T, message?: string) => poll(fn, message, 60_000);

/** Test vectors (spec/test-vectors.json). */
const IMEI_BAD = { short: '3536780765115', long: '3536780765115400', luhn: '353678076511549' };
const ICCID_BAD = { luhn: '89997022001210685271', prefix: '79997022001210685270', long: '899970220012106852701' };
const IIN_BAD_CHECK_DIGIT = '041058570299';
const IIN_VALID = '901202377949';
const PREVIOUS_OWNER_PHONE = '701 211 52 99';

let browser: Browser;
let storageState: SessionState;
let companyId: string;
let free: { msisdn: string; imei: string };
let heldByOther: { msisdn: string; imei: string };
let heldElsewhere: { msisdn: string; imei: string };
let badInputNumber: string;
/** The administrator's stored language: SMS are written in it. */
let smsLanguage: Language;

beforeAll(async () => {
  browser = await launch();
  storageState = await adminASession(browser);
  const page = await newPage(browser, storageState);
  try {
    const found = await largeCompanyNumbers(page);
    companyId = found.companyId;
    const candidates = found.numbers.slice(40, 120);
    const taken = new Set<string>();
    [free] = (await untouchedDevices(page, companyId, candidates, /[0-7]/, 1, taken)) as [typeof free];
    [heldByOther] = (await untouchedDevices(page, companyId, candidates, /8/, 1, taken)) as [typeof free];
    [heldElsewhere] = (await untouchedDevices(page, companyId, candidates, /9/, 1, taken)) as [typeof free];
    badInputNumber = takeNumber(candidates, taken);
    smsLanguage = (await getJson<{ language: Language }>(page, '/api/v1/me')).language;
  } finally {
    await page.context().close();
  }
});

afterAll(async () => {
  await browser?.close();
});

function historyRows(dialog: Locator, imei: string, kind: string): Locator {
  return dialog
    .getByRole('table', { name: en('device.tabs.history') })
    .getByRole('row')
    .filter({ hasText: imei })
    .filter({ hasText: new RegExp(`(^|\\s|\\d)${escapeRegExp(kind)}`) });
}

/** The device request of `kind` for `imei` in the number's history (newest first), once the registry answered. */
async function answeredRequest(page: Page, msisdn: string, imei: string, kind: string): Promise<PortalRequest> {
  let device: DeviceStatus | undefined;
  await pollLong(async () => {
    device = await deviceOf(page, companyId, msisdn);
    const entry = device.history.find((item) => item.imei === imei && item.kind === kind);
    return entry ? entry.state : 'none';
  }).not.toMatch(/^(none|pending)$/);
  const entry = device?.history.find((item) => item.imei === imei && item.kind === kind);
  expect(entry?.requestId, 'the history links the request').toBeTruthy();
  return requestOf(page, companyId, entry?.requestId as string);
}

/** The request's result in the administrator's language: the SMS must say just that. */
async function smsText(page: Page, request: PortalRequest): Promise<string> {
  const inSmsLanguage = await requestOf(page, companyId, request.id, smsLanguage);
  const text = resultText(inSmsLanguage);
  expect(text, 'the result has a text').not.toBe('');
  return text;
}

/** The request's result as the SMS must say it (its message, or for a failure its error's message). */
function resultText(request: PortalRequest): string {
  return (request.status === 'failed' ? (request.error?.message ?? request.message) : request.message) ?? '';
}

describe('F24–F26 device registration (IMEI) in the browser', () => {
  it(
    'registers the last IMEI: status, request history and the requests page follow the registry live; SMS; then removes it',
    async () => {
      const { msisdn, imei } = free;
      const page = await newPage(browser, storageState);
      try {
        // The requests centre open in a second tab of the same session: it must update by itself.
        const requestsTab = await page.context().newPage();
        await requestsTab.goto(`${baseUrl()}/requests`);
        await requestsTab.getByRole('heading', { level: 1, name: en('requests.title') }).waitFor();
        const requestRow = (kind: string) =>
          requestsTab
            .getByRole('table', { name: en('requests.title') })
            .getByRole('row')
            .filter({ hasText: new RegExp(`^${escapeRegExp(kind)}\\s*${escapeRegExp(formatted(msisdn))}`) });

        await openProfile(page, msisdn);
        const dialog = await openAction(page, msisdn, DIALOG);
        await dialog.getByText(en('device.smsNote')).waitFor();
        await dialog.getByText(en('device.historyNote')).waitFor();
        expect(await dialog.getByText(en('device.lastImei')).textContent()).toContain(imei);
        await dialog.getByText(en('device.status.not_registered')).waitFor();
        await dialog.getByRole('tab', { name: en('device.tabs.history') }).click();
        await dialog.getByText(en('device.historyEmpty')).waitFor();

        // "Registration of end-user devices": the last IMEI is filled in; Register.
        await dialog.getByRole('tab', { name: en('device.tabs.register') }).click();
        const field = dialog.getByRole('textbox', { name: /^IMEI/ });
        expect(await field.inputValue()).toBe(imei);
        const smsBefore = await lastOutboxId();
        await dialog.getByRole('button', { name: en('device.register'), exact: true }).click();

        // At once the dialog shows the request history with the request (pending, unless the registry has already
        // answered: it does after 5 s)…
        await poll(() =>
          dialog.getByRole('tab', { name: en('device.tabs.history') }).getAttribute('aria-selected'),
        ).toBe('true');
        const registration = historyRows(dialog, imei, en('device.kinds.register'));
        await poll(() => registration.first().textContent()).toMatch(
          new RegExp(`${escapeRegExp(en('device.states.pending'))}|${escapeRegExp(en('device.states.registered'))}`),
        );
        expect(await dialog.getByText(en('device.status.not_registered')).count()).toBe(0);
        // …then, when the registry answers, both change without reloading anything.
        await pollLong(() => registration.first().textContent()).toContain(en('device.states.registered'));
        await dialog.getByText(en('device.status.registered')).waitFor();
        expect(await registration.count()).toBe(1);
        await checkAtWidths(page, 'imei-registered-history');

        // The administrator's SMS says the result, as the requests centre does.
        const request = await answeredRequest(page, msisdn, imei, 'register');
        expect(request).toMatchObject({ kind: 'device_register', status: 'succeeded', msisdn });
        expect(request.message).toContain(imei);
        await pollLong(() => smsTo(ADMIN_A_PHONE, smsBefore)).toContain(await smsText(page, request));
        await pollLong(() => requestRow(en('requests.kinds.device_register')).first().textContent()).toContain(
          en('requests.status.succeeded'),
        );
        expect(await requestRow(en('requests.kinds.device_register')).first().textContent()).toContain(
          request.message as string,
        );

        // Removal, as the manual: select the device from the list of IMEIs linked to the number, then Delete.
        await dialog.getByRole('tab', { name: en('device.tabs.register') }).click();
        const registeredList = dialog.getByRole('radiogroup', { name: en('device.registeredList') });
        await field.fill('');
        expect(await dialog.getByRole('button', { name: en('device.delete'), exact: true }).count()).toBe(0);
        await registeredList.getByRole('radio', { name: imei }).check();
        expect(await field.inputValue()).toBe(imei);
        await checkAtWidths(page, 'imei-remove-select');
        const smsBeforeRemoval = await lastOutboxId();
        await dialog.getByRole('button', { name: en('device.delete'), exact: true }).click();
        const removal = historyRows(dialog, imei, en('device.kinds.remove'));
        await poll(() => removal.first().textContent()).toMatch(
          new RegExp(`${escapeRegExp(en('device.states.pending'))}|${escapeRegExp(en('device.states.removed'))}`),
        );
        await pollLong(() => removal.first().textContent()).toContain(en('device.states.removed'));
        await dialog.getByText(en('device.status.not_registered')).waitFor();
        await dialog.getByText(en('device.status.removed')).waitFor();
        // The earlier registration stays in the history, below the removal.
        const rows = dialog.getByRole('table', { name: en('device.tabs.history') }).getByRole('row');
        expect(await rows.count()).toBe(3);
        expect(await rows.nth(1).textContent()).toContain(en('device.kinds.remove'));
        const removed = await answeredRequest(page, msisdn, imei, 'remove');
        expect(removed).toMatchObject({ kind: 'device_remove', status: 'succeeded' });
        await pollLong(() => smsTo(ADMIN_A_PHONE, smsBeforeRemoval)).toContain(await smsText(page, removed));
        await pollLong(() => requestRow(en('requests.kinds.device_remove')).first().textContent()).toContain(
          en('requests.status.succeeded'),
        );
        const device = await deviceOf(page, companyId, msisdn);
        expect(device.registeredImeis).toEqual([]);
        await dialog.getByRole('tab', { name: en('device.tabs.register') }).click();
        expect(await dialog.getByRole('button', { name: en('device.delete'), exact: true }).count()).toBe(0);
        expect(await dialog.getByRole('radiogroup', { name: en('device.registeredList') }).count()).toBe(0);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F25: registered to another owner → re-registration with the previous owner, checked field by field, and the terms',
    async () => {
      const { msisdn, imei } = heldByOther;
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, msisdn);
        const dialog = await openAction(page, msisdn, DIALOG);
        await dialog.getByText(en('device.status.not_registered')).waitFor();
        const smsBefore = await lastOutboxId();
        await dialog.getByRole('button', { name: en('device.register'), exact: true }).click();

        // The registry: registered to another owner. The history says so and Re-register is offered.
        const registration = historyRows(dialog, imei, en('device.kinds.register'));
        await pollLong(() => registration.first().textContent()).toContain(en('device.states.needs_reregistration'));
        await dialog.getByText(en('device.needsReregistration')).waitFor();
        await dialog.getByText(en('device.status.not_registered')).waitFor();
        const refused = await answeredRequest(page, msisdn, imei, 'register');
        expect(refused).toMatchObject({ kind: 'device_register', status: 'failed' });
        expect(refused.error?.code).toBe('imei_needs_reregistration');
        await pollLong(() => smsTo(ADMIN_A_PHONE, smsBefore)).toContain(await smsText(page, refused));

        await dialog.getByRole('button', { name: en('device.reregister'), exact: true }).click();
        await dialog.getByText(en('device.reregisterTitle')).waitFor();
        await dialog.getByText(en('device.reregisterText')).waitFor();
        await dialog.getByText(en('device.terms')).waitFor();
        expect(await dialog.textContent()).toContain(imei);
        const phone = dialog.getByRole('textbox', {
          name: new RegExp(`^${escapeRegExp(en('device.previousNumber'))}`),
        });
        const iinBin = dialog.getByRole('textbox', { name: new RegExp(`^${escapeRegExp(en('device.iinBin'))}`) });
        const terms = dialog.getByRole('checkbox', { name: en('device.termsAccept') });
        const submit = dialog.getByRole('button', { name: en('device.reregister'), exact: true });
        const historyBefore = (await deviceOf(page, companyId, msisdn)).history.length;

        // Nothing filled in: each field says what it needs.
        await submit.click();
        await expectFieldError(phone, en('device.phoneInvalid'));
        await expectFieldError(iinBin, en('device.iinBinInvalid'));
        await expectFieldError(terms, en('device.termsRequired'), { invalid: false });
        await checkAtWidths(page, 'imei-reregister-errors');

        // The terms not accepted: refused on their own.
        await phone.fill(PREVIOUS_OWNER_PHONE);
        await iinBin.fill(IIN_BAD_CHECK_DIGIT);
        await submit.click();
        await expectFieldError(terms, en('device.termsRequired'), { invalid: false });
        expect(await phone.getAttribute('aria-invalid')).not.toBe('true');

        // A wrong check digit in the IIN/BIN: the server's field error under the field.
        await terms.check();
        await submit.click();
        await expectFieldError(iinBin, 'Enter a valid IIN/BIN: 12 digits with a correct check digit.');
        expect(await phone.getAttribute('aria-invalid')).not.toBe('true');
        expect((await deviceOf(page, companyId, msisdn)).history.length, 'nothing was asked').toBe(historyBefore);

        // Put right: the request goes, the dialog shows the history until the registry answers.
        await iinBin.fill(IIN_VALID);
        const smsBeforeReregistration = await lastOutboxId();
        await submit.click();
        const reregistration = historyRows(dialog, imei, en('device.kinds.reregister'));
        await pollLong(() => reregistration.first().textContent()).toContain(en('device.states.registered'));
        await dialog.getByText(en('device.status.registered')).waitFor();
        const afterReregistration = await deviceOf(page, companyId, msisdn);
        expect(afterReregistration.lastOutcome, JSON.stringify(afterReregistration)).toBe('registered');
        await poll(() => dialog.getByText(en('device.needsReregistration')).count()).toBe(0);
        const done = await answeredRequest(page, msisdn, imei, 'reregister');
        expect(done).toMatchObject({ kind: 'device_reregister', status: 'succeeded' });
        await pollLong(() => smsTo(ADMIN_A_PHONE, smsBeforeReregistration)).toContain(await smsText(page, done));
        expect((await deviceOf(page, companyId, msisdn)).registeredImeis).toEqual([imei]);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    "F26: registered with another provider's number → duplicate registration after accepting the terms",
    async () => {
      const { msisdn, imei } = heldElsewhere;
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, msisdn);
        const dialog = await openAction(page, msisdn, DIALOG);
        await dialog.getByText(en('device.status.not_registered')).waitFor();
        await dialog.getByRole('button', { name: en('device.register'), exact: true }).click();
        const registration = historyRows(dialog, imei, en('device.kinds.register'));
        await pollLong(() => registration.first().textContent()).toContain(en('device.states.needs_duplicate'));
        await dialog.getByText(en('device.needsDuplicate')).waitFor();
        const refused = await answeredRequest(page, msisdn, imei, 'register');
        expect(refused.error?.code).toBe('imei_needs_duplicate');

        await dialog.getByRole('button', { name: en('device.duplicate'), exact: true }).click();
        await dialog.getByText(en('device.duplicateTitle')).waitFor();
        await dialog.getByText(en('device.terms')).waitFor();
        // A duplicate asks for no previous owner.
        expect(await dialog.getByRole('textbox').count()).toBe(0);
        const terms = dialog.getByRole('checkbox', { name: en('device.termsAccept') });
        const submit = dialog.getByRole('button', { name: en('device.duplicate'), exact: true });
        const historyBefore = (await deviceOf(page, companyId, msisdn)).history.length;
        await submit.click();
        await expectFieldError(terms, en('device.termsRequired'), { invalid: false });
        expect((await deviceOf(page, companyId, msisdn)).history.length, 'nothing was asked').toBe(historyBefore);
        await checkAtWidths(page, 'imei-duplicate-terms');

        const smsBefore = await lastOutboxId();
        await terms.check();
        await submit.click();
        const duplicate = historyRows(dialog, imei, en('device.kinds.duplicate'));
        // The history words it as the manual: "Duplicate registered successfully".
        await pollLong(() => duplicate.first().textContent()).toContain(en('device.states.duplicate_registered'));
        await dialog.getByText(en('device.status.registered')).waitFor();
        const done = await answeredRequest(page, msisdn, imei, 'duplicate');
        expect(done).toMatchObject({ kind: 'device_duplicate', status: 'succeeded' });
        await pollLong(() => smsTo(ADMIN_A_PHONE, smsBefore)).toContain(await smsText(page, done));
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'refuses a bad IMEI or ICCID under the field and changes nothing',
    async () => {
      const msisdn = badInputNumber;
      const page = await newPage(browser, storageState);
      try {
        const before = await deviceOf(page, companyId, msisdn);
        const requestsBefore = (
          await getJson<{ items: PortalRequest[] }>(page, `/api/v1/companies/${companyId}/requests?limit=200`)
        ).items.filter((request) => request.msisdn === msisdn).length;

        await openProfile(page, msisdn);
        const dialog = await openAction(page, msisdn, DIALOG);
        await dialog.getByRole('tab', { name: en('device.tabs.register') }).click();
        const field = dialog.getByRole('textbox', { name: /^IMEI/ });
        const register = dialog.getByRole('button', { name: en('device.register'), exact: true });
        for (const bad of [IMEI_BAD.short, IMEI_BAD.long, '35367807651154X']) {
          await field.fill(bad);
          await register.click();
          await expectFieldError(field, en('device.imeiInvalid'));
        }
        // 15 digits with a wrong check digit: the server's check, under the field.
        await field.fill(IMEI_BAD.luhn);
        await register.click();
        await expectFieldError(field, 'Enter the IMEI: 14 digits, or 15 digits with a valid check digit.');
        await checkAtWidths(page, 'imei-invalid');
        await dialog.getByRole('button', { name: en('common.cancel') }).click();
        await dialog.waitFor({ state: 'hidden' });

        // SIM card replacement: wrong length, wrong prefix (the page's own check), wrong check digit (the server's).
        await page.getByRole('tab', { name: en('numberProfile.sim.title') }).click();
        const iccidBefore = await valueBeside(page, 'ICCID').first().textContent();
        const sim = await openAction(page, msisdn, en('simReplacement.title'));
        const iccid = sim.getByRole('textbox', { name: new RegExp(escapeRegExp(en('simReplacement.iccid'))) });
        for (const bad of [ICCID_BAD.long, ICCID_BAD.prefix, '1234']) {
          await iccid.fill(bad);
          await sim.getByRole('button', { name: en('common.continue') }).click();
          await expectFieldError(iccid, en('simReplacement.iccidInvalid'));
        }
        await iccid.fill(ICCID_BAD.luhn);
        await sim.getByRole('button', { name: en('common.continue') }).click();
        await sim.getByRole('button', { name: en('simReplacement.confirm') }).click();
        // Back on the field, with the server's message.
        await expectFieldError(
          iccid,
          'Enter the SIM card number (ICCID) from the back of the card: 19 or 20 digits starting with 89.',
        );
        await checkAtWidths(page, 'sim-replacement-invalid-iccid');
        await sim.getByRole('button', { name: en('common.cancel') }).click();
        await sim.waitFor({ state: 'hidden' });

        // Nothing changed: no request, same device state, same SIM card.
        const after = await deviceOf(page, companyId, msisdn);
        expect(after.history).toEqual(before.history);
        expect(after.registrationStatus).toBe(before.registrationStatus);
        const requestsAfter = (
          await getJson<{ items: PortalRequest[] }>(page, `/api/v1/companies/${companyId}/requests?limit=200`)
        ).items.filter((request) => request.msisdn === msisdn).length;
        expect(requestsAfter).toBe(requestsBefore);
        await page.reload();
        await page.getByRole('tab', { name: en('numberProfile.sim.title') }).click();
        await poll(() => valueBeside(page, 'ICCID').first().textContent()).toBe(iccidBefore);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );
});
