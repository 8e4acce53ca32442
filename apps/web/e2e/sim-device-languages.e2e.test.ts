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
  deviceOf,
  escapeRegExp,
  expectFieldError,
  getJson,
  type Language,
  largeCompanyNumbers,
  numberNotRoaming,
  openAction,
  type PortalRequest,
  registrationStatus,
  requestOf,
  restoreLanguage,
  smsTo,
  switchLanguage,
  takeNumber,
  tr,
  untouchedDevices,
  valueBeside,
} from './sim-device-support';

// Issue 6 in Russian and Kazakh: F21 SIM card replacement, F22 eSIM replacement (the QR code on screen), F24 device
// registration (IMEI) with its SMS, F25 re-registration and F26 duplicate registration (the registry simulator
// answers by the IMEI's last digit: 8 → another owner, 9 → another provider), and B4 the requests centre updating by
// itself. Every text expected is read from
// the locale files (or, for the server's texts, from the API in the same language). The language is switched with
// the header's buttons, as an administrator does: that also stores it on the server (SMS follow it); it is put
// back after each journey. Numbers 120+ of the active list: the other files use others.

/** Generous: the shared test machines are often very busy. */
const TIMEOUT = 420_000;
const pollLong = <T>(fn: () => Promise<T> | T, message?: string) => poll(fn, message, 60_000);
/** Valid ICCIDs of spec/test-vectors.json that the other browser tests do not use. */
const ICCID: Record<Exclude<Language, 'en'>, string> = { ru: '89997027443765100401', kk: '89997025329180225091' };

type Picked = {
  sim: string;
  esim: string;
  device: { msisdn: string; imei: string };
  live: { msisdn: string; imei: string };
  heldByOther: { msisdn: string; imei: string };
  heldElsewhere: { msisdn: string; imei: string };
};

let browser: Browser;
let storageState: SessionState;
let companyId: string;
let original: Language;
const picked = new Map<Language, Picked>();

beforeAll(async () => {
  browser = await launch();
  storageState = await adminASession(browser);
  const page = await newPage(browser, storageState);
  try {
    const found = await largeCompanyNumbers(page);
    companyId = found.companyId;
    original = (await getJson<{ language: Language }>(page, '/api/v1/me')).language;
    const candidates = found.numbers.slice(120);
    const taken = new Set<string>();
    for (const language of ['ru', 'kk'] as const) {
      const [device, live] = (await untouchedDevices(page, companyId, candidates, /[0-7]/, 2, taken)) as [
        Picked['device'],
        Picked['live'],
      ];
      const [heldByOther] = (await untouchedDevices(page, companyId, candidates, /8/, 1, taken)) as [Picked['device']];
      const [heldElsewhere] = (await untouchedDevices(page, companyId, candidates, /9/, 1, taken)) as [
        Picked['device'],
      ];
      const sim = takeNumber(candidates, taken);
      const esim = await numberNotRoaming(page, companyId, candidates, taken);
      picked.set(language, { sim, esim, device, live, heldByOther, heldElsewhere });
    }
  } finally {
    await page.context().close();
  }
});

afterAll(async () => {
  await browser?.close();
});

/** A profile in English, switched to `language` with the header's buttons. */
async function profileIn(page: Page, msisdn: string, language: Language) {
  await openProfile(page, msisdn);
  await switchLanguage(page, 'en', language);
  await page.getByRole('heading', { name: tr(language, 'numberProfile.details.title') }).waitFor();
}

/** The company's newest request of `kind` for `msisdn`, in `language`. */
async function newestRequest(page: Page, kind: string, msisdn: string, language: Language) {
  const { items } = await getJson<{ items: PortalRequest[] }>(
    page,
    `/api/v1/companies/${companyId}/requests?limit=200`,
    language,
  );
  const request = items.find((item) => item.kind === kind && item.msisdn === msisdn);
  expect(request, `${kind} for ${msisdn}`).toBeDefined();
  return request as PortalRequest;
}

