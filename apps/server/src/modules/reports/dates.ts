/**
 * Calendar dates of reports in Asia/Almaty: `YYYY-MM-DD` strings for periods, instants for SQL.
 * Almaty is UTC+5 since 1 March 2024 and was UTC+6 before (as in db/demo-data/time.ts).
 */

const HOUR_MS = 3_600_000;
/** 1 March 2024 00:00 at UTC+5. */
const OFFSET_CHANGE_UTC = Date.UTC(2024, 1, 29, 19, 0);

/** The Almaty wall-clock milliseconds of an instant (for spreadsheet date cells). */
export function almatyLocalMs(utcMs: number): number {
  return utcMs + (utcMs >= OFFSET_CHANGE_UTC ? 5 : 6) * HOUR_MS;
}

/** `YYYY-MM-DD` of an instant in Almaty. */
export function almatyDateOf(instant: Date): string {
  return new Date(almatyLocalMs(instant.getTime())).toISOString().slice(0, 10);
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

/** The instant an Almaty calendar day starts. */
export function almatyDayStart(date: string): Date {
  const [y, m, d] = parts(date);
  const wall = Date.UTC(y, m - 1, d);
  return new Date(wall - (wall - 5 * HOUR_MS >= OFFSET_CHANGE_UTC ? 5 : 6) * HOUR_MS);
}

/** `dd.mm.yyyy`, as the manual shows dates. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** `dd.mm.yyyy hh:mm` in Almaty. */
export function formatDateTime(instant: Date): string {
  const local = new Date(almatyLocalMs(instant.getTime())).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = parts(date);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
