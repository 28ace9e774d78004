import { currencyExponent } from '../../domain/currencies.js';

/**
 * Statement amounts as exact decimals. Bank files carry more decimals than a currency allows (a
 * float artefact like "100.0000000000005", five-decimal EUR), and rounding them silently would
 * hide the bank's error, so a value is scaled bigint at whatever precision the file gives.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** Parses "12.3", "+5", "-0.50", ".5"; returns undefined for anything else (commas, exponents). */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return undefined;
  const units = BigInt((whole || '0') + fraction);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

const POWERS_OF_TEN: bigint[] = [1n];

function powerOfTen(exponent: number): bigint {
  for (let i = POWERS_OF_TEN.length; i <= exponent; i += 1) POWERS_OF_TEN.push(POWERS_OF_TEN[i - 1]! * 10n);
  return POWERS_OF_TEN[exponent]!;
}

function rescale(value: Decimal, scale: number): bigint {
  return scale === value.scale ? value.units : value.units * powerOfTen(scale - value.scale);
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export const negate = (value: Decimal): Decimal => ({ units: -value.units, scale: value.scale });

export const ZERO: Decimal = { units: 0n, scale: 0 };

export function isZero(value: Decimal): boolean {
  return value.units === 0n;
}

/** Drops trailing zero decimals, so that equal values compare equal. */
function trim(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

/**
 * Formats with at least `minScale` decimals (the currency's) and more only when the value needs
 * them: "12.30", never "12.3"; "100.0000000000005" stays as it is.
 */
export function formatDecimal(value: Decimal, minScale = 0): string {
  const trimmed = trim(value);
  const scale = Math.max(trimmed.scale, minScale);
  const units = rescale(trimmed, scale);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Number of decimals the currency allows; two for codes we do not know. */
export function currencyScale(currency: string | null | undefined): number {
  return (currency ? currencyExponent(currency) : undefined) ?? 2;
}

/** True when the value carries more decimals than its currency allows. */
export function exceedsCurrency(value: Decimal, currency: string | null | undefined): boolean {
  return trim(value).scale > currencyScale(currency);
}

/** A model amount: formatted at the currency's decimals, keeping any excess precision. */
export function formatAmount(value: Decimal, currency: string | null | undefined): string {
  return formatDecimal(value, currencyScale(currency));
}
