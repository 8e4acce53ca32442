/**
 * Period rules of the reports (F19, F31, F34, F35, F37), enforced by the server. Dates are Almaty
 * calendar days, both ends included; `today` comes from the database clock (or a test's `now`).
 */
import { addDays, addMonths, firstOfMonth, isValidDate, lastOfMonth } from '@portal/calendar';
import { AppError } from '../../lib/errors.js';
import { formatDate } from './dates.js';

export type PeriodKind = 'usage' | 'actions' | 'invoice-register' | 'reconciliation' | 'payments';

export interface Period {
  from: string;
  to: string;
}

/** How far back each report reaches, in months from today (none: any start). */
export const LOOKBACK_MONTHS: Partial<Record<PeriodKind, number>> = {
  'invoice-register': 36, // "the past 3 years"
  reconciliation: 36, // "only for the past 36 months"
  payments: 6, // "the past 6 months"
};

function fieldError(
  code: 'period_start_after_end' | 'period_in_future' | 'period_too_old' | 'period_not_closed' | 'field_invalid',
  field: 'from' | 'to',
  params: Record<string, string> = {},
): AppError {
  return new AppError(code, 400, { fields: [{ field, code }] }, params);
}

/** The default period of each form: the past month up to today; the reconciliation: last month. */
export function defaultPeriod(kind: PeriodKind, today: string): Period {
  if (kind === 'reconciliation') {
    const lastMonth = addMonths(firstOfMonth(today), -1);
    return { from: lastMonth, to: lastOfMonth(lastMonth) };
  }
  return { from: addMonths(today, -1), to: today };
}

/** The earliest start a report allows today, or null. */
export function earliestStart(kind: PeriodKind, today: string): string | null {
  const months = LOOKBACK_MONTHS[kind];
  return months === undefined ? null : addMonths(today, -months);
}

/**
 * The period of a request, defaults filled in, or a 400 naming the field at fault:
 * `from`/`to` not dates → field_invalid; from after to → period_start_after_end (to);
 * to after today → period_in_future (to); from before the report's reach → period_too_old (from);
 * reconciliation: to in a month not yet closed → period_not_closed (to), since a month's statement
 * is available from the 1st of the next month.
 */
export function resolvePeriod(kind: PeriodKind, input: Partial<Period>, today: string): Period {
  const defaults = defaultPeriod(kind, today);
  const from = input.from ?? defaults.from;
  const to = input.to ?? (input.from && kind !== 'reconciliation' ? today : defaults.to);
  if (!isValidDate(from)) throw fieldError('field_invalid', 'from');
  if (!isValidDate(to)) throw fieldError('field_invalid', 'to');
  if (from > to) throw fieldError('period_start_after_end', 'to', { from: formatDate(from), to: formatDate(to) });
  if (kind === 'reconciliation') {
    const closedUntil = addDays(firstOfMonth(today), -1);
    if (to > closedUntil) {
      throw fieldError('period_not_closed', 'to', {
        month: formatDate(firstOfMonth(to)).slice(3),
        availableFrom: formatDate(addMonths(firstOfMonth(to), 1)),
      });
    }
  } else if (to > today) {
    throw fieldError('period_in_future', 'to', { today: formatDate(today) });
  }
  const earliest = earliestStart(kind, today);
  if (earliest && from < earliest) throw fieldError('period_too_old', 'from', { earliest: formatDate(earliest) });
  return { from, to };
}
