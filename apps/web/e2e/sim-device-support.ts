import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, formatted, poll, type SessionState } from './browser';

// Shared by the browser journeys of issue 6 (F21 SIM, F22 eSIM, F24–F26 IMEI, B4 requests centre).

export type Language = 'en' | 'ru' | 'kk';
type Company = { id: string; alias: string | null };
type ListedNumber = { msisdn: string; status: string };
export type DeviceStatus = {
  lastDetectedImei: string | null;
  registrationStatus: 'registered' | 'not_registered' | 'pending';
  registeredImeis: string[];
  lastOutcome: string | null;
  pendingRequestId: string | null;
  history: { id: string; imei: string; kind: string; state: string; requestId: string | null }[];
};
export type PortalRequest = {
  id: string;
  kind: string;
  status: string;
  msisdn: string | null;
  message: string | null;
  error?: { code: string; message: string } | null;
};
export type OutboxMessage = { id: string; to: string; text: string; channel?: string };

/** The manual's numbers and administrator A's own: the other browser tests use them. */
export const RESERVED = new Set(['77010542001', '77010542006', '77011441876', '77010542285', '77012112101']);
/** Administrator A's phone: SMS about requests go there. */
export const ADMIN_A_PHONE = '77012112101';

const localesDir = resolve(import.meta.dirname, '../src/locales');
const locales = new Map<Language, Record<string, unknown>>();

/** A text of the web app's locale file, `{{name}}` filled in from `params` (as i18next does). */
export function tr(language: Language, key: string, params: Record<string, string> = {}): string {
  let messages = locales.get(language);
  if (!messages) {
    messages = JSON.parse(readFileSync(resolve(localesDir, `${language}.json`), 'utf8')) as Record<string, unknown>;
    locales.set(language, messages);
  }
  let value: unknown = messages;
  for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value !== 'string') throw new Error(`no text ${key} in ${language}.json`);
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? `{{${name}}}`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function getJson<T>(page: Page, path: string, language: Language = 'en'): Promise<T> {
  const response = await page.context().request.get(`${baseUrl()}${path}`, {
    headers: { 'accept-language': language },
  });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Administrator A's large company and its active numbers that the manual's journeys leave alone. */
export async function largeCompanyNumbers(page: Page): Promise<{ companyId: string; numbers: string[] }> {
  const { items: companies } = await getJson<{ items: Company[] }>(page, '/api/v1/companies');
  const large = companies.find((candidate) => candidate.alias === 'Алатау Логистик') ?? companies[0];
  expect(large, 'the large company').toBeDefined();
  const companyId = String((large as Company).id);
  const { items } = await getJson<{ items: ListedNumber[] }>(
    page,
    `/api/v1/companies/${companyId}/numbers?status=active&limit=200`,
  );
  const numbers = items.filter((item) => item.status === 'active' && !RESERVED.has(item.msisdn)).map((n) => n.msisdn);
  return { companyId, numbers };
}

export function deviceOf(page: Page, companyId: string, msisdn: string): Promise<DeviceStatus> {
  return getJson<DeviceStatus>(page, `/api/v1/companies/${companyId}/numbers/${msisdn}/device`);
}

/**
 * Numbers whose last detected IMEI (14 digits) is not registered, with no request history, ending in one of
 * `lastDigits`. The registry simulator decides by that digit (integrations/imei-registry/simulated-imei-registry.ts,
 * rule 2): 8 → held by another owner of this operator (re-register), 9 → held with another provider (duplicate),
 * anything else → free (registered at once).
 */
export async function untouchedDevices(
  page: Page,
  companyId: string,
  candidates: readonly string[],
  lastDigits: RegExp,
  count: number,
  taken: Set<string>,
): Promise<{ msisdn: string; imei: string }[]> {
  const found: { msisdn: string; imei: string }[] = [];
  for (const msisdn of candidates) {
    if (found.length === count) break;
    if (taken.has(msisdn)) continue;
    const device = await deviceOf(page, companyId, msisdn);
    const imei = device.lastDetectedImei;
    if (
      imei &&
      /^\d{14}$/.test(imei) &&
      lastDigits.test(imei.at(-1) as string) &&
      device.registrationStatus === 'not_registered' &&
      device.registeredImeis.length === 0 &&
      device.history.length === 0 &&
      !device.pendingRequestId
    ) {
      found.push({ msisdn, imei });
      taken.add(msisdn);
    }
  }
  expect(found.length, `numbers with an unregistered IMEI ending in ${lastDigits}`).toBe(count);
  return found;
}

/** A number not yet taken that can get an eSIM (F22): active, not in roaming, its tariff allows eSIM. */
export async function numberNotRoaming(
  page: Page,
  companyId: string,
  candidates: readonly string[],
  taken: Set<string>,
): Promise<string> {
  for (const msisdn of candidates) {
    if (taken.has(msisdn)) continue;
    const details = await getJson<{ roaming: boolean; status: string; tariff: { code: string } }>(
      page,
      `/api/v1/companies/${companyId}/numbers/${msisdn}`,
    );
    // The demo's one tariff without eSIM is the M2M telemetry one.
    if (!details.roaming && details.status === 'active' && details.tariff.code !== 'business_m2m') {
      taken.add(msisdn);
      return msisdn;
    }
  }
  throw new Error('no number that can get an eSIM');
}

/** The dialog's "Registration status: …" line. */
export function registrationStatus(dialog: Locator, language: Language): Locator {
  return dialog.getByRole('status').filter({ hasText: tr(language, 'device.statusLabel') });
}

/** Any number not yet taken by another journey of the file. */
export function takeNumber(candidates: readonly string[], taken: Set<string>): string {
  const msisdn = candidates.find((candidate) => !taken.has(candidate));
  expect(msisdn, 'a free number').toBeDefined();
  taken.add(msisdn as string);
  return msisdn as string;
}

export async function outbox(): Promise<OutboxMessage[]> {
  const res = await fetch(`${baseUrl()}/dev/outbox`, { headers: { accept: 'application/json' } });
  const { items } = (await res.json()) as { items: OutboxMessage[] };
  return items;
}

/** The SMS texts administrator A got after outbox id `after`, newest first. */
export async function smsTo(recipient: string, after: number): Promise<string[]> {
  return (await outbox()).filter((m) => m.to === recipient && Number(m.id) > after).map((m) => m.text);
}

export async function requestOf(page: Page, companyId: string, id: string, language: Language = 'en') {
  return getJson<PortalRequest>(page, `/api/v1/companies/${companyId}/requests/${id}`, language);
}

/** A page in a fresh 1440 px context, logged in with `state`, whose interface starts in `language`. */
export async function pageIn(browser: Browser, state: SessionState, language: Language): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: language === 'en' ? 'en-US' : language === 'ru' ? 'ru-RU' : 'kk-KZ',
    timezoneId: 'Asia/Almaty',
    storageState: state,
  });
  return context.newPage();
}

