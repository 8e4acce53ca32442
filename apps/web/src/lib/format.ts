import { almatyLocalMs } from '@portal/calendar';
import type { Language } from './languages';

export type Money = { amount: string; currency: string };

const NBSP = '\u00a0';
const CURRENCY_SYMBOLS: Record<string, string> = { KZT: '₸' };

/**
 * Digits in groups of three: `1234567` → `1,234,567` (en) or `1 234 567` (ru, kk; non-breaking spaces), as Intl's
 * en-US and ru-RU formats write them. Done by hand: the first Intl.NumberFormat a page makes loads ICU's number data,
 * ≈50 ms of main thread in the middle of the numbers list's first render (measured in Chromium).
 */
function groupDigits(digits: string, language: Language): string {
  const separator = language === 'en' ? ',' : NBSP;
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) grouped += separator + digits.slice(i, i + 3);
  return grouped;
}

/**
 * Formats a decimal string (e.g. "9970.33") without ever going through a float: the integer part's digits are
 * grouped as written, the fraction is kept as written (padded to `fractionDigits`; dropped when `fractionDigits` is 0 and
 * it is all zeros). Spaces are non-breaking. Returns undefined when the text isn't a decimal number.
 */
export function formatDecimal(amount: string, language: Language, fractionDigits = 2): string | undefined {
  const match = /^([-+])?(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return undefined;
  const [, sign, integerPart = '0', fractionPart = ''] = match;
  const grouped = groupDigits(integerPart.replace(/^0+(?=\d)/, ''), language);
  const significant = /[1-9]/.test(fractionPart);
  const fraction = fractionDigits === 0 && !significant ? '' : fractionPart.padEnd(fractionDigits, '0');
  const decimalSeparator = language === 'en' ? '.' : ',';
  const isNegative = sign === '-' && /[1-9]/.test(integerPart + fractionPart);
  return `${isNegative ? '-' : ''}${grouped}${fraction ? `${decimalSeparator}${fraction}` : ''}`;
}

/** A money object as `9 970,33 ₸` (ru, kk) or `9,970.33 ₸` (en): always two decimals, non-breaking spaces. */
export function formatMoney(money: Money, language: Language): string {
  const symbol = CURRENCY_SYMBOLS[money.currency] ?? money.currency;
  return `${formatDecimal(money.amount, language) ?? money.amount}${NBSP}${symbol}`;
}

/** ISO timestamp → `dd.mm.yyyy hh:mm` in Asia/Almaty time. Returns the input unchanged when it isn't a date. */
export function formatDateTime(iso: string): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  // Almaty's wall clock by the portal's rule (@portal/calendar), read back as UTC: no Intl time zone data to load.
  const local = new Date(almatyLocalMs(time)).toISOString();
  return `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** `77012112101` → `+7 701 211 21 01`; anything else is returned as it came. */
export function formatMsisdn(msisdn: string): string {
  const match = /^7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(msisdn);
  if (!match) return msisdn;
  return `+7 ${match[1]} ${match[2]} ${match[3]} ${match[4]}`;
}

/**
 * A calendar date as `dd.mm.yyyy`: `2025-05-31` is taken as written (no time zone shift), an ISO timestamp is shown as
 * its day in Asia/Almaty. Returns the input unchanged when it isn't a date.
 */
export function formatDate(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}.${day[2]}.${day[1]}`;
  const dateTime = formatDateTime(value);
  return dateTime === value ? value : dateTime.slice(0, 10);
}
