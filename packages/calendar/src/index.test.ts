import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  almatyDateOf,
  almatyDayStart,
  almatyLocalMs,
  almatyTime,
  almatyToday,
  firstOfMonth,
  isValidDate,
  lastOfMonth,
} from './index.js';

describe('Almaty time: UTC+5 since 1 March 2024, UTC+6 before', () => {
  it('takes today in Almaty, not in UTC', () => {
    // 20:30 UTC on 31 Dec is 01:30 on 1 Jan in Almaty (UTC+5).
    expect(almatyToday(new Date('2025-12-31T20:30:00Z'))).toBe('2026-01-01');
    expect(almatyToday(new Date('2025-12-31T18:30:00Z'))).toBe('2025-12-31');
  });

  it('changes the offset on 1 March 2024', () => {
    // 18:30 UTC on 29 Feb 2024 was 00:30 on 1 March at UTC+6; one hour later the clocks read 00:30 again (UTC+5).
    expect(almatyDateOf(new Date('2024-02-29T17:59:00Z'))).toBe('2024-02-29');
    expect(almatyDateOf(new Date('2024-02-29T18:30:00Z'))).toBe('2024-03-01');
    expect(new Date(almatyLocalMs(Date.parse('2024-02-29T18:30:00Z'))).toISOString()).toBe('2024-03-01T00:30:00.000Z');
    expect(new Date(almatyLocalMs(Date.parse('2024-02-29T19:30:00Z'))).toISOString()).toBe('2024-03-01T00:30:00.000Z');
    expect(new Date(almatyLocalMs(Date.parse('2023-06-01T10:00:00Z'))).toISOString()).toBe('2023-06-01T16:00:00.000Z');
  });

  it('turns Almaty wall-clock time into the instant, on both sides of the change', () => {
    expect(almatyTime(2026, 10, 27, 9, 15).toISOString()).toBe('2026-11-27T04:15:00.000Z');
    expect(almatyTime(2023, 0, 1).toISOString()).toBe('2022-12-31T18:00:00.000Z');
    // Month overflow rolls over: month 12 of 2025 is January 2026.
    expect(almatyTime(2025, 12, 1).toISOString()).toBe('2025-12-31T19:00:00.000Z');
    expect(almatyDayStart('2026-01-01').toISOString()).toBe('2025-12-31T19:00:00.000Z');
    expect(almatyDayStart('2024-03-01').toISOString()).toBe('2024-02-29T19:00:00.000Z');
    expect(almatyDayStart('2024-02-29').toISOString()).toBe('2024-02-28T18:00:00.000Z');
  });
});

describe('calendar dates', () => {
  it('adds months clamping to the month’s last day, and days across months and years', () => {
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-11-27', -36)).toBe('2023-11-27');
    expect(addMonths('2026-01-15', -6)).toBe('2025-07-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('knows the first and last day of a month', () => {
    expect(firstOfMonth('2026-11-27')).toBe('2026-11-01');
    expect(lastOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastOfMonth('2025-02-10')).toBe('2025-02-28');
    expect(lastOfMonth('2026-12-01')).toBe('2026-12-31');
  });

  it('knows a real calendar date', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-13-01')).toBe(false);
    expect(isValidDate('2025-04-31')).toBe(false);
    expect(isValidDate('')).toBe(false);
    expect(isValidDate('27.11.2026')).toBe(false);
  });
});
