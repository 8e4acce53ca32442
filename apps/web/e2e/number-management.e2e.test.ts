import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminASession,
  baseUrl,
  checkAtWidths,
  launch,
  newPage,
  openProfile,
  poll,
  type SessionState,
} from './browser';

// Issue 4 "Number management": F10 (row menu, tariff filter), F11–F18 (profile, tabs, allowances, services),
// F20 (block / unblock), F23 (call forwarding). The journeys share one server with the other browser tests:
// 77010542001 is only read; every number changed here is put back as it was (services, status, forwardings).

/** The manual's numbers (large company of administrator A). */
const MANUAL_NUMBER = { msisdn: '77010542001', shown: '+7 701 054 20 01' };
/** Two device contracts, the older one the manual's iPhone 11. */
const CONTRACTS_NUMBER = '77010542006';
/** Has "Registration on roaming network", so "Business travel" can be connected, as in the manual. */
const SERVICES_NUMBER = '77011441876';
/** No forwardings in the demo data. */
const FORWARDING_NUMBER = { msisdn: '77010542285', shown: '+7 701 054 22 85' };

const TIMEOUT = 150_000;

let browser: Browser;
let storageState: SessionState;

beforeAll(async () => {
  browser = await launch();
  // One login for the file: every journey starts in a fresh context with its cookies.
  storageState = await adminASession(browser);
});

afterAll(async () => {
  await browser?.close();
});

/** The value beside a label in the profile's "label — value" lists. */
function valueBeside(scope: Page | Locator, label: string | RegExp): Locator {
  const page = 'goto' in scope ? scope : scope.page();
  return scope
    .locator('.mantine-DataList-item')
    .filter({ has: page.locator('.mantine-DataList-itemLabel').getByText(label, { exact: true }) })
    .locator('.mantine-DataList-itemValue');
}

function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.mantine-Notification-root').filter({ hasText: text });
}

/** Picks an option of a Mantine Select by the field's label (with or without the required mark). */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Moves a switch with the keyboard, as a user without a mouse would. */
async function press(switchControl: Locator) {
  await switchControl.focus();
  await switchControl.press('Space');
}

function servicesSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Services' });
}

function dialog(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name });
}