/** Opens a number's profile and waits until its details are on screen, in `language`. */
export async function openProfileIn(page: Page, msisdn: string, language: Language) {
  await page.goto(`${baseUrl()}/numbers/${msisdn}`);
  await page.getByRole('heading', { level: 1, name: formatted(msisdn) }).waitFor();
  await page.getByRole('heading', { name: tr(language, 'numberProfile.details.title') }).waitFor();
}

/** Opens an action of the number's menu ("Actions for …") and returns its dialog. */
export async function openAction(page: Page, msisdn: string, action: string, language: Language = 'en') {
  await page.getByRole('button', { name: tr(language, 'numberActions.menu', { number: formatted(msisdn) }) }).click();
  await page.getByRole('menuitem', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  return dialog;
}

/** The value beside a label in the profile's "label — value" lists. */
export function valueBeside(scope: Page | Locator, label: string): Locator {
  const page = 'goto' in scope ? scope : scope.page();
  return scope
    .locator('.mantine-DataList-item')
    .filter({ has: page.locator('.mantine-DataList-itemLabel').getByText(label, { exact: true }) })
    .locator('.mantine-DataList-itemValue');
}

/** The texts tied to a field by aria-describedby (its description and its error). */
async function describedTexts(field: Locator): Promise<string> {
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const page = field.page();
  const texts = await Promise.all(
    describedBy
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' | ');
}

/**
 * The field shows `message` as its own error: the message is tied to it by aria-describedby and (text inputs) the
 * field is marked invalid.
 */
export async function expectFieldError(field: Locator, message: string, { invalid = true } = {}) {
  await poll(() => describedTexts(field), `${message}: tied to the field`).toContain(message);
  if (invalid) expect(await field.getAttribute('aria-invalid'), `${message}: the field is marked invalid`).toBe('true');
}

/** The field has no error any more. */
export async function expectNoFieldError(field: Locator) {
  await poll(() => field.getAttribute('aria-invalid')).not.toBe('true');
}

/** The interface and the administrator's stored language (SMS follow it), switched with the header's buttons. */
export async function switchLanguage(page: Page, from: Language, to: Language) {
  await page
    .getByRole('group', { name: tr(from, 'layout.language') })
    .getByRole('button', { name: to.toUpperCase() })
    .click();
  await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(to);
  await poll(async () => (await getJson<{ language: string }>(page, '/api/v1/me')).language).toBe(to);
}

/** Puts the administrator's stored language back (in a `finally`: whatever the journey did). */
export async function restoreLanguage(page: Page, language: Language) {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
  const response = await page.context().request.patch(`${baseUrl()}/api/v1/me`, {
    headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
    data: { language },
  });
  expect(response.status(), 'language put back').toBe(200);
}
