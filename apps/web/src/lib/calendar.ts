import { addDays, addMonths, lastOfMonth, type Period } from '@portal/calendar';

/**
 * Calendar dates of the report forms: `YYYY-MM-DD` strings, days in Asia/Almaty as the server counts them (the
 * arithmetic is the workspace package @portal/calendar, shared with the server). The server is the authority on the
 * periods (it answers 400 naming the field); these only fill in the defaults and the hints.
 */

/** The forms' default: the past month up to today. */
export function lastMonthPeriod(today: string): Period {
  return { from: addMonths(today, -1), to: today };
}

/** The reconciliation statement's default: the last closed month (a month is available from the 1st of the next). */
export function lastClosedMonth(today: string): Period {
  const from = addMonths(`${today.slice(0, 7)}-01`, -1);
  return { from, to: lastOfMonth(from) };
}

/** The last day of the month before today's: the latest end a reconciliation statement can have. */
export function endOfLastMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1);
}
