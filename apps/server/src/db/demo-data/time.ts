/**
 * Calendar helpers in Asia/Almaty: UTC+5 since 1 March 2024, UTC+6 before. Demo timestamps
 * are mostly recent; the manual's older samples (2021, 2023) need the old offset to display
 * the manual's local times.
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** 1 March 2024 00:00 at UTC+5 (the clocks went from 29 Feb 24:00 at UTC+6 to 23:00 at UTC+5). */
const OFFSET_CHANGE_UTC = Date.UTC(2024, 1, 29, 19, 0);

function offsetAt(utcMs: number): number {
  return utcMs >= OFFSET_CHANGE_UTC ? 5 * HOUR_MS : 6 * HOUR_MS;
}

/** Year and 0-based month of an instant, in Almaty. */
export function almatyYearMonth(instant: Date): { year: number; month: number } {
  const local = new Date(instant.getTime() + offsetAt(instant.getTime()));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() };
}

/** The instant of Almaty local time year-month-day hh:mm (month 0-based; overflow rolls over). */
export function almatyTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wall = Date.UTC(year, month, day, hour, minute);
  return new Date(wall - (wall - 5 * HOUR_MS >= OFFSET_CHANGE_UTC ? 5 * HOUR_MS : 6 * HOUR_MS));
}

/** The first day of the Almaty month `delta` months from the one containing `now`. */
export function monthStart(now: Date, delta: number): Date {
  const { year, month } = almatyYearMonth(now);
  return almatyTime(year, month + delta, 1);
}

/** `YYYY-MM-DD` of an instant in Almaty (for date columns). */
export function almatyDate(instant: Date): string {
  return new Date(instant.getTime() + offsetAt(instant.getTime())).toISOString().slice(0, 10);
}

/** `YYYY-MM` of an instant in Almaty. */
export function almatyMonthKey(instant: Date): string {
  return almatyDate(instant).slice(0, 7);
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
