import { almatyToday } from '@portal/calendar';
import { describe, expect, it } from 'vitest';
import { endOfLastMonth, lastClosedMonth, lastMonthPeriod } from './calendar';

// The arithmetic itself is tested with the package (packages/calendar/src/index.test.ts).
describe('report form dates (as the server counts them)', () => {
  it('takes today in Almaty, not in UTC', () => {
    expect(almatyToday(new Date('2025-12-31T20:30:00Z'))).toBe('2026-01-01');
  });

  it('starts the forms with the past month, and the reconciliation with the last closed month', () => {
    expect(lastMonthPeriod('2026-11-27')).toEqual({ from: '2026-10-27', to: '2026-11-27' });
    expect(lastMonthPeriod('2026-03-31')).toEqual({ from: '2026-02-28', to: '2026-03-31' });
    expect(lastClosedMonth('2026-11-27')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastClosedMonth('2026-01-01')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(lastClosedMonth('2024-03-05')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(endOfLastMonth('2026-03-15')).toBe('2026-02-28');
  });
});
