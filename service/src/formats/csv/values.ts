import { formatAmount, parseDecimal, type Decimal } from '../statement/amount.js';

/**
 * Cell values of bank CSV exports: amounts with thousands separators and either decimal mark,
 * signs in front, behind or as parentheses; dates in day/month/year, month/day/year or ISO order,
 * with or without a time.
 */
/** Digits grouped by thousands, or not grouped at all, then the decimals. */
const POINT_DECIMAL = /^\d{1,3}(,\d{3})*(\.\d*)?$|^\d*(\.\d*)?$/;
const COMMA_DECIMAL = /^\d{1,3}(\.\d{3})*(,\d*)?$|^\d*(,\d*)?$/;

export function parseCsvAmount(text: string, decimalSeparator: '.' | ','): Decimal | undefined {
  let value = text.replace(/[\s\u00a0\u202f']/g, '');
  if (value === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true;
    value = value.slice(1, -1);
  }
  if (value.endsWith('-')) {
    negative = !negative;
    value = value.slice(0, -1);
  }
  if (value.startsWith('-')) {
    negative = !negative;
    value = value.slice(1);
  } else if (value.startsWith('+')) {
    value = value.slice(1);
  }
  const thousands = decimalSeparator === '.' ? ',' : '.';
  if (!(decimalSeparator === '.' ? POINT_DECIMAL : COMMA_DECIMAL).test(value)) return undefined;
  const plain = value.split(thousands).join('').replace(decimalSeparator, '.');
  const parsed = parseDecimal(plain);
  if (!parsed) return undefined;
  return negative ? { units: -parsed.units, scale: parsed.scale } : parsed;
}

export function formatCsvAmount(value: Decimal, currency: string | null): string {
  const unsigned = value.units < 0n ? { units: -value.units, scale: value.scale } : value;
  return formatAmount(unsigned, currency);
}

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

const DATE = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})(?:$|[ T])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|[ T])/;

/** The numeric parts of a date cell (compact "20261201" as year, month, day), or undefined. */
function dateParts(text: string): [number, number, number] | undefined {
  const match = DATE.exec(text.trim()) ?? COMPACT.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Decides day/month order from the values: a first part above 12 is a day, a second one too. */
export function detectDateOrder(values: string[], fallback: 'DMY' | 'MDY'): DateOrder {
  for (const value of values) {
    const parts = dateParts(value);
    if (!parts) continue;
    if (parts[0] > 31) return 'YMD';
    if (parts[0] > 12) return 'DMY';
    if (parts[1] > 12) return 'MDY';
  }
  return fallback;
}

export function parseCsvDate(text: string, order: DateOrder): string | undefined {
  const parts = dateParts(text);
  if (!parts) return undefined;
  const [a, b, c] = parts;
  const yearFirst = order === 'YMD' || a > 31;
  let [year, month, day] = yearFirst ? [a, b, c] : order === 'DMY' ? [c, b, a] : [c, a, b];
  if (year < 100) year += 2000;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
