import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecimals, exceedsCurrency, formatAmount, formatDecimal, parseDecimal } from './amount.js';

describe('statement amounts', () => {
  it('formats at the currency decimals', () => {
    expect(formatAmount(parseDecimal('1.5')!, 'EUR')).toBe('1.50');
    expect(formatAmount(parseDecimal('+100')!, 'EUR')).toBe('100.00');
    expect(formatAmount(parseDecimal('1200')!, 'JPY')).toBe('1200');
    expect(formatAmount(parseDecimal('.5')!, 'KWD')).toBe('0.500');
  });

  it('keeps precision beyond the currency instead of rounding it away', () => {
    const artefact = parseDecimal('100.0000000000005')!;
    expect(formatAmount(artefact, 'EUR')).toBe('100.0000000000005');
    expect(exceedsCurrency(artefact, 'EUR')).toBe(true);
    expect(exceedsCurrency(parseDecimal('8.850')!, 'EUR')).toBe(false);
  });

  it('refuses what is not a plain decimal', () => {
    for (const text of ['12,30', '1e5', '', '.', 'abc', '1.2.3', '--1']) {
      expect(parseDecimal(text), text).toBeUndefined();
    }
  });

  it('adds exactly at mixed precision', () => {
    const sum = addDecimals(parseDecimal('0.1')!, parseDecimal('0.2')!);
    expect(formatDecimal(sum, 2)).toBe('0.30');
    expect(formatDecimal(addDecimals(parseDecimal('-12.30')!, parseDecimal('112.30')!), 2)).toBe('100.00');
  });

  it('round-trips any amount in cents', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
        const text = formatDecimal({ units: cents, scale: 2 }, 2);
        expect(formatDecimal(parseDecimal(text)!, 2)).toBe(text);
      }),
    );
  });
});
