/**
 * Calendar dates and Asia/Almaty time, one definition for the server (report periods, documents, demo data) and the
 * web app (form defaults and hints). Dates are `YYYY-MM-DD` strings, counted in whole days without a time zone;
 * instants become Almaty wall-clock time by a fixed rule: UTC+5 since 1 March 2024, UTC+6 before (spec/domain.md).
 * Plain arithmetic, no Intl: the same answer in Node and in every browser, and nothing to load on a page's first
 * render.
 */

const HOUR_MS = 3_600_000;
/** 1 March 2024 00:00 at UTC+5 (the clocks went from 29 Feb 24:00 at UTC+6 to 23:00 at UTC+5). */
const OFFSET_CHANGE_UTC = Date.UTC(2024, 1, 29, 19, 0);

export type Period = { from: string; to: string };

/** Almaty's offset from UTC, in milliseconds, at an instant. */
export function almatyOffsetMs(utcMs: number): number {
  return (utcMs >= OFFSET_CHANGE_UTC ? 5 : 6) * HOUR_MS;
}

/** The Almaty wall-clock milliseconds of an instant (read them back with the getUTC… methods). */
export function almatyLocalMs(utcMs: number): number {
  return utcMs + almatyOffsetMs(utcMs);
}

/** `YYYY-MM-DD` of an instant in Almaty. */
export function almatyDateOf(instant: Date): string {
  return new Date(almatyLocalMs(instant.getTime())).toISOString().slice(0, 10);
}

/** Today in Almaty, `YYYY-MM-DD`. */
export function almatyToday(now: Date = new Date()): string {
  return almatyDateOf(now);
}

/** The instant of Almaty wall-clock time year-month-day hh:mm (month 0-based; overflow rolls over). */
export function almatyTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wall = Date.UTC(year, month, day, hour, minute);
  return new Date(wall - (wall - 5 * HOUR_MS >= OFFSET_CHANGE_UTC ? 5 : 6) * HOUR_MS);
}

/** The instant an Almaty calendar day starts. */
export function almatyDayStart(date: string): Date {
  const [y, m, d] = parts(date);
  return almatyTime(y, m - 1, d);
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

/** A real calendar date written `YYYY-MM-DD` (not 2025-02-30). */
export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = parts(date);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The same day `months` months later (or earlier), clamped to the month's last day (31 Mar − 1 month = 28/29 Feb). */
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

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function lastOfMonth(date: string): string {
  const [y, m] = parts(date);
  return iso(y, m, daysInMonth(y, m));
}
