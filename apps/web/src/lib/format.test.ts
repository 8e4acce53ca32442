import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDecimal, formatMoney, formatMsisdn } from './format';

const NBSP = '\u00a0';
const kzt = (amount: string) => ({ amount, currency: 'KZT' });
/** Expected strings are written with ordinary spaces; the formatter uses non-breaking ones. */
const nb = (text: string) => text.replaceAll(' ', NBSP);

describe('formatMoney', () => {
  it('formats Russian and Kazakh as `9 970,33 ₸`', () => {
    expect(formatMoney(kzt('9970.33'), 'ru')).toBe(nb('9 970,33 ₸'));
    expect(formatMoney(kzt('9970.33'), 'kk')).toBe(nb('9 970,33 ₸'));
  });

  it('formats English as `9,970.33 ₸`', () => {
    expect(formatMoney(kzt('9970.33'), 'en')).toBe(nb('9,970.33 ₸'));
  });

  it('always shows two decimals (tiyn)', () => {
    expect(formatMoney(kzt('893'), 'ru')).toBe(nb('893,00 ₸'));
    expect(formatMoney(kzt('893.5'), 'en')).toBe(nb('893.50 ₸'));
    expect(formatMoney(kzt('0.00'), 'en')).toBe(nb('0.00 ₸'));
  });

  it('groups large amounts exactly, beyond float precision', () => {
    expect(formatMoney(kzt('1234567.89'), 'ru')).toBe(nb('1 234 567,89 ₸'));
    expect(formatMoney(kzt('1234567.89'), 'en')).toBe(nb('1,234,567.89 ₸'));
    expect(formatMoney(kzt('90071992547409931.07'), 'en')).toBe(nb('90,071,992,547,409,931.07 ₸'));
  });

  it('groups every length as Intl does (en-US, ru-RU), leading zeros dropped', () => {
    for (const digits of ['0', '7', '12', '999', '1000', '10000', '100000', '1000000', '12345678901']) {
      for (const language of ['en', 'ru', 'kk'] as const) {
        const intl = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'ru-RU').format(BigInt(digits));
        expect(formatDecimal(digits, language, 0), `${digits} in ${language}`).toBe(intl.replace(/\s/g, NBSP));
      }
    }
    expect(formatDecimal('0001500.5', 'en')).toBe('1,500.50');
    expect(formatDecimal('000', 'ru', 0)).toBe('0');
  });

  it('keeps the sign of negative amounts and drops it for zero', () => {
    expect(formatMoney(kzt('-1500.10'), 'ru')).toBe(nb('-1 500,10 ₸'));
    expect(formatMoney(kzt('-0.00'), 'en')).toBe(nb('0.00 ₸'));
  });

  it('uses non-breaking spaces only', () => {
    expect(formatMoney(kzt('9970.33'), 'ru')).not.toMatch(/ /);
  });

  it('shows the currency code for other currencies and leaves malformed amounts readable', () => {
    expect(formatMoney({ amount: '10.00', currency: 'USD' }, 'en')).toBe(nb('10.00 USD'));
    expect(formatMoney(kzt('abc'), 'en')).toBe(nb('abc ₸'));
  });
});

describe('formatDateTime', () => {
  it('shows Asia/Almaty time (UTC+5) as dd.mm.yyyy hh:mm', () => {
    expect(formatDateTime('2024-06-01T10:05:00Z')).toBe('01.06.2024 15:05');
    expect(formatDateTime('2025-12-31T19:30:00.000Z')).toBe('01.01.2026 00:30');
  });

  it('uses a 24-hour clock', () => {
    expect(formatDateTime('2025-03-10T18:00:00Z')).toBe('10.03.2025 23:00');
    expect(formatDateTime('2025-03-10T19:00:00Z')).toBe('11.03.2025 00:00');
  });

  it('returns what it got when it is not a date', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('formatMsisdn', () => {
  it('shows 11-digit numbers as +7 701 211 21 01', () => {
    expect(formatMsisdn('77012112101')).toBe('+7 701 211 21 01');
  });

  it('leaves anything else as it is', () => {
    expect(formatMsisdn('123')).toBe('123');
  });
});

describe('formatDecimal', () => {
  it('keeps two decimals and groups like money', () => {
    expect(formatDecimal('50.00', 'en')).toBe('50.00');
    expect(formatDecimal('20480.00', 'en')).toBe(nb('20,480.00'));
    expect(formatDecimal('20480.00', 'ru')).toBe(nb('20 480,00'));
    expect(formatDecimal('12.5', 'kk')).toBe('12,50');
  });

  it('drops an all-zero fraction when no decimals are wanted, keeps a real one', () => {
    expect(formatDecimal('500.00', 'en', 0)).toBe('500');
    expect(formatDecimal('1500', 'ru', 0)).toBe(nb('1 500'));
    expect(formatDecimal('12.50', 'en', 0)).toBe('12.50');
  });

  it('returns undefined for text that is not a decimal', () => {
    expect(formatDecimal('abc', 'en')).toBeUndefined();
  });
});

describe('formatDate', () => {
  it('formats a calendar date without shifting it', () => {
    expect(formatDate('2025-05-31')).toBe('31.05.2025');
  });

  it('formats a timestamp as its day in Almaty', () => {
    expect(formatDate('2023-11-06T03:55:00.000Z')).toBe('06.11.2023');
    expect(formatDate('2024-12-31T19:30:00.000Z')).toBe('01.01.2025');
  });

  it('returns other text unchanged', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});
