/**
 * Calendar dates of reports in Asia/Almaty: `YYYY-MM-DD` strings for periods, instants for SQL. The arithmetic and
 * the offset rule (UTC+5 since 1 March 2024, UTC+6 before) are the workspace package @portal/calendar, which the web
 * app's forms use too; the manual's display formats are here.
 */
import { almatyLocalMs } from '@portal/calendar';

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
