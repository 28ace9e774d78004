import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  easterSunday,
  isTarget2BusinessDay,
  nextBusinessDay,
  parseIsoDate,
  toIsoDate,
} from './target2-calendar.js';

const day = (iso: string): Date => parseIsoDate(iso)!;

describe('TARGET2 calendar', () => {
  it('computes Easter Sunday for known years, including the earliest and latest possible dates', () => {
    const known = { 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2038: '2038-04-25', 2285: '2285-03-22', 1943: '1943-04-25' };
    for (const [year, easter] of Object.entries(known)) expect(toIsoDate(easterSunday(Number(year)))).toBe(easter);
  });

  it('closes on Good Friday and Easter Monday, 1 January, 1 May, 25 and 26 December and weekends', () => {
    for (const closed of ['2026-04-03', '2026-04-06', '2026-01-01', '2026-05-01', '2026-12-25', '2025-12-26', '2026-11-28', '2026-11-29']) {
      expect(isTarget2BusinessDay(day(closed))).toBe(false);
    }
    for (const open of ['2026-04-02', '2026-04-07', '2026-01-02', '2026-10-05', '2026-12-24', '2026-12-31']) {
      expect(isTarget2BusinessDay(day(open))).toBe(true);
    }
  });

  it('finds the next business day over Easter and over Christmas', () => {
    expect(toIsoDate(nextBusinessDay(day('2026-04-02')))).toBe('2026-04-07');
    expect(toIsoDate(nextBusinessDay(day('2025-12-24')))).toBe('2025-12-29');
    expect(toIsoDate(addBusinessDays(day('2026-11-27'), 2))).toBe('2026-12-01');
  });

  it('never lands on a closed day and never skips more than five calendar days', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const start = day(toIsoDate(date));
        const next = nextBusinessDay(start);
        expect(isTarget2BusinessDay(next)).toBe(true);
        const gap = (next.getTime() - start.getTime()) / 86_400_000;
        expect(gap).toBeGreaterThanOrEqual(1);
        expect(gap).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('refuses dates that do not exist', () => {
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2028-02-29')).toBeDefined();
    expect(parseIsoDate('26-12-03')).toBeUndefined();
  });
});
