/**
 * Calendar helpers of the demo data in Asia/Almaty: UTC+5 since 1 March 2024, UTC+6 before (the rule is the
 * workspace package @portal/calendar's). Demo timestamps are mostly recent; the manual's older samples (2021, 2023)
 * need the old offset to display the manual's local times.
 */

import { almatyDateOf, almatyLocalMs, almatyTime } from '@portal/calendar';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Year and 0-based month of an instant, in Almaty. */
export function almatyYearMonth(instant: Date): { year: number; month: number } {
  const local = new Date(almatyLocalMs(instant.getTime()));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() };
}

/** The first day of the Almaty month `delta` months from the one containing `now`. */
export function monthStart(now: Date, delta: number): Date {
  const { year, month } = almatyYearMonth(now);
  return almatyTime(year, month + delta, 1);
}

/** `YYYY-MM` of an instant in Almaty. */
export function almatyMonthKey(instant: Date): string {
  return almatyDateOf(instant).slice(0, 7);
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
