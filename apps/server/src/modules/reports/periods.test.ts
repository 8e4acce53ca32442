import { addDays, addMonths, almatyDateOf, almatyDayStart, lastOfMonth } from '@portal/calendar';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/errors.js';
import { type PeriodKind, resolvePeriod } from './periods.js';

/** The refusal of a period: its code and the field it names. */
function refusal(kind: PeriodKind, from: string | undefined, to: string | undefined, today: string) {
  try {
    resolvePeriod(kind, { from, to }, today);
  } catch (err) {
    const e = err as AppError;
    const fields = e.details.fields as { field: string; code: string }[];
    return { code: e.code, field: fields[0]?.field, params: e.params };
  }
  return null;
}

describe('report periods, each rule at its edge (F34, F35, F37)', () => {
  const today = '2026-11-27';

  it('invoice register: the past 3 years — exactly 3 years back is allowed, a day more is refused', () => {
    expect(resolvePeriod('invoice-register', { from: '2023-11-27', to: today }, today)).toEqual({
      from: '2023-11-27',
      to: today,
    });
    expect(refusal('invoice-register', '2023-11-26', today, today)).toMatchObject({
      code: 'period_too_old',
      field: 'from',
      params: { earliest: '27.11.2023' },
    });
  });

  it('reconciliation: 36 months back is allowed, 36 months and a day is refused', () => {
    const closed = lastOfMonth(addMonths(today, -1)); // 2026-10-31
    expect(resolvePeriod('reconciliation', { from: '2023-11-27', to: closed }, today)).toEqual({
      from: '2023-11-27',
      to: '2026-10-31',
    });
    expect(refusal('reconciliation', '2023-11-26', closed, today)).toMatchObject({
      code: 'period_too_old',
      field: 'from',
    });
  });

  it('reconciliation: a month is available from the 1st of the next month', () => {
    // On 30 November, October is closed but November is not.
    expect(resolvePeriod('reconciliation', { from: '2026-10-01', to: '2026-10-31' }, '2026-11-30').to).toBe(
      '2026-10-31',
    );
    expect(refusal('reconciliation', '2026-11-01', '2026-11-01', '2026-11-30')).toMatchObject({
      code: 'period_not_closed',
      field: 'to',
      params: { month: '11.2026', availableFrom: '01.12.2026' },
    });
    // On 1 December November becomes available.
    expect(resolvePeriod('reconciliation', { from: '2026-11-01', to: '2026-11-30' }, '2026-12-01').to).toBe(
      '2026-11-30',
    );
    expect(refusal('reconciliation', '2026-11-01', '2026-11-30', '2026-11-30')).toMatchObject({
      code: 'period_not_closed',
    });
  });

  it('payments: the past 6 months — exactly 6 months back is allowed, a day more is refused', () => {
    expect(resolvePeriod('payments', { from: '2026-05-27', to: today }, today).from).toBe('2026-05-27');
    expect(refusal('payments', '2026-05-26', today, today)).toMatchObject({
      code: 'period_too_old',
      field: 'from',
      params: { earliest: '27.05.2026' },
    });
  });

  it('counts months on the calendar: 6 months before 31 August is 29 February in a leap year', () => {
    expect(addMonths('2028-08-31', -6)).toBe('2028-02-29');
    expect(resolvePeriod('payments', { from: '2028-02-29', to: '2028-08-31' }, '2028-08-31').from).toBe('2028-02-29');
    expect(refusal('payments', '2028-02-28', '2028-08-31', '2028-08-31')?.code).toBe('period_too_old');
  });

  it('refuses an end before the start, an end after today and a date that does not exist', () => {
    expect(refusal('payments', '2026-11-10', '2026-11-09', today)).toMatchObject({
      code: 'period_start_after_end',
      field: 'to',
    });
    expect(resolvePeriod('payments', { from: today, to: today }, today)).toEqual({ from: today, to: today });
    expect(refusal('invoice-register', '2026-11-01', '2026-11-28', today)).toMatchObject({
      code: 'period_in_future',
      field: 'to',
    });
    expect(refusal('usage', '2026-02-30', today, today)).toMatchObject({ code: 'field_invalid', field: 'from' });
  });

  it('fills defaults: the past month up to today; the reconciliation: last month', () => {
    expect(resolvePeriod('usage', {}, today)).toEqual({ from: '2026-10-27', to: today });
    expect(resolvePeriod('actions', { from: '2026-11-01' }, today)).toEqual({ from: '2026-11-01', to: today });
    expect(resolvePeriod('reconciliation', {}, today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('uses Almaty days: UTC+5 now, UTC+6 before March 2024', () => {
    expect(almatyDateOf(new Date('2026-11-26T19:00:00Z'))).toBe('2026-11-27');
    expect(almatyDateOf(new Date('2026-11-26T18:59:59Z'))).toBe('2026-11-26');
    expect(almatyDayStart('2026-11-27').toISOString()).toBe('2026-11-26T19:00:00.000Z');
    expect(almatyDayStart('2024-01-10').toISOString()).toBe('2024-01-09T18:00:00.000Z');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
