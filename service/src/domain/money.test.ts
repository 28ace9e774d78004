import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exponentOf, formatMinor, parseMinor, storedMinor } from './money.js';
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

  it('round-trips any amount up to the largest accepted exactly', () => {
    const currencies = fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF');
    const amounts = currencies.chain((currency) => {
      const limit = 10n ** BigInt(9 + exponentOf(currency)) - 1n;
      return fc.tuple(fc.constant(currency), fc.bigInt({ min: -limit, max: limit }));
    });
    fc.assert(fc.property(amounts, ([currency, minor]) => parseMinor(formatMinor(minor, currency), currency) === minor));
  });

  it('accepts one form of amount only: digits, "." and decimals, an optional "-"', () => {
    expect(parseMinor('0012.3', 'EUR')).toBe(1230n);
    expect(parseMinor('-5', 'EUR')).toBe(-500n);
    for (const form of ['+12.00', ' 12.00', '12.00 ', '12,00', '1e3', '1 000.00', '.5', '5.', '']) {
      expect(() => parseMinor(form, 'EUR'), form).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
    }
  });

  it('refuses more than 9 digits before the decimal point, what SEPA carries', () => {
    expect(parseMinor('999999999.99', 'EUR')).toBe(99999999999n);
    expect(parseMinor('-999999999.99', 'EUR')).toBe(-99999999999n);
    expect(() => parseMinor('1000000000', 'EUR')).toThrow(expect.objectContaining({ code: 'AMOUNT_TOO_LARGE' }));
    expect(() => parseMinor('1000000000', 'JPY')).toThrow(expect.objectContaining({ code: 'AMOUNT_TOO_LARGE' }));
  });

  it('still reads stored amounts above the bound (written before it, or sums), in the same strict form', () => {
    expect(storedMinor('1234567890123.45', 'EUR')).toBe(123456789012345n);
    expect(() => storedMinor('+1.00', 'EUR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
  });
});
