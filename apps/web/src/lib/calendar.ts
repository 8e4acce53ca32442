import { TIME_ZONE } from './format';

/**
 * Calendar dates of the report forms: `YYYY-MM-DD` strings, days in Asia/Almaty as the server counts them. The server
 * is the authority on the periods (it answers 400 naming the field); these only fill in the defaults and the hints.
 */

export type Period = { from: string; to: string };

const almatyDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Almaty, `YYYY-MM-DD`. */
export function almatyToday(now: Date = new Date()): string {
  return almatyDay.format(now);
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = parts(date);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The same day `months` months later (or earlier), clamped to the month's last day, as the server counts. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(y, m, d + days);
}

/** The forms' default: the past month up to today. */
export function lastMonthPeriod(today: string): Period {
  return { from: addMonths(today, -1), to: today };
}

/** The reconciliation statement's default: the last closed month (a month is available from the 1st of the next). */
export function lastClosedMonth(today: string): Period {
  const from = addMonths(`${today.slice(0, 7)}-01`, -1);
  const [y, m] = parts(from);
  return { from, to: iso(y, m, daysInMonth(y, m)) };
}

/** The last day of the month before today's: the latest end a reconciliation statement can have. */
export function endOfLastMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1);
}