/** `imei`'s rows of `kind` in the dialog's request history. */
function historyRows(dialog: Locator, language: Language, imei: string, kind: string): Locator {
  return dialog
    .getByRole('table', { name: tr(language, 'device.tabs.history') })
    .getByRole('row')
    .filter({ hasText: imei })
    .filter({ hasText: new RegExp(`(^|\\s|\\d)${escapeRegExp(kind)}`) });
}

/**
 * F25/F26's start: the device dialog of `msisdn` asks the registry to register `imei`, which answers that it needs
 * `state` (re-registration or a duplicate); the history and the dialog's notice say so. Returns the dialog.
 */
async function registrationRefused(
  page: Page,
  { msisdn, imei }: { msisdn: string; imei: string },
  language: Language,
  state: 'needs_reregistration' | 'needs_duplicate',
  notice: string,
): Promise<Locator> {
  await profileIn(page, msisdn, language);
  const dialog = await openAction(page, msisdn, tr(language, 'device.title'), language);
  await poll(() => registrationStatus(dialog, language).textContent()).toContain(
    tr(language, 'device.status.not_registered'),
  );
  await dialog.getByRole('button', { name: tr(language, 'device.register'), exact: true }).click();
  const registration = historyRows(dialog, language, imei, tr(language, 'device.kinds.register'));
  await pollLong(() => registration.first().textContent()).toContain(tr(language, `device.states.${state}`));
  await dialog.getByText(notice).waitFor();
  return dialog;
}

/**
 * Sends the re-registration or duplicate request with `submit` and follows it: the history shows `state`, the
 * status becomes registered, the request succeeded, and its result came by SMS in the page's language.
 */
async function submittedAndAnswered(
  page: Page,
  dialog: Locator,
  submit: Locator,
  { msisdn, imei }: { msisdn: string; imei: string },
  language: Language,
  kind: 'reregister' | 'duplicate',
  state: 'registered' | 'duplicate_registered',
) {
  const smsBefore = await lastOutboxId();
  await submit.click();
  const rows = historyRows(dialog, language, imei, tr(language, `device.kinds.${kind}`));
  await pollLong(() => rows.first().textContent()).toContain(tr(language, `device.states.${state}`));
  await poll(() => registrationStatus(dialog, language).textContent()).toContain(
    tr(language, 'device.status.registered'),
  );
  const requestId = (await deviceOf(page, companyId, msisdn)).history.find(
    (item) => item.imei === imei && item.kind === kind,
  )?.requestId;
  const request = await requestOf(page, companyId, requestId as string, language);
  expect(request).toMatchObject({ kind: `device_${kind}`, status: 'succeeded' });
  await pollLong(() => smsTo(ADMIN_A_PHONE, smsBefore)).toContain(request.message);
}

/** The text before `{{…}}` in a locale text: what a regular expression can match exactly. */
function textBefore(text: string): string {
  return text.split('{{')[0] as string;
}

