import { formatAmount, parseDecimal } from '../statement/amount.js';

/**
 * SWIFT amounts use a decimal comma and may omit decimals ("1124,58", "75,", "0,"); a decimal
 * point, as some exporters write, is read the same way.
 */
export function swiftAmount(text: string, currency: string | null): string | undefined {
  if (!/^\d+([,.]\d*)?$/.test(text)) return undefined;
  const value = parseDecimal(text.replace(',', '.'));
  return value ? formatAmount(value, currency) : undefined;
}
