import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  almatyToday,
  endOfLastMonth,
  isValidDate,
  lastClosedMonth,
  lastMonthPeriod,
} from './calendar';

describe('report form dates (as the server counts them)', () => {
  it('takes today in Almaty, not in UTC', () => {
    // 20:30 UTC on 31 Dec is 01:30 on 1 Jan in Almaty (UTC+5).
    expect(almatyToday(new Date('2025-12-31T20:30:00Z'))).toBe('2026-01-01');
    expect(almatyToday(new Date('2025-12-31T18:30:00Z'))).toBe('2025-12-31');
  });

  it('adds months clamping to the month’s last day, and days across months', () => {
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-11-27', -36)).toBe('2023-11-27');
    expect(addMonths('2026-01-15', -6)).toBe('2025-07-15');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('starts the forms with the past month, and the reconciliation with the last closed month', () => {
    expect(lastMonthPeriod('2026-11-27')).toEqual({ from: '2026-10-27', to: '2026-11-27' });
    expect(lastClosedMonth('2026-11-27')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastClosedMonth('2026-01-01')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(endOfLastMonth('2026-03-15')).toBe('2026-02-28');
  });

  it('knows a real calendar date', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('')).toBe(false);
    expect(isValidDate('27.11.2026')).toBe(false);
  });
});
