import { currencyExponent } from './currencies.js';
import { invalid } from './errors.js';

/**
 * Money as integer minor units (bigint) of one ISO 4217 currency. Never a binary float:
 * amounts enter and leave the system as decimal strings.
 */
export interface Money {
  readonly currency: string;
  readonly minor: bigint;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * The largest amount accepted: at most 9 digits before the decimal point, what a SEPA message
 * carries (999999999.99 in EUR), so an amount that enters can also leave in a bank file.
 */
export const MAX_AMOUNT = '999999999.99';
const MAX_WHOLE_DIGITS = 9;

export function exponentOf(currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) {
    throw invalid('CURRENCY_UNKNOWN', `"${currency}" is not an ISO 4217 currency code`, { currency });
  }
  return exponent;
}

/**
 * Parses a plain decimal string ("12.30", "-5", "0.5", "0012.3") into minor units: digits, an
 * optional "." with decimals, an optional leading "-". Spaces, a leading "+", exponents, decimal
 * commas, thousands separators, more decimals than the currency allows and more than
 * MAX_AMOUNT are refused, because each of them has meant a wrong amount somewhere.
 */
export function parseMinor(value: string, currency: string): bigint {
  const minor = storedMinor(value, currency);
  const whole = (minor < 0n ? -minor : minor) / 10n ** BigInt(exponentOf(currency));
  if (whole.toString().length > MAX_WHOLE_DIGITS) {
    throw invalid('AMOUNT_TOO_LARGE', `${value} is more than the largest amount accepted, ${MAX_AMOUNT}`, { value, max: MAX_AMOUNT });
  }
  return minor;
}

/**
 * The same form without the upper bound, for amounts already stored (written before the bound, or
 * sums): what is in the database must stay readable.
 */
export function storedMinor(value: string, currency: string): bigint {
  const exponent = exponentOf(currency);
  const match = typeof value === 'string' ? DECIMAL.exec(value) : null;
  if (!match) {
    throw invalid('AMOUNT_INVALID', `"${String(value)}" is not a decimal amount like "12.30" (digits, "." and decimals, no spaces or "+")`, { value });
  }
  const [, sign, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw invalid(
      'AMOUNT_TOO_PRECISE',
      `${value} has more decimals than ${currency} allows (${exponent})`,
      { value, currency, decimals: exponent },
    );
  }
  const minor = BigInt(whole! + significant.padEnd(exponent, '0'));
  return sign ? -minor : minor;
}

export function parseMoney(value: string, currency: string): Money {
  return { currency, minor: parseMinor(value, currency) };
}

/** Formats minor units as a decimal string with exactly the currency's number of decimals. */
export function formatMinor(minor: bigint, currency: string): string {
  const exponent = exponentOf(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export function formatMoney(money: Money): string {
  return formatMinor(money.minor, money.currency);
}

export function assertSameCurrency(a: string, b: string): void {
  if (a !== b) {
    throw invalid('CURRENCY_MISMATCH', `cannot combine ${a} with ${b}`, { currencies: [a, b] });
  }
}

export const abs = (v: bigint): bigint => (v < 0n ? -v : v);
export const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
export const sum = (values: Iterable<bigint>): bigint => {
  let total = 0n;
  for (const v of values) total += v;
  return total;
};
