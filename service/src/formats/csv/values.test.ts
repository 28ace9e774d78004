import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../statement/amount.js';
import { detectDateOrder, parseCsvAmount, parseCsvDate } from './values.js';

const amount = (text: string, separator: '.' | ',') => {
  const value = parseCsvAmount(text, separator);
  return value ? formatDecimal(value) : undefined;
};

describe('CSV cell values', () => {
  it.each([
    ['1,525.00', '.', '1525'],
    ['-1,058.09', '.', '-1058.09'],
    ['4.626,81', ',', '4626.81'],
    ['-1,78', ',', '-1.78'],
    ["1'234.50", '.', '1234.5'],
    ['(12.30)', '.', '-12.3'],
    ['12,30-', ',', '-12.3'],
    ['+5', '.', '5'],
    ['100.0000000000005', '.', '100.0000000000005'],
  ] as const)('reads %s with decimal mark %s', (text, separator, expected) => {
    expect(amount(text, separator)).toBe(expected);
  });

  it.each([['12.3.4'], ['1,52,5.00'], ['abc'], ['1e5'], ['']])('refuses %s', (text) => {
    expect(parseCsvAmount(text, '.')).toBeUndefined();
  });

  it('reads dates in every order, with times and two-digit years', () => {
    expect(parseCsvDate('29/12/2015', 'DMY')).toBe('2015-12-29');
    expect(parseCsvDate('9/25/2018', 'MDY')).toBe('2018-09-25');
    expect(parseCsvDate('2021-01-06 23:50:00', 'YMD')).toBe('2021-01-06');
    expect(parseCsvDate('01.12.26', 'DMY')).toBe('2026-12-01');
    expect(parseCsvDate('20261201', 'DMY')).toBe('2026-12-01');
    expect(parseCsvDate('2026-12-01', 'MDY')).toBe('2026-12-01');
    expect(parseCsvDate('30.02.2026', 'DMY')).toBeUndefined();
    expect(parseCsvDate('yesterday', 'DMY')).toBeUndefined();
  });

  it('tells day/month order from a day above 12, else takes the fallback', () => {
    expect(detectDateOrder(['01/02/2026', '29/12/2015'], 'MDY')).toBe('DMY');
    expect(detectDateOrder(['9/4/2018', '9/25/2018'], 'DMY')).toBe('MDY');
    expect(detectDateOrder(['2/1/2020', '3/1/2020'], 'DMY')).toBe('DMY');
    expect(detectDateOrder(['2026-12-01'], 'DMY')).toBe('YMD');
  });
});
