import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMinor, parseMinor } from './money.js';
import { CashError } from './errors.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as CashError).code;
  }
  return 'NO_ERROR';
};

describe('money', () => {
  it('parses decimal strings into minor units of the currency', () => {
    expect(parseMinor('12.30', 'EUR')).toBe(1230n);
    expect(parseMinor('12.3', 'EUR')).toBe(1230n);
    expect(parseMinor('-0.05', 'EUR')).toBe(-5n);
    expect(parseMinor('1500', 'JPY')).toBe(1500n);
    expect(parseMinor('1.234', 'KWD')).toBe(1234n);
    expect(parseMinor('12.300', 'EUR')).toBe(1230n);
  });

  it('refuses more decimals than the currency allows, exponents and junk', () => {
    expect(codeOf(() => parseMinor('12.345', 'EUR'))).toBe('AMOUNT_TOO_PRECISE');
    expect(codeOf(() => parseMinor('1.5', 'JPY'))).toBe('AMOUNT_TOO_PRECISE');
    expect(codeOf(() => parseMinor('1e3', 'EUR'))).toBe('AMOUNT_INVALID');
    expect(codeOf(() => parseMinor('1,000.00', 'EUR'))).toBe('AMOUNT_INVALID');
    expect(codeOf(() => parseMinor('', 'EUR'))).toBe('AMOUNT_INVALID');
    expect(codeOf(() => parseMinor('.5', 'EUR'))).toBe('AMOUNT_INVALID');
    expect(codeOf(() => parseMinor('12.30', 'EURO'))).toBe('CURRENCY_UNKNOWN');
    expect(codeOf(() => parseMinor('12.30', 'XXX'))).toBe('CURRENCY_UNKNOWN');
  });

  it('formats with exactly the currency decimals', () => {
    expect(formatMinor(1230n, 'EUR')).toBe('12.30');
    expect(formatMinor(-5n, 'EUR')).toBe('-0.05');
    expect(formatMinor(0n, 'EUR')).toBe('0.00');
    expect(formatMinor(1500n, 'JPY')).toBe('1500');
    expect(formatMinor(1234n, 'BHD')).toBe('1.234');
  });

  it('round-trips any amount exactly, far beyond float precision', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), (minor, currency) =>
        parseMinor(formatMinor(minor, currency), currency) === minor,
      ),
    );
  });
});