describe('number management (F10–F18, F20, F23)', () => {
  it(
    'F10–F15: finds a number, opens its profile and reads General information, SIM card and device, Contract phone',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await page.goto(`${baseUrl()}/numbers`);
        await page.getByRole('searchbox', { name: 'Search' }).fill('0542001');
        await poll(() => page.getByRole('row').count()).toBe(2);
        await page.getByRole('link', { name: MANUAL_NUMBER.shown }).click();
        await page.getByRole('heading', { level: 1, name: MANUAL_NUMBER.shown }).waitFor();

        // Header and breadcrumb as in the manual.
        const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
        await poll(() => breadcrumb.textContent()).toMatch(/Number management\s*›\s*Number information/);
        await poll(() => page.getByText(/^since \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/).isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: 'Block', exact: true }).isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: 'Refresh' }).isVisible()).toBe(true);

        // F12 details and F13 General information.
        await poll(() => valueBeside(page, 'Tariff').textContent()).toBe('Карт Бланш+ 1000');
        const tabs = page.getByRole('tablist', { name: 'Number information' });
        expect(await tabs.getByRole('tab').allTextContents()).toEqual([
          'General information',
          'SIM card and device',
          'Contract phone',
        ]);
        await poll(() => valueBeside(page, 'Personal account').textContent()).toBe('25602051');
        expect(await valueBeside(page, 'Billing method').textContent()).toBe('Credit');
        expect(await valueBeside(page, 'eSIM').textContent()).toBe('Disabled');
        await checkAtWidths(page, 'f13-general-information');

        // Refresh fetches the number again and keeps the page.
        await page.getByRole('button', { name: 'Refresh' }).click();
        await poll(() => valueBeside(page, 'Personal account').textContent()).toBe('25602051');

        // F14: PIN/PUK masked until "Show"; the manual's values.
        await tabs.getByRole('tab', { name: 'SIM card and device' }).click();
        await poll(() => valueBeside(page, 'ICCID').textContent()).toBe('89997022001210685270');
        expect(await valueBeside(page, 'Replacement date').textContent()).toBe('06.11.2023 09:55');
        expect(await valueBeside(page, 'PIN2').textContent()).toContain('••••');
        expect(await valueBeside(page, 'PIN2').textContent()).not.toContain('9098');
        await checkAtWidths(page, 'f14-sim-masked');
        await page.getByRole('button', { name: 'Show PIN2' }).click();
        await poll(() => valueBeside(page, 'PIN2').textContent()).toContain('9098');
        expect(await valueBeside(page, 'PUK1').textContent()).toContain('••••');
        await page.getByRole('button', { name: 'Show PUK1' }).click();
        await poll(() => valueBeside(page, 'PUK1').textContent()).toContain('13178690');
        await checkAtWidths(page, 'f14-sim-revealed');
        await page.getByRole('button', { name: 'Hide PIN2' }).click();
        await poll(() => valueBeside(page, 'PIN2').textContent()).not.toContain('9098');

        // F15: no contract on this number.
        await tabs.getByRole('tab', { name: 'Contract phone' }).click();
        await poll(() => page.getByText('No contracts').isVisible()).toBe(true);
        await checkAtWidths(page, 'f15-contract-empty');

        // F15: several contracts: a selector labelled with the truncated device name, ⓘ on three lines.
        await openProfile(page, CONTRACTS_NUMBER);
        await page.getByRole('tab', { name: 'Contract phone' }).click();
        const selector = page.getByRole('combobox', { name: 'Contract' });
        await poll(() => selector.inputValue()).toBe('ТЕЛЕФОН IPHONE 15 BLAC...');
        await selector.click();
        await page.getByRole('option', { name: 'ТЕЛЕФОН IPHONE 11 BLAC...' }).click();
        await poll(() => valueBeside(page, 'Device name').textContent()).toBe('ТЕЛЕФОН IPHONE 11 BLACK 128 GB');
        expect(await valueBeside(page, 'Activation date').textContent()).toBe('27.06.2024');
        expect(await valueBeside(page, /^Termination date/).textContent()).toBe('31.05.2025');
        expect(await valueBeside(page, /^Contract term/).textContent()).toBe('12 mths');
        expect(await valueBeside(page, /^Monthly payment/).textContent()).toBe('900.00\u00a0₸');
        expect(await valueBeside(page, 'Contract price').textContent()).toBe('1,200.00\u00a0₸');
        expect(await valueBeside(page, 'Name of promotional offer').textContent()).toBe('Business Phone Plus');
        expect(await valueBeside(page, 'Device type').textContent()).toBe('Телефон');
        for (const label of ['Termination date', 'Contract term', 'Monthly payment']) {
          expect(await page.getByRole('button', { name: `About: ${label}` }).isVisible()).toBe(true);
        }
        await page.getByRole('button', { name: 'About: Contract term' }).click();
        await poll(() => page.getByText('For how many months the device is paid in instalments.').isVisible()).toBe(
          true,
        );
        await checkAtWidths(page, 'f15-contract-phone');
        await page.keyboard.press('Escape');
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F16: remaining and additional allowances',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, MANUAL_NUMBER.msisdn);
        const allowances = page.getByRole('region', { name: 'Allowances' });
        const onNet = allowances.getByRole('listitem').filter({ hasText: 'Unlimited calls to Kcell/activ' });
        await poll(() => onNet.textContent()).toMatch(/Unlimited/);
        expect(await onNet.textContent()).toMatch(/Connection date\s*\d{2}\.\d{2}\.\d{4}/);
        expect(await onNet.textContent()).toMatch(/Available until\s*\d{2}\.\d{2}\.\d{4}/);
        await checkAtWidths(page, 'f16-remaining-allowances');

        await allowances.getByRole('tab', { name: 'Additional allowances' }).click();
        const landline = allowances.getByRole('listitem').filter({ hasText: 'Minutes to KZ landlines' });
        await poll(() => landline.textContent()).toMatch(/Available\s*50\.00 min of 50\.00 min/);
        const sms = allowances.getByRole('listitem').filter({ hasText: 'SMS to all KZ mobiles' });
        expect(await sms.textContent()).toMatch(/Available\s*500 SMS of 500 SMS/);
        await checkAtWidths(page, 'f16-additional-allowances');
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F17, F18: connects "Business travel" after the confirmation, disconnects it; unavailable services say why',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, SERVICES_NUMBER);
        const services = servicesSection(page);
        await poll(() => services.getByRole('tab').allTextContents()).toEqual([
          expect.stringMatching(/^Calls and SMS/),
          expect.stringMatching(/^Data/),
          expect.stringMatching(/^Roaming/),
          expect.stringMatching(/^Additional services/),
          expect.stringMatching(/^Promotions/),
        ]);
        await services.getByRole('tab', { name: /^Roaming/ }).click();

        // Operator-only: shown, switched on, but disabled, with the reason.
        const registration = services.getByRole('switch', { name: 'Registration on roaming network' });
        await poll(() => registration.isDisabled()).toBe(true);
        expect(await registration.isChecked()).toBe(true);
        const registrationRow = services.getByRole('listitem').filter({ hasText: 'Registration on roaming network' });
        expect(await registrationRow.textContent()).toContain('is connected and disconnected only by the operator');

        // The terms behind ⓘ.
        await services.getByRole('button', { name: 'Terms of «Business travel»' }).click();
        await poll(() =>
          page
            .getByText(/Requires registration on roaming network/)
            .first()
            .isVisible(),
        ).toBe(true);
        await page.keyboard.press('Escape');

        // Connect: confirmation, Back leaves it off, Continue connects.
        const travel = services.getByRole('switch', { name: 'Business travel' });
        expect(await travel.isChecked()).toBe(false);
        await press(travel);
        const connect = dialog(page, 'Service connection');
        await poll(() => connect.textContent()).toContain(
          'Are you sure you want to connect the package "Business travel"?',
        );
        await checkAtWidths(page, 'f17-service-connect-confirm');
        await connect.getByRole('button', { name: 'Back' }).click();
        await poll(() => connect.isVisible()).toBe(false);
        expect(await travel.isChecked()).toBe(false);

        await press(travel);
        await connect.getByRole('button', { name: 'Continue' }).click();
        await poll(() => notification(page, 'The package "Business travel" has been connected.').isVisible()).toBe(
          true,
        );
        await poll(() => travel.isChecked()).toBe(true);
        await checkAtWidths(page, 'f17-service-connected');

        // Disconnect it again (the number is as it was).
        await press(travel);
        const disconnect = dialog(page, 'Service disconnection');
        await poll(() => disconnect.textContent()).toContain(
          'Are you sure you want to disable the package "Business travel"?',
        );
        await disconnect.getByRole('button', { name: 'Continue' }).click();
        await poll(() => travel.isChecked()).toBe(false);
        await poll(() => notification(page, 'The package "Business travel" has been disabled.').isVisible()).toBe(true);

        // One data pack at a time: the others are disabled and say which one to disconnect first.
        await services.getByRole('tab', { name: /^Data/ }).click();
        const tenGb = services.getByRole('switch', { name: 'Internet 10 GB' });
        await poll(() => tenGb.isDisabled()).toBe(true);
        const tenGbRow = services.getByRole('listitem').filter({ hasText: 'Internet 10 GB' });
        expect(await tenGbRow.textContent()).toContain('Disconnect «Internet 5 GB» first.');

        // F18: the restrictions are among the additional services.
        await services.getByRole('tab', { name: /^Additional services/ }).click();
        for (const name of ['USSD and short-code access ban', 'Subscription (content) blocking', 'Hidden caller ID']) {
          const row = services.getByRole('listitem').filter({ hasText: name });
          await poll(() => row.textContent()).toContain('Restriction');
          expect(await services.getByRole('switch', { name }).isDisabled()).toBe(false);
        }
        await checkAtWidths(page, 'f18-restrictions');

        // A refusal: "Night unlimited internet" gets connected elsewhere while this page still shows it off.
        await services.getByRole('tab', { name: /^Data/ }).click();
        const night = services.getByRole('switch', { name: 'Night unlimited internet' });
        await poll(() => night.isChecked()).toBe(false);
        const status = await page.evaluate(async (msisdn) => {
          const company = new URL(window.location.href).searchParams.get('company');
          const csrf = /(?:^|; )csrf_token=([^;]+)/.exec(document.cookie)?.[1] ?? '';
          const response = await fetch(`/api/v1/companies/${company}/numbers/${msisdn}/services/data_night`, {
            method: 'PUT',
            headers: { 'X-CSRF-Token': decodeURIComponent(csrf) },
          });
          return response.status;
        }, SERVICES_NUMBER);
        expect(status).toBe(200);
        await press(night);
        await connect.getByRole('button', { name: 'Continue' }).click();
        const nightRow = services.getByRole('listitem').filter({ hasText: 'Night unlimited internet' });
        await poll(() => nightRow.getByRole('alert').textContent()).toBe(
          '«Night unlimited internet» is already connected.',
        );
        // The switch shows what the number really has.
        await poll(() => night.isChecked()).toBe(true);
        await checkAtWidths(page, 'f17-service-refused');
        // Put it back, through the page.
        await press(night);
        await disconnect.getByRole('button', { name: 'Continue' }).click();
        await poll(() => night.isChecked()).toBe(false);
        expect(await nightRow.getByRole('alert').count()).toBe(0);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F10, F20: blocks an active number from its profile, unblocks it from the list’s row menu',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        // An active number of the large company, through the status and tariff filters.
        await page.goto(`${baseUrl()}/numbers?status=active`);
        await page.getByRole('table').waitFor();
        await choose(page, 'Tariff', 'Business M2M Telemetry');
        await page.waitForURL(/tariff=business_m2m/);
        await poll(() => page.getByRole('row').nth(1).textContent()).toMatch(/Business M2M Telemetry/);
        await checkAtWidths(page, 'f10-tariff-filter');
        const link = page.getByRole('row').nth(1).getByRole('link');
        const shown = ((await link.textContent()) ?? '').trim();
        const msisdn = shown.replace(/\D/g, '');
        expect(msisdn).not.toBe(MANUAL_NUMBER.msisdn);
        await link.click();
        await page.getByRole('heading', { level: 1, name: shown }).waitFor();

        // Block, with the confirmation.
        await page.getByRole('button', { name: 'Block', exact: true }).click();
        const block = dialog(page, 'Block the number');
        await poll(() => block.textContent()).toContain(`Are you sure you want to block the number ${shown}?`);
        await checkAtWidths(page, 'f20-block-confirm');
        await block.getByRole('button', { name: 'Block', exact: true }).click();
        await poll(() => notification(page, 'Status has been successfully changed').isVisible()).toBe(true);
        await poll(() => block.isVisible()).toBe(false);
        await poll(() => page.getByRole('button', { name: 'Unblock', exact: true }).isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: 'Block', exact: true }).count()).toBe(0);
        await poll(() => page.getByRole('main').getByText('Blocked', { exact: true }).first().isVisible()).toBe(true);
        await checkAtWidths(page, 'f20-blocked');

        // Unblock from the list: row menu (three stripes) → Unblock → confirm.
        await page.goto(`${baseUrl()}/numbers?status=blocked&q=${msisdn}`);
        await poll(() => page.getByRole('row').count()).toBe(2);
        await page.getByRole('button', { name: `Actions for ${shown}` }).click();
        await poll(() => page.getByRole('menuitem').allTextContents()).toEqual([
          'Open number profile',
          'Unblock',
          'SIM card replacement',
          'Usage details',
          'Device registration (IMEI)',
          'Call forwarding',
          'eSIM replacement',
        ]);
        await checkAtWidths(page, 'f10-row-menu', [1440]);
        await page.getByRole('menuitem', { name: 'Unblock' }).click();
        const unblock = dialog(page, 'Unblock the number');
        await poll(() => unblock.textContent()).toContain(`Are you sure you want to unblock the number ${shown}?`);
        await unblock.getByRole('button', { name: 'Unblock', exact: true }).click();
        await poll(() => notification(page, 'Status has been successfully changed').isVisible()).toBe(true);
        // It is no longer among the blocked numbers.
        await poll(() => page.getByText('No numbers found').isVisible()).toBe(true);

        await openProfile(page, msisdn);
        await poll(() => page.getByRole('button', { name: 'Block', exact: true }).isVisible()).toBe(true);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F20: a number blocked for debt has no Unblock, only the explanation',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await page.goto(`${baseUrl()}/numbers?status=blocked_debt`);
        await poll(() => page.getByRole('row').nth(1).textContent()).toMatch(/Blocked \/ Debt/);
        const link = page.getByRole('row').nth(1).getByRole('link');
        const shown = ((await link.textContent()) ?? '').trim();

        // The row menu: no Unblock, the reason instead.
        await page.getByRole('button', { name: `Actions for ${shown}` }).click();
        await poll(() => page.getByRole('menuitem').allTextContents()).toEqual([
          'Open number profile',
          'SIM card replacement',
          'Usage details',
          'Device registration (IMEI)',
          'Call forwarding',
          'eSIM replacement',
        ]);
        expect(await page.getByRole('menu').textContent()).toContain('Blocked for debt');
        await checkAtWidths(page, 'f20-blocked-debt-row-menu', [1440]);
        await page.keyboard.press('Escape');

        await link.click();
        await page.getByRole('heading', { level: 1, name: shown }).waitFor();
        await poll(() =>
          page.getByText('The number is blocked by the operator for debt, so it cannot be unblocked here.').isVisible(),
        ).toBe(true);
        expect(await page.getByRole('button', { name: 'Unblock', exact: true }).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Block', exact: true }).count()).toBe(0);
        await checkAtWidths(page, 'f20-blocked-debt');
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F23: adds a forwarding to "Missed call notification 2050", sees it, is refused a conflicting one, removes it',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, FORWARDING_NUMBER.msisdn);
        await page.getByRole('button', { name: `Actions for ${FORWARDING_NUMBER.shown}` }).click();
        await page.getByRole('menuitem', { name: 'Call forwarding' }).click();
        const forwarding = dialog(page, 'Call forwarding');
        await poll(() => forwarding.textContent()).toContain(`Number: ${FORWARDING_NUMBER.shown}`);

        // Nothing set: the form (step 1 type, step 2 direction, step 3 service), Back / Add.
        await poll(() => forwarding.getByRole('button', { name: 'Add' }).isVisible()).toBe(true);
        await forwarding.getByRole('button', { name: 'Add' }).click();
        await poll(() => forwarding.textContent()).toContain('Select the type of forwarding');
        await choose(page, 'Type of forwarding', 'Unconditional');
        await choose(page, 'Direction', 'For the service');
        await choose(page, 'Service', 'Missed call notification 2050');
        await checkAtWidths(page, 'f23-forwarding-form');
        await forwarding.getByRole('button', { name: 'Add' }).click();
        await poll(() => notification(page, 'Call forwarding added: Unconditional.').isVisible()).toBe(true);

        // The list: what is set, with Remove.
        const item = forwarding.getByRole('listitem');
        await poll(() => item.count()).toBe(1);
        expect(await valueBeside(item, 'Type of forwarding').textContent()).toBe('Unconditional');
        expect(await valueBeside(item, 'Direction').textContent()).toBe('For the service');
        expect(await valueBeside(item, 'Service').textContent()).toBe('Missed call notification 2050');
        await checkAtWidths(page, 'f23-forwarding-list');

        // A conditional forwarding while the unconditional one is set: the server's reason; a bad number is caught.
        await forwarding.getByRole('button', { name: 'Add' }).click();
        await choose(page, 'Type of forwarding', 'When busy');
        await choose(page, 'Direction', 'To number');
        const target = forwarding.getByRole('textbox', { name: /^Number/ });
        await target.fill('701 054');
        await forwarding.getByRole('button', { name: 'Add' }).click();
        await poll(() => forwarding.textContent()).toContain('Enter a Kazakhstani mobile number: +7 7XX XXX XX XX.');
        await target.fill('7010542001');
        await forwarding.getByRole('button', { name: 'Add' }).click();
        await poll(() => forwarding.getByRole('alert').textContent()).toContain(
          'Unconditional forwarding is set and overrides all other forwardings. Remove it first.',
        );
        await checkAtWidths(page, 'f23-forwarding-conflict');
        await forwarding.getByRole('button', { name: 'Back' }).click();

        // Remove, after the confirmation.
        await forwarding.getByRole('button', { name: 'Remove forwarding: Unconditional' }).click();
        await poll(() => forwarding.textContent()).toContain('Remove the forwarding «Unconditional»?');
        await forwarding.getByRole('button', { name: 'Remove', exact: true }).click();
        await poll(() => notification(page, 'Call forwarding removed: Unconditional.').isVisible()).toBe(true);
        await poll(() => forwarding.textContent()).toContain('No call forwarding is set for this number.');
        await checkAtWidths(page, 'f23-forwarding-removed');
        await forwarding.getByRole('button', { name: 'Cancel' }).click();
        await poll(() => forwarding.isVisible()).toBe(false);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'F07: the profile in Russian and Kazakh, and back',
    async () => {
      const page = await newPage(browser, storageState);
      try {
        await openProfile(page, MANUAL_NUMBER.msisdn);
        // The administrator's language on the server, put back at the end (switching stores it there).
        const original = await page.evaluate(async () => {
          const response = await fetch('/api/v1/me', { headers: { accept: 'application/json' } });
          return ((await response.json()) as { language: string }).language;
        });
        await checkAtWidths(page, 'f07-profile-en');
        const languages = page.getByRole('group', { name: 'Language' });

        await languages.getByRole('button', { name: 'RU' }).click();
        await poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
        await poll(() => page.getByRole('heading', { name: 'Детали номера' }).isVisible()).toBe(true);
        expect(
          await page.getByRole('tablist', { name: 'Информация о номере' }).getByRole('tab').allTextContents(),
        ).toEqual(['Общая информация', 'SIM-карта и устройство', 'Контрактный телефон']);
        await poll(() => page.getByRole('navigation', { name: 'Навигационная цепочка' }).textContent()).toMatch(
          /Управление номерами\s*›\s*Информация о номере/,
        );
        // Server texts follow: the services' names come in Russian.
        const services = page.getByRole('region', { name: 'Услуги' });
        await poll(() => services.getByRole('switch', { name: 'Безлимитные звонки на Kcell/activ' }).count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Заблокировать' }).isVisible()).toBe(true);
        expect(await valueBeside(page, 'Метод расчёта').textContent()).toBe('Кредитный');
        await checkAtWidths(page, 'f07-profile-ru');

        await page.getByRole('group', { name: 'Язык' }).getByRole('button', { name: 'KK' }).click();
        await poll(() => page.evaluate(() => document.documentElement.lang)).toBe('kk');
        await poll(() => page.getByRole('region', { name: 'Қызметтер' }).isVisible()).toBe(true);
        await poll(() => page.getByRole('tab', { name: 'Жалпы ақпарат' }).isVisible()).toBe(true);
        await poll(() => page.getByRole('switch', { name: 'Kcell/activ нөмірлеріне шексіз қоңыраулар' }).count()).toBe(
          1,
        );
        await checkAtWidths(page, 'f07-profile-kk');

        await page.getByRole('group', { name: /Тіл/ }).getByRole('button', { name: original.toUpperCase() }).click();
        await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(original);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );
});