for (const language of ['ru', 'kk'] as const) {
  const l = (key: string, params?: Record<string, string>) => tr(language, key, params);
  const numbersOf = (): Picked => {
    const numbers = picked.get(language);
    if (!numbers) throw new Error(`no numbers picked for ${language}`);
    return numbers;
  };

  describe(`issue 6 in ${language === 'ru' ? 'Russian' : 'Kazakh'}`, () => {
    it(
      'F21: replaces the SIM card',
      async () => {
        const msisdn = numbersOf().sim;
        const iccid = ICCID[language];
        const page = await newPage(browser, storageState);
        try {
          await profileIn(page, msisdn, language);
          const dialog = await openAction(page, msisdn, l('simReplacement.title'), language);
          await dialog.getByText(l('simReplacement.number', { number: formatted(msisdn) })).waitFor();
          await dialog.getByText(l('simReplacement.iccidHint')).waitFor();
          const field = dialog.getByRole('textbox', { name: new RegExp(escapeRegExp(l('simReplacement.iccid'))) });
          await field.fill('1234');
          await dialog.getByRole('button', { name: l('common.continue') }).click();
          await dialog.getByText(l('simReplacement.iccidInvalid')).waitFor();
          await checkAtWidths(page, `sim-replacement-iccid-${language}`);
          await field.fill(iccid);
          await dialog.getByRole('button', { name: l('common.continue') }).click();
          await dialog.getByText(l('simReplacement.confirmText', { number: formatted(msisdn), iccid })).waitFor();
          await dialog.getByRole('button', { name: l('simReplacement.confirm') }).click();
          await dialog.getByText(l('simReplacement.sent', { number: formatted(msisdn) })).waitFor();
          await dialog.getByText(l('requests.progress.done'), { exact: true }).waitFor({ timeout: 60_000 });
          const request = await newestRequest(page, 'sim_replacement', msisdn, language);
          expect(request.status).toBe('succeeded');
          if (request.message) await dialog.getByText(request.message).first().waitFor();
          await checkAtWidths(page, `sim-replacement-done-${language}`);
          await dialog
            .getByRole('button', { name: l('common.close') })
            .last()
            .click();
          await dialog.waitFor({ state: 'hidden' });
          await page.getByRole('tab', { name: l('numberProfile.sim.title') }).click();
          await pollLong(() => valueBeside(page, 'ICCID').first().textContent()).toBe(iccid);
        } finally {
          await restoreLanguage(page, original);
          await page.context().close();
        }
      },
      TIMEOUT,
    );

    it(
      'F22: issues an eSIM, shows its QR code and changes to it',
      async () => {
        const msisdn = numbersOf().esim;
        const page = await newPage(browser, storageState);
        try {
          await profileIn(page, msisdn, language);
          const dialog = await openAction(page, msisdn, l('esim.title'), language);
          await dialog.getByText(l('esim.warning')).waitFor();
          await dialog.getByText(l('esim.number', { number: formatted(msisdn) })).waitFor();
          await dialog.getByRole('radiogroup', { name: l('esim.osLabel') }).waitFor();
          await dialog.getByRole('radio', { name: 'Android' }).check();
          await dialog.getByText(l('esim.stepsAndroid')).waitFor();
          await dialog.getByText(l('esim.issueHint')).waitFor();
          await checkAtWidths(page, `esim-os-${language}`);
          await dialog.getByRole('button', { name: l('esim.issue') }).click();

          const qr = dialog.getByRole('img', {
            name: new RegExp(`^${escapeRegExp(textBefore(l('esim.qrAlt')))}LPA:1\\$`),
          });
          await qr.waitFor();
          expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
          // The QR code is really drawn on screen.
          const box = await qr.boundingBox();
          expect(box?.width ?? 0).toBeGreaterThan(100);
          await dialog
            .getByText(new RegExp(`^${escapeRegExp(textBefore(l('esim.validity')))}\\d{2}\\.\\d{2}\\.\\d{4}`))
            .waitFor();
          const change = dialog.getByRole('button', { name: l('esim.change') });
          expect(await change.isDisabled()).toBe(true);
          await checkAtWidths(page, `esim-qr-${language}`);

          await dialog.getByRole('checkbox', { name: l('esim.sure') }).check();
          await change.click();
          await dialog.getByText(l('esim.confirmQuestion')).waitFor();
          await dialog.getByRole('button', { name: l('esim.confirmYes') }).click();
          await dialog.getByText(l('requests.progress.done'), { exact: true }).waitFor({ timeout: 60_000 });
          const request = await newestRequest(page, 'esim_replacement', msisdn, language);
          expect(request.status).toBe('succeeded');
          // The server's "Done! You have successfully replaced the eSIM." in the same language.
          expect(request.message).toBeTruthy();
          await dialog.getByText(request.message as string).waitFor();
          await checkAtWidths(page, `esim-done-${language}`);
        } finally {
          await restoreLanguage(page, original);
          await page.context().close();
        }
      },
      TIMEOUT,
    );

    it(
      'F24: registers the last IMEI; status and history follow the registry; the SMS comes in the same language',
      async () => {
        const { msisdn, imei } = numbersOf().device;
        const page = await newPage(browser, storageState);
        try {
          await profileIn(page, msisdn, language);
          const dialog = await openAction(page, msisdn, l('device.title'), language);
          await dialog.getByText(l('device.smsNote')).waitFor();
          await dialog.getByText(l('device.historyNote')).waitFor();
          expect(await dialog.getByText(l('device.lastImei')).textContent()).toContain(imei);
          await poll(() => registrationStatus(dialog, language).textContent()).toContain(
            l('device.status.not_registered'),
          );
          await dialog.getByRole('tab', { name: l('device.tabs.register') }).click();
          const field = dialog.getByRole('textbox', { name: /^IMEI/ });
          expect(await field.inputValue()).toBe(imei);
          await field.fill('123');
          await dialog.getByRole('button', { name: l('device.register'), exact: true }).click();
          await dialog.getByText(l('device.imeiInvalid')).waitFor();
          await field.fill(imei);
          await checkAtWidths(page, `imei-register-${language}`);

          const smsBefore = await lastOutboxId();
          await dialog.getByRole('button', { name: l('device.register'), exact: true }).click();
          const row = dialog
            .getByRole('table', { name: l('device.tabs.history') })
            .getByRole('row')
            .filter({ hasText: imei });
          await pollLong(() => row.first().textContent()).toContain(l('device.states.registered'));
          expect(await row.first().textContent()).toContain(l('device.kinds.register'));
          await poll(() => registrationStatus(dialog, language).textContent()).toContain(l('device.status.registered'));
          await checkAtWidths(page, `imei-history-${language}`);

          const history = (await deviceOf(page, companyId, msisdn)).history;
          const requestId = history.find((item) => item.imei === imei && item.kind === 'register')?.requestId;
          expect(requestId).toBeTruthy();
          const request = await requestOf(page, companyId, requestId as string, language);
          expect(request.status).toBe('succeeded');
          expect(request.message).toContain(imei);
          await pollLong(() => smsTo(ADMIN_A_PHONE, smsBefore)).toContain(request.message);
        } finally {
          await restoreLanguage(page, original);
          await page.context().close();
        }
      },
      TIMEOUT,
    );

    it(
      'F25: registered to another owner → re-registration with the previous owner and the terms',
      async () => {
        const held = numbersOf().heldByOther;
        const page = await newPage(browser, storageState);
        try {
          const dialog = await registrationRefused(
            page,
            held,
            language,
            'needs_reregistration',
            l('device.needsReregistration'),
          );
          await dialog.getByRole('button', { name: l('device.reregister'), exact: true }).click();
          await dialog.getByText(l('device.reregisterTitle')).waitFor();
          await dialog.getByText(l('device.reregisterText')).waitFor();
          await dialog.getByText(l('device.terms')).waitFor();
          const phone = dialog.getByRole('textbox', {
            name: new RegExp(`^${escapeRegExp(l('device.previousNumber'))}`),
          });
          const iinBin = dialog.getByRole('textbox', { name: new RegExp(`^${escapeRegExp(l('device.iinBin'))}`) });
          const terms = dialog.getByRole('checkbox', { name: l('device.termsAccept') });
          const submit = dialog.getByRole('button', { name: l('device.reregister'), exact: true });
          const historyBefore = (await deviceOf(page, companyId, held.msisdn)).history.length;
          // Nothing filled in: each field says what it needs, in the page's language, and nothing is asked.
          await submit.click();
          await expectFieldError(phone, l('device.phoneInvalid'));
          await expectFieldError(iinBin, l('device.iinBinInvalid'));
          await expectFieldError(terms, l('device.termsRequired'), { invalid: false });
          expect((await deviceOf(page, companyId, held.msisdn)).history.length, 'nothing was asked').toBe(
            historyBefore,
          );
          await checkAtWidths(page, `imei-reregister-errors-${language}`);

          await phone.fill('701 211 52 99');
          await iinBin.fill('901202377949');
          await terms.check();
          await submittedAndAnswered(page, dialog, submit, held, language, 'reregister', 'registered');
        } finally {
          await restoreLanguage(page, original);
          await page.context().close();
        }
      },
      TIMEOUT,
    );

    it(
      "F26: registered with another provider's number → duplicate registration after accepting the terms",
      async () => {
        const held = numbersOf().heldElsewhere;
        const page = await newPage(browser, storageState);
        try {
          const dialog = await registrationRefused(page, held, language, 'needs_duplicate', l('device.needsDuplicate'));
          await dialog.getByRole('button', { name: l('device.duplicate'), exact: true }).click();
          await dialog.getByText(l('device.duplicateTitle')).waitFor();
          await dialog.getByText(l('device.terms')).waitFor();
          const terms = dialog.getByRole('checkbox', { name: l('device.termsAccept') });
          const submit = dialog.getByRole('button', { name: l('device.duplicate'), exact: true });
          await submit.click();
          await expectFieldError(terms, l('device.termsRequired'), { invalid: false });
          await checkAtWidths(page, `imei-duplicate-terms-${language}`);

          await terms.check();
          await submittedAndAnswered(page, dialog, submit, held, language, 'duplicate', 'duplicate_registered');
        } finally {
          await restoreLanguage(page, original);
          await page.context().close();
        }
      },
      TIMEOUT,
    );

    it(
      'B4: the requests centre shows a new request and its outcome by itself',
      async () => {
        const { msisdn, imei } = numbersOf().live;
        const page = await newPage(browser, storageState);
        try {
          await page.goto(`${baseUrl()}/numbers`);
          await switchLanguage(page, 'en', language);
          await page
            .getByRole('navigation', { name: l('layout.sections') })
            .getByRole('link', { name: l('layout.nav.requests') })
            .click();
          await page.getByRole('heading', { level: 1, name: l('requests.title') }).waitFor();
          const table = page.getByRole('table', { name: l('requests.title') });
          await table.waitFor();
          expect(await table.getByRole('columnheader').allTextContents()).toEqual(
            ['kind', 'number', 'status', 'created', 'completed', 'outcome'].map((column) =>
              l(`requests.columns.${column}`),
            ),
          );
          const row: Locator = table.getByRole('row').filter({ hasText: formatted(msisdn) });
          expect(await row.count()).toBe(0);

          // A device registration made elsewhere (the API, as another tab would) appears without reloading.
          const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
          const response = await page
            .context()
            .request.post(`${baseUrl()}/api/v1/companies/${companyId}/numbers/${msisdn}/device-registrations`, {
              headers: { 'x-csrf-token': csrf, 'accept-language': language },
              data: { imei, kind: 'register' },
            });
          expect(response.status()).toBe(202);
          const { id } = (await response.json()) as PortalRequest;
          await pollLong(() => row.count()).toBe(1);
          expect(await row.textContent()).toContain(l('requests.kinds.device_register'));
          await pollLong(() => row.textContent()).toContain(l('requests.status.succeeded'));
          const request = await requestOf(page, companyId, id, language);
          expect(request.message).toContain(imei);
          expect(await row.textContent()).toContain(request.message);
          await checkAtWidths(page, `requests-${language}`);
          // The narrow layout shows the same request as a card.
          await page.setViewportSize({ width: 375, height: 812 });
          const card = page.getByRole('listitem').filter({ hasText: formatted(msisdn) });
          await poll(() => card.textContent()).toContain(l('requests.status.succeeded'));
          await page.setViewportSize({ width: 1440, height: 900 });
        } finally {
          await restoreLanguage(page, original);
          await page.context().close();
        }
      },
      TIMEOUT,
    );
  });
}
